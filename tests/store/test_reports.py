"""The store's report queries under every selection: by status, by place (the document's or a fact row's), both."""

from __future__ import annotations

import pytest

from curator.core.importing import Article, FileBatch
from curator.store import Project, reports
from curator.store.reports import Selection

A = "格尔木市开展志愿服务活动，西宁市共有324支队伍参加。"
B = "西宁市举办文明城市创建动员大会。"
C = "海东市推进垃圾分类，西宁市设立500个回收点。"
D = "一篇还没有标注的文章。"
XINING = "西宁市"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    first = Article(
        text=A, title="格尔木", origin="a", place="格尔木市", status="done",
        spans=({"id": "p", "start": 0, "end": 4, "label": "place", "annotator": "li"},
               {"id": "f", "start": 19, "end": 23, "label": "figure", "annotator": "wang"},
               {"id": "o", "start": 6, "end": 10, "label": "org"},
               {"id": "s", "start": 13, "end": 16, "label": "place", "origin": "suggested"}),
        initiatives=({"id": 1, "name": "志愿服务", "place": "格尔木市", "span_ids": ["o", "p"]},),
        figures=({"indicator": "队伍", "value": 324, "place": XINING, "span_ids": ["f"], "initiative_id": 1},),
    )
    second = Article(text=B, title="西宁", origin="b", place=XINING, status="todo",
                     spans=({"start": 0, "end": 3, "label": "place"},))
    third = Article(text=C, title="海东", origin="c", place="", status="reviewed",
                    initiatives=({"id": 2, "name": "垃圾分类", "place": XINING},),
                    figures=({"indicator": "回收点", "value": 500},))
    fourth = Article(text=D, title="空", origin="d", place="海东市", status="in_progress")
    path = tmp_path_factory.mktemp("reports") / "p.curator"
    with Project.open(path) as project:
        report = project.import_batches([FileBatch("all.jsonl", (first, second, third, fourth))])
        assert report.added == [1, 2, 3, 4] and not report.problems
        yield project


EVERYTHING = Selection()
FINISHED = Selection(statuses={"reviewed", "done"})
IN_XINING = Selection(place=XINING)


def test_the_selection_chooses_documents_by_status_and_place(store):
    assert reports.document_ids(store, EVERYTHING) == [1, 2, 3, 4]
    assert reports.document_ids(store, FINISHED) == [1, 3]
    assert reports.document_ids(store, Selection(statuses=())) == []
    assert reports.document_ids(store, IN_XINING) == [1, 2, 3]  # a figure, the document's own place, an initiative
    assert reports.document_ids(store, Selection(statuses={"todo", "done"}, place=XINING)) == [1, 2]
    assert reports.document_ids(store, Selection(place="格尔木市")) == [1]
    assert reports.document_ids(store, Selection(place="海东市")) == [4]
    assert reports.document_count(store, IN_XINING) == 3 and reports.document_count(store, FINISHED) == 2


def test_the_document_rows_count_the_facts_of_the_place(store):
    rows = list(reports.documents(store, EVERYTHING))
    assert rows[0] == {"id": 1, "title": "格尔木", "source": "", "published": "", "place": "格尔木市", "status": "done",
                       "spans": 3, "initiatives": 1, "figures": 1}
    assert [(r["id"], r["initiatives"], r["figures"]) for r in rows] == [(1, 1, 1), (2, 0, 0), (3, 1, 1), (4, 0, 0)]
    placed = list(reports.documents(store, IN_XINING))
    assert [(r["id"], r["initiatives"], r["figures"]) for r in placed] == [(1, 0, 1), (2, 0, 0), (3, 1, 0)]
    done = list(reports.documents(store, Selection(statuses={"done"}, place=XINING)))
    assert [(r["id"], r["initiatives"], r["figures"]) for r in done] == [(1, 0, 1)]


def test_initiatives_carry_their_document_and_evidence_in_citing_order(store):
    rows = list(reports.initiatives(store, EVERYTHING))
    assert [(r["name"], r["doc_title"], r["status"]) for r in rows] == [("志愿服务", "格尔木", "done"),
                                                                      ("垃圾分类", "海东", "reviewed")]
    assert rows[0]["span_ids"] == [3, 1] and rows[0]["published"] == ""
    assert rows[0]["evidence_spans"] == [[6, 10, ""], [0, 4, "li"]]
    assert rows[1]["span_ids"] == [] and rows[1]["evidence_spans"] == []
    assert [r["name"] for r in reports.initiatives(store, IN_XINING)] == ["垃圾分类"]
    assert [r["name"] for r in reports.initiatives(store, Selection(statuses={"done"}))] == ["志愿服务"]


def test_figures_carry_their_initiative_and_are_chosen_by_their_own_place(store):
    rows = list(reports.figures(store, EVERYTHING))
    assert [(r["indicator"], r["initiative"], r["doc_title"], r["status"]) for r in rows] == [
        ("队伍", "志愿服务", "格尔木", "done"), ("回收点", None, "海东", "reviewed")]
    assert rows[0]["evidence_spans"] == [[19, 23, "wang"]] and rows[0]["span_ids"] == [2]
    assert [r["indicator"] for r in reports.figures(store, IN_XINING)] == ["队伍"]
    assert list(reports.figures(store, Selection(place="海东市"))) == []


def test_spans_leave_suggestions_out_unless_asked(store):
    rows = list(reports.spans(store, EVERYTHING))
    assert [(r["doc_id"], r["start"], r["label"]) for r in rows] == [(1, 0, "place"), (1, 6, "org"), (1, 19, "figure"),
                                                                     (2, 0, "place")]
    assert rows[0]["doc_title"] == "格尔木" and rows[0]["attrs"] == {}
    asked = list(reports.spans(store, EVERYTHING, suggested=True))
    assert len(asked) == 5 and asked[2]["origin"] == "suggested" and asked[2]["start"] == 13
    assert [r["label"] for r in reports.spans(store, EVERYTHING, labels={"figure", "org"})] == ["org", "figure"]
    assert [r["doc_id"] for r in reports.spans(store, Selection(statuses={"todo"}), labels={"place"})] == [2]
    assert list(reports.spans(store, EVERYTHING, labels=())) == []


def test_label_and_status_counts_follow_the_selection(store):
    assert reports.label_counts(store, EVERYTHING) == {"place": 2, "org": 1, "figure": 1}
    assert reports.label_counts(store, EVERYTHING, labels={"place", "topic"}) == {"place": 2}
    assert reports.label_counts(store, FINISHED) == {"place": 1, "org": 1, "figure": 1}
    assert reports.status_counts(store, EVERYTHING) == {"done": 1, "todo": 1, "reviewed": 1, "in_progress": 1}
    assert reports.status_counts(store, IN_XINING) == {"done": 1, "todo": 1, "reviewed": 1}


def test_place_counts_add_up_and_put_the_most_facts_first(store):
    rows = reports.place_counts(store, EVERYTHING)
    assert rows == [(XINING, 1, 1, 1), ("格尔木市", 1, 1, 0), ("海东市", 1, 0, 0), ("", 1, 0, 1)]
    assert sum(r[1] for r in rows) == 4 and sum(r[2] for r in rows) == 2 and sum(r[3] for r in rows) == 2
    assert reports.place_counts(store, IN_XINING) == [(XINING, 1, 1, 1), ("格尔木市", 1, 0, 0), ("", 1, 0, 0)]
    assert reports.place_counts(store, Selection(statuses={"in_progress"})) == [("海东市", 1, 0, 0)]


def test_a_documents_text_and_a_missing_one(store):
    assert reports.document_text(store, 2) == B
    assert reports.document_text(store, 99) == ""


def test_a_selection_builds_its_condition_for_any_alias():
    where, params = Selection(statuses={"b", "a"}, place="x").documents("doc")
    assert where.startswith("1 AND doc.status IN (?, ?) AND (doc.place = ? OR EXISTS")
    assert params == ["a", "b", "x", "x", "x"]
    where, params = Selection(place="x").facts("f")
    assert where.endswith(" AND f.place = ?") and params == ["x", "x", "x", "x"]
    assert Selection().facts("f") == ("1", [])
