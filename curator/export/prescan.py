"""Checking an XML part of a workbook as bytes, before any parser sees it.

No DTD, comment, CDATA or processing instruction (Excel writes none; they are where entity
expansion and unbounded tokens hide); no stretch longer than max_token without a '<' (so no
XML token is longer: expat 2.5 is quadratic in a token's length); no row numbered past Excel's
last row; at most max_rows rows and a bounded number of tags per row. One pass, in blocks, at
the speed of bytes.find: a 100 MB part takes well under a second and no memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

from curator.export.safe_zip import UnsafeWorkbook


@dataclass(frozen=True)
class ReadLimits:
    max_rows: int = 200_000  # rows per sheet; twice the largest project curator is measured with
    max_row_number: int = 1_048_576  # Excel's last row
    max_token: int = 1024 * 1024  # bytes without a '<' (a cell holds 32,767 characters, ~100 KB)
    max_tags_per_row: int = 100  # '<' per row on average (a row of 14 cells needs about 60)


BLOCK = 64 * 1024  # bytes read at a time
_LONG_REF = re.compile(rb'r="[A-Z]{0,3}([0-9]{7,})"')  # r="2000000000" or r="A2000000000": 7 digits or more


def prescan(stream: BinaryIO, name: str, limits: ReadLimits, *, sheet: bool = True) -> int:
    """Check an XML part as bytes before any parser sees it; return how many rows it holds."""
    size = min(BLOCK, limits.max_token)  # a gap inside one block is shorter than max_token
    rows = tags = 0
    tail = b""
    since = 0  # bytes since the last '<', carried across blocks
    first = True
    while block := stream.read(size):
        joined = tail + block
        checked = joined
        if first and 0 <= joined.find(b"<?") <= 3:  # the XML declaration (after a BOM at most)
            checked = joined[joined.find(b"<?") + 2:]
        if b"<!" in checked:
            raise UnsafeWorkbook(f"{name} holds a DTD, comment or CDATA section, which Excel never writes; not opened")
        if b"<?" in checked:
            raise UnsafeWorkbook(f"{name} holds a processing instruction, which Excel never writes; not opened")
        opening = block.find(b"<")
        since = since + len(block) if opening < 0 else since + opening
        if since >= limits.max_token:
            raise UnsafeWorkbook(f"{name} holds one XML item over {limits.max_token // 1024:,} KB; not opened")
        if opening >= 0:
            since = len(block) - block.rfind(b"<") - 1
        for found in _LONG_REF.finditer(joined) if sheet else ():  # a row (or cell) past Excel's last row
            if joined[found.start() - 1:found.start()].isspace() and int(found.group(1)) > limits.max_row_number:
                raise UnsafeWorkbook(f"{name}: row number {found.group(1)[:20].decode()} is outside an Excel sheet "
                                     f"(1-{limits.max_row_number:,}); not opened")
        rows += _count(joined, tail, b"<row") + _count(joined, tail, b":row")
        tags += block.count(b"<")
        if rows > limits.max_rows:
            raise UnsafeWorkbook(f"{name} has more than {limits.max_rows:,} rows; split it and try again")
        tail, first = joined[-40:], False
    most = max(rows, 1) * limits.max_tags_per_row if sheet else limits.max_rows * 20  # strings: a few per row
    if tags > most + 10_000:
        raise UnsafeWorkbook(f"{name} holds {tags:,} XML items in {rows:,} rows, far more than a curator export; not opened")
    return rows


def _count(joined: bytes, tail: bytes, needle: bytes) -> int:
    """Occurrences that end in the new block (those inside the tail were counted before)."""
    return joined.count(needle) - tail.count(needle)
