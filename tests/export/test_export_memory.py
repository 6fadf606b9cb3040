from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from curator.core.edits import Edit, RowChange
from curator.services.exporting import export_workbook
from curator.store import Project

SENTENCE = "格尔木市新建新时代文明实践站{n}个，志愿者超3万人。"


def add_figures(store: Project, count: int) -> None:
    """count figures spread over the seed documents, each citing a span of its own."""
    docs = [store.document(d.id) for d in store.documents()]
    changes = []
    for n in range(count):
        doc = docs[n % len(docs)]
        span_id, figure_id = store.next_id("spans"), store.next_id("figures")
        start = (n * 7) % (len(doc.text) - 4)
        changes.append(RowChange("spans", None, {
            "id": span_id, "doc_id": doc.id, "start": start, "end": start + 3, "label": "figure",
            "text": doc.text[start:start + 3], "attrs": {}, "origin": "manual", "annotator": "张三",
            "created": "", "updated": ""}))
        changes.append(RowChange("figures", None, {
            "id": figure_id, "doc_id": doc.id, "indicator": SENTENCE.format(n=n), "value": float(n), "unit": "个",
            "qualifier": "", "place": "格尔木市", "as_of": "2021-08-03", "initiative_id": None,
            "span_ids": [span_id], "edited": 0}))
    store.apply(Edit("many", tuple(changes)))


def peak_of_export(store: Project, path: Path) -> int:
    tracemalloc.start()
    try:
        export_workbook(store, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_export_memory_does_not_grow_with_rows(project: Project, tmp_path: Path):
    add_figures(project, 150)
    small = peak_of_export(project, tmp_path / "small.xlsx")
    add_figures(project, 1350)
    large = peak_of_export(project, tmp_path / "large.xlsx")
    assert large < small * 1.5 + 512 * 1024, (small, large)  # ten times the rows, about the same memory
