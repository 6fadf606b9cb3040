"""Character features for the learned suggester: the character and its neighbours, its type,
the jieba word it sits in (position B/I/E/S, length, dictionary tag), whether it is inside
quote marks, a 《》 title or an administrative division name, and what the rules suggest there."""

from __future__ import annotations

from curator.core.suggest.lexicon import fast_cut, word_tag
from curator.core.suggest.places import find_places
from curator.core.suggest.quotes import find_quotes, find_titles

__all__ = ["char_features", "rule_marks"]


def _kinds(text: str) -> str:
    """One letter per character: h(an), d(igit), a(scii letter), s(pace), p(unctuation and the rest)."""
    return "".join(
        "s" if ch.isspace() else "d" if ch.isdigit() else "h" if "\u4e00" <= ch <= "\u9fff"
        else "a" if ch.isascii() and ch.isalpha() else "p"
        for ch in text
    )


def _word_features(text: str) -> list[tuple[str, str, str]]:
    """Per character: (B/I/E/S in its word, word length bucket, dictionary tag)."""
    out: list[tuple[str, str, str]] = []
    for word in fast_cut(text, longest=4):
        tag = word_tag(word) or "?"
        size = str(min(len(word), 4))
        if len(word) == 1:
            out.append(("S", size, tag))
        else:
            out.append(("B", size, tag))
            out.extend(("I", size, tag) for _ in range(len(word) - 2))
            out.append(("E", size, tag))
    return out


def rule_marks(text: str) -> list[list[str]]:
    """Per character: what the rules suggest there (orgB, placeI …), so the model learns where the
    annotator agrees with them and where not."""
    from curator.core.suggest import suggest

    marks: list[list[str]] = [[] for _ in text]
    for s in suggest(text):
        marks[s.start].append("r=" + s.label + "B")
        for i in range(s.start + 1, s.end):
            marks[i].append("r=" + s.label + "I")
    return marks


def _inside(size: int, regions: list[tuple[int, int]]) -> list[bool]:
    marks = [False] * size
    for start, end in regions:
        for i in range(start, min(end, size)):
            marks[i] = True
    return marks


def char_features(text: str, rules: list[list[str]] | None = None) -> list[list[str]]:
    """One list of feature strings per character of text; rules: rule_marks of text, if known."""
    n = len(text)
    words = _word_features(text)
    quoted = _inside(n, [(q.start, q.end) for q in find_quotes(text)])
    titled = _inside(n, [(t.start, t.end) for t in find_titles(text)])
    placed = _inside(n, find_places(text))
    rules = rules if rules is not None else rule_marks(text)
    padded = "\x02\x02" + text + "\x03\x03"
    kinds = "pp" + _kinds(text) + "pp"  # padded like the text: kinds[i + 1:i + 4] = previous, this, next
    feats = []
    for i in range(n):
        c = padded[i + 2]
        p1, n1 = padded[i + 1], padded[i + 3]
        pos, size, tag = words[i]
        row = [  # a window of one character each side: wider ones cost training time and gained nothing
            "c=" + c, "p1=" + p1, "n1=" + n1, "p1c=" + p1 + c, "cn1=" + c + n1,
            "k=" + kinds[i + 1:i + 4],
            "w=" + pos + size, "t=" + tag, "wt=" + pos + tag, *rules[i],
        ]
        if quoted[i]:
            row.append("q")
        if titled[i]:
            row.append("b")
        if placed[i]:
            row.append("pl")
        feats.append(row)
    return feats
