"""What a reader of an input format gives back, before curator normalises it.

Readers (plain text, Word, web pages, PDF, JSONL, Label Studio, doccano) return
RawRecords: the text exactly as the file has it and, for annotated formats, spans whose
offsets are code points into that raw text. One function (curator.core.importing) then
normalises the text and maps every offset through the same normalisation, so no reader
ever applies old offsets to a changed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawSpan:
    """A span as the file gives it: [start, end) code points into RawRecord.text."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)  # id, origin, annotator, created, value...


@dataclass(frozen=True)
class RawRecord:
    """One document as read from a file, not yet normalised."""

    text: str
    title: str = ""
    source: str = ""
    published: str = ""
    place: str = ""
    status: str = ""
    spans: tuple[RawSpan, ...] = ()
    initiatives: tuple[dict[str, Any], ...] = ()
    figures: tuple[dict[str, Any], ...] = ()
    line: int = 0  # line number in a JSONL file (or item number in a JSON list), 0 for a whole file
