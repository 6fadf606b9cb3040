"""Backups (before a migration, daily, keep the last N), damaged files found on open, restore."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Migrations

from curator.cli import main
from curator.core.importing import read_path
from curator.store import Project, ProjectError, project as project_module, schema
from curator.store import backup as backup_module
from curator.core.edits import Edit, RowChange
from curator.store.lock import lock_path
from curator.store.project import CorruptProject

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).with_name("data") / "schema1.curator"


def _seeded(tmp_path: Path, name: str = "p.curator") -> Path:
    path = tmp_path / name
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
    return path


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM documents ORDER BY id")]
    finally:
        conn.close()


# -- backups ---------------------------------------------------------------------------------


def test_backup_is_a_whole_project_beside_it_and_only_the_newest_are_kept(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        made = [store.backup_now() for _ in range(backup_module.KEEP + 3)]
    kept = Project.list_backups(path)
    assert [b.path for b in kept] == [b.path for b in reversed(made[-backup_module.KEEP:])]
    assert kept[0].path.parent == tmp_path / "p.curator.backups"
    assert _titles(kept[0].path) == _titles(path) and len(_titles(path)) == 4
    assert not list(kept[0].path.parent.glob("*.partial"))


def test_a_new_project_gets_no_backup_until_a_day_has_passed(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path):
        pass
    assert Project.list_backups(path) == []


def test_daily_backup_when_the_newest_is_a_day_old(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.set_meta("created", "2020-01-01T00:00:00+00:00")
    with Project.open(path):
        pass  # close() waits for the backup thread
    first = Project.list_backups(path)
    assert [b.reason for b in first] == ["daily"]
    with Project.open(path):
        pass
    assert Project.list_backups(path) == first  # not twice a day
    old = first[0].path.with_name(first[0].path.name.replace(time.strftime("%Y"), "2021", 1))
    first[0].path.rename(old)
    with Project.open(path):
        pass
    assert len(Project.list_backups(path)) == 2


def test_a_pending_migration_is_preceded_by_a_backup(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    upgraded = Migrations("curator")
    upgraded(name="m001_initial")(schema.m001_initial)

    @upgraded()
    def m999_test_step(db):
        db["documents"].add_column("test_column", str)

    monkeypatch.setattr(project_module, "migrations", upgraded)
    with Project.open(path) as store:
        assert "test_column" in store.db["documents"].columns_dict
    [made] = Project.list_backups(path)
    assert made.reason == "migration"
    conn = sqlite3.connect(made.path)
    assert "test_column" not in [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    with Project.open(path):
        pass
    assert len(Project.list_backups(path)) == 1  # nothing pending any more, no new backup


def test_no_migration_without_its_backup(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    upgraded = Migrations("curator")
    upgraded(name="m001_initial")(schema.m001_initial)
    upgraded(name="m999_test_step")(lambda db: db["documents"].add_column("test_column", str))
    monkeypatch.setattr(project_module, "migrations", upgraded)

    def refuse(*args, **kwargs):
        raise backup_module.BackupError("no space left on device")

    monkeypatch.setattr(backup_module, "make_backup", refuse)
    with pytest.raises(ProjectError, match="not upgraded: no backup could be made"):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as store:
        assert "test_column" not in store.db["documents"].columns_dict


# -- the first schema opens in this version -------------------------------------------------


def test_a_project_of_the_first_schema_opens_migrated_with_nothing_lost(tmp_path):
    """schema1.curator was written by the first release (m001 only): 4 seed articles, 12 spans, 8 fact rows."""
    path = tmp_path / "老项目 2024.curator"
    shutil.copy(FIXTURE, path)
    before = sqlite3.connect(path)
    rows = {t: before.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall()
            for t in ("documents", "spans", "initiatives", "figures", "labels")}
    before.close()
    with Project.open(path) as store:
        assert not schema.migrations.pending(store.db)
        assert store.stats()["facts"] == {"initiatives": 4, "figures": 4}
        for table, old in rows.items():
            columns = [row[1] for row in sqlite3.connect(FIXTURE).execute(f"PRAGMA table_info([{table}])")]
            now = store.db.conn.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] ORDER BY 1").fetchall()
            assert now == old, table
        assert [h.id for h in store.search("文明")]
    reasons = [b.reason for b in Project.list_backups(path)]
    assert reasons.count("migration") == (1 if len(schema.migrations._migrations) > 1 else 0)


# -- damage found on open --------------------------------------------------------------------


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2 + 100]
    elif how == "header bytes flipped":
        data[0:16] = bytes(b ^ 0xFF for b in data[0:16])
    elif how == "b-tree page flipped":
        page = int.from_bytes(data[16:18], "big")
        for offset in range(page * 2, len(data), page):  # every page's header after the schema page
            data[offset : offset + 12] = bytes(b ^ 0x5A for b in data[offset : offset + 12])
    elif how == "zeroed":
        data = bytes(len(data))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "header bytes flipped", "b-tree page flipped", "zeroed"])
def test_a_damaged_project_is_named_damaged_with_its_newest_backup(tmp_path, how):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        made = store.backup_now()
    _damage(path, how)
    with pytest.raises(CorruptProject) as caught:
        Project.open(path)
    assert caught.value.newest_backup == made
    assert "damaged" in str(caught.value) and made.path.name in str(caught.value)
    assert "curator restore" in str(caught.value)
    kept = Project.restore_backup(path)
    with Project.open(path) as store:
        assert store.document_count() == 4
    assert kept.exists() and kept.read_bytes() != path.read_bytes()  # the damaged file is kept aside


def test_a_damaged_project_without_backups_says_so(tmp_path):
    path = _seeded(tmp_path)
    _damage(path, "truncated")
    with pytest.raises(CorruptProject, match="no backup of it was found"):
        Project.open(path)
    with pytest.raises(ProjectError, match="no backup to restore"):
        Project.restore_backup(path)


def test_restore_skips_a_damaged_backup(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        good = store.backup_now()
        time.sleep(1.1)  # backups are named by the second
        bad = store.backup_now()
    _damage(bad.path, "b-tree page flipped")
    _damage(path, "zeroed")
    Project.restore_backup(path)
    assert path.read_bytes() == good.path.read_bytes()


def test_restore_is_refused_while_another_process_has_the_project_open(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    lock_path(path).write_text(json.dumps({"pid": os.getppid(), "host": socket.gethostname()}), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="is open by process"):
        Project.restore_backup(path)
    assert path.read_bytes() == before


def test_cli_restore(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    _damage(path, "truncated")
    runner = CliRunner()
    result = runner.invoke(main, ["stats", str(path)])
    assert result.exit_code == 1 and "damaged" in result.output
    result = runner.invoke(main, ["restore", str(path)])
    assert result.exit_code == 0, result.output
    assert "restored" in result.output
    assert runner.invoke(main, ["stats", str(path), "--json"]).exit_code == 0


def test_read_only_project_file_opens_read_only_and_refuses_edits(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    for leftover in (tmp_path / "p.curator-wal", tmp_path / "p.curator-shm"):
        assert not leftover.exists()
    os.chmod(path, 0o444)
    if os.access(path, os.W_OK):  # root writes anyway: make curator see the file as the user would
        monkeypatch.setattr(project_module, "writable", lambda path: False)
    try:
        with Project.open(path) as store:
            assert store.read_only and store.document_count() == 4
            with pytest.raises(ProjectError, match="read-only"):
                store.apply(Edit("x", (RowChange("meta", None, {"key": "x", "value": "y"}),)))
            with pytest.raises(ProjectError, match="read-only"):
                store.import_batches([])
    finally:
        os.chmod(path, 0o644)
    assert _titles(path) and Project.open(path).meta("x") is None


def test_an_older_project_listed_read_only_is_upgraded_first(tmp_path):
    path = tmp_path / "old.curator"
    shutil.copy(FIXTURE, path)
    result = CliRunner().invoke(main, ["list", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 4
    if len(schema.migrations._migrations) > 1:
        assert [b.reason for b in Project.list_backups(path)] == ["migration"]


# -- the edges the mutation run found untested (issue 10) -------------------------------------------


def test_a_daily_backup_is_due_at_exactly_a_day_and_not_a_second_before(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        made = store.backup_now()
    assert backup_module.daily_due(path, now=made.made + backup_module.DAILY_SECONDS)
    assert not backup_module.daily_due(path, now=made.made + backup_module.DAILY_SECONDS - 1)
    created = made.made - 10 * backup_module.DAILY_SECONDS  # without backups the day counts from creation
    assert backup_module.daily_due(tmp_path / "none.curator", since=created, now=created + backup_module.DAILY_SECONDS)
    assert not backup_module.daily_due(tmp_path / "none.curator", since=created,
                                       now=created + backup_module.DAILY_SECONDS - 1)


def test_a_backup_that_fails_its_check_pushes_no_good_backup_out(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        good = [store.backup_now() for _ in range(backup_module.KEEP)]
    _damage(path, "b-tree page flipped")
    with pytest.raises(backup_module.BackupError):
        backup_module.make_backup(path, path, reason="manual")
    assert [b.path for b in Project.list_backups(path)] == [b.path for b in reversed(good)]
    assert all(p.suffix == ".curator" for p in backup_module.backup_dir(path).iterdir())
