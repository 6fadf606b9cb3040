"""Suggestions over the real seed articles, scored against hand-made gold annotations."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from curator.core.suggest import suggest

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.figures.jsonl"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def normalised_text(path: Path) -> str:
    """The text as the app stores it: UTF-8, no BOM, \\n line ends, NFC."""
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text)


def seed_for(gold: Path) -> Path:
    return ROOT / "seeds" / gold.name.replace(".figures.jsonl", ".txt")


def gold_rows(gold: Path) -> list[dict]:
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_is_gold_for_at_least_two_seeds() -> None:
    assert len(GOLD) >= 2
    assert all(seed_for(g).is_file() for g in GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name[:3])
def test_gold_rows_match_the_seed_text(gold: Path) -> None:
    text = normalised_text(seed_for(gold))
    for row in gold_rows(gold):
        assert text[row["start"]:row["end"]] == row["text"], row


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name[:3])
def test_figure_precision_and_recall(gold: Path) -> None:
    text = normalised_text(seed_for(gold))
    expected = {(r["start"], r["end"]): r for r in gold_rows(gold)}
    found = {(s.start, s.end): s for s in suggest(text, ["figure"])}
    matched = expected.keys() & found.keys()
    precision = len(matched) / len(found)
    recall = len(matched) / len(expected)
    assert precision >= 0.95, sorted(found.keys() - expected.keys())
    assert recall >= 0.95, sorted(expected.keys() - found.keys())
    for key in matched:
        got = found[key].attrs
        want = expected[key]
        assert (got["value"], got["unit"], got["qualifier"]) == (want["value"], want["unit"], want["qualifier"])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_suggestion_is_the_text_at_its_offsets(seed: Path) -> None:
    text = normalised_text(seed)
    found = suggest(text)
    assert found, "a seed article yields suggestions"
    assert all(text[s.start:s.end] == s.text and s.start < s.end for s in found)


@pytest.mark.parametrize("name", ["格尔木市", "海西蒙古族藏族自治州", "青海省"])
def test_places_of_the_first_seed(name: str) -> None:
    text = normalised_text(SEEDS[0])
    assert name in {s.text for s in suggest(text, ["place"])}


# --- every label, against the gold of issue 12 (seeds: tuned on; extra: held out) ----------

SPAN_LABELS = ("initiative", "place", "org", "person", "date", "doc")
EXTRA = ROOT / "tests" / "data" / "gold" / "extra"
GOLD_SETS = [(ROOT / "tests" / "data" / "gold", ROOT / "seeds"), (EXTRA, EXTRA)]


def gold_files() -> list[tuple[Path, Path]]:
    return [(gold, texts / (gold.name.split(".")[0] + ".txt"))
            for folder, texts in GOLD_SETS for gold in sorted(folder.glob("*.jsonl"))]


@pytest.mark.parametrize(("gold", "text"), gold_files(), ids=lambda p: p.name)
def test_every_gold_row_is_the_text_at_its_offsets(gold: Path, text: Path) -> None:
    content = normalised_text(text)
    rows = gold_rows(gold)
    assert all(content[r["start"]:r["end"]] == r["text"] and r["start"] < r["end"] for r in rows)
    if gold.name.endswith(".figures.jsonl"):
        assert all(r["indicator"] and isinstance(r["indicator_also"], list) for r in rows)


@pytest.mark.parametrize("label", SPAN_LABELS)
def test_label_precision_and_recall_on_the_seeds(label: str) -> None:
    found_n = gold_n = hit = 0
    for seed in SEEDS:
        text = normalised_text(seed)
        gold_path = ROOT / "tests" / "data" / "gold" / seed.name.replace(".txt", f".{label}.jsonl")
        expected = {(r["start"], r["end"]) for r in gold_rows(gold_path)}
        found = {(s.start, s.end) for s in suggest(text, [label])}
        found_n, gold_n, hit = found_n + len(found), gold_n + len(expected), hit + len(found & expected)
    assert hit / max(found_n, 1) >= 0.9 and hit / max(gold_n, 1) >= 0.9, (label, found_n, gold_n, hit)


def test_indicators_of_the_seed_figures() -> None:
    right = total = 0
    for gold in GOLD:
        text = normalised_text(seed_for(gold))
        found = {(s.start, s.end): s for s in suggest(text, ["figure"])}
        for row in gold_rows(gold):
            s = found.get((row["start"], row["end"]))
            if s is not None:
                total += 1
                right += s.attrs["indicator"] in [row["indicator"], *row["indicator_also"]]
    assert right / total >= 0.95
