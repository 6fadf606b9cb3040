"""Text without OCR whitespace, with the way back to the original offsets.

OCR and newspaper columns break lines inside names (嘉\\n\\n峪关, 格尔木市文明交通志\\n\\n愿者协会);
name rules run on the squeezed text and map their spans back, so the span covers the break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Squeezed", "squeeze"]

_SPACE = re.compile(r"[ \t\r\n\u3000\xa0]+")


@dataclass(frozen=True)
class Squeezed:
    text: str
    cuts: tuple[int, ...]  # squeezed offsets where whitespace was removed, ascending
    shifts: tuple[int, ...]  # characters removed before each cut, in all

    def origin(self, pos: int) -> int:
        """The original offset of squeezed character pos."""
        i = bisect_right(self.cuts, pos) - 1
        return pos + (self.shifts[i] if i >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin(start), self.origin(end - 1) + 1


@lru_cache(maxsize=4)
def squeeze(text: str) -> Squeezed:
    cuts, shifts, removed = [], [], 0
    for m in _SPACE.finditer(text):
        removed += m.end() - m.start()
        cuts.append(m.end() - removed)
        shifts.append(removed)
    return Squeezed(_SPACE.sub("", text) if cuts else text, tuple(cuts), tuple(shifts))
