"""Quoted names and book titles: where numbers are part of a name, not a figure."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Quote", "find_quotes", "find_titles", "Regions"]

# Inner text of a quote; OCR line breaks may fall inside it (“8 小时工作\n\n制…”).
QUOTE_RE = re.compile(r"“([^“”]{1,60})”|「([^「」]{1,60})」|『([^『』]{1,60})』|\"([^\"\n]{1,40})\"")
TITLE_RE = re.compile(r"《([^《》]{1,100})》")
_SENTENCE_PUNCT = re.compile(r"[，。！？；：,!?;:]")
_NAME_MAX = 30
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Quote:
    start: int  # of the inner text, without the quote marks
    end: int
    text: str

    @property
    def is_name(self) -> bool:
        """A short quote without sentence punctuation names something; a longer one is speech."""
        return len(_SPACES.sub("", self.text)) <= _NAME_MAX and not _SENTENCE_PUNCT.search(self.text)


@lru_cache(maxsize=2)  # figures and initiatives both need them; suggest() forgets them after each call
def find_quotes(text: str) -> tuple[Quote, ...]:
    quotes = []
    for m in QUOTE_RE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        quotes.append(Quote(m.start(group), m.end(group), m.group(group)))
    return tuple(quotes)


@lru_cache(maxsize=2)
def find_titles(text: str) -> tuple[Quote, ...]:
    return tuple(Quote(m.start(1), m.end(1), m.group(1)) for m in TITLE_RE.finditer(text))


class Regions:
    """Sorted, non-overlapping (start, end) regions with a fast containment test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def contains(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]
