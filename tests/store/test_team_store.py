"""The store's side of team work: packages filled and read back, merges written in chunks, disputes listed.

CHUNK (500 documents a statement) is made 1 here, so that four seed articles cross every chunk boundary:
a merge in chunks must leave exactly the project a merge in one piece leaves.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from curator.core.edits import set_status, tag_span
from curator.core.importing import read_path
from curator.core.model import FACT_TABLES
from curator.services.team.merge import merge_packages
from curator.services.team.split import split_project
from curator.store import Project, ProjectError
from curator.store import team as team_module
from curator.store.team import (
    DocWork,
    SpanWork,
    ensure_labels,
    package_content,
    stored_work,
    texts,
    transaction,
)

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["张三", "李四"]


def _tag(package: Project, doc_id: int, start: int, end: int, label: str) -> None:
    doc = package.document(doc_id)
    package.apply(tag_span(doc, start, end, label, span_id=package.next_id("spans"),
                           fact_id=package.next_id(FACT_TABLES[label]) if label in FACT_TABLES else None,
                           annotator=package.package_annotator(), doc_spans=package.spans(doc_id)))


def _annotate(outdir: Path) -> None:
    """Both tag a place on every document; 张三 also an organisation on each; the second document stays todo."""
    for name in NAMES:
        with Project.open(outdir / f"team-{name}.curator") as package:
            for n, summary in enumerate(package.documents()):
                _tag(package, summary.id, 0, 4, "place")
                if name == "张三":
                    _tag(package, summary.id, 5, 9, "org")
                if n != 1:
                    package.apply(set_status(package.document(summary.id), "done"))


def _state(path: Path) -> dict:
    with Project.open(path, read_only=True) as store:
        conn = store.db.conn
        return {
            "spans": conn.execute("SELECT id, doc_id, start, end, label, text, annotator FROM spans ORDER BY id").fetchall(),
            "disputes": conn.execute("SELECT doc_id, kind, start, end, label, span_id FROM disputes ORDER BY id").fetchall(),
            "status": conn.execute("SELECT id, status FROM documents ORDER BY id").fetchall(),
            "work": conn.execute("SELECT doc_id, annotator, status, spans FROM annotator_documents "
                                 "ORDER BY doc_id, annotator").fetchall(),
            "facts": conn.execute("SELECT * FROM figures ORDER BY id").fetchall()
                     + conn.execute("SELECT * FROM initiatives ORDER BY id").fetchall(),
        }


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "team.curator"
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
        split_project(store, tmp_path / "out", annotators=NAMES, overlap=1.0, seed=7)
    _annotate(tmp_path / "out")
    return path, [tmp_path / "out" / f"team-{n}.curator" for n in NAMES]


def _merged(path: Path, packages: list[Path]) -> dict:
    with Project.open(path) as store:
        merge_packages(store, packages)
    return _state(path)


def test_a_merge_in_chunks_leaves_what_a_merge_in_one_piece_leaves(team, tmp_path, monkeypatch):
    path, packages = team
    twin = tmp_path / "twin.curator"
    shutil.copy(path, twin)
    whole = _merged(path, packages)
    assert len(whole["status"]) == 4 and whole["disputes"]  # the organisations are disputed
    monkeypatch.setattr(team_module, "CHUNK", 1)
    assert _merged(twin, packages) == whole
    with Project.open(packages[0]) as package:  # more work comes in: spans updated, kept and removed in chunks
        for summary in package.documents():
            _tag(package, summary.id, 10, 12, "place")
    monkeypatch.setattr(team_module, "CHUNK", 500)
    again = _merged(path, packages)
    monkeypatch.setattr(team_module, "CHUNK", 1)
    assert _merged(twin, packages) == again != whole


def test_a_package_filled_in_chunks_holds_every_document(team, tmp_path, monkeypatch):
    path, _ = team
    with Project.open(path) as store:
        ids = [d.id for d in store.documents()]
        whole = Project.open(tmp_path / "whole.curator")
        team_module.fill_package(store, whole, ids, annotator="李四")
        monkeypatch.setattr(team_module, "CHUNK", 1)
        chunked = Project.open(tmp_path / "chunked.curator")
        team_module.fill_package(store, chunked, ids, annotator="李四")
        first, second = package_content(whole), package_content(chunked)
        assert [d.sha256 for d in second.documents] == [d.sha256 for d in first.documents]
        assert len(second.documents) == 4 and second.handed_out == first.handed_out
        assert second.annotator == "李四" and second.origin == store.project_id()
        assert texts(store, ids) == {d.id: (d.title, len(store.document(d.id).text)) for d in store.documents()}
        assert texts(store, [ids[0], ids[0]]) == {ids[0]: texts(store, ids)[ids[0]]}
        whole.close()
        chunked.close()


def test_stored_work_of_some_documents_in_chunks(team, monkeypatch):
    path, packages = team
    with Project.open(path) as store:
        merge_packages(store, packages)
        everything = stored_work(store)
        ids = sorted(everything)
        monkeypatch.setattr(team_module, "CHUNK", 1)
        some = stored_work(store, [ids[2], ids[0], ids[0]])
        assert sorted(some) == [ids[0], ids[2]]
        assert {who: work.spans_json for who, work in some[ids[0]].items()} == \
               {who: work.spans_json for who, work in everything[ids[0]].items()}
        assert set(everything[ids[0]]) == set(NAMES)
        assert stored_work(store, []) == {}


def test_work_not_started_is_none_and_an_annotators_own_spans_count_as_started(tmp_path):
    path = tmp_path / "team.curator"
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
        split_project(store, tmp_path / "out", annotators=["张三"], overlap=1.0, seed=1)
    with Project.open(tmp_path / "out" / "team-张三.curator") as package:
        first, second, *_ = [d.id for d in package.documents()]
        _tag(package, first, 0, 4, "place")  # tagged, still todo
        package.apply(set_status(package.document(second), "in_progress"))
        content = package_content(package)
    work = [d.work for d in content.documents]
    assert work[0].status == "todo" and [s.key for s in work[0].spans] == [(0, 4, "place")]
    assert work[0].spans[0].author == "张三" and work[0].spans[0].origin == "manual"
    assert work[1].status == "in_progress" and work[1].spans == ()
    assert work[2] is None and work[3] is None


def test_a_documents_work_reads_its_spans_and_facts_lazily():
    span = [7, 0, 4, "place", "格尔木市", "{}", "manual", "li", "c", "u"]
    work = DocWork("done", json.dumps([span]),
                   '[["figures", {"id": 1, "span_ids": [7]}]]')
    assert work.span_keys() == {7: (0, 4, "place")}
    assert work.spans == (SpanWork(*span),)
    assert work.span_keys() == {7: (0, 4, "place")}
    assert work.facts == (("figures", {"id": 1, "span_ids": [7]}),)
    assert work.spans[0].key == (0, 4, "place")
    empty = DocWork("todo", "", "")
    assert (empty.spans_json, empty.facts_json, empty.spans, empty.facts) == ("[]", "[]", (), ())


def test_labels_a_package_brings_are_added_after_the_projects_own(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        before = [(label.name, label.title, label.color) for label in store.labels()]
        ensure_labels(store, [("district", "", ""), ("place", "地点?", "#000000"), ("venue", "场所", "#123456"),
                              ("district", "again", "#ffffff")])
        rows = store.db.conn.execute("SELECT name, title, color, hotkey, kind, position FROM labels "
                                     "WHERE name IN ('district', 'venue') ORDER BY position").fetchall()
        assert rows == [("district", "district", "#e0e0e0", "", "entity", len(before)),
                        ("venue", "场所", "#123456", "", "entity", len(before) + 1)]
        assert [(label.name, label.title, label.color) for label in store.labels()][:len(before)] == before


def test_a_merge_that_fails_in_sqlite_says_nothing_was_merged_and_gives_its_ids_back(tmp_path):
    import sqlite3

    with Project.open(tmp_path / "p.curator") as store:
        store.next_id("spans")
        with pytest.raises(ProjectError) as caught, transaction(store):
            store.next_id("spans")
            raise sqlite3.OperationalError("database or disk is full")
        assert str(caught.value) == (f"{store.path}: nothing was merged; the disk is full; free some space and try "
                                     "again (nothing was half-saved)")
        assert store._next_ids == {}
        store.next_id("spans")
        with pytest.raises(KeyError), transaction(store):
            raise KeyError("x")
        assert store._next_ids == {}


def test_disputes_are_listed_and_counted_per_document(team):
    path, packages = team
    with Project.open(path) as store:
        merge_packages(store, packages)
        with_disputes = team_module.documents_with_disputes(store)
        assert with_disputes == sorted(with_disputes) and len(with_disputes) == 4
        counts = team_module.dispute_counts(store)
        assert counts == {doc_id: 1 for doc_id in with_disputes}
        [dispute] = team_module.disputes(store, with_disputes[0])
        assert (dispute["kind"], dispute["start"], dispute["end"], dispute["label"]) == ("span", 5, 9, "org")
        assert dispute["resolved"] == 0
        store.db.conn.execute("UPDATE disputes SET resolved = 1 WHERE doc_id = ?", [with_disputes[0]])
        assert team_module.documents_with_disputes(store) == with_disputes[1:]
        assert with_disputes[0] not in team_module.dispute_counts(store)
