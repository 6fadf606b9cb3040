from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from curator.core.edits import set_status
from curator.core.importing import read_path
from curator.core.model import Document
from curator.store import Project, ProjectError
from curator.store.schema import migrations

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_project_file_is_wal_with_foreign_keys_and_migrated(tmp_path):
    path = tmp_path / "a.curator"
    with Project.open(path) as project:
        conn = project.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not migrations.pending(project.db)
        assert [lab.name for lab in project.labels()] == ["initiative", "figure", "place", "org", "person", "doc", "date"]
        assert [lab.hotkey for lab in project.labels()] == list("1234567")
    raw = sqlite3.connect(path)
    assert {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
        "documents", "labels", "spans", "initiatives", "figures", "meta", "_sqlite_migrations"}


def test_reimport_is_a_no_op(project):
    before = project.stats()
    report = project.import_batches(read_path(SEEDS))
    assert report.added == [] and len(report.duplicates) == 4
    assert project.stats() == before


def test_a_failed_file_leaves_nothing_and_others_still_import(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("好文章\n正文", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "第一篇"}\n{"text": "第二篇", "spans": [[0, 99, "place"]]}\n', encoding="utf-8")
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)))
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(b for p in (bad, good, binary) for b in read_path(p))
        assert [p.path for p in report.problems] == [str(bad), str(binary)]
        assert "outside the text" in report.problems[0].reason
        assert [d.title for d in project.documents()] == ["好文章"]
        assert project.db.conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == 0


def test_jsonl_annotations_import_with_new_ids(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"text": "格尔木市有志愿服务队324支", "status": "done", "spans": [[0, 4, "place", {"id": 7}], [10, 14, "figure", {"id": 8, "value": 324}], [5, 9, "topic", {"id": 9}]],'
        ' "figures": [{"id": 3, "indicator": "志愿服务队", "value": 324, "unit": "支", "span_ids": [8]}]}\n',
        encoding="utf-8",
    )
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(read_path(path))
        assert not report.problems
        spans = project.spans(1)
        assert [(s.text, s.label) for s in spans] == [("格尔木市", "place"), ("志愿服务", "topic"), ("324支", "figure")]
        figure_span = spans[2]
        assert figure_span.attrs == {"value": 324}
        (figure,) = project.facts("figures")
        assert figure["span_ids"] == [figure_span.id] and figure["unit"] == "支"
        assert project.documents()[0].status == "done"
        assert "topic" in [lab.name for lab in project.labels()]


def test_second_writer_opens_read_only(tmp_path):
    path = tmp_path / "p.curator"
    Project.open(path).close()
    lock = path.with_name(path.name + ".lock")
    lock.write_text(json.dumps({"pid": 1, "host": socket.gethostname()}), encoding="utf-8")  # pid 1 is alive
    with Project.open(path) as second:
        assert second.read_only and second.locked_by.pid == 1
        with pytest.raises(ProjectError, match="read-only"):
            second.apply(set_status(Document(id=1, title="", text=""), "done"))


def test_stale_lock_from_a_crash_is_ignored(tmp_path):
    path = tmp_path / "p.curator"
    Project.open(path).close()
    path.with_name(path.name + ".lock").write_text(json.dumps({"pid": 999999999, "host": socket.gethostname()}))
    with Project.open(path) as project:
        assert not project.read_only


@pytest.mark.parametrize("content", [b"hello, not a database", b"PK\x03\x04" + bytes(100)])
def test_a_file_that_is_not_a_project_gets_a_clear_message(tmp_path, content):
    path = tmp_path / "x.curator"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a curator project"):
        Project.open(path)


def test_missing_project_is_not_created_when_asked_not_to(tmp_path):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "none.curator", create=False)
    assert not (tmp_path / "none.curator").exists()


def test_stats_counts(project):
    stats = project.stats()
    assert stats["documents"] == 4
    assert stats["status"] == {"todo": 4, "in_progress": 0, "done": 0, "reviewed": 0}
    assert stats["facts"] == {"initiatives": 0, "figures": 0}
