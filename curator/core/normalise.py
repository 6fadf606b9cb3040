"""Normalising an article's text once, on import, and moving offsets with it.

A stored text has no byte-order mark, only "\\n" line ends and is in Unicode NFC. Files
that bring offsets with their text (JSONL, Label Studio, doccano) count them in the text
as it was; `normalise_with_map` returns the new text and a PositionMap that moves every
old position to the new one. A position that falls inside characters NFC combines into
one (an "e" and its combining accent) has no new position: the map refuses it.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right

__all__ = ["normalise", "normalise_with_map", "PositionMap", "SplitCharacter"]

# Before one of these no character can be combined with what precedes it by NFC: ASCII,
# CJK ideographs and CJK/full-width punctuation are never the second part of a composition.
_SAFE_START = re.compile(r"[\x00-\x7f\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


class SplitCharacter(ValueError):
    """An offset falls inside a character sequence that normalisation combines into one."""


def normalise(text: str) -> str:
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


class _Stage:
    """One step's breakpoints: from old position old_at[k] on, positions move by the same shift;
    positions inside an NFC-combined sequence are in `split`, as (first, last) ranges."""

    def __init__(self, old_at: array, new_at: array, split: list[tuple[int, int]]) -> None:
        self.old_at, self.new_at, self.split = old_at, new_at, split

    def __call__(self, position: int) -> int:
        i = bisect_right(self.split, (position, float("inf"))) - 1
        if i >= 0 and self.split[i][0] <= position <= self.split[i][1]:
            raise SplitCharacter(f"position {position} falls inside characters that Unicode normalisation combines")
        k = bisect_right(self.old_at, position) - 1
        return self.new_at[k] + (position - self.old_at[k])


class PositionMap:
    """Old code-point positions -> new ones, for a text that normalise() changed."""

    def __init__(self, length: int, stages: tuple[_Stage, ...] = ()) -> None:
        self.length = length  # of the old text
        self._stages = stages

    @property
    def identity(self) -> bool:
        return not self._stages

    def __call__(self, position: int) -> int:
        if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= self.length:
            raise ValueError(f"position {position!r} is outside the text ({self.length} characters)")
        for stage in self._stages:
            position = stage(position)
        return position


class _Builder:
    """Collects breakpoints while text is copied piece by piece."""

    def __init__(self) -> None:
        self.old_at = array("q", [0])
        self.new_at = array("q", [0])
        self.split: list[tuple[int, int]] = []

    def mark(self, old: int, new: int) -> None:
        if self.old_at[-1] == old:
            self.new_at[-1] = new
            return
        if new - old != self.new_at[-1] - self.old_at[-1]:
            self.old_at.append(old)
            self.new_at.append(new)


def _line_ends(text: str, builder: _Builder) -> str:
    """Strip a leading BOM and turn \\r\\n and \\r into \\n, noting how positions move."""
    pieces: list[str] = []
    old = new = 0
    if text.startswith("\ufeff"):
        old = 1
        builder.mark(1, 0)
    for m in re.finditer("\r\n?", text):
        pieces.append(text[old:m.start()])
        new += m.start() - old
        pieces.append("\n")
        if m.end() - m.start() == 2:  # "\r\n": the \r goes; a position between the two lands before \n
            builder.mark(m.start(), new)
            builder.mark(m.start() + 1, new)
            builder.mark(m.end(), new + 1)
        new += 1
        old = m.end()
    pieces.append(text[old:])
    return "".join(pieces)


def _compose(text: str, builder: _Builder) -> str:
    """NFC line by line, and within a line run by run between safe starts; a position inside a
    run that NFC changed has no new position."""
    if unicodedata.is_normalized("NFC", text):
        return text
    pieces: list[str] = []
    old = new = 0
    for line in text.split("\n"):
        if unicodedata.is_normalized("NFC", line):
            pieces.append(line)
            new += len(line)
        else:
            new = _compose_line(line, old, new, pieces, builder)
        pieces.append("\n")
        old += len(line) + 1
        new += 1
    pieces.pop()
    return "".join(pieces)


def _compose_line(line: str, old: int, new: int, pieces: list[str], builder: _Builder) -> int:
    starts = [0] + [m.start() for m in _SAFE_START.finditer(line) if m.start()] + [len(line)]
    for first, last in zip(starts, starts[1:]):
        run = line[first:last]
        if not unicodedata.is_normalized("NFC", run):  # one character may change alone (豈 U+F900 -> U+8C48)
            composed = unicodedata.normalize("NFC", run)
            builder.mark(old + first, new)
            builder.split.append((old + first + 1, old + last - 1))
            builder.mark(old + last, new + len(composed))
            pieces.append(composed)
            new += len(composed)
        else:
            pieces.append(run)
            new += len(run)
    return new


def normalise_with_map(text: str) -> tuple[str, PositionMap]:
    """normalise(text), and how positions in text move into it."""
    if not text.startswith("\ufeff") and "\r" not in text and unicodedata.is_normalized("NFC", text):
        return text, PositionMap(len(text))
    ends = _Builder()
    stage = _line_ends(text, ends)
    nfc = _Builder()
    result = _compose(stage, nfc)
    stages = tuple(_Stage(b.old_at, b.new_at, b.split) for b in (ends, nfc) if len(b.old_at) > 1 or b.split)
    return result, PositionMap(len(text), stages)
