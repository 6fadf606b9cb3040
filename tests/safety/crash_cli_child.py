"""Runs one curator command when told to, so that a test can SIGKILL it midway (test_crash_import_export.py).

Usage: crash_cli_child.py ARGS...  (the arguments of `curator`, e.g. import PROJECT FOLDER).
Prints "ready" once the modules the command needs are loaded, waits for a line on stdin,
prints "go", runs the command in this process and prints "done" when it returned.
"""

from __future__ import annotations

import sys

import openpyxl  # noqa: F401  (loaded before "ready": the kill window is the command's own work)

import curator.core.importing  # noqa: F401
import curator.services.exporting  # noqa: F401
import curator.store  # noqa: F401
from curator.cli import main as curator


def run() -> None:
    print("ready", flush=True)
    sys.stdin.readline()
    print("go", flush=True)
    curator.main(sys.argv[1:], prog_name="curator", standalone_mode=False)
    print("done", flush=True)


if __name__ == "__main__":
    run()
