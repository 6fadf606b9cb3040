from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.importing import normalise, read_path
from curator.store import Project

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return [normalise(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture
def project(tmp_path: Path):
    """A real project file in tmp_path with the seed articles imported."""
    with Project.open(tmp_path / "seeds.curator") as store:
        report = store.import_batches(read_path(SEEDS))
        assert len(report.added) == 4 and not report.problems
        yield store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", help="also run the long variants (many more SIGKILLs)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long variants run with --long or CURATOR_LONG_TESTS=1; the default run keeps their short twins."""
    import os

    if config.getoption("--long") or os.environ.get("CURATOR_LONG_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="long variant: run with --long or CURATOR_LONG_TESTS=1")
    for item in items:
        if "long" in item.keywords:
            item.add_marker(skip)
