"""The evidence for a fact: the whole sentence around its span, with the span marked 【】."""

from __future__ import annotations

from collections.abc import Sequence

SENTENCE_ENDS = frozenset("。！？；!?;\n")
OPEN, CLOSE = "【", "】"
MAX_SENTENCE = 400  # a page without punctuation is not a sentence: keep this much either side at most


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(first, last) code points of the sentence(s) holding text[start:end], end exclusive.

    Sentences end after 。！？； (and their ASCII forms) or at a line break, which ends a
    heading or a paragraph; the end mark stays with its sentence, the line break does not.
    """
    first = start
    while first > 0 and text[first - 1] not in SENTENCE_ENDS and start - first < MAX_SENTENCE:
        first -= 1
    last = end
    while last < len(text) and text[last - 1:last] not in SENTENCE_ENDS and last - end < MAX_SENTENCE:
        if text[last] == "\n":
            break
        last += 1
    while first < start and text[first].isspace():
        first += 1
    return first, last


def evidence_sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] with the span between 【 and 】."""
    return evidence_for(text, [(start, end)])


def evidence_for(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Evidence for a fact citing several spans: each span's sentence, marked, in text order, once each."""
    pieces: list[str] = []
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(spans):
        if not 0 <= start < end <= len(text):
            continue
        first, last = sentence_bounds(text, start, end)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        marks = sorted((s, e) for s, e in spans if first <= s and e <= last)
        pieces.append(_marked(text, first, last, marks))
    return " … ".join(pieces)


def _marked(text: str, first: int, last: int, marks: Sequence[tuple[int, int]]) -> str:
    out, at = [], first
    for start, end in marks:
        if start < at:  # overlapping spans: mark the first only
            continue
        out += [text[at:start], OPEN, text[start:end], CLOSE]
        at = end
    out.append(text[at:last])
    return "".join(out).strip()
