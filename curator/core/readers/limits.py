"""Reading a file with bounds: regular files only, never more bytes than the limit allows."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # one article; larger files are refused (JSONL: one line)
MAX_CHARS = MAX_BYTES  # characters of text one article may hold once extracted (a .docx unpacks)


class TooLarge(ValueError):
    """The file (or the text inside it) is over the limit."""


LIMIT_TEXT = "20 MB"  # how the limit is named in messages


def size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def check_regular(path: Path) -> int:
    """The size of path if it is a regular file (symlinks followed); ValueError otherwise.

    A FIFO would block a read forever and /dev/zero never ends: neither is opened.
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise ValueError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a pipe, device or socket); nothing read")
    return info.st_size


def read_bounded(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, refusing it when it holds more than limit (also when it grows while read)."""
    limit = MAX_BYTES if limit is None else limit
    size = check_regular(path)
    if size > limit:
        raise TooLarge(f"over {LIMIT_TEXT} ({size_text(size)}); split it first")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a pipe between stat and open
            raise ValueError("not a regular file (a pipe, device or socket); nothing read")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(f"over {LIMIT_TEXT}; split it first")
    return data


# PDF: bulletins with photos are large, so the file may be; its pages are limited too
MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 500


def check_size(size: int, limit: int | None = None) -> None:
    """Refuse size bytes over limit (20 MB unless told) before anything is parsed."""
    limit = MAX_BYTES if limit is None else limit
    if size > limit:
        raise TooLarge(f"over {size_text(limit).replace('.0 MB', ' MB')} ({size_text(size)}); split it first")

