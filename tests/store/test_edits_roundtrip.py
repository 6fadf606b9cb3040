"""Every edit builder, applied and then inverted, leaves the project exactly as it was."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.core.edits import (
    Edit,
    accept_suggestion,
    delete_span,
    propose_spans,
    reject_suggestion,
    set_cell,
    set_status,
    tag_span,
)
from curator.core.importing import Article, FileBatch
from curator.store import EditConflict, Project

TEXT = "𠮷😀格尔木市：注册志愿者超3万人，开展“光盘行动”。\n第二段：志愿服务队324支，覆盖率超97%。"
LABELS = ["initiative", "figure", "place", "org", "person", "doc", "date"]


def snapshot(project: Project) -> dict:
    conn = project.db.conn
    return {
        table: sorted(conn.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)
        for table in ("documents", "spans", "initiatives", "figures", "rejections", "labels")
    }


def fresh_project() -> Project:
    project = Project.memory()
    project.import_batches([FileBatch("t", articles=(Article(text=TEXT, title="t", origin="t"),))])
    return project


def tag(project: Project, start: int, end: int, label: str):
    doc = project.document(1)
    table = {"figure": "figures", "initiative": "initiatives"}.get(label)
    return tag_span(doc, start, end, label, span_id=project.next_id("spans"),
                    fact_id=project.next_id(table) if table else None, doc_spans=project.spans(1))


offsets = st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 12)).map(lambda t: (t[0], min(len(TEXT), t[0] + t[1])))
actions = st.lists(st.tuples(st.sampled_from(["tag", "delete", "cell", "status", "propose", "accept", "reject"]),
                             offsets, st.sampled_from(LABELS), st.text(max_size=5)), min_size=1, max_size=12)


def build(project: Project, action, span_range, label, value) -> Edit | None:
    kind = action
    start, end = span_range
    spans = project.spans(1)
    if kind == "tag":
        return tag(project, start, end, label)
    if kind == "propose":
        return propose_spans("建议", project.document(1), [(start, end, label, {})], first_id=project.next_id("spans"), source="rules")
    suggested = [s for s in spans if s.origin == "suggested"]
    if kind == "accept" and suggested:
        span = suggested[0]
        table = {"figure": "figures", "initiative": "initiatives"}.get(span.label)
        return accept_suggestion(project.document(1), span, fact_id=project.next_id(table) if table else None, doc_spans=spans)
    if kind == "reject" and suggested:
        return reject_suggestion(suggested[-1], rejection_id=project.next_id("rejections"))
    if kind == "delete" and spans:
        span = spans[start % len(spans)]
        return delete_span(span, facts=project.facts_citing(span))
    if kind == "cell":
        figures = project.facts("figures")
        if figures:
            return set_cell("figures", figures[0], "indicator", value)
    if kind == "status":
        return set_status(project.document(1), ["todo", "in_progress", "done", "reviewed"][start % 4])
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions)
def test_any_sequence_of_edits_undoes_to_the_start(steps):
    project = fresh_project()
    start = snapshot(project)
    applied = []
    for step in steps:
        edit = build(project, *step)
        if edit:
            before = snapshot(project)
            project.apply(edit)
            project.apply(edit.inverse())
            assert snapshot(project) == before, edit.label  # each edit undoes on its own
            project.apply(edit)  # redo recreates the same rows (same ids)
            applied.append(edit)
    for edit in reversed(applied):
        project.apply(edit.inverse())
    assert snapshot(project) == start


def test_tag_span_stores_the_code_point_text_after_astral_characters():
    project = fresh_project()
    start = TEXT.index("超3万人")
    project.apply(tag(project, start, start + 4, "figure"))
    (span,) = project.spans(1)
    assert span.text == "超3万人" == project.document(1).text[span.start:span.end]
    (figure,) = project.facts("figures")
    assert figure["span_ids"] == [span.id] and figure["doc_id"] == 1


def test_deleting_the_only_evidence_removes_the_fact_row_and_undo_restores_both():
    project = fresh_project()
    start = TEXT.index("光盘行动")
    project.apply(tag(project, start, start + 4, "initiative"))
    (span,) = project.spans(1)
    edit = delete_span(span, facts=project.facts_citing(span))
    project.apply(edit)
    assert project.spans(1) == [] and project.facts("initiatives") == []
    project.apply(edit.inverse())
    assert project.spans(1) == [span] and project.facts("initiatives")[0]["span_ids"] == [span.id]


def test_deleting_one_of_two_evidence_spans_keeps_the_row():
    project = fresh_project()
    first = TEXT.index("超3万人")
    project.apply(tag(project, first, first + 4, "figure"))
    span_a = project.spans(1)[0]
    figure = project.facts("figures")[0]
    project.apply(tag(project, 0, 2, "place"))
    span_b = project.spans(1)[0]
    project.apply(set_cell("figures", figure, "span_ids", [span_a.id, span_b.id]))
    project.apply(delete_span(span_a, facts=project.facts_citing(span_a)))
    (kept,) = project.facts("figures")
    assert kept["span_ids"] == [span_b.id]


def test_deleting_an_initiative_unlinks_its_figures():
    project = fresh_project()
    i = TEXT.index("光盘行动")
    project.apply(tag(project, i, i + 4, "initiative"))
    f = TEXT.index("324支")
    project.apply(tag(project, f, f + 4, "figure"))
    initiative = project.facts("initiatives")[0]
    project.apply(set_cell("figures", project.facts("figures")[0], "initiative_id", initiative["id"]))
    span = next(s for s in project.spans(1) if s.label == "initiative")
    edit = delete_span(span, facts=project.facts_citing(span))
    project.apply(edit)
    assert project.facts("figures")[0]["initiative_id"] is None
    project.apply(edit.inverse())
    assert project.facts("figures")[0]["initiative_id"] == initiative["id"]


def test_set_cell_marks_fact_rows_edited():
    project = fresh_project()
    f = TEXT.index("324支")
    project.apply(tag(project, f, f + 4, "figure"))
    row = project.facts("figures")[0]
    assert row["edited"] == 0
    project.apply(set_cell("figures", row, "value", 325.0))
    assert project.facts("figures")[0]["edited"] == 1


def test_a_stale_edit_is_refused_and_changes_nothing():
    project = fresh_project()
    f = TEXT.index("324支")
    project.apply(tag(project, f, f + 4, "figure"))
    row = project.facts("figures")[0]
    project.apply(set_cell("figures", row, "unit", "个"))
    before = snapshot(project)
    with pytest.raises(EditConflict):
        project.apply(set_cell("figures", row, "unit", "支队"))  # built from the old row
    assert snapshot(project) == before


def test_rejected_suggestion_is_remembered():
    project = fresh_project()
    doc = project.document(1)
    project.apply(propose_spans("建议", doc, [(2, 6, "place", {})], first_id=project.next_id("spans"), source="rules"))
    (span,) = project.spans(1)
    project.apply(reject_suggestion(span, rejection_id=project.next_id("rejections")))
    assert project.spans(1) == [] and project.rejections(1) == {(2, 6, "place")}


def test_span_count_counts_accepted_spans_only():
    project = fresh_project()
    doc = project.document(1)
    project.apply(propose_spans("建议", doc, [(2, 6, "place", {})], first_id=project.next_id("spans"), source="rules"))
    assert project.documents()[0].spans == 0
    (span,) = project.spans(1)
    project.apply(accept_suggestion(doc, span))
    assert project.documents()[0].spans == 1
