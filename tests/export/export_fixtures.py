"""Test data for the export tests: the seed project tagged like a user would, plus hostile cells."""

from __future__ import annotations

import json
from pathlib import Path

from curator.core.edits import Edit, RowChange, propose_spans, tag_span
from curator.core.importing import read_path
from curator.core.suggest import suggest
from curator.store import Project

# Text a reader might type or an article might hold that a spreadsheet could take for a formula.
INJECTIONS = ("=1+2", "+SUM(1,2)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x.example","点我")')

HOSTILE_TEXT = "=1+1开头的一句话，志愿者3000人参加。\n@SUM(1)也是一句，文明实践站12个。"
DOC_META = {
    1: {"published": "2021-08-03", "place": "格尔木市", "status": "reviewed"},
    2: {"published": "2021年9月1日", "place": "德令哈市", "status": "done"},
    3: {"published": "2021年9月", "place": "", "status": "in_progress"},
}


def tag_suggestions(store: Project, doc_id: int, *, per_label: int = 6, annotator: str = "张三") -> None:
    doc = store.document(doc_id)
    taken: dict[str, int] = {}
    for found in suggest(doc.text, ["place", "initiative", "figure"]):
        if taken.get(found.label, 0) >= per_label:
            continue
        taken[found.label] = taken.get(found.label, 0) + 1
        table = {"figure": "figures", "initiative": "initiatives"}.get(found.label)
        store.apply(tag_span(
            doc, found.start, found.end, found.label, span_id=store.next_id("spans"),
            fact_id=store.next_id(table) if table else None, doc_spans=store.spans(doc_id), annotator=annotator,
        ))


def build_tagged(store: Project, tmp_path: Path) -> Project:
    """Seeds plus a hostile article, tagged through tag_span, with dates, places, statuses and injected cells."""
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(json.dumps({"text": HOSTILE_TEXT, "title": "-cmd标题", "source": "@来源"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    report = store.import_batches(read_path(hostile))
    assert report.added and not report.problems
    for doc_id, meta in DOC_META.items():
        before = {"id": doc_id, **{k: v for k, v in store.document(doc_id).row().items() if k in meta}}
        store.apply(Edit("元数据", (RowChange("documents", before, {"id": doc_id, **meta}),)))
    for summary in store.documents():
        tag_suggestions(store, summary.id)
    waiting = store.document(4)
    store.apply(propose_spans("建议", waiting, [(0, 2, "place", {}), (3, 6, "figure", {})],
                              first_id=store.next_id("spans"), source="test"))
    store.next_id("spans")  # propose_spans used two ids
    initiative = store.facts("initiatives")[0]
    figure, second = store.facts("figures")[:2]
    initiative_after = {**initiative, "name": INJECTIONS[0], "category": INJECTIONS[1], "organisation": INJECTIONS[2],
                        "note": INJECTIONS[3], "edited": 1}
    store.apply(Edit("注入", (RowChange("initiatives", initiative, initiative_after),)))
    figure_after = {**figure, "indicator": INJECTIONS[4], "qualifier": INJECTIONS[5], "place": INJECTIONS[6],
                    "value": 97.5, "unit": "%", "edited": 1}
    second_after = {**second, "value": 30000.0, "unit": "人", "edited": 1}
    store.apply(Edit("注入", (RowChange("figures", figure, figure_after), RowChange("figures", second, second_after))))
    return store
