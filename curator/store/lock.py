"""One writer per project: an OS lock on `NAME.curator.lock`, held while the project is open.

The OS lock (flock; a byte-range lock on Windows) makes taking it atomic, so of many processes
opening one project at once exactly one writes, and a crashed holder's lock goes with its process.
The file's text names the holder (process, host, since when, the process's start time) so that a
read-only open can say whose lock it is; a lock written on another host (a shared drive, where OS
locks may not reach) is honoured until `curator unlock` removes it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the text, so that others can still read who holds it
_BUSY_RETRIES = 10  # a holder writes its name just after taking the lock: wait a little for it


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: str = ""  # ISO time the lock was taken
    started: int | None = None  # the process's start time (Linux: /proc/PID/stat field 22): a reused pid differs
    os_lock: bool = False  # written by a curator that holds the OS lock while the project is open

    def __str__(self) -> str:
        if not self.pid:
            return "another curator process"
        text = f"process {self.pid} on {self.host}"
        when = _readable_time(self.since)
        return f"{text} since {when}" if when else text

    @property
    def here(self) -> bool:
        return self.host == socket.gethostname()


class LockHeld(Exception):
    def __init__(self, holder: LockHolder) -> None:
        super().__init__(str(holder))
        self.holder = holder


class ForeignLock(Exception):
    """The lock was written on another computer: removed only when the caller confirms (other_host)."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(f"the lock is held by {holder} on another computer")


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def _readable_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return ""


def process_started(pid: int) -> int | None:
    """When process pid started, in clock ticks since boot (Linux); None where the OS does not say."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        return int(stat[stat.rindex(")") + 2:].split()[19])  # fields after "(comm)" start at field 3
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # Windows raises OSError for a pid that is gone
        return False
    return True


def _parse(text: str) -> LockHolder | None:
    try:
        info = json.loads(text)
        started = info.get("started")
        return LockHolder(int(info["pid"]), str(info["host"]), since=str(info.get("since") or ""),
                          started=int(started) if started is not None else None, os_lock=bool(info.get("os_lock")))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_holder(project: Path) -> LockHolder | None:
    """The holder named in the lock file (alive or not), or None when there is no readable lock file."""
    try:
        return _parse(lock_path(project).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _same_process(holder: LockHolder, pid: int) -> bool:
    """pid is the process that wrote the lock (not a later process given the same pid)."""
    if not _alive(pid):
        return False
    started = process_started(pid)
    return holder.started is None or started is None or started == holder.started


def _os_locked(project: Path) -> bool:
    """Some process holds the OS lock on the lock file (probed without keeping it)."""
    try:
        fd = os.open(lock_path(project), os.O_RDWR)
    except OSError:
        return False
    try:
        taken = _try_os_lock(fd, shared=True)
        if taken:
            _os_unlock(fd)
        return taken is False
    finally:
        os.close(fd)


def is_live(holder: LockHolder, project: Path) -> bool:
    """The holder still has the project open, as far as this host can tell (another host's lock counts as live)."""
    if not holder.here:
        return True
    if not _same_process(holder, holder.pid):
        return False
    return _os_locked(project) if holder.os_lock else True


def current_holder(project: Path) -> LockHolder | None:
    """Who holds the project open for writing, if that process is still running (None for this process)."""
    holder = read_holder(project)
    if holder is None or (holder.here and holder.pid == os.getpid()):
        return None
    return holder if is_live(holder, project) else None


def break_lock(project: Path, *, other_host: bool = False) -> LockHolder | None:
    """Remove a lock left behind; refused while its holder runs on this host. Returns the holder removed."""
    holder = read_holder(project)
    path = lock_path(project)
    if holder is None and not path.exists():
        return None
    if holder is not None and holder.here and is_live(holder, project) and holder.pid != os.getpid():
        raise LockHeld(holder)
    if holder is None and _os_locked(project):
        raise LockHeld(LockHolder(0, socket.gethostname()))
    if holder is not None and not holder.here and not other_host:
        raise ForeignLock(holder)
    path.unlink(missing_ok=True)
    return holder


# -- taking and releasing -----------------------------------------------------------------------


_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK)


def _try_os_lock(fd: int, *, shared: bool = False) -> bool | None:
    """True: taken; False: another holds it; None: this file system has no such locks (some network drives)."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        else:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        return False if exc.errno in _BUSY else None
    return True


def _os_unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return
    os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _read_fd(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = os.read(fd, 4096)
    return _parse(data.decode("utf-8", "replace")) if data else None


def _honoured(found: LockHolder | None) -> bool:
    """A holder named in a lock file whose OS lock we just got: still to be respected?"""
    if found is None or (found.here and found.pid == os.getpid()):
        return False
    if not found.here:
        return True  # OS locks may not cross a network drive: another host's lock stands until unlocked
    return not found.os_lock and _same_process(found, found.pid)  # an older curator, which took no OS lock


def _write_me(fd: int, *, os_lock: bool) -> None:
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now().astimezone().isoformat(timespec="seconds"),
          "started": process_started(os.getpid()), "os_lock": os_lock}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(me).encode("utf-8"))
    os.fsync(fd)


def _take_fd(path: Path) -> int:
    for attempt in range(_BUSY_RETRIES * 2):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        locked = False
        try:
            taken = _try_os_lock(fd)
            if taken is None:  # no OS locks on this drive: the file's text is all there is to go by
                found = _read_fd(fd)
                if found is not None and is_live(found, path.with_name(path.name[:-len(".lock")])) \
                        and not (found.here and found.pid == os.getpid()):
                    raise LockHeld(found)
                _write_me(fd, os_lock=False)
                return fd
            if not taken:
                found = _read_fd(fd)
                if found is None and attempt < _BUSY_RETRIES:
                    os.close(fd)
                    time.sleep(0.02)
                    continue
                raise LockHeld(found or LockHolder(0, socket.gethostname()))
            locked = True
            if not _same_file(fd, path):  # released and removed between our open and our lock: start again
                os.close(fd)
                continue
            found = _read_fd(fd)
            if _honoured(found):
                assert found is not None
                locked = False
                raise LockHeld(found)
            _write_me(fd, os_lock=True)
            return fd
        except BaseException:
            if locked and _same_file(fd, path):  # e.g. a full disk: leave no empty lock file behind
                path.unlink(missing_ok=True)
            os.close(fd)  # closing drops our OS lock, if we had it
            raise
    raise LockHeld(LockHolder(0, socket.gethostname()))


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1


_HELD: dict[str, _Held] = {}  # lock files this process holds: a second open in the same process shares the lock
_HELD_GUARD = threading.Lock()


class ProjectLock:
    """The write lock of one project, held from construction until release(); raises LockHeld if taken."""

    def __init__(self, project: Path) -> None:
        self.path = lock_path(project)
        self._key = os.path.realpath(self.path)
        self._released = False
        with _HELD_GUARD:
            held = _HELD.get(self._key)
            if held is not None and _same_file(held.fd, self.path):
                held.count += 1
            else:
                held = _HELD[self._key] = _Held(_take_fd(self.path))
        self._held = held

    def release(self) -> None:
        """Give the lock up; the file is removed only while it is still ours (never another process's lock)."""
        with _HELD_GUARD:
            if self._released:
                return
            self._released = True
            held = self._held
            held.count -= 1
            if held.count:
                return
            if _HELD.get(self._key) is held:
                del _HELD[self._key]
            try:
                found = _read_fd(held.fd) if _same_file(held.fd, self.path) else None
                if found is not None and found.here and found.pid == os.getpid():
                    # removed while we still hold the OS lock, so no one can have taken it; if it cannot be
                    # removed it is stale once the OS lock goes, and the next open takes it
                    with contextlib.suppress(OSError):
                        self.path.unlink()
            finally:
                os.close(held.fd)


# -- marking a file as being written (a backup's .partial) ---------------------------------------


def hold_exclusive(path: Path) -> int | None:
    """Create path and hold an OS lock on it until the returned descriptor is closed (None where unsupported).

    Windows is left out: its byte-range locks are mandatory and would stop SQLite writing the file.
    """
    if fcntl is None:
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if _try_os_lock(fd):
        return fd
    os.close(fd)  # no locks on this drive (or, impossibly, a name already in use): the age rule applies
    return None


def is_held_elsewhere(path: Path) -> bool | None:
    """Another descriptor holds hold_exclusive's lock on path (None where this OS cannot tell)."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        taken = _try_os_lock(fd)
        if taken:
            _os_unlock(fd)
        return None if taken is None else not taken
    finally:
        os.close(fd)
