"""Backups in this process: their names and order, rotation, killed partial files, the daily one and its boundary,
and what is said when they stop being made."""

from __future__ import annotations

import os
import shutil
from collections import namedtuple
from datetime import datetime
from pathlib import Path

import pytest

from curator.store import Project, ProjectError
from curator.store import backup as backup_module
from curator.store.backup import (
    Backup,
    BackupError,
    DailyBackups,
    backup_dir,
    backups,
    make_backup,
    overdue,
    remove_stale_partials,
)

DAY = backup_module.DAILY_SECONDS
NOON = datetime(2026, 11, 30, 12, 0, 0).timestamp()


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.curator"
    Project.open(path).close()
    return path


def _at(monkeypatch, moment: float) -> None:
    monkeypatch.setattr(backup_module.time, "time", lambda: moment)


def _names(path: Path) -> list[str]:
    return [b.path.name for b in backups(path)]


def test_a_backup_is_named_for_its_project_time_and_reason(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _at(monkeypatch, NOON + 0.7)
    made = make_backup(path, path, reason="manual")
    assert made == Backup(backup_dir(path) / "p-20261130-120000-manual.curator", "manual", NOON)
    assert str(made) == "p-20261130-120000-manual.curator (2026-11-30 12:00)"
    assert backups(path) == [made]
    assert backup_module.newest_backup(path) == made
    assert backup_dir(path) == tmp_path / "p.curator.backups"


def test_several_backups_in_one_second_keep_their_order(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _at(monkeypatch, NOON)
    for reason in ("manual", "daily", "manual", "migration"):
        make_backup(path, path, reason=reason)
    assert _names(path) == ["p-20261130-120000-3-migration.curator", "p-20261130-120000-2-manual.curator",
                            "p-20261130-120000-1-daily.curator", "p-20261130-120000-manual.curator"]
    _at(monkeypatch, NOON + 1)
    make_backup(path, path, reason="manual")
    assert _names(path)[0] == "p-20261130-120001-manual.curator"


def test_only_the_newest_are_kept(tmp_path, monkeypatch):
    path = _project(tmp_path)
    for second in range(5):
        _at(monkeypatch, NOON + second)
        make_backup(path, path, reason="manual", keep=3)
    assert _names(path) == [f"p-20261130-12000{s}-manual.curator" for s in (4, 3, 2)]
    assert sorted(os.listdir(backup_dir(path))) == sorted(_names(path))
    _at(monkeypatch, NOON + 10)
    make_backup(path, path, reason="manual")  # the default keeps ten
    assert len(backups(path)) == 4


def test_what_is_not_a_backup_in_the_folder_is_neither_listed_nor_pruned(tmp_path, monkeypatch):
    path = _project(tmp_path)
    folder = backup_dir(path)
    folder.mkdir()
    strangers = ["notes.txt", "p-20261399-120000-manual.curator", "p-20261130-120000-Manual.curator",
                 "p-2026113-120000-manual.curator", "p-20261130-120000-manual.curator.partial-old"]
    for name in strangers:
        (folder / name).write_text("x", encoding="utf-8")
    assert backups(path) == []
    _at(monkeypatch, NOON)
    make_backup(path, path, reason="manual", keep=1)
    _at(monkeypatch, NOON + 1)
    make_backup(path, path, reason="manual", keep=1)
    assert _names(path) == ["p-20261130-120001-manual.curator"]
    assert all((folder / name).exists() for name in strangers)
    assert backups(tmp_path / "none.curator") == [] and backup_module.newest_backup(tmp_path / "none.curator") is None


def test_the_order_is_by_time_then_by_number(tmp_path):
    path = tmp_path / "p.curator"
    folder = backup_dir(path)
    folder.mkdir()
    for name in ("p-20261130-120000-9-manual.curator", "p-20261130-120000-10-manual.curator",
                 "p-20261129-235959-99-daily.curator", "p-20261130-120001-manual.curator"):
        (folder / name).write_bytes(b"")
    assert _names(path) == ["p-20261130-120001-manual.curator", "p-20261130-120000-10-manual.curator",
                            "p-20261130-120000-9-manual.curator", "p-20261129-235959-99-daily.curator"]
    assert [b.reason for b in backups(path)] == ["manual", "manual", "manual", "daily"]


def test_a_backup_folder_that_is_a_file_names_the_folder_and_the_cause(tmp_path):
    path = _project(tmp_path)
    backup_dir(path).write_text("in the way", encoding="utf-8")
    with pytest.raises(BackupError) as caught:
        make_backup(path, path, reason="manual")
    cause = f"[Errno 17] File exists: '{backup_dir(path)}'"
    assert str(caught.value) == f"no backup written to {backup_dir(path)}: {cause}"
    assert caught.value.reason == cause
    with Project.open(path) as store, pytest.raises(ProjectError) as said:
        store.backup_now()
    assert str(said.value) == str(caught.value)


def test_a_full_disk_during_a_backup_says_so_and_leaves_no_partial(tmp_path, monkeypatch):
    path = _project(tmp_path)
    backup_dir(path).mkdir()

    def full(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module.os, "replace", full)
    with pytest.raises(BackupError) as caught:
        make_backup(path, path, reason="daily")
    assert str(caught.value) == f"no backup written to {backup_dir(path)}: the disk is full"
    assert caught.value.reason == "the disk is full"
    assert os.listdir(backup_dir(path)) == []


def test_a_backup_error_without_a_reason_is_its_own_reason():
    assert BackupError("the copy failed").reason == "the copy failed"
    assert BackupError("long", reason="short").reason == "short"


# -- partial files of killed backups -------------------------------------------------------------


def _partial(path: Path, name: str, *, age: float, now: float) -> Path:
    partial = backup_dir(path) / name
    partial.parent.mkdir(exist_ok=True)
    partial.write_bytes(b"half a project")
    os.utime(partial, (now - age, now - age))
    return partial


def test_a_killed_backups_partial_is_removed_and_one_being_written_is_kept(tmp_path):
    path = _project(tmp_path)
    now = NOON
    killed = _partial(path, "p-20261130-110000-daily.curator.partial", age=10, now=now)
    writing = _partial(path, "p-20261130-115959-manual.curator.partial", age=10, now=now)
    other = _partial(path, "notes.curator.partial", age=10 * DAY, now=now)
    guard = backup_module.hold_exclusive(writing)
    try:
        assert remove_stale_partials(path, now=now) == [killed]
    finally:
        os.close(guard)
    assert not killed.exists() and writing.exists() and other.exists()
    assert remove_stale_partials(path, now=now) == [writing]
    assert remove_stale_partials(tmp_path / "none.curator") == []


def test_without_os_locks_a_partial_is_stale_after_exactly_an_hour(tmp_path, monkeypatch):
    path = _project(tmp_path)
    monkeypatch.setattr(backup_module, "is_held_elsewhere", lambda p: None)
    hour = backup_module.STALE_PARTIAL_SECONDS
    old = _partial(path, "p-20261130-100000-daily.curator.partial", age=hour, now=NOON)
    young = _partial(path, "p-20261130-110000-daily.curator.partial", age=hour - 1, now=NOON)
    assert remove_stale_partials(path, now=NOON) == [old]
    assert young.exists()
    _at(monkeypatch, NOON + 1)
    assert remove_stale_partials(path) == [young]  # now defaults to the clock


def test_a_partial_that_vanishes_while_cleaning_is_skipped(tmp_path, monkeypatch):
    path = _project(tmp_path)
    gone = _partial(path, "p-20261130-100000-daily.curator.partial", age=10, now=NOON)
    kept = _partial(path, "p-20261130-100001-daily.curator.partial", age=10 * DAY, now=NOON)
    monkeypatch.setattr(backup_module, "is_held_elsewhere", lambda p: None)
    real_stat = Path.stat

    def finished(self, *args, **kwargs):
        if self == gone:
            self.unlink()  # its backup was renamed into place meanwhile
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", finished)
    assert remove_stale_partials(path, now=NOON) == [kept]


# -- the daily backup and when it is overdue ------------------------------------------------------


def _changed(path: Path, moment: float) -> None:
    os.utime(path, (moment, moment))


def test_the_daily_backup_runs_once_when_due_and_not_again_at_once(tmp_path):
    path = _project(tmp_path)
    daily = DailyBackups(path, since=None, keep=2)
    assert not daily.running
    daily.wait()  # nothing started: returns at once
    daily.poke()
    daily.wait()
    assert daily.last_error is None and not daily.running
    [made] = backups(path)
    assert made.reason == "daily"
    for b in backups(path):
        b.path.unlink()
    daily.poke()  # checked again only ten minutes later
    daily.wait()
    assert backups(path) == []


def test_the_daily_backup_waits_a_day_from_the_creation(tmp_path):
    path = _project(tmp_path)
    daily = DailyBackups(path, since=datetime.now().timestamp() - DAY + 60)
    daily.poke()
    daily.wait()
    assert backups(path) == []
    assert backup_module.daily_due(path, since=None)
    assert backup_module.daily_due(path, since=NOON, now=NOON + DAY)
    assert not backup_module.daily_due(path, since=NOON, now=NOON + DAY - 1)


def test_a_failed_daily_backup_is_kept_for_the_user_to_see(tmp_path):
    path = _project(tmp_path)
    backup_dir(path).write_text("in the way", encoding="utf-8")
    daily = DailyBackups(path)
    daily.poke()
    daily.wait()
    assert daily.last_error == f"no backup written to {backup_dir(path)}: [Errno 17] File exists: '{backup_dir(path)}'"


def test_backups_are_not_overdue_within_two_days(tmp_path, monkeypatch):
    path = _project(tmp_path)
    assert overdue(path, since=None) is None  # no backup and no creation time: nothing to measure from
    _at(monkeypatch, NOON)
    make_backup(path, path, reason="daily")
    _changed(path, NOON + 2 * DAY)
    assert overdue(path, since=None) is None
    _changed(path, NOON + 2 * DAY + 1)
    assert overdue(path, since=None) == (
        "the newest backup is from 2026-11-30, though the project changed on 2026-12-02: the daily backup is not "
        "being made (it may have failed or been stopped; the next open tries again)")


def test_a_project_without_backups_is_measured_from_its_creation(tmp_path):
    path = _project(tmp_path)
    _changed(path, NOON + 2 * DAY)
    assert overdue(path, since=NOON) is None
    _changed(path, NOON + 3 * DAY)
    message = overdue(path, since=NOON)
    assert message.startswith("it has no backup, though the project changed on 2026-12-03: ")


def test_a_newer_wal_counts_as_a_change(tmp_path):
    path = _project(tmp_path)
    _changed(path, NOON)
    wal = Path(str(path) + "-wal")
    wal.write_bytes(b"")
    _changed(wal, NOON + 3 * DAY)
    assert "changed on 2026-12-03" in overdue(path, since=NOON)


def test_why_the_daily_backup_is_not_made(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _changed(path, NOON + 3 * DAY)
    backup_dir(path).write_text("in the way", encoding="utf-8")
    assert overdue(path, since=NOON).endswith(f"({backup_dir(path)} is a file, not a folder)")
    backup_dir(path).unlink()
    usage = namedtuple("usage", "total used free")
    size = path.stat().st_size
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda where: usage(0, 0, size * 2 - 1))
    assert overdue(path, since=NOON).endswith(
        f"(only {(size * 2 - 1) // 1_000_000} MB free where a backup needs about {size // 1_000_000 + 1} MB)")
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda where: usage(0, 0, size * 2))
    assert overdue(path, since=NOON).endswith("(it may have failed or been stopped; the next open tries again)")

    def gone(where):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(backup_module.shutil, "disk_usage", gone)
    assert overdue(path, since=NOON).endswith("(No such file or directory)")
    monkeypatch.setattr(backup_module.os, "access", lambda where, mode: False)
    assert overdue(path, since=NOON).endswith(f"({tmp_path} cannot be written)")
    backup_dir(path).mkdir()
    assert overdue(path, since=NOON).endswith(f"({backup_dir(path)} cannot be written)")


def test_the_sizes_in_the_space_message_are_megabytes(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _changed(path, NOON + 3 * DAY)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda where: usage(0, 0, 2_500_000))
    monkeypatch.setattr(Path, "stat", _sized(Path.stat, path, 3_200_000))
    assert overdue(path, since=NOON).endswith("(only 2 MB free where a backup needs about 4 MB)")


def _sized(real, path: Path, size: int):
    def stat(self, *args, **kwargs):
        found = real(self, *args, **kwargs)
        if self != path:
            return found
        return os.stat_result((found.st_mode, found.st_ino, found.st_dev, found.st_nlink, found.st_uid, found.st_gid,
                               size, found.st_atime, found.st_mtime, found.st_ctime))
    return stat


def test_the_project_reports_a_failed_daily_backup_before_anything_else(tmp_path):
    path = _project(tmp_path)
    with Project.open(path) as store:
        store._daily.last_error = "no backup written to X: the disk is full"
        assert store.backup_problem() == "the daily backup failed: no backup written to X: the disk is full"
        store._daily.last_error = None
        assert store.backup_problem() is None
    with Project.memory() as store:
        assert store.backup_problem() is None
        with pytest.raises(ProjectError) as caught:
            store.backup_now()
        assert str(caught.value) == "an in-memory project has no file to back up"


def test_the_project_reports_backups_stopped_for_days(tmp_path, monkeypatch):
    path = _project(tmp_path)
    with Project.open(path) as store:
        created = datetime.fromisoformat(store.meta("created")).timestamp()
    shutil.rmtree(backup_dir(path), ignore_errors=True)
    monkeypatch.setattr(backup_module, "daily_due", lambda *a, **k: False)  # as if today's had been made
    with Project.open(path) as store:
        _changed(path, created + 3 * DAY)
        assert store.backup_problem().startswith("it has no backup, though the project changed on ")
