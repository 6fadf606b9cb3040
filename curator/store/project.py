"""A curator project: one SQLite file (`NAME.curator`), WAL mode, foreign keys on.

Every change goes through `apply(edit)`, one transaction per Edit, so a committed
edit is on disk when the call returns and a crash loses at most the edit in flight.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from curator.core.edits import Edit, RowChange, now_iso
from curator.core.grams import index_text, phrase_query
from curator.core.importing import Article, FileBatch, Problem
from curator.core.model import JSON_COLUMNS, STATUSES, Document, Label, Span
from curator.core.resources import default_labels
from curator.store.lock import LockHolder, ProjectLock, current_holder
from curator.store.schema import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
EDITABLE_TABLES = frozenset({"documents", "spans", "initiatives", "figures", "rejections", "labels", "meta"})
SNIPPET_REACH = 18


class ProjectError(Exception):
    """A problem with a project file, in words a user can act on."""


class EditConflict(ProjectError):
    """The rows an edit expected are not what is stored (e.g. a stale undo)."""


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    status: str
    snippet: str


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    status: str
    spans: int


@dataclass
class ImportReport:
    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _encode(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if key in JSON_COLUMNS and value is not None else value
        for key, value in row.items()
    }


def _decode(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS & out.keys():
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    return out


class Project:
    def __init__(self, db: Database, path: Path | None, *, read_only: bool, lock: ProjectLock | None,
                 locked_by: LockHolder | None = None) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self.locked_by = locked_by
        self._lock = lock
        self._next_ids: dict[str, int] = {}

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Project:
        path = Path(path)
        exists = path.exists()
        if not exists and not create:
            raise ProjectError(f"{path}: no such project file")
        if exists:
            _check_header(path)
        holder = current_holder(path) if exists else None
        read_only = read_only or holder is not None
        if not read_only and exists and not _writable(path):
            read_only = True
        try:
            if read_only:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False)
            db = Database(conn)
            lock = None if read_only else ProjectLock(path)
            project = cls(db, path, read_only=read_only, lock=lock, locked_by=holder)
            project._prepare()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: not a readable curator project ({exc})") from None
        return project

    @classmethod
    def memory(cls) -> Project:
        project = cls(Database(memory=True), None, read_only=False, lock=None)
        project._prepare()
        return project

    def _prepare(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if self.read_only:
            if migrations.pending(self.db):
                raise ProjectError("this project was made by an older curator and must be upgraded; open it writable once")
            return
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        fresh = not self.db["documents"].exists()
        migrations.apply(self.db)
        if fresh:
            self._install_labels(default_labels())
            self.set_meta("created", now_iso())

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            self.db.conn.execute("PRAGMA optimize")
        self.db.conn.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _install_labels(self, labels: Iterable[Mapping[str, Any]]) -> None:
        rows = [
            {"name": lab["name"], "title": lab["title"], "color": lab["color"], "hotkey": lab["hotkey"],
             "kind": lab.get("kind", "entity"), "position": i}
            for i, lab in enumerate(labels)
        ]
        with self.db.atomic():
            self.db["labels"].insert_all(rows, pk="name", replace=True)

    # -- edits ---------------------------------------------------------------------------

    def next_id(self, table: str) -> int:
        """An id for a new row of table, unique in this project (chosen before the edit is built)."""
        if table not in self._next_ids:
            row = self.db.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{table}]").fetchone()
            self._next_ids[table] = row[0] + 1
        value = self._next_ids[table]
        self._next_ids[table] = value + 1
        return value

    def apply(self, edit: Edit) -> frozenset[str]:
        """Commit edit in one transaction; return the tables it changed."""
        if self.read_only:
            raise ProjectError("this project is open read-only; nothing was changed")
        if not edit.changes:
            return frozenset()
        try:
            with self.db.atomic():
                for change in edit.changes:
                    self._apply_change(change)
        except sqlite3.IntegrityError as exc:
            raise EditConflict(f"{edit.label}: the project does not allow this change ({exc})") from None
        except sqlite3.OperationalError as exc:
            raise ProjectError(f"{edit.label}: not saved ({exc})") from None
        return edit.tables

    def _apply_change(self, change: RowChange) -> None:
        table = change.table
        if table not in EDITABLE_TABLES:
            raise ValueError(f"edits cannot change table {table!r}")
        conn = self.db.conn
        if change.before is None:
            row = _encode(table, change.after)
            columns = ", ".join(f"[{c}]" for c in row)
            conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
            return
        self._check_current(table, change.before)
        if change.after is None:
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [change.before["id"]])
            return
        row = _encode(table, change.after)
        sets = ", ".join(f"[{c}] = ?" for c in row if c != "id")
        conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [v for c, v in row.items() if c != "id"] + [row["id"]])

    def _check_current(self, table: str, before: Mapping[str, Any]) -> None:
        columns = list(before)
        found = self.db.conn.execute(
            f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] WHERE id = ?", [before["id"]]
        ).fetchone()
        if found is None:
            raise EditConflict(f"{table} row {before['id']} is no longer there")
        current = _decode(dict(zip(columns, found)))
        if current != dict(before):
            raise EditConflict(f"{table} row {before['id']} was changed meanwhile")

    # -- reading -------------------------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.db.conn.execute("SELECT name, title, color, hotkey, kind FROM labels ORDER BY position, name")
        return [Label(*row) for row in rows]

    def document(self, doc_id: int) -> Document:
        rows = list(self.db.query(
            "SELECT id, title, text, source, published, place, sha256, status, imported_at FROM documents WHERE id = ?",
            [doc_id],
        ))
        if not rows:
            raise ProjectError(f"no document with id {doc_id}")
        return Document(**rows[0])

    def documents(self, *, status: str | None = None) -> list[DocumentSummary]:
        sql = "SELECT id, title, status, span_count FROM documents"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        return [DocumentSummary(*row) for row in self.db.conn.execute(sql + " ORDER BY id", params)]

    def document_count(self) -> int:
        return self.db.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def spans(self, doc_id: int, *, origin: str | None = None) -> list[Span]:
        sql = "SELECT * FROM spans WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if origin:
            sql += " AND origin = ?"
            params.append(origin)
        return [Span.from_row(_decode(row)) for row in self.db.query(sql + " ORDER BY start, end, id", params)]

    def span(self, span_id: int) -> Span:
        rows = list(self.db.query("SELECT * FROM spans WHERE id = ?", [span_id]))
        if not rows:
            raise ProjectError(f"no span with id {span_id}")
        return Span.from_row(_decode(rows[0]))

    def facts(self, table: str, *, doc_id: int | None = None) -> list[dict[str, Any]]:
        if table not in ("initiatives", "figures"):
            raise ValueError(f"{table!r} is not a fact table")
        sql = f"SELECT * FROM [{table}]"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        return [_decode(row) for row in self.db.query(sql + " ORDER BY id", params)]

    def row(self, table: str, row_id: int) -> dict[str, Any]:
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        if not rows:
            raise ProjectError(f"no {table} row with id {row_id}")
        return _decode(rows[0])

    def facts_citing(self, span: Span) -> list[tuple[str, dict[str, Any]]]:
        """(table, row) for every fact row of the span's document; delete_span keeps those it cites."""
        return [(table, row) for table in ("initiatives", "figures") for row in self.facts(table, doc_id=span.doc_id)]

    def rejections(self, doc_id: int) -> set[tuple[int, int, str]]:
        rows = self.db.conn.execute("SELECT start, end, label FROM rejections WHERE doc_id = ?", [doc_id])
        return {tuple(row) for row in rows}

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    # -- search --------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Documents containing every whitespace-separated term of query, as plain substrings.

        Nothing in the query is search syntax: quotes, *, NEAR, - and parentheses are text.
        """
        terms = query.split()
        if not terms:
            return []
        where, params = [], []
        phrases = [phrase_query(term) for term in terms if len(term) >= 2]
        if phrases:
            where.append("id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(" AND ".join(phrases))
        for term in terms:
            if len(term) < 2:
                where.append("instr(text, ?) > 0")
                params.append(term)
        first = terms[0]
        sql = (
            "SELECT id, title, status, "
            "substr(text, max(1, instr(text, ?) - ?), ? + ? * 2) FROM documents "
            f"WHERE {' AND '.join(where)} ORDER BY id LIMIT ?"
        )
        rows = self.db.conn.execute(sql, [first, SNIPPET_REACH, len(first), SNIPPET_REACH, *params, limit])
        return [SearchHit(id, title, status, _mark(snippet, first)) for id, title, status, snippet in rows]

    # -- statistics ----------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        conn = self.db.conn
        spans = dict(conn.execute("SELECT label, COUNT(*) FROM spans WHERE origin != 'suggested' GROUP BY label"))
        status = {name: 0 for name in STATUSES}
        status.update(conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status"))
        return {
            "documents": self.document_count(),
            "spans": spans,
            "suggestions": conn.execute("SELECT COUNT(*) FROM spans WHERE origin = 'suggested'").fetchone()[0],
            "facts": {t: conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in ("initiatives", "figures")},
            "status": status,
        }

    # -- import --------------------------------------------------------------------------

    def import_batches(self, batches: Iterable[FileBatch]) -> ImportReport:
        """Import file by file; a file either imports whole or leaves nothing behind."""
        if self.read_only:
            raise ProjectError("this project is open read-only; nothing was imported")
        report = ImportReport()
        for batch in batches:
            if batch.problem:
                report.problems.append(batch.problem)
                continue
            try:
                with self.db.atomic():
                    added, duplicates = self._import_articles(batch.articles)
            except (ValueError, sqlite3.IntegrityError) as exc:
                self._next_ids.clear()
                report.problems.append(Problem(batch.path, str(exc)))
                continue
            report.added.extend(added)
            report.duplicates.extend(duplicates)
        return report

    def _import_articles(self, articles: Iterable[Article]) -> tuple[list[int], list[str]]:
        added, duplicates = [], []
        conn = self.db.conn
        stamp = now_iso()
        for article in articles:
            sha = article.sha256
            if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha]).fetchone():
                duplicates.append(article.origin)
                continue
            doc_id = self.next_id("documents")
            status = article.status if article.status in STATUSES else "todo"
            conn.execute(
                "INSERT INTO documents (id, title, source, published, place, text, sha256, status, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, article.title, article.source, article.published, article.place, article.text, sha, status, stamp],
            )
            conn.execute("INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)", [doc_id, index_text(article.text)])
            self._import_annotations(doc_id, article, stamp)
            added.append(doc_id)
        return added, duplicates

    def _import_annotations(self, doc_id: int, article: Article, stamp: str) -> None:
        """Spans and fact rows from a JSONL line; their ids are renumbered for this project."""
        known = {label.name for label in self.labels()}
        span_ids: dict[Any, int] = {}
        for number, item in enumerate(article.spans):
            start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
            if not 0 <= start < end <= len(article.text):
                where = f"line {article.line}: " if article.line else ""
                raise ValueError(f"{where}span {start}-{end} is outside the text ({len(article.text)} characters)")
            if label not in known:
                self._install_extra_label(label)
                known.add(label)
            new_id = self.next_id("spans")
            span_ids[item.get("id", f"#{number}")] = new_id
            attrs = {k: v for k, v in item.items() if k not in _SPAN_FIELDS}
            self._apply_change(RowChange("spans", None, {
                "id": new_id, "doc_id": doc_id, "start": start, "end": end, "label": label,
                "text": article.text[start:end], "attrs": attrs, "origin": item.get("origin", "manual"),
                "annotator": item.get("annotator", ""), "created": item.get("created", stamp),
                "updated": item.get("updated", stamp),
            }))
        initiative_ids: dict[Any, int] = {}
        for table, rows in (("initiatives", article.initiatives), ("figures", article.figures)):
            for row in rows:
                new_id = self.next_id(table)
                if table == "initiatives":
                    initiative_ids[row.get("id")] = new_id
                fact = {k: v for k, v in row.items() if k in _FACT_FIELDS[table]}
                fact.update(id=new_id, doc_id=doc_id, span_ids=[span_ids[s] for s in row.get("span_ids", []) if s in span_ids])
                if table == "figures":
                    fact["initiative_id"] = initiative_ids.get(row.get("initiative_id"))
                self._apply_change(RowChange(table, None, fact))

    def _install_extra_label(self, name: str) -> None:
        position = self.db.conn.execute("SELECT COUNT(*) FROM labels").fetchone()[0]
        self.db.conn.execute(
            "INSERT INTO labels (name, title, color, hotkey, kind, position) VALUES (?, ?, ?, '', 'entity', ?)",
            [name, name, "#e0e0e0", position],
        )


_SPAN_FIELDS = frozenset({"id", "start", "end", "label", "text", "origin", "annotator", "created", "updated"})
_FACT_FIELDS = {
    "initiatives": frozenset({"name", "category", "place", "organisation", "note", "edited"}),
    "figures": frozenset({"indicator", "value", "unit", "qualifier", "place", "as_of", "edited"}),
}


def _mark(snippet: str, term: str) -> str:
    return snippet.replace(term, f"【{term}】", 1).replace("\n", " ")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if header and header != SQLITE_HEADER:
        raise ProjectError(f"{path}: not a curator project (not an SQLite file)")


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
