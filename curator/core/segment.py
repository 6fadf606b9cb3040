"""Snapping a selection to word boundaries (jieba) and to enclosing quote marks.

Offsets are code points into text, end exclusive. jieba is imported on first use and
initialised by `warm_up()`, which the window calls in a background thread after its
first paint (initialisation takes about a second).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

WORD_REACH = 48  # characters of context tokenised on each side of the selection
QUOTE_REACH = 120  # a quote longer than this is not snapped to
QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_CLOSERS = {close: open_ for open_, close in QUOTE_PAIRS.items()}

Tokenizer = Callable[[str], Iterable[tuple[str, int, int]]]

_ready = threading.Event()
_init_lock = threading.Lock()


def warm_up() -> None:
    """Load jieba's dictionary (about a second); safe to call from any thread, more than once."""
    with _init_lock:
        if _ready.is_set():
            return
        from curator.core.jieba_loader import initialize

        initialize()
        _ready.set()


def words_ready() -> bool:
    return _ready.is_set()


def jieba_tokens(text: str) -> Iterable[tuple[str, int, int]]:
    warm_up()
    import jieba

    return jieba.tokenize(text, HMM=False)


def snap_to_words(text: str, start: int, end: int, *, tokenize: Tokenizer | None = None) -> tuple[int, int]:
    """Widen [start, end) so that it neither begins nor ends inside a word.

    Only the line around the selection (at most WORD_REACH characters each side) is
    tokenised; whitespace at the edges of the selection is dropped first.
    """
    if not 0 <= start < end <= len(text):
        return start, end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    left = max(text.rfind("\n", 0, start) + 1, start - WORD_REACH)
    right_break = text.find("\n", end)
    right = min(len(text) if right_break < 0 else right_break, end + WORD_REACH)
    new_start, new_end = start, end
    for _word, token_start, token_end in (tokenize or jieba_tokens)(text[left:right]):
        token_start += left
        token_end += left
        if token_start < start < token_end:
            new_start = token_start
        if token_start < end < token_end:
            new_end = token_end
    return new_start, new_end


def snap_to_quotes(text: str, start: int, end: int, *, reach: int = QUOTE_REACH) -> tuple[int, int]:
    """The innermost quote (“…”, 《…》, 「…」, 『…』) that encloses [start, end), marks included.

    A selection that is not inside one quote on one line comes back unchanged.
    """
    if not 0 <= start < end <= len(text):
        return start, end
    open_at = _opening_before(text, start, end, reach)
    if open_at is None:
        return start, end
    close = QUOTE_PAIRS[text[open_at]]
    close_at = _closing_after(text, open_at, close, max(end - 1, open_at + 1), reach)
    if close_at is None:
        return start, end
    return open_at, close_at + 1


def _opening_before(text: str, start: int, end: int, reach: int) -> int | None:
    """The nearest unclosed opening mark at or before the selection's start (or its first char)."""
    depth: dict[str, int] = {}
    lowest = max(0, start - reach)
    # a selection that itself begins with an opening mark is enclosed by that mark
    if text[start] in QUOTE_PAIRS and _closing_after(text, start, QUOTE_PAIRS[text[start]], end - 1, reach) is not None:
        return start
    for i in range(start - 1, lowest - 1, -1):
        ch = text[i]
        if ch == "\n":
            return None
        if ch in _CLOSERS:
            depth[_CLOSERS[ch]] = depth.get(_CLOSERS[ch], 0) + 1
        elif ch in QUOTE_PAIRS:
            if depth.get(ch, 0):
                depth[ch] -= 1
            else:
                return i
    return None


def _closing_after(text: str, open_at: int, close: str, last: int, reach: int) -> int | None:
    """Index of the mark closing text[open_at], if it lies at or after last on the same line."""
    opening = text[open_at]
    depth = 0
    for i in range(open_at + 1, min(len(text), open_at + reach + 1)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch == opening and opening != close:
            depth += 1
        elif ch == close:
            if depth:
                depth -= 1
            else:
                return i if i >= last else None
    return None


def snap(text: str, start: int, end: int, *, words: bool, quotes: bool,
         tokenize: Tokenizer | None = None) -> tuple[int, int]:
    """Word snapping first, then widening to an enclosing quote."""
    if words:
        start, end = snap_to_words(text, start, end, tokenize=tokenize)
    if quotes:
        start, end = snap_to_quotes(text, start, end)
    return start, end
