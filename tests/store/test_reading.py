"""Reading a project back: documents, spans, facts, rejections, meta and the counts, with their filters and orders."""

from __future__ import annotations

import sqlite3

import pytest

from curator.core.importing import Article, FileBatch
from curator.store import Project, ProjectError
from curator.store.reading import DocumentSummary, decode_row

TEXT = "格尔木市开展志愿服务活动，共有324支队伍参加。"


@pytest.fixture
def store(tmp_path):
    spans = (
        {"id": "a", "start": 0, "end": 4, "label": "place", "note": "市"},
        {"id": "b", "start": 0, "end": 4, "label": "org"},
        {"id": "c", "start": 6, "end": 10, "label": "topic", "origin": "suggested"},
        {"id": "d", "start": 15, "end": 19, "label": "figure", "value": 324},
        {"id": "e", "start": 0, "end": 2, "label": "place", "note": "市"},
    )
    article = Article(text=TEXT, title="格尔木", origin="a.jsonl", status="done", spans=spans,
                      initiatives=({"id": 1, "name": "志愿服务", "span_ids": ["c"]},),
                      figures=({"indicator": "队伍", "value": 324, "span_ids": ["d"], "initiative_id": 1},))
    others = [Article(text=f"第{n}篇", title=f"第{n}篇", origin=f"{n}.txt") for n in range(3)]
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches([FileBatch("a.jsonl", (article,)), FileBatch("b.txt", tuple(others))])
        assert report.added == [1, 2, 3, 4]
        yield project


def test_a_document_is_read_whole_and_a_missing_one_named(store):
    doc = store.document(1)
    assert (doc.id, doc.title, doc.text, doc.status) == (1, "格尔木", TEXT, "done")
    with pytest.raises(ProjectError) as caught:
        store.document(99)
    assert str(caught.value) == "no document with id 99"


def test_the_document_list_filters_by_status_and_stops_at_the_limit(store):
    # span_count leaves the suggestion out
    assert store.documents() == [DocumentSummary(1, "格尔木", "done", 4), DocumentSummary(2, "第0篇", "todo", 0),
                                 DocumentSummary(3, "第1篇", "todo", 0), DocumentSummary(4, "第2篇", "todo", 0)]
    assert [d.id for d in store.documents(status="todo")] == [2, 3, 4]
    assert [d.id for d in store.documents(status="todo", limit=2)] == [2, 3]
    assert [d.id for d in store.documents(limit=1)] == [1]
    assert store.documents(limit=0) == []
    assert store.documents(status="reviewed") == []
    assert store.document_count() == 4


def test_spans_come_in_text_order_and_filter_by_origin_and_label(store):
    spans = store.spans(1)
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "place"), (0, 4, "place"), (0, 4, "org"),
                                                          (6, 10, "topic"), (15, 19, "figure")]
    assert [s.label for s in store.spans(1, origin="suggested")] == ["topic"]
    assert [s.label for s in store.spans(1, origin="manual")] == ["place", "place", "org", "figure"]
    assert [(s.start, s.end) for s in store.spans(1, label="place")] == [(0, 2), (0, 4)]
    assert [s.label for s in store.spans(1, origin="manual", label="figure")] == ["figure"]
    assert store.spans(1, origin="suggested", label="place") == []
    assert store.spans(2) == []


def test_span_attributes_are_decoded_and_each_span_has_its_own(store):
    first, second = store.spans(1, label="place")
    assert first.attrs == {"note": "市"} and second.attrs == {"note": "市"}
    first.attrs["note"] = "changed"
    assert second.attrs == {"note": "市"}
    assert store.spans(1, label="place")[0].attrs == {"note": "市"}
    assert store.spans(1, label="org")[0].attrs == {}
    assert store.spans(1, label="figure")[0].attrs == {"value": 324}


def test_one_span_by_id_and_whether_a_span_is_there(store):
    figure = store.spans(1, label="figure")[0]
    assert store.span(figure.id) == figure
    with pytest.raises(ProjectError) as caught:
        store.span(999)
    assert str(caught.value) == "no span with id 999"
    assert store.has_span(1, 15, 19, "figure")
    assert not store.has_span(1, 15, 19, "place")
    assert not store.has_span(1, 15, 18, "figure")
    assert not store.has_span(1, 14, 19, "figure")
    assert not store.has_span(2, 15, 19, "figure")


def test_facts_are_read_by_table_and_document(store):
    [initiative] = store.facts("initiatives")
    [figure] = store.facts("figures", doc_id=1)
    assert store.facts("figures", doc_id=2) == []
    assert figure["initiative_id"] == initiative["id"] and figure["span_ids"] == [store.spans(1, label="figure")[0].id]
    assert store.row("figures", figure["id"]) == figure
    with pytest.raises(ProjectError) as caught:
        store.row("figures", 99)
    assert str(caught.value) == "no figures row with id 99"
    with pytest.raises(ValueError) as wrong:
        store.facts("spans")
    assert str(wrong.value) == "'spans' is not a fact table"
    assert store.document_facts(1) == [("initiatives", initiative), ("figures", figure)]
    assert store.facts_citing(store.spans(1)[0]) == store.document_facts(1)
    assert store.document_facts(2) == []


def test_rows_decode_only_their_json_text():
    assert decode_row({"span_ids": "[1, 2]", "attrs": '{"a": 1}', "name": "[x]"}) == {"span_ids": [1, 2],
                                                                                      "attrs": {"a": 1}, "name": "[x]"}
    assert decode_row({"span_ids": [3], "attrs": None}) == {"span_ids": [3], "attrs": None}


def test_rejections_are_read_per_document(store):
    store.db.conn.execute("INSERT INTO rejections (id, doc_id, start, end, label) VALUES (1, 1, 6, 10, 'topic')")
    store.db.conn.execute("INSERT INTO rejections (id, doc_id, start, end, label) VALUES (2, 2, 0, 1, 'place')")
    assert store.rejections(1) == {(6, 10, "topic")}
    assert store.rejections(3) == set()


def test_meta_values_and_their_defaults(store):
    assert store.meta("nothing") is None
    assert store.meta("nothing", "fallback") == "fallback"
    store.set_meta("colour", "red")
    store.set_meta("colour", "blue")
    assert store.meta("colour", "fallback") == "blue"
    assert len(store.project_id()) == 32
    assert store.package_annotator() == ""
    store.set_meta("package_annotator", "li")
    assert store.package_annotator() == "li"
    store.set_meta("project_id", "")
    assert store.project_id() == ""


def test_labels_are_listed_by_position(store):
    names = [label.name for label in store.labels()]
    positions = [row[0] for row in store.db.conn.execute("SELECT name FROM labels ORDER BY position, name")]
    assert names == positions and "place" in names
    store.db.conn.execute("UPDATE labels SET position = -1 WHERE name = ?", [names[-1]])
    assert store.labels()[0].name == names[-1]


def test_the_counts_keep_suggestions_apart(store):
    stats = store.stats()
    assert stats["documents"] == 4
    assert stats["spans"] == {"figure": 1, "org": 1, "place": 2}
    assert list(stats["spans"]) == ["figure", "org", "place"]
    assert stats["suggestions"] == 1
    assert stats["facts"]["initiatives"] == 1 and stats["facts"]["figures"] == 1
    assert stats["status"] == {"todo": 3, "in_progress": 0, "done": 1, "reviewed": 0}
    assert list(store.status_counts()) == ["todo", "in_progress", "done", "reviewed"]


def test_counts_that_cannot_be_read_say_why(store, monkeypatch):
    def full():
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_stats", full)
    with pytest.raises(ProjectError) as caught:
        store.stats()
    assert str(caught.value) == (f"{store.path}: cannot read it: the disk is full or cannot be written (disk I/O error); "
                                 "free some space and try again")
    with Project.memory() as memory:
        monkeypatch.setattr(memory, "_stats", full)
        with pytest.raises(ProjectError) as caught:
            memory.stats()
        assert str(caught.value).startswith("project: cannot read it: ")


def test_spans_of_one_label_add_up_over_origins_and_suggestions_over_labels(tmp_path):
    spans = ({"start": 0, "end": 4, "label": "place"}, {"start": 0, "end": 2, "label": "place", "origin": "accepted"},
             {"start": 4, "end": 6, "label": "place", "origin": "accepted"},
             {"start": 6, "end": 8, "label": "topic", "origin": "suggested"},
             {"start": 8, "end": 10, "label": "org", "origin": "suggested"})
    with Project.open(tmp_path / "p.curator") as project:
        project.import_batches([FileBatch("a.jsonl", (Article(text=TEXT, title="t", origin="a", spans=spans),))])
        stats = project.stats()
        assert stats["spans"] == {"place": 3} and stats["suggestions"] == 2
