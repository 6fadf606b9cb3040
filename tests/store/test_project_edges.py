"""Opening, creating and editing a project at its edges: every refusal in its words, ids reserved, stale edits."""

from __future__ import annotations

import os
import sqlite3

import pytest

from curator.core.edits import Edit, RowChange
from curator.core.importing import Article, FileBatch
from curator.store import EditConflict, Project, ProjectError
from curator.store import project as project_module

TEXT = "格尔木市开展志愿服务活动。"


def _span(span_id: int, doc_id: int = 1, **changes) -> dict:
    row = {"id": span_id, "doc_id": doc_id, "start": 0, "end": 4, "label": "place", "text": TEXT[:4], "attrs": {},
           "origin": "manual", "annotator": "", "created": "c", "updated": "u"}
    row.update(changes)
    return row


@pytest.fixture
def store(tmp_path):
    with Project.open(tmp_path / "p.curator") as project:
        project.import_batches([FileBatch("a.txt", (Article(text=TEXT, title="t", origin="a.txt"),))])
        yield project


def test_a_missing_project_is_not_made_when_asked_not_to_or_read_only(tmp_path):
    path = tmp_path / "none.curator"
    for kwargs in ({"create": False}, {"read_only": True}):
        with pytest.raises(ProjectError) as caught:
            Project.open(path, **kwargs)
        assert str(caught.value) == f"{path}: no such project file"
    assert not path.exists()


def test_a_new_project_is_made_whole_with_nothing_left_beside_it(tmp_path):
    path = tmp_path / "new.curator"
    with Project.open(path) as store:
        assert not store.read_only and store.meta("created") and len(store.project_id()) == 32
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.curator"]


def test_a_project_in_a_missing_folder_cannot_be_made(tmp_path):
    path = tmp_path / "gone" / "p.curator"
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert str(caught.value) == f"{path}: cannot create it: unable to open database file"


def test_a_project_made_by_another_process_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    path = tmp_path / "p.curator"
    with Project.open(path) as store:
        theirs = store.project_id()
    real = project_module.place_new

    def raced(staged, target):
        return real(staged, target)  # target exists: theirs is kept, ours dropped

    monkeypatch.setattr(project_module, "place_new", raced)
    project_module.Project._create(path)
    with Project.open(path) as store:
        assert store.project_id() == theirs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.curator"]


def test_an_edit_on_a_read_only_project_is_refused(store):
    path = store.path
    with Project.open(path, read_only=True) as reader:
        with pytest.raises(ProjectError) as caught:
            reader.apply(Edit("标注", (RowChange("spans", None, _span(1)),)))
        assert str(caught.value) == "this project is open read-only; nothing was changed"


def test_an_empty_edit_changes_nothing(store):
    assert store.apply(Edit("nothing", ())) == frozenset()


def test_rows_are_inserted_updated_and_deleted_with_their_checks(store):
    assert store.apply(Edit("标注", (RowChange("spans", None, _span(1)),))) == frozenset({"spans"})
    span = store.span(1)
    assert (span.text, span.attrs) == (TEXT[:4], {})
    store.apply(Edit("改", (RowChange("spans", _span(1), _span(1, attrs={"x": 1}, label="org")),)))
    assert store.span(1).label == "org" and store.span(1).attrs == {"x": 1}
    with pytest.raises(EditConflict) as caught:
        store.apply(Edit("撤销", (RowChange("spans", _span(1), None),)))  # a stale undo: it was changed since
    assert str(caught.value) == "spans row 1 was changed meanwhile"
    store.apply(Edit("删", (RowChange("spans", _span(1, attrs={"x": 1}, label="org"), None),)))
    assert store.spans(1) == []
    with pytest.raises(EditConflict) as caught:
        store.apply(Edit("删", (RowChange("spans", _span(1), None),)))
    assert str(caught.value) == "spans row 1 is no longer there"


def test_an_edit_the_schema_refuses_is_a_conflict_and_changes_nothing(store):
    edit = Edit("标注", (RowChange("spans", None, _span(1)), RowChange("spans", None, _span(2, doc_id=99))))
    with pytest.raises(EditConflict) as caught:
        store.apply(edit)
    assert str(caught.value) == "标注: the project does not allow this change (FOREIGN KEY constraint failed)"
    assert store.spans(1) == []


def test_an_edit_sqlite_cannot_run_is_not_saved_and_its_ids_are_given_back(store):
    assert store.next_id("spans") == 1
    with pytest.raises(ProjectError) as caught:
        store.apply(Edit("标注", (RowChange("spans", None, {**_span(1), "colour": "red"}),)))
    assert str(caught.value) == "标注: not saved; table spans has no column named colour"
    assert store.next_id("spans") == 1


def test_only_the_projects_own_tables_are_edited(store):
    with pytest.raises(ValueError) as caught:
        store.apply(Edit("x", (RowChange("merged_packages", None, {"id": 1}),)))
    assert str(caught.value) == "edits cannot change table 'merged_packages'"


def test_ids_are_reserved_one_or_many_at_a_time(store):
    assert store.next_id("spans", 3) == 1
    assert store.next_id("spans") == 4
    assert store.next_id("spans", 0) == 5
    assert store.next_id("spans") == 6
    assert store.next_id("documents") == 2
    store.forget_reserved_ids()
    assert store.next_id("spans") == 1


def test_a_worker_connection_writes_the_same_file(store):
    worker = store.worker_connection()
    try:
        assert worker.path == store.path and not worker.read_only
        assert worker.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert worker.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        worker.import_batches([FileBatch("b.txt", (Article(text="另一篇", title="b", origin="b.txt"),))])
    finally:
        worker.close()
    assert store.document_count() == 2
    assert store.path.with_name(store.path.name + ".lock").exists()  # the worker's close leaves the lock alone
    with Project.memory() as memory:
        with pytest.raises(ProjectError) as caught:
            memory.worker_connection()
        assert str(caught.value) == "only a project file open for writing can be worked on from another thread"
    with Project.open(store.path, read_only=True) as reader:
        with pytest.raises(ProjectError):
            reader.worker_connection()


def test_a_project_of_the_current_schema_opens_read_only_where_it_cannot_be_written(tmp_path, monkeypatch):
    path = tmp_path / "p.curator"
    Project.open(path).close()
    monkeypatch.setattr(project_module, "writable", lambda p: False)
    with Project.open(path) as store:
        assert store.read_only and store.locked_by is None
    assert not path.with_name(path.name + ".lock").exists()
    with Project.open(path, read_only=True) as store:
        assert store.read_only


def test_a_lock_that_cannot_be_written_refuses_the_writable_open(tmp_path, monkeypatch):
    path = tmp_path / "p.curator"
    Project.open(path).close()

    def full(project):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project_module, "ProjectLock", full)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert str(caught.value) == (f"{path}: cannot open it for writing (No space left on device); "
                                 "free some space, or open it read-only")


def test_closing_a_project_on_a_full_disk_still_closes(store, monkeypatch):
    path = store.path
    conn = store.db.conn

    class Full:
        def execute(self, sql, *args):
            if sql == "PRAGMA optimize":
                raise sqlite3.OperationalError("database or disk is full")
            return conn.execute(sql, *args)

        def close(self):
            conn.close()

    store.db.conn = Full()
    store.close()
    assert not path.with_name(path.name + ".lock").exists()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
    store.close = lambda: None  # the fixture closes it again
    os.sync()
