"""Bundled files are found next to the package in a checkout and in _MEIPASS when frozen."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import curator
from curator.core import resources

CHECKOUT = Path(curator.__file__).resolve().parent.parent


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.default_labels.cache_clear()
    yield tmp_path
    resources.default_labels.cache_clear()


def test_in_a_checkout_files_are_beside_the_package():
    assert resources.app_root() == CHECKOUT
    assert resources.resource_path("labels.json") == CHECKOUT / "resources" / "labels.json"
    assert resources.resource_path("a", "b.txt") == CHECKOUT / "resources" / "a" / "b.txt"
    assert resources.seed_paths() == sorted((CHECKOUT / "seeds").glob("*.txt")) and resources.seed_paths()


def test_when_frozen_files_are_in_the_bundle(frozen):
    (frozen / "seeds").mkdir()
    for name in ("b.txt", "a.txt", "notes.md"):
        (frozen / "seeds" / name).write_text("文明", encoding="utf-8")
    assert resources.app_root() == frozen
    assert resources.resource_path("labels.json") == frozen / "resources" / "labels.json"
    assert resources.seed_paths() == [frozen / "seeds" / "a.txt", frozen / "seeds" / "b.txt"]


def test_the_default_labels_are_read_as_utf8_once(frozen):
    (frozen / "resources").mkdir()
    labels = [{"name": "place", "title": "地点"}, {"name": "figure", "title": "数字"}]
    (frozen / "resources" / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    assert resources.default_labels() == tuple(labels)
    (frozen / "resources" / "labels.json").write_text("[]", encoding="utf-8")
    assert resources.default_labels() == tuple(labels)  # read once per run


def test_an_empty_meipass_is_not_a_bundle(monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", "", raising=False)
    assert resources.app_root() == CHECKOUT
