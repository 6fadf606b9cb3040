"""What can go wrong with a project file, in words a user can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from curator.store import backup as backups


class ProjectError(Exception):
    """A problem with a project file, in words a user can act on."""


class EditConflict(ProjectError):
    """The rows an edit expected are not what is stored (e.g. a stale undo)."""


class NeedsUpgrade(ProjectError):
    """An older project opened read-only: it must be migrated by a writable open first."""


class CorruptProject(ProjectError):
    """The project file is damaged; newest_backup is what `Project.restore_backup` would bring back."""

    def __init__(self, path: Path, detail: str, newest_backup: backups.Backup | None = None) -> None:
        self.path = path
        self.detail = detail
        self.newest_backup = newest_backup
        if newest_backup:
            offer = (f"the newest backup is {newest_backup} in {newest_backup.path.parent}; "
                     f"restore it with `curator restore \"{path}\"`")
        else:
            offer = f"no backup of it was found in {backups.backup_dir(path)}"
        super().__init__(f"{path}: the project file is damaged ({detail}); {offer}")


def storage_problem(exc: sqlite3.Error) -> str:
    """What a failed write means for the user."""
    text = str(exc)
    if "full" in text:
        return "the disk is full; free some space and try again (nothing was half-saved)"
    if "readonly" in text or "read-only" in text:
        return "the project file cannot be written (read-only file or folder)"
    if "locked" in text or "busy" in text:
        return "another program is writing the project; try again"
    return text
