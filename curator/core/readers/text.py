"""Plain text files in any encoding curator reads (detected from the bytes)."""

from __future__ import annotations

from pathlib import Path

from curator.core.encoding import decode
from curator.core.readers.limits import read_bounded
from curator.core.records import RawRecord


def read_text(path: Path) -> list[RawRecord]:
    text, _encoding = decode(read_bounded(path))
    return [RawRecord(text=text)]
