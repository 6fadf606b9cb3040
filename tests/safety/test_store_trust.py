"""Restores that lose nothing, locks that say whose they are, a full disk in plain words, no leftovers."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import main
from curator.core.edits import tag_span
from curator.core.importing import read_path
from curator.store import Project, ProjectError
from curator.store import backup as backup_module
from curator.store import restore as restore_module
from curator.store.lock import lock_path, process_started
from curator.store.restore import HealthyProject

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).with_name("data") / "schema1.curator"
PYTHON = sys.executable


def _seeded(tmp_path: Path, name: str = "p.curator") -> Path:
    path = tmp_path / name
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
    return path


def _tag(path: Path, start: int) -> int:
    with Project.open(path) as store:
        edit = tag_span(store.document(1), start, start + 2, "place", span_id=store.next_id("spans"))
        store.apply(edit)
        return edit.changes[0].after["id"]


def _span_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM spans")}
    finally:
        conn.close()


def _zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


# -- restore (issue 10, item 4) -------------------------------------------------------------------


def test_two_restores_in_one_second_keep_both_replaced_files(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    first_edit = _tag(path, 0)
    monkeypatch.setattr(restore_module.time, "strftime", lambda fmt, *args: "20260101-120000")  # one second
    kept_first = Project.restore_backup(path, over_healthy=True)
    second_edit = _tag(path, 5)
    kept_second = Project.restore_backup(path, over_healthy=True)
    assert kept_first != kept_second and kept_first.exists() and kept_second.exists()
    assert first_edit in _span_ids(kept_first)  # the edits made after the backup are still in a file
    assert second_edit in _span_ids(kept_second)
    assert not _span_ids(path)


def test_restore_never_replaces_an_existing_kept_copy(tmp_path, monkeypatch):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    monkeypatch.setattr(restore_module.time, "strftime", lambda fmt, *args: "20260101-120000")
    squatter = path.with_name(path.name + ".damaged-20260101-120000")
    squatter.write_bytes(b"an earlier kept copy")
    _zero(path)
    kept = Project.restore_backup(path)
    assert squatter.read_bytes() == b"an earlier kept copy"
    assert kept.name == squatter.name + "-2" and kept.read_bytes() == bytes(kept.stat().st_size)


def test_restore_refuses_a_backup_of_another_project(tmp_path):
    path = _seeded(tmp_path)
    other = _seeded(tmp_path, "other.curator")  # the same articles, another project
    with Project.open(other) as store:
        foreign = store.backup_now()
    _tag(path, 0)
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="another project"):
        Project.restore_backup(path, foreign.path, over_healthy=True)
    assert path.read_bytes() == before
    result = CliRunner().invoke(main, ["restore", str(path), str(foreign.path), "--yes"])
    assert result.exit_code == 1 and "another project" in result.output and "Traceback" not in result.output


def test_restore_refuses_an_sqlite_file_that_is_not_a_curator_project(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    stranger = tmp_path / "p.curator.backups" / "p-20260101-000000-manual.curator"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
    conn.commit()
    conn.close()
    _zero(path)
    with pytest.raises(ProjectError, match="not a curator project"):
        Project.restore_backup(path, stranger)
    Project.restore_backup(path)  # the newest good one that is a curator project: not the stranger
    with Project.open(path) as store:
        assert store.document_count() == 4


def test_a_damaged_project_without_a_readable_id_takes_only_its_own_backups(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        own = store.backup_now()
    other = _seeded(tmp_path, "other.curator")
    with Project.open(other) as store:
        foreign = store.backup_now()
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copied_own = Path(shutil.copy(own.path, elsewhere / "copy.curator"))
    copied_foreign = Path(shutil.copy(foreign.path, elsewhere / "other-copy.curator"))
    _zero(path)  # its id cannot be read any more
    with pytest.raises(ProjectError, match="cannot be matched"):
        Project.restore_backup(path, copied_foreign)
    Project.restore_backup(path, copied_own)  # its id matches the project's own backups
    with Project.open(path) as store:
        assert store.document_count() == 4


def test_restore_over_a_project_that_is_not_damaged_asks_first(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    edit = _tag(path, 0)
    with pytest.raises(HealthyProject, match="is not damaged"):
        Project.restore_backup(path)
    assert edit in _span_ids(path)
    runner = CliRunner()
    refused = runner.invoke(main, ["restore", str(path)], input="n\n")
    assert refused.exit_code == 1 and "not damaged" in refused.output and "nothing was changed" in refused.output
    assert edit in _span_ids(path) and not list(tmp_path.glob("*.damaged-*"))
    agreed = runner.invoke(main, ["restore", str(path)], input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert edit not in _span_ids(path)
    [kept] = [p for p in tmp_path.glob("p.curator.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert edit in _span_ids(kept)
    _tag(path, 3)
    scripted = runner.invoke(main, ["restore", str(path), "--yes"])
    assert scripted.exit_code == 0, scripted.output


# -- locks (item 15) ---------------------------------------------------------------------------------


def _write_lock(path: Path, **info: object) -> None:
    lock_path(path).write_text(json.dumps(info), encoding="utf-8")


def test_a_lock_from_another_host_names_its_holder_and_the_way_out(tmp_path):
    path = _seeded(tmp_path)
    _write_lock(path, pid=4242, host="annotator-pc", since="2026-11-30T09:15:00+00:00", os_lock=True)
    with Project.open(path) as store:
        assert store.read_only
        reason = store.read_only_reason()
    assert "process 4242 on annotator-pc since 2026-11-30" in reason and "curator unlock" in reason
    result = CliRunner().invoke(main, ["tag", str(path), "1", "0", "2", "place"])
    assert result.exit_code == 1 and "annotator-pc" in result.output and "curator unlock" in result.output


def test_a_lock_whose_pid_was_reused_is_stale(tmp_path):
    if process_started(os.getpid()) is None:
        pytest.skip("this OS does not give a process's start time")
    path = _seeded(tmp_path)
    parent = os.getppid()  # alive, but not the process that wrote this lock: its start time differs
    _write_lock(path, pid=parent, host=socket.gethostname(), since="2026-01-01T00:00:00+00:00",
                started=process_started(parent) + 12345, os_lock=True)
    with Project.open(path) as store:
        assert not store.read_only


_HOLD = """
import sys, time
from curator.store import Project
store = Project.open(sys.argv[1])
print("writable" if not store.read_only else "read-only", flush=True)
sys.stdin.readline()
store.close()
"""


def _holder(path: Path) -> subprocess.Popen:
    child = subprocess.Popen([PYTHON, "-c", _HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "writable"
    return child


def test_unlock_refuses_a_live_holder_here_and_asks_for_another_host(tmp_path):
    path = _seeded(tmp_path)
    runner = CliRunner()
    child = _holder(path)
    try:
        result = runner.invoke(main, ["unlock", str(path), "--yes"])
        assert result.exit_code == 1 and "still running on this computer" in result.output
        with Project.open(path) as store:
            assert store.read_only and store.locked_by.pid == child.pid
    finally:
        child.communicate("\n", timeout=60)
    _write_lock(path, pid=4242, host="annotator-pc", since="2026-11-30T09:15:00+00:00", os_lock=True)
    kept = runner.invoke(main, ["unlock", str(path)], input="n\n")
    assert kept.exit_code == 1 and lock_path(path).exists()
    removed = runner.invoke(main, ["unlock", str(path)], input="y\n")
    assert removed.exit_code == 0 and "annotator-pc" in removed.output and not lock_path(path).exists()
    with Project.open(path) as store:
        assert not store.read_only


def test_releasing_a_lock_never_removes_another_process_lock(tmp_path):
    path = _seeded(tmp_path)
    store = Project.open(path)
    lock_path(path).unlink()  # removed under us (an unlock from elsewhere), then another process takes it
    child = _holder(path)
    try:
        store.close()
        holder = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert holder["pid"] == child.pid
    finally:
        child.communicate("\n", timeout=60)
    assert not lock_path(path).exists()  # the child removed its own lock when it closed


_RACE = """
import json, sys, time
from pathlib import Path
from curator.store import Project, ProjectError
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
try:
    store = Project.open(sys.argv[1])
except ProjectError as exc:
    print(json.dumps({"error": str(exc)}), flush=True)
    sys.exit(0)
print(json.dumps({"writable": not store.read_only, "id": store.project_id(),
                  "documents": store.document_count()}), flush=True)
sys.stdin.readline()
store.close()
"""


@pytest.mark.parametrize("exists", [False, True], ids=["new project", "existing project"])
def test_of_many_processes_opening_one_project_at_once_exactly_one_writes(tmp_path, exists):
    path = tmp_path / "新 项目.curator"
    if exists:
        Project.open(path).close()
    go = tmp_path / "go"
    children = [subprocess.Popen([PYTHON, "-c", _RACE, str(path), str(go)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
                for _ in range(24)]
    time.sleep(0.5)  # let them all start waiting; the test does not depend on it
    go.touch()
    answers = []
    try:
        answers = [json.loads(child.stdout.readline() or '{"error": "no answer"}') for child in children]
    finally:
        for child in children:
            _, err = child.communicate("\n", timeout=120)
            assert "Traceback" not in err, err
    assert [a for a in answers if "error" in a] == []
    assert sum(a["writable"] for a in answers) == 1
    assert len({a["id"] for a in answers}) == 1 and {a["documents"] for a in answers} == {0}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".creating")]


# -- leftovers of killed backups (item 15) ----------------------------------------------------------


def test_a_killed_backups_partial_file_is_removed_but_not_one_being_written(tmp_path):
    from curator.store.lock import hold_exclusive

    path = _seeded(tmp_path)
    folder = backup_module.backup_dir(path)
    folder.mkdir()
    stale = folder / "p-20260101-000000-daily.curator.partial"
    stale.write_bytes(bytes(1_000_000))
    if hold_exclusive(folder / "probe") is None:
        pytest.skip("no OS file locks here")
    writing = folder / "p-20260101-000001-manual.curator.partial"
    guard = hold_exclusive(writing)  # as a backup in progress holds it
    try:
        with Project.open(path):
            pass
        assert not stale.exists() and writing.exists()
        with Project.open(path) as store:
            store.backup_now()
        assert writing.exists()
    finally:
        os.close(guard)
    with Project.open(path) as store:
        store.backup_now()
    assert not writing.exists()
    assert [p.suffix for p in folder.iterdir() if p.name != "probe"] == [".curator"] * 2


# -- a full disk, for everyone (item 11) --------------------------------------------------------------

_LIMITED = """
import resource, signal, subprocess, sys
limit = int(sys.argv[1])
def cap():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
done = subprocess.run(sys.argv[2:], preexec_fn=cap, capture_output=True, text=True)
sys.stdout.write(done.stdout)
sys.stderr.write(done.stderr)
sys.exit(done.returncode)
"""


def _curator_with_file_limit(limit: int, *args: str) -> subprocess.CompletedProcess:
    """Run curator where no file may grow past `limit` bytes: writes fail as they do on a full disk."""
    pytest.importorskip("resource")
    return subprocess.run([PYTHON, "-c", _LIMITED, str(limit), PYTHON, "-m", "curator", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def _one_clear_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("command", [["stats"], ["tag", "1", "0", "2", "place"]])
def test_stats_and_tag_on_a_full_disk_say_the_disk_is_full(tmp_path, command):
    path = _seeded(tmp_path)
    line = _one_clear_line(_curator_with_file_limit(8192, command[0], str(path), *command[1:]))
    assert "the disk is full" in line and "free some space" in line


def test_an_edit_that_cannot_grow_the_wal_says_the_disk_is_full(tmp_path):
    path = _seeded(tmp_path)
    reader = sqlite3.connect(path)  # keeps the -shm (32 KB) and the -wal in place, as another open window would
    with reader:
        reader.execute("INSERT INTO meta VALUES ('padding', ?)", ["x" * 24_000])  # the WAL is now ~29 KB
    try:
        line = _one_clear_line(_curator_with_file_limit(36_000, "tag", str(path), "1", "0", "200", "initiative"))
    finally:
        reader.close()
    assert "not saved" in line and "the disk is full" in line
    assert not _span_ids(path)


def test_a_migration_on_a_full_disk_says_no_backup_could_be_made(tmp_path):
    path = tmp_path / "old.curator"
    shutil.copy(FIXTURE, path)
    before = path.read_bytes()
    line = _one_clear_line(_curator_with_file_limit(8192, "stats", str(path)))
    assert "not upgraded: no backup could be made" in line and "the disk is full" in line
    assert path.read_bytes() == before


# -- a failing daily backup is said, not silent (item 11) ------------------------------------------


def _old_project_whose_backups_cannot_be_written(tmp_path: Path) -> Path:
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.set_meta("created", "2020-01-01T00:00:00+00:00")
    backup_module.backup_dir(path).write_text("a file where the backup folder should be")
    return path


def test_a_failed_daily_backup_is_reported(tmp_path):
    path = _old_project_whose_backups_cannot_be_written(tmp_path)
    with Project.open(path) as store:
        store._daily.wait()
        problem = store.backup_problem()
    assert problem.startswith("the daily backup failed") and "no backup written" in problem


def test_stats_shows_that_the_backups_have_stopped(tmp_path):
    path = _old_project_whose_backups_cannot_be_written(tmp_path)
    runner = CliRunner()
    shown = runner.invoke(main, ["stats", str(path)])
    assert shown.exit_code == 0
    assert "backups: it has no backup, though the project changed on" in shown.output
    assert "is a file, not a folder" in shown.output
    numbers = json.loads(runner.invoke(main, ["stats", str(path), "--json"]).stdout)
    assert "is a file, not a folder" in numbers["backup_problem"]


def test_stats_of_a_project_with_fresh_backups_has_no_backup_problem(tmp_path):
    path = _seeded(tmp_path)
    with Project.open(path) as store:
        store.backup_now()
    numbers = json.loads(CliRunner().invoke(main, ["stats", str(path), "--json"]).stdout)
    assert numbers["backup_problem"] is None


def test_without_os_locks_the_lock_file_still_keeps_a_second_writer_out(tmp_path, monkeypatch):
    from curator.store import lock as lock_module

    if process_started(os.getpid()) is None:
        pytest.skip("this OS does not give a process's start time")
    path = _seeded(tmp_path)
    monkeypatch.setattr(lock_module, "_try_os_lock", lambda fd, shared=False: None)  # e.g. some network drives
    parent = os.getppid()
    _write_lock(path, pid=parent, host=socket.gethostname(), started=process_started(parent), os_lock=False)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by.pid == parent
    lock_path(path).unlink()
    with Project.open(path) as store:
        assert not store.read_only
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["os_lock"] is False
    assert not lock_path(path).exists()
