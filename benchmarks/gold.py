"""The hand-made gold of tests/data/gold: seed articles and the extra held-out set."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
SPAN_LABELS = ("figure", "initiative", "place", "org", "person", "date", "doc")


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    spans: dict[str, list[dict]] = field(default_factory=dict)  # label -> rows (figures: with attrs)

    def keys(self, label: str) -> set[tuple[int, int]]:
        return {(r["start"], r["end"]) for r in self.spans.get(label, [])}


def normalised(path: Path) -> str:
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text)


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(which: str) -> list[GoldDoc]:
    """which: "seeds" (the four sample articles) or "extra" (the held-out set)."""
    folder, texts = (GOLD, ROOT / "seeds") if which == "seeds" else (GOLD / "extra", GOLD / "extra")
    docs = []
    for fig in sorted(folder.glob("*.figures.jsonl")):
        stem = fig.name.removesuffix(".figures.jsonl")
        spans = {"figure": _rows(fig)}
        for label in SPAN_LABELS[1:]:
            spans[label] = _rows(folder / f"{stem}.{label}.jsonl")
        docs.append(GoldDoc(stem, normalised(texts / f"{stem}.txt"), spans))
    return docs
