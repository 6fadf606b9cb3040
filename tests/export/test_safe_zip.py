"""Each limit of the zip check, alone: the others are set so loose that only the one tested can refuse."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from curator.export.safe_zip import UnsafeWorkbook, ZipLimits, check_zip

LOOSE = dict(max_members=10**6, max_total=2**50, max_ratio=1e12, ratio_floor=0)
MB = 1024 * 1024


def make_zip(path: Path, members: dict[str, bytes], *, encrypted: set[str] = frozenset()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(path.read_bytes())
    for name in encrypted:  # set the "encrypted" bit in the central directory, as a password-protected zip has it
        at = 0
        while True:
            at = data.index(b"PK\x01\x02", at)
            if data[at + 46:at + 46 + len(name)] == name.encode():
                data[at + 8] |= 0x1
                break
            at += 4
    path.write_bytes(bytes(data))
    return path


def limits(**only) -> ZipLimits:
    return ZipLimits(**{**LOOSE, **only})


def test_too_many_members_alone(tmp_path: Path):
    path = make_zip(tmp_path / "a.xlsx", {f"m{i}": b"x" for i in range(6)})
    check_zip(path, limits(max_members=6))
    with pytest.raises(UnsafeWorkbook, match="holds 6 files"):
        check_zip(path, limits(max_members=5))


def test_total_unpacked_size_alone(tmp_path: Path):
    path = make_zip(tmp_path / "a.xlsx", {"a": os.urandom(MB), "b": os.urandom(MB)})  # incompressible: ratio ~1
    check_zip(path, limits(max_total=2 * MB))
    with pytest.raises(UnsafeWorkbook, match="unpacks to 2 MB"):
        check_zip(path, limits(max_total=2 * MB - 1))


def test_ratio_of_one_member_alone(tmp_path: Path):
    """One member inflates 1000 times; the whole file does not, thanks to a large incompressible member."""
    path = make_zip(tmp_path / "a.xlsx", {"bomb": b"\0" * (2 * MB), "noise": os.urandom(8 * MB)})
    with zipfile.ZipFile(path) as archive:
        total = sum(i.file_size for i in archive.infolist()) / sum(i.compress_size for i in archive.infolist())
    assert total < 2
    check_zip(path, limits(max_ratio=1e12, ratio_floor=MB))
    with pytest.raises(UnsafeWorkbook, match="bomb inflates"):
        check_zip(path, limits(max_ratio=100, ratio_floor=MB))
    check_zip(path, limits(max_ratio=100, ratio_floor=4 * MB))  # a member under the floor is too small to matter


def test_ratio_of_the_whole_file_alone(tmp_path: Path):
    """Many members, each under the floor (so no member is checked), together inflate far too much."""
    path = make_zip(tmp_path / "a.xlsx", {f"m{i}": b"\0" * (512 * 1024) for i in range(8)})
    check_zip(path, limits(max_ratio=1e12, ratio_floor=MB))
    with pytest.raises(UnsafeWorkbook, match=r"^a.xlsx inflates"):
        check_zip(path, limits(max_ratio=100, ratio_floor=MB))


def test_encryption_alone(tmp_path: Path):
    path = make_zip(tmp_path / "a.xlsx", {"a": b"x", "b": b"y"}, encrypted={"b"})
    with pytest.raises(UnsafeWorkbook, match="encrypted"):
        check_zip(path, limits())
    check_zip(make_zip(tmp_path / "b.xlsx", {"a": b"x", "b": b"y"}), limits())


def test_the_defaults_let_a_real_export_through(tmp_path: Path):
    path = make_zip(tmp_path / "a.xlsx", {"xl/workbook.xml": b"<workbook/>" * 1000})
    check_zip(path)
