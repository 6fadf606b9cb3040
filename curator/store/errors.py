"""What can go wrong with a project file, in words a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from curator.store.backup import Backup


class ProjectError(Exception):
    """A problem with a project file, in words a user can act on."""


class EditConflict(ProjectError):
    """The rows an edit expected are not what is stored (e.g. a stale undo)."""


class NeedsUpgrade(ProjectError):
    """An older project opened read-only: it must be migrated by a writable open first."""


class CorruptProject(ProjectError):
    """The project file is damaged; newest_backup is what `Project.restore_backup` would bring back."""

    def __init__(self, path: Path, detail: str, newest_backup: Backup | None = None) -> None:
        from curator.store.backup import backup_dir  # backup.py reports its errors with this module


        self.path = path
        self.detail = detail
        self.newest_backup = newest_backup
        if newest_backup:
            offer = (f"the newest backup is {newest_backup} in {newest_backup.path.parent}; "
                     f"restore it with `curator restore \"{path}\"`")
        else:
            offer = f"no backup of it was found in {backup_dir(path)}"
        super().__init__(f"{path}: the project file is damaged ({detail}); {offer}")


class LockedProject(ProjectError):
    """Another process has the project open for writing."""


def disk_full(exc: BaseException) -> bool:
    """SQLite's or the OS's way of saying the disk is full (or the write failed, as it does on a full disk)."""
    text = str(exc)
    return ("full" in text or "disk I/O error" in text or "No space left" in text
            or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)))


def storage_problem(exc: BaseException, *, saving: bool = True, hint: bool = True) -> str:
    """What a failed write (or a failed open, saving=False) means for the user; hint=False leaves out what to do."""
    text = str(exc)
    after = " (nothing was half-saved)" if saving else ""
    if disk_full(exc):
        what = "the disk is full" if "full" in text or "No space" in text else f"the disk is full or cannot be written ({text})"
        return f"{what}; free some space and try again{after}" if hint else what
    if "readonly" in text or "read-only" in text:
        return "the project file cannot be written (read-only file or folder)"
    if "locked" in text or "busy" in text:
        return "another program is writing the project; try again"
    return text
