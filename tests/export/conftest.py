from __future__ import annotations

from pathlib import Path

import pytest

from export_fixtures import build_tagged
from curator.store import Project


@pytest.fixture
def tagged(project: Project, tmp_path: Path) -> Project:
    """The seed project (tests/conftest.py) tagged through tag_span, with hostile cells."""
    return build_tagged(project, tmp_path)
