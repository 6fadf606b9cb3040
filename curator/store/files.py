"""Checks on a project file before SQLite opens it."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from curator.store import backup as backups
from curator.store.errors import CorruptProject, ProjectError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite, and find a truncated one by its header's page count."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if not header:
        return
    newest = backups.newest_backup(path)
    if not header.startswith(SQLITE_HEADER):
        if newest:  # it was a project once: its backups say so
            raise CorruptProject(path, "its first bytes are not an SQLite header", newest)
        raise ProjectError(f"{path}: not a curator project (not an SQLite file)")
    if len(header) < 100:
        raise CorruptProject(path, f"only {size} bytes long", newest)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the page count is valid only when these agree
    wal = Path(str(path) + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0  # a checkpoint in progress may extend the file
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptProject(path, "its header names an impossible page size", newest)
    if wal_empty and (size % page_size or (counted and size < pages * page_size)):
        raise CorruptProject(path, f"truncated: {size} bytes where its header promises {pages * page_size}", newest)


def sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def timestamp(iso: str | None) -> float | None:
    try:
        return datetime.fromisoformat(iso).timestamp() if iso else None
    except ValueError:
        return None


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def place_new(staged: Path, path: Path) -> bool:
    """Put the finished file staged at path unless path exists (never replacing it); True if staged was placed.

    A hard link is atomic and refuses an existing name; where the file system has no links
    (FAT on a USB stick) a rename after a check is the best there is.
    """
    try:
        os.link(staged, path)
    except FileExistsError:
        return False
    except OSError:
        if path.exists():
            return False
        os.rename(staged, path)  # on Windows this refuses an existing name too
        return True
    staged.unlink()
    return True
