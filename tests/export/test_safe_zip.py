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


# -- each limit at its bound, with the message the user reads -------------------------------------------

def sizes(path: Path) -> list[tuple[int, int]]:
    with zipfile.ZipFile(path) as archive:
        return [(i.file_size, i.compress_size) for i in archive.infolist()]


def refusal(path: Path, **only) -> str:
    with pytest.raises(UnsafeWorkbook) as caught:
        check_zip(path, limits(**only))
    return str(caught.value)


def test_a_member_at_the_ratio_limit_passes_and_just_over_it_is_refused(tmp_path: Path):
    path = make_zip(tmp_path / "成果.xlsx", {"xl/worksheets/sheet1.xml": b"\0" * MB, "noise": os.urandom(4 * MB)})
    (size, packed), _ = sizes(path)
    ratio = size / packed
    check_zip(path, limits(max_ratio=ratio, ratio_floor=MB))
    assert refusal(path, max_ratio=ratio - 0.01, ratio_floor=MB) == (
        f"成果.xlsx: xl/worksheets/sheet1.xml inflates {ratio:.0f} times (limit {ratio - 0.01:.0f}); not opened")
    check_zip(path, limits(max_ratio=ratio - 0.01, ratio_floor=MB + 1))  # one byte under the floor: too small to matter


def test_the_whole_file_at_the_ratio_limit_passes_and_just_over_it_is_refused(tmp_path: Path):
    path = make_zip(tmp_path / "成果.xlsx", {f"m{i}": b"\0" * (256 * 1024) for i in range(4)})
    total = sum(s for s, _ in sizes(path))
    ratio = total / sum(p for _, p in sizes(path))
    check_zip(path, limits(max_ratio=ratio, ratio_floor=total))
    assert refusal(path, max_ratio=ratio - 0.01, ratio_floor=total) == (
        f"成果.xlsx inflates {ratio:.0f} times (limit {ratio - 0.01:.0f}); not opened")
    check_zip(path, limits(max_ratio=ratio - 0.01, ratio_floor=total + 1))


def test_the_messages_for_members_size_and_encryption(tmp_path: Path):
    path = make_zip(tmp_path / "成果.xlsx", {f"m{i}": b"x" for i in range(3)}, encrypted={"m1"})
    assert refusal(path, max_members=2) == "成果.xlsx holds 3 files; a workbook has far fewer"
    assert refusal(path, max_members=3) == "成果.xlsx is encrypted; remove the password and try again"
    big = make_zip(tmp_path / "大.xlsx", {"a": os.urandom(3 * MB)})
    assert refusal(big, max_total=3 * MB - 1) == "大.xlsx unpacks to 3 MB (limit 3 MB)"
    assert refusal(big, max_total=MB) == "大.xlsx unpacks to 3 MB (limit 1 MB)"


def test_sizes_are_shown_in_whole_mebibytes_rounded(tmp_path: Path):
    """2.5 MiB and a byte or two shows as 3 MB: sizes are divided by 1,048,576, not by some other number."""
    half = make_zip(tmp_path / "半.xlsx", {"a": os.urandom(5 * MB // 2 + 2)})
    assert refusal(half, max_total=5 * MB // 2 + 1) == "半.xlsx unpacks to 3 MB (limit 3 MB)"


def test_files_that_are_not_a_zip_or_cannot_be_read(tmp_path: Path):
    text = tmp_path / "表.xlsx"
    text.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UnsafeWorkbook) as caught:
        check_zip(text)
    assert str(caught.value) == "表.xlsx is not an Excel workbook (.xlsx); save it as .xlsx and try again"
    with pytest.raises(UnsafeWorkbook) as caught:
        check_zip(tmp_path / "无.xlsx")
    assert str(caught.value) == "无.xlsx: cannot read it (No such file or directory)"
    folder = tmp_path / "夹.xlsx"
    folder.mkdir()
    with pytest.raises(UnsafeWorkbook) as caught:
        check_zip(folder)
    assert str(caught.value) == "夹.xlsx: cannot read it (Is a directory)"


def test_the_default_limits(tmp_path: Path):
    defaults = ZipLimits()
    assert (defaults.max_members, defaults.max_total, defaults.max_ratio, defaults.ratio_floor) == (
        2_000, 512 * MB, 100.0, MB)
    many = make_zip(tmp_path / "多.xlsx", {f"m{i}": b"" for i in range(2_001)})
    with pytest.raises(UnsafeWorkbook, match="holds 2001 files"):
        check_zip(many)
    check_zip(make_zip(tmp_path / "够.xlsx", {f"m{i}": b"" for i in range(2_000)}))
