"""Where an export lands (curator/export/files.py): open files, folders, leftovers of killed exports, write errors.

Each case is written through atomic_output/atomic_outputs as every writer uses them, with the exact
message the user reads.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from curator.export import files
from curator.export.files import (
    STALE_AFTER, ExportError, TargetExists, atomic_output, atomic_outputs, lock_files, part_path, remove_stale_parts,
    write_error,
)


def write(path: Path, text: str = "new", **kwargs) -> None:
    with atomic_output(path, **kwargs) as temp:
        temp.write_text(text, encoding="utf-8")


# -- targets refused before anything is written -----------------------------------------------------

@pytest.mark.parametrize("lock", ["~$成果汇总.xlsx", ".~lock.成果汇总.xlsx#", "~$汇总.xlsx"])
def test_a_file_open_in_excel_or_libreoffice_is_never_replaced(tmp_path: Path, lock: str):
    path = tmp_path / "成果汇总.xlsx"
    path.write_text("old", encoding="utf-8")
    (tmp_path / lock).write_text("", encoding="utf-8")
    assert lock_files(path) == [tmp_path / lock]
    with pytest.raises(ExportError) as caught:
        write(path, overwrite=True)
    assert str(caught.value) == f"{path} is open in another program (Excel or LibreOffice); close it and export again"
    assert path.read_text(encoding="utf-8") == "old"


def test_every_lock_file_is_listed_and_a_short_name_has_no_shortened_one(tmp_path: Path):
    path = tmp_path / "abc.xlsx"
    for name in ("~$abc.xlsx", ".~lock.abc.xlsx#", "~$c.xlsx"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert lock_files(path) == [tmp_path / "~$abc.xlsx", tmp_path / ".~lock.abc.xlsx#", tmp_path / "~$c.xlsx"]
    (tmp_path / "~$").write_text("", encoding="utf-8")
    assert lock_files(tmp_path / "ab") == []  # "~$" plus nothing is not a lock file of "ab"
    assert lock_files(tmp_path / "xyz") == []


def test_an_existing_file_is_kept_unless_replacing_was_allowed(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TargetExists) as caught:
        write(path)
    assert str(caught.value) == f"{path} already exists; choose another name or allow replacing it"
    assert path.read_text(encoding="utf-8") == "old"
    write(path, overwrite=True)
    assert path.read_text(encoding="utf-8") == "new"


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path):
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    with pytest.raises(ExportError) as caught:
        write(folder, overwrite=True)
    assert str(caught.value) == f"{folder} is a folder" and not isinstance(caught.value, TargetExists)
    missing = tmp_path / "nowhere" / "a.xlsx"
    with pytest.raises(ExportError) as caught:
        write(missing)
    assert str(caught.value) == f"{missing.parent} does not exist"


def test_several_files_are_checked_before_any_is_written(tmp_path: Path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    b.write_text("old", encoding="utf-8")
    with pytest.raises(TargetExists):
        with atomic_outputs([a, b]) as temps:
            raise AssertionError(f"never reached: {temps}")
    assert not a.exists() and b.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"]


# -- temporary files ----------------------------------------------------------------------------------

def test_a_temporary_file_is_hidden_beside_the_target_with_the_usual_permissions(tmp_path: Path):
    old = os.umask(0o022)
    try:
        temp = part_path(tmp_path / "成果.xlsx", ".sheet3")
    finally:
        os.umask(old)
    assert temp.parent == tmp_path and temp.exists() and temp.read_bytes() == b""
    assert temp.name.startswith(".成果.xlsx.") and temp.name.endswith(".sheet3.part")
    assert len(temp.name) == len(".成果.xlsx.") + 8 + len(".sheet3.part")
    assert stat.S_IMODE(temp.stat().st_mode) == 0o644


def test_a_taken_temporary_name_is_skipped_and_a_hundred_taken_is_an_error(tmp_path: Path, monkeypatch):
    names = iter(["0000000a", "0000000a", "0000000b"])
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: next(names))
    assert part_path(tmp_path / "x.csv").name == ".x.csv.0000000a.part"
    assert part_path(tmp_path / "x.csv").name == ".x.csv.0000000b.part"
    calls = []
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: calls.append(n) or "0000000a")
    with pytest.raises(ExportError) as caught:
        part_path(tmp_path / "x.csv")
    assert str(caught.value) == f"cannot make a temporary file in {tmp_path}"
    assert calls == [4] * 100


def test_leftovers_of_killed_exports_are_removed_once_stale(tmp_path: Path):
    now = 1_000_000_000.0
    names = [".成果.xlsx.0123abcd.part", ".成果.xlsx.0123abcd.sheet12.part", ".a.csv.deadbeef.part",
             ".new.xlsx.0123abcd.part", "keep.part", ".x.0123abc.part", ".x.0123abcdf.part", ".x.0123ABCD.part",
             ".x.0123abcd.sheet.part", ".x.0123abcd.part.bak", ".x.0123abcd.sheetA.part"]
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
        os.utime(tmp_path / name, (now - STALE_AFTER - 1, now - STALE_AFTER - 1))
    os.utime(tmp_path / ".new.xlsx.0123abcd.part", (now - STALE_AFTER, now - STALE_AFTER))  # not older than 15 min
    (tmp_path / ".dir.0123abcd.part").mkdir()
    os.utime(tmp_path / ".dir.0123abcd.part", (now - 10**6, now - 10**6))
    target = tmp_path / "elsewhere"
    target.write_text("", encoding="utf-8")
    (tmp_path / ".link.0123abcd.part").symlink_to(target)
    os.utime(tmp_path / ".link.0123abcd.part", (now - 10**6, now - 10**6), follow_symlinks=False)

    removed = remove_stale_parts(tmp_path, now=now)
    assert sorted(p.name for p in removed) == sorted(names[:3])
    assert all(p.parent == tmp_path for p in removed)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        set(names[3:]) | {".dir.0123abcd.part", ".link.0123abcd.part", "elsewhere"})
    assert STALE_AFTER == 15 * 60


def test_leftovers_are_judged_by_the_clock_now_and_a_missing_folder_is_nothing(tmp_path: Path):
    part = tmp_path / ".a.csv.0123abcd.part"
    part.write_text("", encoding="utf-8")
    assert remove_stale_parts(tmp_path) == []  # just written
    os.utime(part, (1, 1))
    assert remove_stale_parts(tmp_path) == [part]
    assert remove_stale_parts(tmp_path / "gone") == []


def test_an_export_removes_the_leftovers_in_its_folder_and_its_own_temporary_file(tmp_path: Path):
    stale = tmp_path / ".old.xlsx.0123abcd.part"
    stale.write_text("", encoding="utf-8")
    os.utime(stale, (1, 1))
    write(tmp_path / "a.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(path, overwrite=True) as temp:
            temp.write_text("half", encoding="utf-8")
            raise RuntimeError("stopped")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]
    assert path.read_text(encoding="utf-8") == "old"


# -- moving into place -----------------------------------------------------------------------------

def test_a_file_that_appeared_meanwhile_is_never_clobbered(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    with pytest.raises(TargetExists) as caught:
        with atomic_output(path) as temp:
            temp.write_text("new", encoding="utf-8")
            path.write_text("someone else's", encoding="utf-8")
    assert str(caught.value) == f"{path} already exists; choose another name or allow replacing it"
    assert path.read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_without_hard_links_a_new_file_is_still_written_but_never_over_another(tmp_path: Path, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    path = tmp_path / "a.jsonl"
    write(path)
    assert path.read_text(encoding="utf-8") == "new"
    other = tmp_path / "b.jsonl"
    with pytest.raises(TargetExists, match="already exists"):
        with atomic_output(other) as temp:
            temp.write_text("new", encoding="utf-8")
            other.write_text("someone else's", encoding="utf-8")
    assert other.read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl"]


def test_a_file_that_cannot_be_replaced_says_it_may_be_open(tmp_path: Path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    path = tmp_path / "a.xlsx"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        write(path, overwrite=True)
    assert str(caught.value) == f"{path} cannot be replaced; is it open in another program?"
    assert path.read_text(encoding="utf-8") == "old"


def test_several_files_are_all_renamed_only_once_all_are_written(tmp_path: Path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    with pytest.raises(RuntimeError):
        with atomic_outputs([a, b]) as temps:
            temps[0].write_text("a", encoding="utf-8")
            raise RuntimeError("the second failed")
    assert list(tmp_path.iterdir()) == []
    with atomic_outputs([a, b]) as temps:
        assert [t.parent for t in temps] == [tmp_path, tmp_path] and temps[0] != temps[1]
        for temp, text in zip(temps, "ab"):
            temp.write_text(text, encoding="utf-8")
    assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("a", "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


# -- write errors in words -------------------------------------------------------------------------

@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "the disk is full ({folder}); free some space and export again"),
    (errno.EDQUOT, "the disk is full ({folder}); free some space and export again"),
    (errno.EFBIG, "the file is larger than this disk or your account allows"),
    (errno.EACCES, "no permission to write in {folder}"),
    (errno.EPERM, "no permission to write in {folder}"),
    (errno.EROFS, "no permission to write in {folder}"),
    (errno.EIO, "the disk reported an error (Input/output error)"),
])
def test_write_errors_say_what_happened_and_what_is_left(tmp_path: Path, code: int, words: str):
    a, b = tmp_path / "举措.csv", tmp_path / "数据.csv"
    message = str(write_error(OSError(code, os.strerror(code)), [a, b]))
    assert message == f"举措.csv、数据.csv not written: {words.format(folder=tmp_path)}; no file was left behind"
    b.write_text("old", encoding="utf-8")
    assert str(write_error(OSError(code, os.strerror(code)), [a, b])).endswith("; the old file is unchanged")


def test_other_os_errors_are_passed_on_as_they_are(tmp_path: Path):
    error = OSError(errno.ENAMETOOLONG, "File name too long")
    assert write_error(error, [tmp_path / "a.csv"]) is error


def test_a_full_disk_while_writing_is_one_clear_message(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    with pytest.raises(ExportError) as caught:
        with atomic_output(path) as temp:
            temp.write_text("half", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == (f"a.jsonl not written: the disk is full ({tmp_path}); free some space and export "
                                 "again; no file was left behind")
    assert list(tmp_path.iterdir()) == []
