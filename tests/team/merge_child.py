"""Merges packages into a project and stops inside the transaction (killed there by test_merge.py)."""

from __future__ import annotations

import sys
import time

from curator.services.team.merge import merge_packages
from curator.store import Project


def main() -> None:
    project, *packages = sys.argv[1:]

    def stop_here(done: int, total: int) -> None:
        print("inside the merge", flush=True)
        time.sleep(120)

    with Project.open(project) as store:
        merge_packages(store, packages, progress=stop_here)


if __name__ == "__main__":
    main()
