"""Backups of a project: write one now, list them, say when they fail, put a good one back.

A restore brings back only a backup of this project (its meta project_id, or for a damaged project
whose id cannot be read, a backup from its own NAME.curator.backups folder), asks before replacing a
project that is not damaged, and keeps the replaced file under a name no other restore uses.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from curator.store import backup as backups
from curator.store.errors import LockedProject, ProjectError
from curator.store.files import check_file, sound, timestamp
from curator.store.lock import ForeignLock, LockHeld, LockHolder, ProjectLock, break_lock, read_holder

PROJECT_ID = "project_id"
MIGRATION_SET = "curator"  # sqlite-utils Migrations name: a file without it was not made by curator


class HealthyProject(ProjectError):
    """The project is not damaged: restoring would drop every change made since the backup (asked first)."""


class Restoring:
    """Project's backup methods (a mixin: Project provides db, path and _daily)."""

    @staticmethod
    def list_backups(path: str | Path) -> list[backups.Backup]:
        """The backups of the project at path, newest first."""
        return backups.backups(Path(path))

    def backup_now(self, *, reason: str = "manual") -> backups.Backup:
        """Write a backup of this project now (into NAME.curator.backups/ beside it)."""
        if self.path is None:
            raise ProjectError("an in-memory project has no file to back up")
        try:
            return backups.make_backup(self.db.conn, self.path, reason=reason)
        except backups.BackupError as exc:
            raise ProjectError(str(exc)) from None

    def backup_problem(self) -> str | None:
        """Why this project's backups are not being made (a failed daily backup, or none for days), or None."""
        if self.path is None:
            return None
        daily = self._daily
        if daily is not None and daily.last_error:
            return f"the daily backup failed: {daily.last_error}"
        if daily is not None and daily.running:
            return None
        return backups.overdue(self.path, since=timestamp(self.meta("created")))

    def read_only_reason(self) -> str | None:
        """Why this project is open read-only, and how to open it for writing; None when it is writable."""
        if not self.read_only:
            return None
        holder = self.locked_by
        if holder is None:
            return f"{self.path} is open read-only (the file or its folder cannot be written, or read-only was asked for)"
        if holder.here:
            return f"{self.path} is open for writing by {holder}; close it there first (opened read-only)"
        return (f"{self.path} is open for writing by {holder} (another computer; opened read-only). "
                f"If no curator has it open there any more, run `curator unlock \"{self.path}\"` to open it anyway")

    @staticmethod
    def lock_holder(path: str | Path) -> LockHolder | None:
        """The holder named in the project's lock file, alive or not (what `curator unlock` would remove)."""
        return read_holder(Path(path))

    @staticmethod
    def unlock(path: str | Path, *, other_host: bool = False) -> LockHolder | None:
        """Remove a lock left behind (a crash, another computer); refused while a curator here holds it."""
        path = Path(path)
        try:
            return break_lock(path, other_host=other_host)
        except LockHeld as held:
            raise LockedProject(f"{path} is open by {held.holder}, which is still running on this computer; "
                                "close it there (nothing was unlocked)") from None
        except ForeignLock as exc:
            raise ProjectError(f"{path}: {exc}; confirm to remove it (nothing was unlocked)") from None
        except OSError as exc:
            raise ProjectError(f"{path}: the lock cannot be removed ({exc.strerror or exc})") from None

    @staticmethod
    def restore_backup(path: str | Path, backup: str | Path | None = None, *, over_healthy: bool = False) -> Path:
        """Replace the project file at path with backup (default: the newest good one).

        The file being replaced is kept beside it as NAME.curator.damaged-STAMP (with its -wal and
        -shm files, and -N when that name is taken); that path is returned. Refused while the project
        is open, for a file that is not a backup of this project, and (without over_healthy) when
        the project is not damaged.
        """
        path = Path(path)
        try:
            lock = ProjectLock(path)
        except LockHeld as held:
            raise LockedProject(f"{path} is open by {held.holder}; close it there before restoring") from None
        except OSError as exc:
            raise ProjectError(f"{path}: not restored ({exc.strerror or exc})") from None
        try:
            return _restore(path, None if backup is None else Path(backup), over_healthy=over_healthy)
        finally:
            lock.release()


def _restore(path: Path, backup: Path | None, *, over_healthy: bool) -> Path:
    healthy = _healthy(path)
    own_id = _project_id(path)
    if backup is not None:
        _check_belongs(backup, path, own_id)
        source = backup
        if not sound(source):
            raise ProjectError(f"{source}: the backup is damaged too; nothing was changed")
    else:
        candidates = [b.path for b in backups.backups(path)]
        if not candidates:
            raise ProjectError(f"{path}: there is no backup to restore (looked in {backups.backup_dir(path)})")
        good = [c for c in candidates if sound(c) and _belongs(c, path, own_id) is None]
        if not good:
            raise ProjectError(f"{candidates[0]}: the backup is damaged too; nothing was changed")
        source = good[0]
    if healthy and not over_healthy:
        raise HealthyProject(f"{path} is not damaged: restoring {source.name} would replace it, and the changes "
                             "made since that backup would be only in the kept copy; nothing was changed")
    staged = path.with_name(path.name + ".restoring")
    try:
        shutil.copyfile(source, staged)
        kept = _keep_aside(path)
        os.replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise ProjectError(f"{path}: not restored ({exc.strerror or exc})") from None
    return kept


def _keep_aside(path: Path) -> Path:
    """Move the project (and its -wal, -shm) to a damaged-STAMP name that no file has: never replace a kept copy."""
    base = f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    for n in range(1, 1000):
        kept = path.with_name(base if n == 1 else f"{base}-{n}")
        if any(Path(str(kept) + s).exists() for s in ("-wal", "-shm")):
            continue
        if not path.exists():
            return kept  # nothing to keep (the project file is missing)
        try:
            os.link(path, kept)  # claims the name atomically; path stays whole until the restored file replaces it
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system
            if kept.exists():
                continue
            os.rename(path, kept)
        for suffix in ("-wal", "-shm"):  # a stale WAL must not be replayed onto the restored file
            old = Path(str(path) + suffix)
            if old.exists():
                os.replace(old, Path(str(kept) + suffix))
        return kept
    raise ProjectError(f"{path}: not restored (no free name for the kept copy beside it)")


def _healthy(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        check_file(path)
    except ProjectError:
        return False
    return sound(path) and _curator_file(path)


def _query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _curator_file(path: Path) -> bool:
    """Made by curator: its documents table and curator's migrations."""
    try:
        tables = {row[0] for row in _query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"documents", "meta", "_sqlite_migrations"} <= tables:
            return False
        return bool(_query(path, f"SELECT 1 FROM _sqlite_migrations WHERE migration_set = '{MIGRATION_SET}' LIMIT 1"))
    except sqlite3.Error:
        return False


def _project_id(path: Path) -> str | None:
    """The project_id in meta, when it can be read (also from a damaged file, if its meta table survived)."""
    try:
        rows = _query(path, f"SELECT value FROM meta WHERE key = '{PROJECT_ID}'")
    except sqlite3.Error:
        return None
    return str(rows[0][0]) if rows and rows[0][0] else None


def _in_own_folder(backup: Path, project: Path) -> bool:
    return backup.resolve().parent == backups.backup_dir(project).resolve()


def _belongs(backup: Path, project: Path, own_id: str | None) -> str | None:
    """Why backup is not a backup of project (None when it is)."""
    if not _curator_file(backup):
        return "it is not a curator project"
    their_id = _project_id(backup)
    if own_id is not None and their_id is not None:
        return None if their_id == own_id else "it is a backup of another project (its project id differs)"
    if _in_own_folder(backup, project):
        return None  # a backup made before projects had ids, or the project's own id cannot be read
    known = {_project_id(b.path) for b in backups.backups(project)} - {None}
    if their_id is not None and their_id in known:
        return None  # the damaged project's own backups vouch for the id
    return (f"its project id cannot be matched with {project.name}'s; only backups from "
            f"{backups.backup_dir(project)} or with the same project id are restored")


def _check_belongs(backup: Path, project: Path, own_id: str | None) -> None:
    try:
        check_file(backup)
    except ProjectError as exc:
        raise ProjectError(f"{backup}: not restored: {exc}") from None
    why = _belongs(backup, project, own_id)
    if why:
        raise ProjectError(f"{backup}: not restored: {why}; nothing was changed")
