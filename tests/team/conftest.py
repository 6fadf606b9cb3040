from __future__ import annotations

from pathlib import Path

import pytest
from team_fixtures import ROOT

from curator.core.importing import read_path
from curator.store import Project


@pytest.fixture
def team_project(tmp_path: Path):
    """The four seed articles in tmp_path/team.curator, open."""
    with Project.open(tmp_path / "team.curator") as store:
        report = store.import_batches(read_path(ROOT / "seeds"))
        assert len(report.added) == 4
        yield store
