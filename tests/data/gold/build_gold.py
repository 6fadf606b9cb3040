"""Writes the gold JSONL files from the hand-made lists in gold_lists.py (run after editing them).

    python tests/data/gold/build_gold.py

An entry names a span by its text; every occurrence counts, OCR whitespace between characters
tolerated, longest first within a label. "left[span]right" counts only occurrences in that
context; a leading "-" removes the spans matched so (e.g. "-[市委]书记": a title, not a body).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

from gold_lists import EXTRA_FIGURES, EXTRA_SPANS, SEED_INDICATORS, SEED_SPANS  # noqa: E402

LABELS = ("initiative", "place", "org", "person", "date", "doc")
_TITLE = re.compile(r"《([^《》]{1,100})》")


def normalised(path: Path) -> str:
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text)


def _loose(part: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in part if not ch.isspace())


def _pattern(entry: str) -> re.Pattern[str]:
    if "[" in entry:
        left, rest = entry.split("[", 1)
        span, right = rest.split("]", 1)
    else:
        left, span, right = "", entry, ""
    body = f"({_loose(span)})"
    if left:
        body = f"{_loose(left)}\\s*" + body
    if right:
        body += f"(?=\\s*{_loose(right)})"
    return re.compile(body)


def spans_for(text: str, entries: list[str]) -> list[tuple[int, int]]:
    taken: list[tuple[int, int]] = []
    removed: set[tuple[int, int]] = set()
    positive = sorted((e for e in entries if not e.startswith("-")), key=lambda e: -len(e.split("[")[-1]))
    for entry in entries:
        if entry.startswith("-"):
            removed |= {m.span(1) for m in _pattern(entry[1:]).finditer(text)}
    for entry in positive:
        hits = [m.span(1) for m in _pattern(entry).finditer(text)]
        if not hits:
            raise SystemExit(f"not found: {entry!r}")
        for s, e in hits:
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
    return sorted(x for x in taken if x not in removed)


def write_label(folder: Path, stem: str, text: str, label: str, entries: list[str]) -> None:
    if label == "doc":
        spans = [m.span(1) for m in _TITLE.finditer(text)]
    else:
        spans = spans_for(text, entries)
    rows = [json.dumps({"start": s, "end": e, "text": text[s:e]}, ensure_ascii=False) for s, e in spans]
    (folder / f"{stem}.{label}.jsonl").write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def add_indicators(path: Path, indicators: list[str]) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(rows) != len(indicators):
        raise SystemExit(f"{path.name}: {len(rows)} figures, {len(indicators)} indicators")
    for row, accepted in zip(rows, indicators):
        names = accepted.split("|")
        row["indicator"] = names[0]
        row["indicator_also"] = names[1:]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def write_figures(folder: Path, stem: str, text: str, figures: list[tuple]) -> None:
    rows = []
    for entry, value, unit, qualifier, accepted in figures:
        spans = spans_for(text, [entry])
        if len(spans) != 1:
            raise SystemExit(f"{stem}: {entry!r} found {len(spans)} times; give its context")
        (s, e), names = spans[0], accepted.split("|")
        rows.append({"start": s, "end": e, "text": text[s:e], "value": value, "unit": unit, "qualifier": qualifier,
                     "indicator": names[0], "indicator_also": names[1:]})
    rows.sort(key=lambda r: r["start"])
    (folder / f"{stem}.figures.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def build(folder: Path, texts: Path, spans: dict, *, indicators: dict | None = None,
          figures: dict | None = None) -> None:
    for stem, by_label in spans.items():
        text = normalised(texts / f"{stem}.txt")
        for label in LABELS:
            write_label(folder, stem, text, label, by_label.get(label, []))
        if figures:
            write_figures(folder, stem, text, figures[stem])
    for stem, names in (indicators or {}).items():
        add_indicators(folder / f"{stem}.figures.jsonl", names)


if __name__ == "__main__":
    build(HERE, ROOT / "seeds", SEED_SPANS, indicators=SEED_INDICATORS)
    build(HERE / "extra", HERE / "extra", EXTRA_SPANS, figures=EXTRA_FIGURES)
