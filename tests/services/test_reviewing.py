"""Reviewing suggestions on a real project file: which one the annotator means, accepting (with
its fact row and place), rejecting (remembered), and the names the undo stack shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.edits import propose_spans, tag_span
from curator.core.importing import read_path
from curator.services import reviewing
from curator.store import Project

TEXT = "格尔木市简报\n格尔木市新建文明实践站12个，志愿者超3万人。海西州表彰了先进。"


@pytest.fixture
def store(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(read_path(tmp_path / "a.txt"))
        assert report.added == [1] and project.document(1).place == ""
        yield project


def at(text: str, part: str) -> tuple[int, int]:
    start = TEXT.index(part, TEXT.index("\n"))
    return start, start + len(part)


def propose(project: Project, *items: tuple[str, str], source: str = "rules") -> list:
    """Suggestions (label, text) on document 1, stored; returned in the order given."""
    doc = project.document(1)
    first = project.next_id("spans", len(items))
    project.apply(propose_spans("建议", doc, [(*at(TEXT, part), label, {}) for label, part in items],
                                first_id=first, source=source))
    return [project.span(first + n) for n in range(len(items))]


def test_the_suggestion_meant_is_the_selected_one_else_the_innermost_at_the_caret(store):
    outer, inner = propose(store, ("initiative", "文明实践站12个，志愿者"), ("figure", "12个"))
    start, end = at(TEXT, "12个")
    assert reviewing.suggestion_at(store, 1, start) == inner  # both cover it: the shorter one
    assert reviewing.suggestion_at(store, 1, end - 1) == inner
    assert reviewing.suggestion_at(store, 1, end) == outer  # end is exclusive
    assert reviewing.suggestion_at(store, 1, start, selected=outer.id) == outer
    assert reviewing.suggestion_at(store, 1, at(TEXT, "文明实践")[0]) == outer  # its first character counts
    assert reviewing.suggestion_at(store, 1, at(TEXT, "文明实践")[0] - 1) is None
    assert reviewing.suggestion_at(store, 1, at(TEXT, "海西州")[0]) is None


def test_a_selected_span_that_is_not_a_suggestion_does_not_count(store):
    (figure,) = propose(store, ("figure", "12个"))
    doc = store.document(1)
    start, end = at(TEXT, "3万人")
    manual_id = store.next_id("spans")
    store.apply(tag_span(doc, start, end, "figure", span_id=manual_id))
    assert reviewing.suggestion_at(store, 1, figure.start, selected=manual_id) == figure
    assert reviewing.suggestion_at(store, 1, start, selected=manual_id) is None


def test_of_two_suggestions_on_the_same_characters_the_older_is_meant(store):
    first, second = propose(store, ("org", "海西州"), ("place", "海西州"))
    assert reviewing.suggestion_at(store, 1, first.start + 1) == first
    assert first.id < second.id


def test_pending_suggestions_are_in_text_order_and_filtered_by_label(store):
    late, early = propose(store, ("figure", "3万人"), ("figure", "12个"))
    (place,) = propose(store, ("place", "海西州"))
    assert reviewing.pending_suggestions(store, 1) == [early, late, place]
    assert reviewing.pending_suggestions(store, 1, label="figure") == [early, late]
    assert reviewing.pending_suggestions(store, 1, label="person") == []


def test_accepting_a_figure_makes_it_the_annotators_with_its_row_and_the_documents_place(store):
    (figure,) = propose(store, ("figure", "3万人"))
    edit = reviewing.accept(store, figure, annotator="甲")
    assert edit.label == "接受 数据"
    store.apply(edit)
    span = store.span(figure.id)
    assert (span.origin, span.annotator, span.text) == ("manual", "甲", "3万人")
    (row,) = store.facts("figures", doc_id=1)
    assert (row["value"], row["unit"], row["place"], row["span_ids"]) == (30000, "人", "格尔木市", [figure.id])
    assert store.document(1).place == "格尔木市"  # inferred from the lead, stored with the same step
    store.apply(edit.inverse())
    assert store.document(1).place == "" and store.facts("figures") == []
    assert store.span(figure.id).origin == "suggested"


def test_accepting_a_place_alone_leaves_the_documents_place_alone(store):
    (place,) = propose(store, ("place", "海西州"))
    edit = reviewing.accept(store, place, annotator="甲")
    assert edit.label == "接受 地点" and {c.table for c in edit.changes} == {"spans"}
    store.apply(edit)
    assert store.document(1).place == "" and store.span(place.id).origin == "manual"


def test_an_accepted_spread_suggestion_is_propagated(store):
    (place,) = propose(store, ("place", "海西州"), source="spread")
    store.apply(reviewing.accept(store, place, annotator="乙"))
    assert (store.span(place.id).origin, store.span(place.id).annotator) == ("propagated", "乙")


def test_the_first_accepted_place_fills_the_rows_without_one_and_the_next_does_not(store):
    doc = store.document(1)
    start, end = at(TEXT, "12个")
    store.apply(tag_span(doc, start, end, "figure", span_id=store.next_id("spans"), fact_id=store.next_id("figures")))
    assert store.facts("figures")[0]["place"] == ""
    first, second = propose(store, ("place", "海西州"), ("place", "格尔木市"))
    edit = reviewing.accept_all(store, [first, second], annotator="甲", name="")
    assert edit.label == "接受 地点"
    store.apply(edit)
    assert store.facts("figures")[0]["place"] == "海西州"
    assert [store.span(s.id).origin for s in (first, second)] == ["manual", "manual"]


def test_accept_all_names_its_step_after_the_first_suggestion_unless_named(store):
    figure, place = propose(store, ("figure", "12个"), ("place", "海西州"))
    unnamed = reviewing.accept_all(store, [figure, place], annotator="甲", name="")
    assert unnamed.label == "接受 数据"
    named = reviewing.accept_all(store, [figure, place], annotator="甲", name="全部")
    assert named.label == "全部" and len(named.changes) == len(unnamed.changes)
    store.apply(named)
    assert reviewing.pending_suggestions(store, 1) == []
    assert len(store.facts("figures")) == 1
    empty = reviewing.accept_all(store, [], annotator="甲", name="无")
    assert empty.label == "无" and not empty


def test_accept_all_gives_each_figure_its_own_row_and_id(store):
    first, second = propose(store, ("figure", "12个"), ("figure", "3万人"))
    edit = reviewing.accept_all_of_label(store, 1, "figure", annotator="甲")
    assert edit.label == "接受全部 数据（2 处）"
    store.apply(edit)
    rows = store.facts("figures", doc_id=1)
    assert sorted(r["span_ids"][0] for r in rows) == [first.id, second.id]
    assert len({r["id"] for r in rows}) == 2 and {r["place"] for r in rows} == {"格尔木市"}
    assert reviewing.accept_all_of_label(store, 1, "figure", annotator="甲", name="再来").label == "再来"


def test_rejecting_removes_the_suggestion_and_remembers_it(store):
    figure, place = propose(store, ("figure", "12个"), ("place", "海西州"))
    edit = reviewing.reject(store, figure)
    assert edit.label == "拒绝 数据"
    store.apply(edit)
    assert reviewing.pending_suggestions(store, 1) == [place]
    assert store.rejections(1) == {(figure.start, figure.end, "figure")}


def test_reject_all_is_one_named_step_with_a_rejection_for_each(store):
    spans = propose(store, ("figure", "12个"), ("place", "海西州"))
    edit = reviewing.reject_all(store, spans, name="清空")
    assert edit.label == "清空"
    store.apply(edit)
    assert reviewing.pending_suggestions(store, 1) == [] and len(store.rejections(1)) == 2
    assert len({c.after["id"] for c in edit.changes if c.table == "rejections"}) == 2


@pytest.mark.parametrize("accept_them, name, origin", [
    (True, "接受全部建议（2 处）", "manual"),
    (False, "拒绝全部建议（2 处）", None),
])
def test_marking_done_resolves_every_pending_suggestion_one_way(store, accept_them, name, origin):
    spans = propose(store, ("figure", "12个"), ("place", "海西州"))
    edit = reviewing.resolve_pending(store, 1, accept_them=accept_them, annotator="甲")
    assert edit.label == name
    store.apply(edit)
    assert reviewing.pending_suggestions(store, 1) == []
    assert [s.origin for s in store.spans(1)] == ([origin] * 2 if origin else [])
    assert len(store.rejections(1)) == (0 if accept_them else 2)
    if accept_them:
        assert {s.annotator for s in store.spans(1)} == {"甲"} and len(store.facts("figures")) == 1
    assert {s.id for s in spans} >= {s.id for s in store.spans(1)}
