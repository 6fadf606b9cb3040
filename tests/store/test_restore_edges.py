"""Restoring a backup, in this process: every refusal with its words, the kept copy, and what a restore brings back."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from curator.core.importing import read_path
from curator.store import HealthyProject, Project, ProjectError
from curator.store import restore as restore_module
from curator.store.backup import backup_dir

ROOT = Path(__file__).resolve().parents[2]
STAMP = "20261130-120000"


@pytest.fixture(autouse=True)
def one_second(monkeypatch):
    monkeypatch.setattr(restore_module.time, "strftime", lambda fmt, *args: STAMP)


def _seeded(tmp_path: Path, name: str = "p.curator") -> Path:
    path = tmp_path / name
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
    return path


def _zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def _count(path: Path) -> int:
    with Project.open(path, read_only=True) as store:
        return store.document_count()


def _backed_up(tmp_path: Path) -> tuple[Path, Path]:
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        made = store.backup_now()
    return path, made.path


def test_without_any_backup_restore_says_where_it_looked(tmp_path):
    path = _seeded(tmp_path)
    shutil.rmtree(backup_dir(path), ignore_errors=True)
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == f"{path}: there is no backup to restore (looked in {backup_dir(path)})"


def test_when_every_backup_is_damaged_the_newest_is_named(tmp_path):
    path, made = _backed_up(tmp_path)
    _zero(made)
    _zero(path)
    before = path.read_bytes()
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == f"{made}: the backup is damaged too; nothing was changed"
    assert path.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))


def test_a_named_backup_that_is_damaged_is_refused(tmp_path):
    path, made = _backed_up(tmp_path)
    data = bytearray(made.read_bytes())
    data[4096 * 2:4096 * 3] = bytes(4096)  # a page of the tables gone: the header still looks right
    made.write_bytes(bytes(data))
    _zero(path)
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, made)
    assert str(caught.value).startswith(f"{made}: ")
    assert "nothing was changed" in str(caught.value)


def test_a_named_backup_that_is_missing_is_refused_with_the_cause(tmp_path):
    path = _seeded(tmp_path)
    missing = tmp_path / "gone.curator"
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, missing)
    assert str(caught.value) == f"{missing}: not restored: {missing}: cannot open (No such file or directory)"


def test_a_healthy_project_is_replaced_only_when_asked(tmp_path):
    path, made = _backed_up(tmp_path)
    with pytest.raises(HealthyProject) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == (f"{path} is not damaged: restoring {made.name} would replace it, and the changes "
                                 "made since that backup would be only in the kept copy; nothing was changed")
    with pytest.raises(HealthyProject):
        Project.restore_backup(path, made)
    kept = Project.restore_backup(path, made, over_healthy=True)
    assert kept == tmp_path / f"p.curator.damaged-{STAMP}"
    assert _count(kept) == 4 and _count(path) == 4


def test_a_damaged_project_is_kept_aside_with_its_wal_and_shm(tmp_path):
    path, made = _backed_up(tmp_path)
    _zero(path)
    damaged = path.read_bytes()
    Path(str(path) + "-wal").write_bytes(b"stale wal")
    Path(str(path) + "-shm").write_bytes(b"stale shm")
    kept = Project.restore_backup(path)
    assert kept == tmp_path / f"p.curator.damaged-{STAMP}"
    assert kept.read_bytes() == damaged
    assert Path(str(kept) + "-wal").read_bytes() == b"stale wal"
    assert Path(str(kept) + "-shm").exists()
    assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-shm").exists()
    assert not path.with_name(path.name + ".restoring").exists()
    assert path.read_bytes() == made.read_bytes()
    assert _count(path) == 4


def test_a_kept_name_whose_wal_is_taken_is_not_used(tmp_path):
    path, _ = _backed_up(tmp_path)
    _zero(path)
    base = tmp_path / f"p.curator.damaged-{STAMP}"
    Path(str(base) + "-shm").write_bytes(b"someone's")
    Path(str(base) + "-2-wal").write_bytes(b"someone's")
    kept = Project.restore_backup(path)
    assert kept == tmp_path / f"p.curator.damaged-{STAMP}-3"
    assert not base.exists()


def test_a_missing_project_is_brought_back_from_its_own_backups(tmp_path):
    path, _ = _backed_up(tmp_path)
    path.unlink()
    kept = Project.restore_backup(path)
    assert kept == tmp_path / f"p.curator.damaged-{STAMP}" and not kept.exists()
    assert _count(path) == 4


def test_without_hard_links_the_damaged_file_is_renamed_aside(tmp_path, monkeypatch):
    path, _ = _backed_up(tmp_path)
    _zero(path)
    damaged = path.read_bytes()
    squatter = tmp_path / f"p.curator.damaged-{STAMP}"
    squatter.write_bytes(b"an earlier kept copy")

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(restore_module.os, "link", no_links)
    kept = Project.restore_backup(path)
    assert kept == tmp_path / f"p.curator.damaged-{STAMP}-2" and kept.read_bytes() == damaged
    assert squatter.read_bytes() == b"an earlier kept copy"
    assert _count(path) == 4


def test_when_no_name_is_free_nothing_is_replaced(tmp_path, monkeypatch):
    path, _ = _backed_up(tmp_path)
    _zero(path)
    monkeypatch.setattr(restore_module.Path, "exists", lambda self: self.name.endswith("-wal") or os.path.exists(self))
    with pytest.raises(ProjectError) as caught:
        restore_module._keep_aside(path)
    assert str(caught.value) == f"{path}: not restored (no free name for the kept copy beside it)"


def test_a_copy_that_fails_leaves_the_project_as_it_was(tmp_path, monkeypatch):
    path, _ = _backed_up(tmp_path)
    _zero(path)
    before = path.read_bytes()
    real = shutil.copyfile

    def full(source, target):
        real(source, target)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(restore_module.shutil, "copyfile", full)
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == f"{path}: not restored (No space left on device)"
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".restoring").exists()


def test_a_backup_of_another_project_by_id_is_refused(tmp_path):
    path = _seeded(tmp_path)
    other = _seeded(tmp_path, "other.curator")
    with Project.open(other) as store:
        foreign = store.backup_now()
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, foreign.path, over_healthy=True)
    assert str(caught.value) == (f"{foreign.path}: not restored: it is a backup of another project (its project id "
                                 "differs); nothing was changed")


def test_a_file_that_is_not_a_project_is_refused_as_a_backup(tmp_path):
    path = _seeded(tmp_path)
    stranger = tmp_path / "stranger.curator"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES ('someone-else', 'm001')")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, stranger, over_healthy=True)
    assert str(caught.value) == f"{stranger}: not restored: it is not a curator project; nothing was changed"
    notes = tmp_path / "notes.curator"
    notes.write_bytes(b"notes" * 100)
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, notes, over_healthy=True)
    assert str(caught.value) == f"{notes}: not restored: {notes}: not a curator project (not an SQLite file)"


def _without_id(backup: Path) -> None:
    conn = sqlite3.connect(backup)
    conn.execute("DELETE FROM meta WHERE key = 'project_id'")
    conn.commit()
    conn.close()


def test_a_backup_without_an_id_is_taken_only_from_the_projects_own_folder(tmp_path):
    path, made = _backed_up(tmp_path)
    _without_id(made)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copied = Path(shutil.copy(made, elsewhere / "copy.curator"))
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, copied, over_healthy=True)
    assert str(caught.value) == (
        f"{copied}: not restored: its project id cannot be matched with p.curator's; only backups from "
        f"{backup_dir(path)} or with the same project id are restored; nothing was changed")
    Project.restore_backup(path, made, over_healthy=True)  # from its own folder: made before projects had ids
    assert _count(path) == 4


def test_a_damaged_project_takes_a_backup_whose_id_its_own_backups_share(tmp_path):
    path, made = _backed_up(tmp_path)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copied = Path(shutil.copy(made, elsewhere / "copy.curator"))
    other = _seeded(tmp_path, "other.curator")
    with Project.open(other) as store:
        foreign = Path(shutil.copy(store.backup_now().path, elsewhere / "foreign.curator"))
    _zero(path)
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path, foreign)
    assert "its project id cannot be matched with p.curator's" in str(caught.value)
    Project.restore_backup(path, copied)
    assert _count(path) == 4


def test_the_newest_good_backup_of_this_project_is_chosen(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        good = store.backup_now()
    other = _seeded(tmp_path, "other.curator")
    with Project.open(other) as store:
        foreign = store.backup_now()
    newer = backup_dir(path) / "p-29991231-235959-manual.curator"
    shutil.copy(foreign.path, newer)  # newest by name, but another project's
    Project.restore_backup(path, over_healthy=True)
    assert path.read_bytes() == good.path.read_bytes()


def test_a_project_made_by_curator_is_told_from_a_look_alike(tmp_path):
    path = _seeded(tmp_path)
    assert restore_module._curator_file(path)
    assert restore_module._project_id(path)
    look_alike = tmp_path / "x.curator"
    conn = sqlite3.connect(look_alike)
    conn.execute("CREATE TABLE documents (id)")
    conn.execute("CREATE TABLE meta (key, value)")
    conn.commit()
    conn.close()
    assert not restore_module._curator_file(look_alike)
    assert restore_module._project_id(look_alike) is None
    conn = sqlite3.connect(look_alike)
    conn.execute("INSERT INTO meta VALUES ('project_id', '')")
    conn.commit()
    conn.close()
    assert restore_module._project_id(look_alike) is None
    assert not restore_module._healthy(tmp_path / "missing.curator")


def test_read_only_reasons(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        assert store.read_only_reason() is None
    with Project.open(path, read_only=True) as store:
        assert store.read_only_reason() == (f"{path} is open read-only (the file or its folder cannot be written, "
                                            "or read-only was asked for)")
