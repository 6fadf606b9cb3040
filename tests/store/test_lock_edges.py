"""The write lock, in this process: who holds a project, what a second opener is told, what unlock refuses.

Another process's lock is played by a second descriptor of the lock file holding the OS lock (flock locks
belong to an open file, so this process's own probe sees it as taken) and a lock text naming our parent.
"""

from __future__ import annotations

import errno
import json
import os
import socket
from datetime import datetime
from pathlib import Path

import pytest

from curator.store import LockedProject, Project, ProjectError
from curator.store import lock as lock_module
from curator.store.lock import (
    LockHolder,
    break_lock,
    current_holder,
    hold_exclusive,
    is_held_elsewhere,
    lock_path,
    process_started,
    read_holder,
)

fcntl = pytest.importorskip("fcntl")
HOST = socket.gethostname()
SINCE = "2026-11-30T09:15:00+00:00"
PROC = Path("/proc/self/stat").exists()  # Linux: a process's start time is known (never skipped there)
SHOWN = datetime.fromisoformat(SINCE).astimezone().strftime("%Y-%m-%d %H:%M")


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.curator"
    Project.open(path).close()
    return path


def _write_lock(path: Path, **info: object) -> None:
    lock_path(path).write_text(json.dumps(info), encoding="utf-8")


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        pid += 1


class OtherCurator:
    """Our parent process named in the lock file, with the OS lock held by a descriptor of ours."""

    def __init__(self, path: Path, *, text: bool = True, os_lock: bool = True) -> None:
        self.pid = os.getppid()
        if text:
            _write_lock(path, pid=self.pid, host=HOST, since=SINCE, started=process_started(self.pid), os_lock=os_lock)
        self.fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def quit(self) -> None:
        """A crash: the OS lock goes with the process, its text stays."""
        os.close(self.fd)


@pytest.fixture
def other(tmp_path):
    path = _project(tmp_path)
    holder = OtherCurator(path)
    yield path, holder
    holder.quit()


def test_a_second_opener_is_told_who_has_it_and_since_when(other):
    path, holder = other
    with Project.open(path) as store:
        assert store.read_only
        assert store.locked_by == LockHolder(holder.pid, HOST, since=SINCE, started=process_started(holder.pid),
                                             os_lock=True)
        assert store.read_only_reason() == (f"{path} is open for writing by process {holder.pid} on {HOST} since {SHOWN}; "
                                            "close it there first (opened read-only)")
    assert current_holder(path) == store.locked_by
    assert lock_path(path).exists()  # a read-only open leaves the other's lock alone


def test_unlock_refuses_a_curator_still_running_here_and_keeps_its_lock(other):
    path, holder = other
    with pytest.raises(LockedProject) as caught:
        Project.unlock(path)
    assert str(caught.value) == (f"{path} is open by process {holder.pid} on {HOST} since {SHOWN}, which is still "
                                 "running on this computer; close it there (nothing was unlocked)")
    with pytest.raises(LockedProject):
        Project.unlock(path, other_host=True)
    assert read_holder(path).pid == holder.pid


def test_restore_is_refused_while_another_curator_has_it_open(other):
    path, holder = other
    with Project.open(path, read_only=True) as store:
        assert store.read_only and store.locked_by.pid == holder.pid
    with pytest.raises(LockedProject) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == (f"{path} is open by process {holder.pid} on {HOST} since {SHOWN}; "
                                 "close it there before restoring")


def test_a_crashed_holders_lock_is_stale_and_unlock_removes_it(other):
    path, holder = other
    holder.quit()
    holder.fd = os.open(os.devnull, os.O_RDONLY)  # for the fixture's close
    assert current_holder(path) is None
    assert Project.lock_holder(path).pid == holder.pid  # what unlock would remove
    assert Project.unlock(path).pid == holder.pid
    assert not lock_path(path).exists()
    assert Project.unlock(path) is None  # nothing left to unlock


def test_a_crashed_holders_lock_is_taken_over_by_the_next_open(other):
    path, holder = other
    holder.quit()
    holder.fd = os.open(os.devnull, os.O_RDONLY)
    with Project.open(path) as store:
        assert not store.read_only and store.locked_by is None
        mine = read_holder(path)
        assert mine.pid == os.getpid() and mine.host == HOST and mine.os_lock is True
        assert mine.started == process_started(os.getpid())
        assert datetime.fromisoformat(mine.since).tzinfo is not None
        assert current_holder(path) is None  # this process's own lock is nobody else's
    assert not lock_path(path).exists()


def test_a_lock_taken_but_not_yet_named_is_another_curator(tmp_path):
    path = _project(tmp_path)
    holder = OtherCurator(path, text=False)  # it took the OS lock and has not written its name yet
    try:
        with Project.open(path) as store:
            assert store.read_only and store.locked_by == LockHolder(0, HOST)
            assert store.read_only_reason() == (f"{path} is open for writing by another curator process; "
                                                "close it there first (opened read-only)")
        with pytest.raises(LockedProject) as caught:
            Project.unlock(path)
        assert str(caught.value) == (f"{path} is open by another curator process, which is still running on this "
                                     "computer; close it there (nothing was unlocked)")
    finally:
        holder.quit()
    assert Project.unlock(path) is None and not lock_path(path).exists()  # an empty lock file, left behind


def test_an_older_curator_without_os_locks_is_honoured_while_it_runs(tmp_path):
    path = _project(tmp_path)
    parent = os.getppid()
    _write_lock(path, pid=parent, host=HOST, started=process_started(parent), os_lock=False)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by.pid == parent and store.locked_by.os_lock is False
    assert current_holder(path).pid == parent
    _write_lock(path, pid=parent, host=HOST, started=process_started(parent), os_lock=True)
    assert current_holder(path) is None  # it says it held the OS lock, and no one holds it: it is gone
    with Project.open(path) as store:
        assert not store.read_only


def test_a_dead_processs_lock_is_stale(tmp_path):
    path = _project(tmp_path)
    _write_lock(path, pid=_dead_pid(), host=HOST, since=SINCE, os_lock=False)
    assert current_holder(path) is None
    with Project.open(path) as store:
        assert not store.read_only


def test_another_computers_lock_is_removed_only_when_confirmed(tmp_path):
    path = _project(tmp_path)
    _write_lock(path, pid=4242, host="annotator-pc", since=SINCE, os_lock=True)
    assert current_holder(path) == LockHolder(4242, "annotator-pc", since=SINCE, os_lock=True)
    with Project.open(path) as store:
        assert store.read_only
        assert store.read_only_reason() == (
            f"{path} is open for writing by process 4242 on annotator-pc since {SHOWN} (another computer; opened "
            f"read-only). If no curator has it open there any more, run `curator unlock \"{path}\"` to open it anyway")
    with pytest.raises(ProjectError) as caught:
        Project.unlock(path)
    assert type(caught.value) is ProjectError
    assert str(caught.value) == (f"{path}: the lock is held by process 4242 on annotator-pc since {SHOWN} on another "
                                 "computer; confirm to remove it (nothing was unlocked)")
    assert lock_path(path).exists()
    assert Project.unlock(path, other_host=True).host == "annotator-pc"
    assert not lock_path(path).exists()


def test_a_lock_that_cannot_be_removed_says_why(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _write_lock(path, pid=_dead_pid(), host=HOST)

    def refuse(self, missing_ok=False):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(ProjectError) as caught:
        Project.unlock(path)
    assert str(caught.value) == f"{path}: the lock cannot be removed (Permission denied)"


def test_a_lock_file_that_cannot_be_written_leaves_no_lock_behind(tmp_path, monkeypatch):
    path = _project(tmp_path)

    def full(fd, *, os_lock):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock_module, "_write_me", full)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert str(caught.value) == (f"{path}: cannot open it for writing (No space left on device); "
                                 "free some space, or open it read-only")
    assert not lock_path(path).exists()
    with pytest.raises(ProjectError) as caught:
        Project.restore_backup(path)
    assert str(caught.value) == f"{path}: not restored (No space left on device)"
    monkeypatch.undo()
    with Project.open(path) as store:  # nothing held on: the next open writes
        assert not store.read_only


def test_two_opens_in_one_process_share_the_lock_until_both_close(tmp_path):
    path = _project(tmp_path)
    first = Project.open(path)
    second = Project.open(path)
    assert not first.read_only and not second.read_only
    first.close()
    first.close()  # a second close changes nothing
    assert read_holder(path).pid == os.getpid()
    second.close()
    assert not lock_path(path).exists()


def test_closing_never_removes_a_lock_written_by_someone_else_meanwhile(tmp_path):
    path = _project(tmp_path)
    store = Project.open(path)
    lock_path(path).unlink()  # an unlock from elsewhere, then another curator takes it
    holder = OtherCurator(path)
    try:
        store.close()
        assert read_holder(path).pid == holder.pid
    finally:
        holder.quit()


def test_closing_keeps_a_lock_file_that_no_longer_names_this_process(tmp_path):
    path = _project(tmp_path)
    store = Project.open(path)
    _write_lock(path, pid=4242, host="annotator-pc")  # rewritten in place (same file) by another computer
    store.close()
    assert read_holder(path).host == "annotator-pc"


@pytest.mark.parametrize("text", ["", "not json", "[]", '{"host": "h"}', '{"pid": 5}', '{"pid": "x", "host": "h"}',
                                  '{"pid": 5, "host": "h", "started": "soon"}'])
def test_a_lock_file_that_names_no_one_is_read_as_none(tmp_path, text):
    path = tmp_path / "p.curator"
    lock_path(path).write_text(text, encoding="utf-8")
    assert read_holder(path) is None


def test_a_lock_file_is_read_with_defaults_for_what_it_does_not_say(tmp_path):
    path = tmp_path / "p.curator"
    assert read_holder(path) is None  # no lock file
    lock_path(path).write_bytes(b"\xff\xfe")
    assert read_holder(path) is None
    _write_lock(path, pid="12", host="pc", since=None, started="345")
    assert read_holder(path) == LockHolder(12, "pc", since="", started=345, os_lock=False)
    _write_lock(path, pid=12, host="pc", started=None, os_lock=1)
    assert read_holder(path) == LockHolder(12, "pc", started=None, os_lock=True)


def test_a_holder_is_named_for_people():
    assert str(LockHolder(0, HOST)) == "another curator process"
    assert str(LockHolder(7, "pc")) == "process 7 on pc"
    assert str(LockHolder(7, "pc", since="yesterday")) == "process 7 on pc"
    assert str(LockHolder(7, "pc", since=SINCE)) == f"process 7 on pc since {SHOWN}"
    assert LockHolder(7, HOST).here and not LockHolder(7, "elsewhere").here
    assert lock_path(Path("/x/p.curator")) == Path("/x/p.curator.lock")


def test_a_process_start_time_tells_a_reused_pid():
    if not PROC:
        pytest.skip("this OS does not give a process's start time")
    assert process_started(os.getpid()) == process_started(os.getpid())
    assert process_started(os.getppid()) <= process_started(os.getpid())
    with open(f"/proc/{os.getpid()}/stat", "rb") as f:
        assert str(process_started(os.getpid())) == f.read().decode().rsplit(")", 1)[1].split()[19]
    assert process_started(_dead_pid()) is None


def test_break_lock_of_a_live_holder_here_raises_with_the_holder(other):
    path, holder = other
    with pytest.raises(lock_module.LockHeld) as caught:
        break_lock(path)
    assert caught.value.holder.pid == holder.pid and str(caught.value) == str(caught.value.holder)


def test_a_file_held_exclusive_is_held_elsewhere_until_closed(tmp_path):
    partial = tmp_path / "p-20261130-091500-daily.curator.partial"
    assert is_held_elsewhere(partial) is False  # no such file
    fd = hold_exclusive(partial)
    assert fd is not None and partial.exists()
    assert is_held_elsewhere(partial) is True
    os.close(fd)
    assert is_held_elsewhere(partial) is False
    assert is_held_elsewhere(partial) is False  # probing takes no lock that stays


def test_without_os_locks_a_file_held_exclusive_cannot_be_told(tmp_path, monkeypatch):
    monkeypatch.setattr(lock_module, "_try_os_lock", lambda fd, shared=False: None)
    partial = tmp_path / "x.partial"
    assert hold_exclusive(partial) is None and partial.exists()
    assert is_held_elsewhere(partial) is None


def test_without_os_locks_a_dead_holders_text_is_overwritten(tmp_path, monkeypatch):
    path = _project(tmp_path)
    monkeypatch.setattr(lock_module, "_try_os_lock", lambda fd, shared=False: None)
    _write_lock(path, pid=_dead_pid(), host=HOST, os_lock=False)
    with Project.open(path) as store:
        assert not store.read_only
        assert read_holder(path).pid == os.getpid() and read_holder(path).os_lock is False
    _write_lock(path, pid=4242, host="annotator-pc", since=SINCE)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by.host == "annotator-pc"


def test_a_drive_without_os_locks_falls_back_to_the_lock_text(tmp_path, monkeypatch):
    path = _project(tmp_path)

    def unsupported(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.fcntl, "flock", unsupported)
    with Project.open(path) as store:
        assert not store.read_only
        assert read_holder(path).pid == os.getpid() and read_holder(path).os_lock is False
    assert not lock_path(path).exists()


@pytest.mark.parametrize("code", [errno.EAGAIN, errno.EACCES, errno.EDEADLK])
def test_a_lock_taken_elsewhere_is_respected_whatever_the_os_calls_it(tmp_path, monkeypatch, code):
    path = _project(tmp_path)

    def busy(fd, operation):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(lock_module.fcntl, "flock", busy)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by == LockHolder(0, HOST)


def test_a_lock_file_replaced_while_it_was_taken_is_taken_again(tmp_path, monkeypatch):
    path = _project(tmp_path)
    real = lock_module._same_file
    answers = [False]

    def once(fd, where):
        return answers.pop() if answers else real(fd, where)

    monkeypatch.setattr(lock_module, "_same_file", once)
    with Project.open(path) as store:
        assert not store.read_only and answers == []
        assert read_holder(path).pid == os.getpid()


def test_a_lock_file_that_keeps_being_replaced_gives_up(tmp_path, monkeypatch):
    path = _project(tmp_path)
    calls = []

    def never(fd, where):
        calls.append(fd)
        return False

    monkeypatch.setattr(lock_module, "_same_file", never)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by == LockHolder(0, HOST)
    assert len(calls) == 2 * lock_module._BUSY_RETRIES


def test_an_older_curators_lock_is_stale_once_its_pid_belongs_to_another_process(tmp_path):
    if not PROC:
        pytest.skip("this OS does not give a process's start time")
    path = _project(tmp_path)
    parent = os.getppid()
    _write_lock(path, pid=parent, host=HOST, started=process_started(parent) + 12345, os_lock=False)
    assert current_holder(path) is None
    assert break_lock(path).pid == parent and not lock_path(path).exists()
    _write_lock(path, pid=parent, host=HOST, started=None, os_lock=False)  # it did not say when it started
    assert current_holder(path).pid == parent
    _write_lock(path, pid=parent, host=HOST, started=process_started(parent), os_lock=False)
    assert current_holder(path).pid == parent
    with pytest.raises(lock_module.LockHeld):
        break_lock(path)


def test_an_unnamed_lock_held_here_is_refused_with_this_host(tmp_path):
    path = _project(tmp_path)
    holder = OtherCurator(path, text=False)
    try:
        with pytest.raises(lock_module.LockHeld) as caught:
            break_lock(path)
        assert caught.value.holder == LockHolder(0, HOST) and caught.value.holder.here
        assert str(caught.value) == "another curator process"
    finally:
        holder.quit()


def test_a_partial_being_written_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    fd = hold_exclusive(tmp_path / "x.partial")
    try:
        assert (tmp_path / "x.partial").stat().st_mode & 0o777 == 0o644 & ~umask
    finally:
        os.close(fd)


def test_releasing_one_share_twice_keeps_the_other_shares_lock(tmp_path):
    path = _project(tmp_path)
    first, second = lock_module.ProjectLock(path), lock_module.ProjectLock(path)
    first.release()
    first.release()
    assert read_holder(path).pid == os.getpid()
    second.release()
    assert not lock_path(path).exists()


def test_a_lock_file_that_cannot_be_removed_on_close_is_left_stale(tmp_path, monkeypatch):
    path = _project(tmp_path)
    store = Project.open(path)
    real = Path.unlink

    def refuse(self, missing_ok=False):
        if self == lock_path(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    store.close()  # closing never fails for the lock: its OS lock is gone, so it is stale
    monkeypatch.undo()
    assert read_holder(path).pid == os.getpid()
    with Project.open(path) as again:
        assert not again.read_only


def test_the_lock_file_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    path = _project(tmp_path)
    with Project.open(path):
        assert lock_path(path).stat().st_mode & 0o777 == 0o644 & ~umask


def test_without_os_locks_a_lock_text_that_claims_one_is_judged_by_the_probe(tmp_path, monkeypatch):
    path = _project(tmp_path)
    monkeypatch.setattr(lock_module, "_try_os_lock", lambda fd, shared=False: None)
    parent = os.getppid()
    _write_lock(path, pid=parent, host=HOST, started=process_started(parent), os_lock=True)
    with Project.open(path) as store:  # no OS lock can be held on this drive, so the text is stale
        assert not store.read_only and read_holder(path).pid == os.getpid()


def test_a_holder_that_names_itself_just_after_taking_the_lock_is_named(tmp_path, monkeypatch):
    path = _project(tmp_path)
    monkeypatch.setattr(lock_module, "_try_os_lock", lambda fd, shared=False: False)  # someone holds it
    named = LockHolder(4242, HOST, since=SINCE, os_lock=True)
    reads = [named, None]  # the first look finds the file still empty

    def read(fd):
        return reads.pop() if len(reads) > 1 else reads[0]

    monkeypatch.setattr(lock_module, "_read_fd", read)
    with pytest.raises(lock_module.LockHeld) as caught:
        lock_module.ProjectLock(path)
    assert caught.value.holder == named


def test_locks_of_two_projects_in_one_process_are_kept_apart(tmp_path):
    first, second = tmp_path / "a.curator", tmp_path / "b.curator"
    a = Project.open(first)
    b = Project.open(second)
    again = Project.open(first)
    try:
        assert not a.read_only and not b.read_only and not again.read_only
    finally:
        for store in (again, b, a):
            store.close()
    assert not lock_path(first).exists() and not lock_path(second).exists()
