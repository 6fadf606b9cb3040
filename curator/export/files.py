"""Writing an export file without ever half-writing or silently replacing one.

The file is written to a temporary name beside the target and renamed into place only
when complete (several files: all written, then all renamed). An existing target is replaced only when the caller said so (after asking
the user), and never while Excel or LibreOffice holds it open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from collections.abc import Iterator, Sequence
from pathlib import Path


class ExportError(Exception):
    """An export that was not written, in words a user can act on."""


class TargetExists(ExportError):
    """The target file exists and replacing it was not allowed."""


def lock_files(path: Path) -> list[Path]:
    """The lock files Excel (~$name) and LibreOffice (.~lock.name#) leave while a file is open."""
    candidates = [path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")]
    if len(path.name) > 2:  # Excel shortens long names: ~$ plus the name without its first two characters
        candidates.append(path.with_name("~$" + path.name[2:]))
    return [p for p in candidates if p.exists()]


def check_target(path: Path, *, overwrite: bool) -> None:
    if lock_files(path):
        raise ExportError(f"{path} is open in another program (Excel or LibreOffice); close it and export again")
    if path.exists() and not overwrite:
        raise TargetExists(f"{path} already exists; choose another name or allow replacing it")
    if path.is_dir():
        raise ExportError(f"{path} is a folder")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent} does not exist")


# Temporary files beside the target: .NAME.XXXXXXXX.part (the file) and .NAME.XXXXXXXX.sheetN.part (the
# spreadsheet writer's spools). A killed export leaves them; the next export to the folder removes old ones.
_PART = re.compile(r"\..+\.[0-9a-f]{8}(\.sheet[0-9]+)?\.part")
STALE_AFTER = 15 * 60  # seconds; a running export touches its files far more often
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def part_path(path: Path, tag: str = "") -> Path:
    """A new, unused temporary name beside path (created empty, with the user's usual permissions)."""
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{tag}.part")
        try:
            # Mode 0o666 less the umask, as any program the user runs would create it (mkstemp gives 0600).
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp
    raise ExportError(f"cannot make a temporary file in {path.parent}")


def remove_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files killed exports left in folder; return what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PART.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.remove(entry.path)
                removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or not ours to remove: leave it
            continue
    return removed


@contextlib.contextmanager
def atomic_output(path: str | Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes path, on failure it vanishes."""
    with atomic_outputs([Path(path)], overwrite=overwrite) as temps:
        yield temps[0]


@contextlib.contextmanager
def atomic_outputs(paths: Sequence[Path], *, overwrite: bool = False) -> Iterator[list[Path]]:
    """Temporary paths for several files written together; all are renamed into place only when all are written.

    A full disk (or a file size limit) becomes one ExportError; the old files stay as they were.
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        check_target(path, overwrite=overwrite)
    for folder in {path.parent for path in paths}:
        remove_stale_parts(folder)
    temps: list[Path] = []
    try:
        for path in paths:
            temps.append(part_path(path))
        yield temps
        for temp, path in zip(temps, paths):
            _move(temp, path, overwrite=overwrite)
    except OSError as exc:
        raise write_error(exc, paths) from None
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def write_error(exc: OSError, paths: Sequence[Path]) -> ExportError | OSError:
    """An OSError while writing an export, in words a user can act on (other errors as they are)."""
    names = "、".join(path.name for path in paths)
    old = "the old file is unchanged" if any(path.exists() for path in paths) else "no file was left behind"
    if exc.errno in _DISK_FULL:
        return ExportError(f"{names} not written: the disk is full ({paths[0].parent}); free some space and export "
                           f"again; {old}")
    if exc.errno == errno.EFBIG:
        return ExportError(f"{names} not written: the file is larger than this disk or your account allows; {old}")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"{names} not written: no permission to write in {paths[0].parent}; {old}")
    if exc.errno == errno.EIO:
        return ExportError(f"{names} not written: the disk reported an error ({exc.strerror}); {old}")
    return exc


def _move(temp: Path, path: Path, *, overwrite: bool) -> None:
    try:
        if overwrite:
            os.replace(temp, path)
            return
        try:
            os.link(temp, path)  # fails if path appeared meanwhile: never clobbers
        except FileExistsError:
            raise TargetExists(f"{path} already exists; choose another name or allow replacing it") from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise TargetExists(f"{path} already exists; choose another name or allow replacing it") from None
            os.replace(temp, path)
    except PermissionError:
        raise ExportError(f"{path} cannot be replaced; is it open in another program?") from None
