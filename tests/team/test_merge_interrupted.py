"""A merge killed half way (SIGKILL in a child process) leaves the project as it was; merging again works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from team_fixtures import NAMES, annotate_shared, dump_tables, package_path, shared_sha

from curator.services.team.merge import merge_packages
from curator.store import Project

HERE = Path(__file__).parent


def test_an_interrupted_merge_leaves_nothing_behind(team_project, packages: Path):
    annotate_shared(packages, shared_sha(packages))
    before = dump_tables(team_project)
    project_path = team_project.path
    team_project.close()
    child = subprocess.Popen([sys.executable, str(HERE / "merge_child.py"), str(project_path),
                              *[str(package_path(packages, n)) for n in NAMES]],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "inside the merge"
        child.kill()  # SIGKILL: no cleanup, the transaction is open
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    with Project.open(project_path) as project:
        assert dump_tables(project) == before
        report = merge_packages(project, [package_path(packages, n) for n in NAMES])
        assert report.disputes == 2
