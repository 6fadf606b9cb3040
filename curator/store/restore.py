"""Backups of a project: write one now, list them, put the newest good one back."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from curator.store import backup as backups
from curator.store.errors import ProjectError
from curator.store.files import sound
from curator.store.lock import current_holder


class Restoring:
    """Project's backup methods (a mixin: Project provides db and path)."""

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

    @staticmethod
    def restore_backup(path: str | Path, backup: str | Path | None = None) -> Path:
        """Replace the project file at path with backup (default: the newest good one).

        The file being replaced is kept beside it as NAME.curator.damaged-STAMP (with its
        -wal and -shm files); that path is returned. Refused while the project is open.
        """
        path = Path(path)
        holder = current_holder(path)
        if holder is not None:
            raise ProjectError(f"{path} is open by {holder}; close it there before restoring")
        candidates = [Path(backup)] if backup else [b.path for b in backups.backups(path)]
        if not candidates:
            raise ProjectError(f"{path}: there is no backup to restore (looked in {backups.backup_dir(path)})")
        source = next((c for c in candidates if sound(c)), None)
        if source is None:
            raise ProjectError(f"{candidates[0]}: the backup is damaged too; nothing was changed")
        staged = path.with_name(path.name + ".restoring")
        try:
            shutil.copyfile(source, staged)
            kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("", "-wal", "-shm"):  # a stale WAL must not be replayed onto the restored file
                old = Path(str(path) + suffix)
                if old.exists():
                    os.replace(old, Path(str(kept) + suffix))
            os.replace(staged, path)
        except OSError as exc:
            staged.unlink(missing_ok=True)
            raise ProjectError(f"{path}: not restored ({exc.strerror or exc})") from None
        return kept
