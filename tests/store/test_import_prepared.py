"""What an import works out per article before storing it (digest, index words, place), and the
index without positions that search finds candidates in (migration m006)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from curator.core.grams import index_text
from curator.core.importing import Article, FileBatch, Problem, prepared
from curator.services.importing import import_paths
from curator.store import Project

ABOUT = "格尔木市简报\n格尔木市开展文明创建，注册志愿者超3万人。"


def article(text: str = ABOUT, place: str = "") -> Article:
    return Article(text=text, title="t", origin="a.txt", place=place)


def test_prepared_works_out_digest_index_words_and_the_place_the_text_is_about():
    done = prepared(FileBatch("a.txt", articles=(article(),))).articles[0]
    assert done.digest == hashlib.sha256(ABOUT.encode("utf-8")).hexdigest() == done.sha256
    assert done.grams == index_text(ABOUT) and done.grams.startswith("格尔 尔木 木市")
    assert done.place == "格尔木市" and done.place_guessed


def test_a_place_the_file_gives_is_kept_and_not_counted_as_guessed():
    done = prepared(FileBatch("a.jsonl", articles=(article(place="海西州"),))).articles[0]
    assert done.place == "海西州" and not done.place_guessed
    nowhere = prepared(FileBatch("b.txt", articles=(article("简报\n开展文明创建。"),))).articles[0]
    assert nowhere.place == "" and not nowhere.place_guessed


def test_a_problem_stays_a_problem_and_a_streamed_file_stays_streamed():
    bad = FileBatch("x.txt", problem=Problem("x.txt", "empty file (no text)"))
    assert prepared(bad) is bad
    seen = []

    def lines():
        for text in (ABOUT, "海西州简报\n海西州开展活动。"):
            seen.append(text)
            yield article(text)

    streamed = prepared(FileBatch("big.jsonl", articles=lines()))
    assert seen == []  # nothing read yet: the store reads it while importing
    assert [a.place for a in streamed.articles] == ["格尔木市", "海西蒙古族藏族自治州"] and len(seen) == 2


def test_the_digest_the_store_uses_is_the_one_worked_out_ahead(tmp_path):
    # an article prepared elsewhere carries its digest: the store does not hash the text again
    forged = Article(text=ABOUT, title="t", origin="a.txt", digest="0" * 64)
    with Project.open(tmp_path / "p.curator") as project:
        project.import_batches([FileBatch("a.txt", articles=(forged,))])
        assert project.db.conn.execute("SELECT sha256 FROM documents").fetchall() == [("0" * 64,)]


def test_places_counts_the_added_documents_whose_place_came_from_their_text(tmp_path):
    (tmp_path / "a.txt").write_text(ABOUT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ABOUT, encoding="utf-8")  # the same text: a duplicate, not added
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "海西州简报\n格尔木市开展活动。", "place": "海西州"},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("德令哈市简报\n德令哈市开展活动。", encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as project:
        result = import_paths(project, [tmp_path])
        assert len(result.report.added) == 3 and len(result.report.duplicates) == 1
        assert [project.document(i).place for i in result.report.added] == ["格尔木市", "海西州", "德令哈市"]
        assert result.places == result.report.places == 2


def test_the_index_keeps_no_positions_and_a_word_is_found_from_its_pairs(tmp_path):
    with Project.open(tmp_path / "p.curator") as project:
        project.import_batches([FileBatch("a.txt", articles=(article(),)),
                                FileBatch("b.txt", articles=(article("简报\n志愿者注册超3万人。"),))])
        sql = project.db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
        assert "detail=none" in sql
        # both hold the pairs of 注册志愿者; only one holds the word: the text decides
        assert [h.id for h in project.search("注册志愿者")] == [1]
        assert [h.id for h in project.search("志愿者")] == [1, 2]


def test_an_index_with_positions_is_rebuilt_without_them_and_finds_the_same(tmp_path):
    path = tmp_path / "old.curator"
    with Project.open(path) as project:
        project.import_batches([FileBatch("a.txt", articles=(article(),))])
    conn = sqlite3.connect(path)  # the project as the previous release left it: m006 not applied
    conn.execute("DROP TABLE documents_fts")
    conn.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(grams, content='', columnsize=0, "
                 "tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO documents_fts (rowid, grams) VALUES (1, ?)", [index_text(ABOUT)])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_search_without_positions'")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        sql = project.db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
        assert "detail=none" in sql
        assert [h.id for h in project.search("格尔木")] == [1] and project.search("德令哈") == []


def test_half_a_character_in_a_jsonl_field_is_one_line_and_later_files_import(tmp_path):
    # JSON allows "\ud800": a str Python holds but UTF-8 (and so SQLite and the digest) cannot
    (tmp_path / "a.jsonl").write_text('{"text": "注册志愿者\\ud800超3万人"}\n{"text": "好的一篇"}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "格尔木市简报", "title": "简报\\udc80"}\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text(ABOUT, encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as project:
        report = import_paths(project, [tmp_path]).report
        assert [str(p) for p in report.problems] == [
            f"{tmp_path / 'a.jsonl'}: line 1: its text holds U+D800, half of a character, not text (a broken \\u escape?)",
            f"{tmp_path / 'b.jsonl'}: line 1: its title holds U+DC80, half of a character, not text (a broken \\u escape?)",
        ]
        assert [project.document(i).text for i in report.added] == [ABOUT]  # nothing of a.jsonl, not even line 2
