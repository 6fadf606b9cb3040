"""Importing into a project, in this process: what lands where, a file whole or not at all, annotations renumbered,
and what each file's line says when it does not import (a bad span, a full disk, a rollback)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from curator.core.importing import Article, FileBatch, Problem
from curator.store import Project, ProjectError
from curator.store import importer as importer_module

TEXT = "格尔木市开展志愿服务活动，共有324支队伍参加。"  # 24 characters
FULL = "the disk is full; free some space and try again (nothing was half-saved)"


def _article(text: str = TEXT, **fields) -> Article:
    return Article(text=text, title=fields.pop("title", text[:4]), origin=fields.pop("origin", "a.txt"), **fields)


def _batch(path: str, *articles: Article) -> FileBatch:
    return FileBatch(path, articles)


def _rows(store: Project, sql: str) -> list[tuple]:
    return store.db.conn.execute(sql).fetchall()


def test_a_read_only_project_imports_nothing(tmp_path):
    path = tmp_path / "p.curator"
    Project.open(path).close()
    with Project.open(path, read_only=True) as store:
        with pytest.raises(ProjectError) as caught:
            store.import_batches([_batch("a.txt", _article())])
        assert str(caught.value) == "this project is open read-only; nothing was imported"
        assert store.document_count() == 0


def test_every_field_of_an_article_is_stored(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch("a.txt", _article(title="标题", source="新华网", published="2026-11-30",
                                                                place="格尔木市", status="done"))])
        assert report.added == [1] and report.duplicates == [] and report.problems == []
        [row] = _rows(store, "SELECT id, title, source, published, place, text, sha256, status, imported_at FROM documents")
        assert row[:8] == (1, "标题", "新华网", "2026-11-30", "格尔木市", TEXT, _article().sha256, "done")
        assert row[8] and row[8][:2] == "20"
        assert [hit.id for hit in store.search("志愿")] == [1]


def test_an_unknown_status_imports_as_todo(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        store.import_batches([_batch("a.txt", _article(status="finished"))])
        assert store.documents()[0].status == "todo"


def test_a_text_seen_before_is_a_duplicate_named_by_its_origin(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        first = store.import_batches([_batch("a.txt", _article(origin="a.txt"), _article(origin="a.txt#2"))])
        assert first.added == [1] and first.duplicates == ["a.txt#2"]
        again = store.import_batches([_batch("b.txt", _article(origin="b.txt"), _article("另一篇文章的内容", origin="b.txt#2"))])
        assert again.added == [2] and again.duplicates == ["b.txt"]


def test_a_file_with_a_problem_is_named_and_the_others_import(tmp_path):
    problem = Problem("bad.pdf", "not a readable PDF")
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([FileBatch("bad.pdf", problem=problem), _batch("a.txt", _article())])
        assert report.problems == [problem] and report.added == [1]


@pytest.mark.parametrize("start, end, line, message", [
    (0, 25, 3, "line 3: span 0-25 is outside the text (24 characters)"),
    (-1, 4, 3, "line 3: span -1-4 is outside the text (24 characters)"),
    (4, 4, 0, "span 4-4 is outside the text (24 characters)"),
    (5, 4, 7, "line 7: span 5-4 is outside the text (24 characters)"),
])
def test_a_span_outside_the_text_refuses_its_whole_file(tmp_path, start, end, line, message):
    bad = _article(origin="bad.jsonl", line=line, spans=({"start": start, "end": end, "label": "place"},))
    fine = _article("同一文件里的另一篇", origin="bad.jsonl#2")
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch("bad.jsonl", fine, bad), _batch("next.txt", _article("下一个文件"))])
        assert report.problems == [Problem("bad.jsonl", message)]
        assert report.added == [1]  # the next file gets the first id: the failed one's are given back
        assert [d.title for d in store.documents()] == ["下一个文"]
        assert _rows(store, "SELECT COUNT(*) FROM spans") == [(0,)]


def test_spans_at_both_ends_of_the_text_are_inside_it(tmp_path):
    spans = ({"start": 0, "end": 4, "label": "place"}, {"start": 23, "end": 24, "label": "place"},
             {"start": 0, "end": 24, "label": "topic"})
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch("a.jsonl", _article(spans=spans))])
        assert not report.problems
        assert [(s.start, s.end, s.text) for s in store.spans(1)] == [(0, 4, "格尔木市"), (0, 24, TEXT), (23, 24, "。")]


def test_a_spans_fields_are_kept_and_the_rest_become_its_attributes(tmp_path):
    spans = (
        {"id": 70, "start": "0", "end": "4", "label": "place", "text": "ignored", "origin": "suggested",
         "annotator": "li", "created": "2026-01-01T00:00:00", "updated": "2026-01-02T00:00:00", "note": "市"},
        {"start": 21, "end": 24, "label": "figure", "value": 324},
    )
    with Project.open(tmp_path / "p.curator") as store:
        store.import_batches([_batch("a.jsonl", _article(spans=spans))])
        first, second = sorted(store.spans(1), key=lambda s: s.start)
        assert (first.id, first.text, first.origin, first.annotator, first.attrs) == (1, "格尔木市", "suggested", "li",
                                                                                     {"note": "市"})
        assert (first.created, first.updated) == ("2026-01-01T00:00:00", "2026-01-02T00:00:00")
        assert (second.id, second.text, second.origin, second.annotator, second.attrs) == (2, "参加。", "manual", "",
                                                                                          {"value": 324})
        [row] = _rows(store, "SELECT created, updated FROM spans WHERE id = 2")
        [(imported,)] = _rows(store, "SELECT imported_at FROM documents")
        assert row == (imported, imported)


def test_a_label_the_project_lacks_is_added_at_the_end(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        before = len(store.labels())
        spans = ({"start": 0, "end": 4, "label": "district"}, {"start": 4, "end": 6, "label": "district"})
        store.import_batches([_batch("a.jsonl", _article(spans=spans))])
        [row] = _rows(store, "SELECT name, title, color, hotkey, kind, position FROM labels WHERE name = 'district'")
        assert row == ("district", "district", "#e0e0e0", "", "entity", before)
        assert len(store.labels()) == before + 1


def test_facts_are_renumbered_and_point_at_the_renumbered_spans(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        store.import_batches([_batch("old.jsonl", _article("先前的一篇文章", spans=({"start": 0, "end": 2,
                                                                                  "label": "place"},)))])
        spans = ({"id": "s1", "start": 0, "end": 4, "label": "place"}, {"start": 21, "end": 24, "label": "figure"})
        initiatives = ({"id": 9, "name": "志愿服务", "category": "volunteer", "span_ids": ["s1", "nowhere"],
                        "secret": "dropped"},)
        figures = ({"id": 4, "indicator": "队伍", "value": 324, "unit": "支", "span_ids": ["#1"], "initiative_id": 9},
                   {"indicator": "人数", "value": 5, "initiative_id": 99})
        report = store.import_batches([_batch("a.jsonl", _article(spans=spans, initiatives=initiatives, figures=figures))])
        assert not report.problems
        [initiative] = store.facts("initiatives")
        assert initiative["id"] == 1 and initiative["doc_id"] == 2 and initiative["span_ids"] == [2]
        assert initiative["name"] == "志愿服务" and initiative["category"] == "volunteer" and "secret" not in initiative
        first, second = store.facts("figures")
        assert (first["id"], first["doc_id"], first["span_ids"], first["initiative_id"]) == (1, 2, [3], 1)
        assert (first["indicator"], first["value"], first["unit"]) == ("队伍", 324, "支")
        assert (second["id"], second["span_ids"], second["initiative_id"]) == (2, [], None)


def test_files_commit_together_and_every_one_is_indexed(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "IMPORT_COMMIT_FILES", 2)
    monkeypatch.setattr(importer_module, "FTS_BATCH_CHARS", 10)
    texts = [f"第{n}篇文章讲志愿服务的故事" for n in range(5)]
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch(f"{n}.txt", _article(text)) for n, text in enumerate(texts)])
        assert report.added == [1, 2, 3, 4, 5]
        assert [hit.id for hit in store.search("志愿服务")] == [1, 2, 3, 4, 5]
        assert [hit.id for hit in store.search("第3篇")] == [4]


def test_one_large_file_is_indexed_within_it(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "FTS_BATCH_CHARS", 20)
    articles = [_article(f"第{n}篇文章讲志愿服务的故事，" * 2, origin=f"big.jsonl#{n}") for n in range(4)]
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch("big.jsonl", *articles)])
        assert report.added == [1, 2, 3, 4]
        assert [hit.id for hit in store.search("志愿服务")] == [1, 2, 3, 4]
        assert [hit.id for hit in store.search("第2篇")] == [3]


def test_commits_go_by_characters_too(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "IMPORT_COMMIT_CHARS", 15)
    commits = []
    with Project.open(tmp_path / "p.curator") as store:
        real = store._commit_import

        def counted(pending, report, storage_error=""):
            commits.append([entry[0].path for entry in pending])
            return real(pending, report, storage_error)

        monkeypatch.setattr(store, "_commit_import", counted)
        store.import_batches([_batch("a.txt", _article("十个字的一篇文章啊")), _batch("b.txt", _article("又是十个字的文章")),
                              _batch("c.txt", _article("十五个字的一篇文章就在这里了"))])
        assert commits == [["a.txt", "b.txt"], ["c.txt"]]


def _failing(first: Article, exc: Exception) -> Iterator[Article]:
    yield first
    raise exc


def test_a_file_that_fails_while_read_leaves_nothing_of_it(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([_batch("a.txt", _article()),
                                       FileBatch("b.jsonl", _failing(_article("半个文件"), ValueError("line 2: not JSON"))),
                                       _batch("c.txt", _article("第三个文件"))])
        assert report.problems == [Problem("b.jsonl", "line 2: not JSON")]
        assert report.added == [1, 2] and [d.title for d in store.documents()] == ["格尔木市", "第三个文"]


def test_a_full_disk_while_importing_stops_there_and_keeps_the_files_before(tmp_path):
    full = sqlite3.OperationalError("database or disk is full")
    never = []

    def batches():
        yield _batch("a.txt", _article())
        yield FileBatch("b.txt", _failing(_article("半个文件"), full))
        never.append("read")
        yield _batch("c.txt", _article("第三个文件"))

    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches(batches())
        assert report.problems == [Problem("b.txt", f"not imported, nor any file after it: {FULL}")]
        assert report.added == [1] and store.document_count() == 1 and never == []
        assert store.import_batches([_batch("c.txt", _article("第三个文件"))]).added == [2]


def test_a_commit_that_fails_names_every_file_in_it(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "IMPORT_COMMIT_FILES", 2)
    with Project.open(tmp_path / "p.curator") as store:
        real = store._write_index
        failures = [sqlite3.OperationalError("database or disk is full")]

        def once(rows):
            if failures:
                raise failures.pop()
            return real(rows)

        monkeypatch.setattr(store, "_write_index", once)
        report = store.import_batches([FileBatch("bad.pdf", problem=Problem("bad.pdf", "unreadable")),
                                       _batch("a.txt", _article()), _batch("b.txt", _article("第二个文件")),
                                       _batch("c.txt", _article("第三个文件"))])
        assert report.problems == [Problem("a.txt", f"not imported: {FULL}"), Problem("b.txt", f"not imported: {FULL}"),
                                   Problem("bad.pdf", "unreadable")]
        assert report.added == [1] and [d.title for d in store.documents()] == ["第三个文"]
        assert [hit.id for hit in store.search("第三")] == [1]


def test_an_empty_import_reports_nothing(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches([])
        assert (report.added, report.duplicates, report.problems) == ([], [], [])
        assert not store.db.conn.in_transaction


def test_ids_reserved_before_an_import_are_not_given_to_its_rows(tmp_path):
    with Project.open(tmp_path / "p.curator") as store:
        reserved = (store.next_id("spans"), store.next_id("initiatives"), store.next_id("figures"))
        assert reserved == (1, 1, 1)  # e.g. an edit the window is building
        spans = ({"id": "s", "start": 0, "end": 4, "label": "place"},)
        store.import_batches([_batch("a.jsonl", _article(spans=spans, initiatives=({"id": 3, "name": "x"},),
                                                         figures=({"indicator": "y", "initiative_id": 3},)))])
        assert [s.id for s in store.spans(1)] == [2]
        assert [r["id"] for r in store.facts("initiatives")] == [2]
        assert [(r["id"], r["initiative_id"]) for r in store.facts("figures")] == [(2, 2)]
