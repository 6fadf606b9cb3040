"""Shared by the core tests."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Loads jieba's dictionary once when suggest tests are collected: mutmut's workers fork from a
    process that only collected the tests, and 0.7 s of loading in each of them (3 s of wall time on a
    busy machine) made surviving mutants run past their timeout and count as killed."""
    if any(item.path.name.startswith(("test_suggest_", "test_spread_")) for item in items):
        from curator.core import jieba_loader

        jieba_loader.initialize()
        import jieba.posseg  # noqa: F401  (reads its part-of-speech table on import)
