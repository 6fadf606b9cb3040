"""One writer per project: a lock file beside it names the process that has it open."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str

    def __str__(self) -> str:
        return f"process {self.pid} on {self.host}"


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


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


def current_holder(project: Path) -> LockHolder | None:
    """Who holds the project open for writing, if that process is still running."""
    try:
        info = json.loads(lock_path(project).read_text(encoding="utf-8"))
        holder = LockHolder(int(info["pid"]), str(info["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if holder.host == socket.gethostname() and not _alive(holder.pid):
        return None  # left behind by a crash
    if holder.pid == os.getpid() and holder.host == socket.gethostname():
        return None
    return holder


class ProjectLock:
    def __init__(self, project: Path) -> None:
        self.path = lock_path(project)
        self.path.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}), encoding="utf-8")

    def release(self) -> None:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            if info.get("pid") == os.getpid():
                self.path.unlink()
        except (OSError, ValueError):
            return
