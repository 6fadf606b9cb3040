"""What a failed write or a bad project file says to the user: one sentence, the cause named exactly."""

from __future__ import annotations

import errno
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from curator.store import CorruptProject, Project, ProjectError
from curator.store.backup import Backup
from curator.store.errors import disk_full, storage_problem
from curator.store.files import (
    SQLITE_HEADER,
    check_file,
    place_new,
    sound,
    timestamp,
    writable,
)

FULL = sqlite3.OperationalError("database or disk is full")
IO = sqlite3.OperationalError("disk I/O error")
NO_SPACE = OSError(errno.ENOSPC, "No space left on device")
TOO_BIG = OSError(errno.EFBIG, "File too large")
QUOTA = OSError(errno.EDQUOT, "Disk quota exceeded")


@pytest.mark.parametrize("exc", [FULL, IO, NO_SPACE, TOO_BIG, QUOTA, OSError("No space left")])
def test_every_way_of_saying_the_disk_is_full_is_understood(exc):
    assert disk_full(exc)


@pytest.mark.parametrize("exc", [OSError(errno.EACCES, "Permission denied"), sqlite3.OperationalError("no such table: x"),
                                 ValueError("bad")])
def test_other_failures_are_not_a_full_disk(exc):
    assert not disk_full(exc)


@pytest.mark.parametrize("exc, saving, hint, message", [
    (FULL, True, True, "the disk is full; free some space and try again (nothing was half-saved)"),
    (FULL, False, True, "the disk is full; free some space and try again"),
    (FULL, True, False, "the disk is full"),
    (NO_SPACE, False, False, "the disk is full"),
    (IO, True, True, "the disk is full or cannot be written (disk I/O error); free some space and try again "
                     "(nothing was half-saved)"),
    (TOO_BIG, False, False, "the disk is full or cannot be written ([Errno 27] File too large)"),
    (QUOTA, False, False, f"the disk is full or cannot be written ([Errno {errno.EDQUOT}] Disk quota exceeded)"),
])
def test_a_full_disk_is_named_with_what_to_do(exc, saving, hint, message):
    assert storage_problem(exc, saving=saving, hint=hint) == message


@pytest.mark.parametrize("text, message", [
    ("attempt to write a readonly database", "the project file cannot be written (read-only file or folder)"),
    ("the folder is read-only", "the project file cannot be written (read-only file or folder)"),
    ("database is locked", "another program is writing the project; try again"),
    ("database table is busy", "another program is writing the project; try again"),
    ("no such table: spans", "no such table: spans"),
])
def test_other_write_failures_are_named(text, message):
    assert storage_problem(sqlite3.OperationalError(text)) == message


def test_a_damaged_project_names_its_newest_backup_and_how_to_restore_it(tmp_path):
    path = tmp_path / "p.curator"
    backup = Backup(tmp_path / "p.curator.backups" / "p-20261130-091500-daily.curator", "daily", 0.0)
    error = CorruptProject(path, "database disk image is malformed", backup)
    assert error.path == path and error.detail == "database disk image is malformed" and error.newest_backup is backup
    assert str(error) == (f"{path}: the project file is damaged (database disk image is malformed); the newest backup is "
                          f"{backup} in {backup.path.parent}; restore it with `curator restore \"{path}\"`")
    bare = CorruptProject(path, "truncated")
    assert bare.newest_backup is None
    assert str(bare) == (f"{path}: the project file is damaged (truncated); no backup of it was found in "
                         f"{tmp_path / 'p.curator.backups'}")


# -- the checks before SQLite opens a file ------------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.curator"
    Project.open(path).close()
    return path


def _header(data: bytes, *, page_size: int, pages: int, counted: bool = True) -> bytearray:
    data = bytearray(data)
    data[16:18] = page_size.to_bytes(2, "big")
    data[28:32] = pages.to_bytes(4, "big")
    if not counted:
        data[92:96] = (int.from_bytes(data[24:28], "big") + 1).to_bytes(4, "big")
    return data


def test_a_sound_project_passes_the_checks(tmp_path):
    path = _project(tmp_path)
    check_file(path)
    assert sound(path)


def test_an_empty_file_is_left_to_sqlite(tmp_path):
    path = tmp_path / "empty.curator"
    path.write_bytes(b"")
    check_file(path)  # SQLite makes a new database of an empty file


def test_a_folder_cannot_be_opened(tmp_path):
    folder = tmp_path / "folder.curator"
    folder.mkdir()
    with pytest.raises(ProjectError) as caught:
        check_file(folder)
    assert str(caught.value) == f"{folder}: cannot open (Is a directory)"


def test_a_file_that_is_not_sqlite_is_not_a_project(tmp_path):
    path = tmp_path / "notes.curator"
    path.write_bytes(b"just some notes, not a database" * 10)
    with pytest.raises(ProjectError) as caught:
        check_file(path)
    assert type(caught.value) is ProjectError
    assert str(caught.value) == f"{path}: not a curator project (not an SQLite file)"


def test_a_project_whose_header_is_gone_is_damaged_when_it_has_backups(tmp_path):
    path = _project(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    path.write_bytes(b"\0" * 100 + path.read_bytes()[100:])
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == "its first bytes are not an SQLite header" and caught.value.path == path
    assert caught.value.newest_backup == Project.list_backups(path)[0]


def test_a_file_cut_inside_its_header_is_damaged(tmp_path):
    path = tmp_path / "p.curator"
    path.write_bytes(SQLITE_HEADER + b"\0" * 40)
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == "only 56 bytes long" and caught.value.newest_backup is None
    path.unlink()
    with Project.open(path) as store:
        made = store.backup_now()
    path.write_bytes(SQLITE_HEADER + b"\0" * 40)
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.newest_backup == made and caught.value.path == path


def test_exactly_a_header_is_not_cut_inside_it(tmp_path):
    path = _project(tmp_path)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail.startswith("truncated: 100 bytes where its header promises ")


@pytest.mark.parametrize("page_size", [256, 511, 1000, 4097, 0])
def test_an_impossible_page_size_is_damage(tmp_path, page_size):
    path = _project(tmp_path)
    path.write_bytes(_header(path.read_bytes(), page_size=page_size, pages=1))
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == "its header names an impossible page size"


def test_the_smallest_page_size_is_possible(tmp_path):
    path = tmp_path / "small.curator"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 512")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    check_file(path)
    assert path.stat().st_size % 512 == 0


def test_page_size_one_means_65536(tmp_path):
    path = tmp_path / "big-pages.curator"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 65536")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert path.read_bytes()[16:18] == b"\x00\x01"
    check_file(path)
    path.write_bytes(path.read_bytes()[:65536 + 4096])
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == f"truncated: {65536 + 4096} bytes where its header promises 131072"


def test_a_truncated_file_is_named_with_the_size_its_header_promises(tmp_path):
    path = _project(tmp_path)
    size = path.stat().st_size
    pages = size // 4096
    path.write_bytes(path.read_bytes()[:size - 4096])
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == f"truncated: {size - 4096} bytes where its header promises {pages * 4096}"


def test_a_page_count_that_is_not_valid_is_not_used(tmp_path):
    path = _project(tmp_path)
    size, whole = path.stat().st_size, path.read_bytes()
    path.write_bytes(_header(whole, page_size=4096, pages=size // 4096 + 5, counted=False))
    check_file(path)  # an older SQLite did not keep the count: only whole pages are asked for
    path.write_bytes(_header(whole, page_size=4096, pages=size // 4096 + 5, counted=True))
    with pytest.raises(CorruptProject):
        check_file(path)


def test_a_file_of_part_pages_is_truncated_unless_a_wal_is_being_checkpointed(tmp_path):
    path = _project(tmp_path)
    path.write_bytes(path.read_bytes() + b"\0" * 10)
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail.startswith(f"truncated: {path.stat().st_size} bytes")
    wal = Path(str(path) + "-wal")
    wal.write_bytes(b"")
    with pytest.raises(CorruptProject):
        check_file(path)  # an empty WAL extends nothing
    wal.write_bytes(b"x")
    check_file(path)


def test_sound_is_false_for_damage_and_for_what_is_not_a_database(tmp_path):
    path = tmp_path / "notes.curator"
    path.write_bytes(b"not a database at all" * 100)
    assert sound(path) is False
    assert sound(tmp_path / "missing.curator") is False


def test_a_creation_time_is_read_and_a_bad_one_ignored():
    assert timestamp("2026-11-30T09:15:00+00:00") == datetime(2026, 11, 30, 9, 15, tzinfo=UTC).timestamp()
    assert timestamp(None) is None
    assert timestamp("") is None
    assert timestamp("yesterday") is None


def test_writable_needs_the_file_and_its_folder(tmp_path):
    path = _project(tmp_path)
    assert writable(path) is True
    assert writable(tmp_path / "gone" / "p.curator") is False


def test_place_new_never_replaces_a_file(tmp_path):
    staged, path = tmp_path / "staged", tmp_path / "final"
    staged.write_text("new", encoding="utf-8")
    assert place_new(staged, path) is True
    assert path.read_text(encoding="utf-8") == "new" and not staged.exists()
    staged.write_text("newer", encoding="utf-8")
    assert place_new(staged, path) is False
    assert path.read_text(encoding="utf-8") == "new" and staged.exists()


def test_place_new_without_hard_links_renames_after_a_check(tmp_path, monkeypatch):
    import os

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    staged, path = tmp_path / "staged", tmp_path / "final"
    staged.write_text("new", encoding="utf-8")
    assert place_new(staged, path) is True
    assert path.read_text(encoding="utf-8") == "new" and not staged.exists()
    staged.write_text("newer", encoding="utf-8")
    assert place_new(staged, path) is False
    assert path.read_text(encoding="utf-8") == "new"


def test_a_page_count_past_sixteen_million_pages_is_read_whole(tmp_path):
    path = _project(tmp_path)
    size, whole = path.stat().st_size, path.read_bytes()
    path.write_bytes(_header(whole, page_size=4096, pages=(1 << 24) + size // 4096))
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.detail == f"truncated: {size} bytes where its header promises {((1 << 24) + size // 4096) * 4096}"


def test_an_impossible_page_size_names_the_newest_backup(tmp_path):
    path = _project(tmp_path)
    with Project.open(path) as store:
        made = store.backup_now()
    path.write_bytes(_header(path.read_bytes(), page_size=1000, pages=1))
    with pytest.raises(CorruptProject) as caught:
        check_file(path)
    assert caught.value.newest_backup == made
