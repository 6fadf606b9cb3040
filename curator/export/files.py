"""Writing an export file without ever half-writing or silently replacing one.

The file is written to a temporary name beside the target and renamed into place only
when complete. An existing target is replaced only when the caller said so (after asking
the user), and never while Excel or LibreOffice holds it open.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
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


@contextlib.contextmanager
def atomic_output(path: str | Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes path, on failure it vanishes."""
    path = Path(path)
    check_target(path, overwrite=overwrite)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".part", dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _move(temp, path, overwrite=overwrite)
    finally:
        temp.unlink(missing_ok=True)


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
