"""Text without OCR whitespace, with the way back to the original offsets.

OCR and newspaper columns break lines inside names (嘉\\n\\n峪关, 格尔木市文明交通志\\n\\n愿者协会);
name rules run on the squeezed text and map their spans back, so the span covers the break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Squeezed", "squeeze"]

_SPACE = re.compile(r"[ \t\r\n\u3000\xa0]+")


@dataclass(frozen=True)
class Squeezed:
    text: str
    origin: tuple[int, ...] | None  # origin[i]: offset in the original text of squeezed char i; None: no change

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=4)
def squeeze(text: str) -> Squeezed:
    if not _SPACE.search(text):
        return Squeezed(text, None)
    parts, origin, pos = [], [], 0
    for m in _SPACE.finditer(text):
        parts.append(text[pos:m.start()])
        origin.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return Squeezed("".join(parts), tuple(origin))
