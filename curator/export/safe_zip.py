"""Checking a workbook someone sent back before any XML parser sees it.

An .xlsx is a zip of XML files. A small file can inflate to gigabytes, or hold one huge
XML token that keeps expat busy for minutes (CVE-2023-52425; defusedxml does not stop
that). The zip's own directory tells the sizes, and zipfile never inflates a member past
its declared size, so checking the directory first bounds everything the parser reads.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path


class UnsafeWorkbook(ValueError):
    """The file is not a workbook curator will open, and why."""


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 2_000
    max_total: int = 512 * 1024 * 1024  # unpacked bytes, all members together
    max_ratio: float = 100.0  # unpacked / packed, per member and for the whole file
    ratio_floor: int = 1024 * 1024  # members smaller than this unpacked are too small to matter


def check_zip(path: str | Path, limits: ZipLimits = ZipLimits()) -> None:
    """Raise UnsafeWorkbook unless path is a zip within limits; read only its directory."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise UnsafeWorkbook(f"{path.name} is not an Excel workbook (.xlsx); save it as .xlsx and try again") from None
    except (NotImplementedError, EOFError, ValueError) as exc:  # a damaged directory
        raise UnsafeWorkbook(f"{path.name}: the file is damaged ({exc}); save it again as .xlsx") from None
    except OSError as exc:
        raise UnsafeWorkbook(f"{path.name}: cannot read it ({exc.strerror or exc})") from None
    if len(members) > limits.max_members:
        raise UnsafeWorkbook(f"{path.name} holds {len(members)} files; a workbook has far fewer")
    total = packed = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise UnsafeWorkbook(f"{path.name} is encrypted; remove the password and try again")
        total += member.file_size
        packed += member.compress_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= limits.ratio_floor and ratio > limits.max_ratio:
            raise UnsafeWorkbook(
                f"{path.name}: {member.filename} inflates {ratio:.0f} times (limit {limits.max_ratio:.0f}); not opened"
            )
    if total > limits.max_total:
        raise UnsafeWorkbook(f"{path.name} unpacks to {total / 1048576:.0f} MB (limit {limits.max_total / 1048576:.0f} MB)")
    if total >= limits.ratio_floor and total / max(packed, 1) > limits.max_ratio:
        raise UnsafeWorkbook(f"{path.name} inflates {total / max(packed, 1):.0f} times (limit {limits.max_ratio:.0f}); not opened")
