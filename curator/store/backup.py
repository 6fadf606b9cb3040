"""Backups of a project file, made with SQLite's online backup API.

They live in a folder beside the project, `NAME.curator.backups/`, so they travel with
it to a USB stick or a shared drive and an annotator finds them without knowing where
a user data directory is. Each backup is a complete project file named
`NAME-YYYYMMDD-HHMMSS-REASON.curator`, written under a temporary name and renamed when
whole, then checked with `PRAGMA quick_check`: a bad copy is deleted, so a damaged
project never pushes good backups out. The newest KEEP are kept.

Reasons: `migration` (before an upgrade changes the file), `daily` (at most one a day
while a project is open), `manual`, `restore` (the damaged file, kept before a restore
replaces it).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curator.store.errors import storage_problem
from curator.store.lock import hold_exclusive, is_held_elsewhere

KEEP = 10
DAILY_SECONDS = 24 * 3600
OVERDUE_SECONDS = 2 * DAILY_SECONDS  # a project changed this long after its newest backup: the daily one failed
STALE_PARTIAL_SECONDS = 3600  # where no OS lock tells, a .partial untouched this long is a killed backup's
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)\.curator$")


class BackupError(Exception):
    """A backup could not be written (disk full, folder not writable, source unreadable)."""

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message  # the cause alone, for a sentence of the caller's


@dataclass(frozen=True)
class Backup:
    path: Path
    reason: str
    made: float  # seconds since the epoch, from the file's name

    def __str__(self) -> str:
        return f"{self.path.name} ({datetime.fromtimestamp(self.made):%Y-%m-%d %H:%M})"


def backup_dir(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def backups(project: Path) -> list[Backup]:
    """The project's backups, newest first."""
    folder = backup_dir(project)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if not match:
            continue
        stamp = match["stamp"]
        try:
            made = datetime.strptime(stamp, "%Y%m%d-%H%M%S").timestamp()
        except ValueError:
            continue
        found.append((made, int(match["n"] or 0), Backup(folder / name, match["reason"], made)))
    return [backup for *_, backup in sorted(found, key=lambda f: f[:2], reverse=True)]


def newest_backup(project: Path) -> Backup | None:
    found = backups(project)
    return found[0] if found else None


def make_backup(source: sqlite3.Connection | Path, project: Path, *, reason: str, keep: int = KEEP) -> Backup:
    """Copy the project (an open connection, or the file) into its backup folder; keep the newest `keep`."""
    folder = backup_dir(project)
    now = float(int(time.time()))  # as the name records it
    stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S")
    taken = [int(m["n"] or 0) for b in backups(project) if (m := _NAME.match(b.path.name)) and m["stamp"] == stamp]
    n = f"-{max(taken) + 1}" if taken else ""  # several in one second keep their order
    target = folder / f"{project.stem}-{stamp}{n}-{reason}.curator"
    partial = target.with_name(target.name + ".partial")
    own = not isinstance(source, sqlite3.Connection)
    guard = None
    try:
        folder.mkdir(exist_ok=True)
        remove_stale_partials(project)
        guard = hold_exclusive(partial)  # tells a later cleaner that this .partial is being written
        conn = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True) if own else source
        try:
            copy = sqlite3.connect(str(partial))
            try:
                conn.backup(copy)  # one step: a consistent snapshot, writers go on meanwhile (WAL)
                copy.execute("PRAGMA journal_mode = DELETE")
                ok = copy.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                copy.close()
        finally:
            if own:
                conn.close()
        if ok != "ok":
            raise BackupError(f"the project failed its check ({ok}); the older backups are kept",
                              reason=f"the project failed its check: {ok}")
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        reason = storage_problem(exc, saving=False, hint=False)
        raise BackupError(f"no backup written to {folder}: {reason}", reason=reason) from None
    finally:
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # nothing was written, or no folder
            partial.unlink()
        if guard is not None:
            os.close(guard)  # after SQLite closed the file: closing another descriptor would drop SQLite's locks
    prune(project, keep=keep)
    return Backup(target, reason, now)


def remove_stale_partials(project: Path, *, now: float | None = None) -> list[Path]:
    """Delete the `.partial` files killed backups left (each as large as the project); not one being written."""
    folder = backup_dir(project)
    try:
        names = [name for name in os.listdir(folder) if name.endswith(".curator.partial") and _NAME.match(name[:-8])]
    except OSError:
        return []
    removed = []
    for name in names:
        path = folder / name
        busy = is_held_elsewhere(path)
        try:
            if busy is None:  # no OS locks here: judge by age
                busy = (now or time.time()) - path.stat().st_mtime < STALE_PARTIAL_SECONDS
            if not busy:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue  # its backup finished (renamed) or another cleaner was first
    return removed


def overdue(project: Path, *, since: float | None) -> str | None:
    """Why the daily backups seem to be failing, when the project changed days after its newest backup."""
    newest = newest_backup(project)
    last = newest.made if newest else since
    if last is None:
        return None
    changed = max((p.stat().st_mtime for p in (project, Path(str(project) + "-wal")) if p.exists()), default=0.0)
    if changed - last <= OVERDUE_SECONDS:
        return None
    what = f"the newest backup is from {datetime.fromtimestamp(last):%Y-%m-%d}" if newest else "it has no backup"
    return (f"{what}, though the project changed on {datetime.fromtimestamp(changed):%Y-%m-%d}: "
            f"the daily backup is not being made ({_obstacle(project)})")


def _obstacle(project: Path) -> str:
    folder = backup_dir(project)
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder"
    where = folder if folder.is_dir() else project.parent
    if not os.access(where, os.W_OK):
        return f"{where} cannot be written"
    try:
        free, size = shutil.disk_usage(where).free, project.stat().st_size
    except OSError as exc:
        return str(exc.strerror or exc)
    if free < size * 2:
        return f"only {free // 1_000_000} MB free where a backup needs about {size // 1_000_000 + 1} MB"
    return "it may have failed or been stopped; the next open tries again"


def prune(project: Path, *, keep: int = KEEP) -> None:
    for old in backups(project)[keep:]:
        old.path.unlink(missing_ok=True)


def daily_due(project: Path, *, since: float | None = None, now: float | None = None) -> bool:
    """A day has passed since the newest backup (or, before the first one, since `since`: the project's creation)."""
    newest = newest_backup(project)
    last = newest.made if newest else since
    return last is None or (now or time.time()) - last >= DAILY_SECONDS


class DailyBackups:
    """At most one backup a day while a project is open, written by a thread with its own connection."""

    def __init__(self, project: Path, *, since: float | None = None, keep: int = KEEP) -> None:
        self.project = project
        self.since = since
        self.keep = keep
        self.last_error: str | None = None  # why the last daily backup of this session failed
        self._thread: threading.Thread | None = None
        self._next_check = 0.0

    def poke(self) -> None:
        """Start a backup if one is due; cheap enough to call on every edit."""
        now = time.monotonic()
        if now < self._next_check or (self._thread and self._thread.is_alive()):
            return
        self._next_check = now + 600
        if daily_due(self.project, since=self.since):
            self._thread = threading.Thread(target=self._run, name="curator-backup", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            make_backup(self.project, self.project, reason="daily", keep=self.keep)
            self.last_error = None
        except (BackupError, OSError, sqlite3.Error) as exc:  # a thread's error is seen only through last_error
            self.last_error = str(exc)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        if self._thread:
            self._thread.join()
