"""Where bundled files live: next to the package in a checkout, in _MEIPASS when frozen."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent.parent


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def seed_paths() -> list[Path]:
    return sorted(app_root().joinpath("seeds").glob("*.txt"))


@cache
def default_labels() -> tuple[dict, ...]:
    with resource_path("labels.json").open(encoding="utf-8") as f:
        return tuple(json.load(f))
