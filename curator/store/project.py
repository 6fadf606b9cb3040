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
from typing import Any, NamedTuple

from sqlite_utils import Database

from curator.core.edits import Edit, RowChange, now_iso
from curator.core.grams import index_text, phrase_query
from curator.core.importing import Article, FileBatch, Problem
from curator.core.model import JSON_COLUMNS, SPAN_COLUMNS, STATUSES, Document, Label, Span
from curator.core.resources import default_labels
from curator.store import backup as backups
from curator.store.lock import LockHolder, ProjectLock, current_holder
from curator.store.schema import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
EDITABLE_TABLES = frozenset({"documents", "spans", "initiatives", "figures", "rejections", "labels", "meta"})
SNIPPET_REACH = 18
IMPORT_COMMIT_CHARS = 300_000  # about 1 MB of Chinese text per transaction (measured: near the best speed)
IMPORT_COMMIT_FILES = 500
QUICK_CHECK_BYTES = 64 * 1024 * 1024  # a full quick_check on open costs ~10 ms/MB; larger files get the cheap checks


class ProjectError(Exception):
    """A problem with a project file, in words a user can act on."""


class EditConflict(ProjectError):
    """The rows an edit expected are not what is stored (e.g. a stale undo)."""


class NeedsUpgrade(ProjectError):
    """An older project opened read-only: it must be migrated by a writable open first."""


class CorruptProject(ProjectError):
    """The project file is damaged; newest_backup is what `Project.restore_backup` would bring back."""

    def __init__(self, path: Path, detail: str, newest_backup: backups.Backup | None = None) -> None:
        self.path = path
        self.detail = detail
        self.newest_backup = newest_backup
        if newest_backup:
            offer = (f"the newest backup is {newest_backup} in {newest_backup.path.parent}; "
                     f"restore it with `curator restore \"{path}\"`")
        else:
            offer = f"no backup of it was found in {backups.backup_dir(path)}"
        super().__init__(f"{path}: the project file is damaged ({detail}); {offer}")


def _storage_problem(exc: sqlite3.Error) -> str:
    """What a failed write means for the user."""
    text = str(exc)
    if "full" in text:
        return "the disk is full; free some space and try again (nothing was half-saved)"
    if "readonly" in text or "read-only" in text:
        return "the project file cannot be written (read-only file or folder)"
    if "locked" in text or "busy" in text:
        return "another program is writing the project; try again"
    return text


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    status: str
    snippet: str


class DocumentSummary(NamedTuple):
    """A row of the document list (a tuple: 100,000 of them are built at every start)."""

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
        self._daily: backups.DailyBackups | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Project:
        path = Path(path)
        exists = path.exists()
        if not exists and not create:
            raise ProjectError(f"{path}: no such project file")
        if exists:
            _check_file(path)
        holder = current_holder(path) if exists else None
        if read_only and holder is None and exists and _writable(path):
            try:
                return cls._open(path, exists=exists, read_only=True, holder=None)
            except NeedsUpgrade:  # e.g. `curator list` right after an update: upgrade it (with a backup) first
                cls.open(path, create=False).close()
        read_only = read_only or holder is not None
        if not read_only and exists and not _writable(path):
            read_only = True
        return cls._open(path, exists=exists, read_only=read_only, holder=holder)

    @classmethod
    def _open(cls, path: Path, *, exists: bool, read_only: bool, holder: LockHolder | None) -> Project:
        try:
            if read_only:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False)
            db = Database(conn, execute_plugins=False)  # no third-party sqlite-utils plugins on our file
            lock = None if read_only else ProjectLock(path)
            project = cls(db, path, read_only=read_only, lock=lock, locked_by=holder)
            project._prepare(exists=exists)
        except ProjectError:
            _close_quietly(locals().get("conn"), locals().get("lock"))
            raise
        except sqlite3.OperationalError as exc:
            _close_quietly(locals().get("conn"), locals().get("lock"))
            if "malformed" in str(exc) or "not a database" in str(exc):
                raise CorruptProject(path, str(exc), backups.newest_backup(path)) from None
            raise ProjectError(f"{path}: cannot open it ({_storage_problem(exc)})") from None
        except sqlite3.DatabaseError as exc:
            _close_quietly(locals().get("conn"), locals().get("lock"))
            raise CorruptProject(path, str(exc), backups.newest_backup(path)) from None
        except OSError as exc:  # the lock file beside it could not be written (full disk, folder gone)
            _close_quietly(locals().get("conn"), locals().get("lock"))
            raise ProjectError(f"{path}: cannot open it for writing ({exc.strerror or exc}); "
                               "free some space, or open it read-only") from None
        return project

    @staticmethod
    def list_backups(path: str | Path) -> list[backups.Backup]:
        """The backups of the project at path, newest first."""
        return backups.backups(Path(path))

    def backup_now(self, *, reason: str = "manual") -> backups.Backup:
        """Write a backup of this project now (into NAME.curator.backups/ beside it)."""
        if self.path is None:
            raise ProjectError("an in-memory project has no file to back up")
        try:
            return backups.make_backup(self.db.conn, self.path, reason=reason)
        except backups.BackupError as exc:
            raise ProjectError(str(exc)) from None

    @staticmethod
    def restore_backup(path: str | Path, backup: str | Path | None = None) -> Path:
        """Replace the project file at path with backup (default: the newest good one).

        The file being replaced is kept beside it as NAME.curator.damaged-STAMP (with its
        -wal and -shm files); that path is returned. Refused while the project is open.
        """
        path = Path(path)
        holder = current_holder(path)
        if holder is not None:
            raise ProjectError(f"{path} is open by {holder}; close it there before restoring")
        candidates = [Path(backup)] if backup else [b.path for b in backups.backups(path)]
        if not candidates:
            raise ProjectError(f"{path}: there is no backup to restore (looked in {backups.backup_dir(path)})")
        source = next((c for c in candidates if _sound(c)), None)
        if source is None:
            raise ProjectError(f"{candidates[0]}: the backup is damaged too; nothing was changed")
        import os
        import shutil
        import time

        staged = path.with_name(path.name + ".restoring")
        try:
            shutil.copyfile(source, staged)
            kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("", "-wal", "-shm"):  # a stale WAL must not be replayed onto the restored file
                old = Path(str(path) + suffix)
                if old.exists():
                    os.replace(old, Path(str(kept) + suffix))
            os.replace(staged, path)
        except OSError as exc:
            staged.unlink(missing_ok=True)
            raise ProjectError(f"{path}: not restored ({exc.strerror or exc})") from None
        return kept

    @classmethod
    def memory(cls) -> Project:
        project = cls(Database(memory=True, execute_plugins=False), None, read_only=False, lock=None)
        project._prepare()
        return project

    def _prepare(self, *, exists: bool = False) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if exists and self.path is not None:
            self._check_integrity()
        if self.read_only:
            if migrations.pending(self.db):
                raise NeedsUpgrade("this project was made by an older curator and must be upgraded; open it writable once")
            return
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        fresh = not self.db["documents"].exists()
        if not fresh and self.path is not None and migrations.pending(self.db):
            try:
                backups.make_backup(conn, self.path, reason="migration")
            except backups.BackupError as exc:
                raise ProjectError(f"{self.path}: not upgraded, because no backup could be made first ({exc})") from None
        migrations.apply(self.db)
        if fresh:
            self._install_labels(default_labels())
            self.set_meta("created", now_iso())
        if self.path is not None:
            self._daily = backups.DailyBackups(self.path, since=_timestamp(self.meta("created")))
            self._daily.poke()

    def _check_integrity(self) -> None:
        """Damage that SQLite would only report later, found now (quick_check on files up to 64 MB)."""
        assert self.path is not None
        size = self.path.stat().st_size
        check = "PRAGMA quick_check(1)" if size <= QUICK_CHECK_BYTES else "SELECT COUNT(*) FROM sqlite_master"
        result = self.db.conn.execute(check).fetchone()[0]
        if size <= QUICK_CHECK_BYTES and result != "ok":
            raise CorruptProject(self.path, str(result), backups.newest_backup(self.path))

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            try:
                self.db.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # optimize is a nicety; closing must not fail on a full disk
        if self._daily:
            self._daily.wait()
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
            self._next_ids.clear()
            raise ProjectError(f"{edit.label}: not saved; {_storage_problem(exc)}") from None
        except sqlite3.DatabaseError as exc:
            raise CorruptProject(self.path or Path(":memory:"), str(exc),
                                 backups.newest_backup(self.path) if self.path else None) from None
        if self._daily:
            self._daily.poke()
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

    def documents(self, *, status: str | None = None, limit: int | None = None) -> list[DocumentSummary]:
        sql = "SELECT id, title, status, span_count FROM documents"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return list(map(DocumentSummary._make, self.db.conn.execute(sql, params)))

    def document_count(self) -> int:
        return self.db.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def spans(self, doc_id: int, *, origin: str | None = None) -> list[Span]:
        columns = ", ".join(f"[{c}]" for c in SPAN_COLUMNS)
        sql = f"SELECT {columns} FROM spans WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if origin:
            sql += " AND origin = ?"
            params.append(origin)
        rows = self.db.conn.execute(sql + " ORDER BY start, end, id", params)
        attrs = SPAN_COLUMNS.index("attrs")
        decoded: dict[str, Any] = {"{}": {}}
        spans = []
        for row in rows:  # 5,000 spans in a few ms: tuples, and each distinct attrs text parsed once
            values = list(row)
            text = values[attrs]
            if isinstance(text, str):
                if text not in decoded:
                    decoded[text] = json.loads(text)
                values[attrs] = dict(decoded[text])
            spans.append(Span(*values))
        return spans

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
        first = terms[0]
        snippet = f"substr(text, max(1, instr(text, ?) - {SNIPPET_REACH}), ? + {SNIPPET_REACH * 2})"
        phrases = [phrase_query(term) for term in terms if len(term) >= 2]
        short = [term for term in terms if len(term) < 2]
        if phrases and not short:
            # FTS5 yields rowids in order: the LIMIT stops it after `limit` hits, even for a bigram in every document
            sql = (f"SELECT id, title, status, {snippet} FROM (SELECT rowid FROM documents_fts WHERE documents_fts "
                   "MATCH ? ORDER BY rowid LIMIT ?) AS hit JOIN documents ON documents.id = hit.rowid ORDER BY id")
            rows = self.db.conn.execute(sql, [first, len(first), " AND ".join(phrases), limit])
        else:
            where = ["instr(text, ?) > 0" for _ in short]
            params: list[Any] = list(short)
            if phrases:
                where.insert(0, "id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
                params.insert(0, " AND ".join(phrases))
            sql = f"SELECT id, title, status, {snippet} FROM documents WHERE {' AND '.join(where)} ORDER BY id LIMIT ?"
            rows = self.db.conn.execute(sql, [first, len(first), *params, limit])
        return [SearchHit(id, title, status, _mark(snippet, first)) for id, title, status, snippet in rows]

    # -- statistics ----------------------------------------------------------------------

    def status_counts(self) -> dict[str, int]:
        """Documents per status (every status present, 0 when none): one small index scan."""
        status = {name: 0 for name in STATUSES}
        status.update(self.db.conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status"))
        return status

    def stats(self) -> dict[str, Any]:
        conn = self.db.conn
        spans: dict[str, int] = {}
        suggestions = 0
        for origin, label, count in conn.execute("SELECT origin, label, COUNT(*) FROM spans GROUP BY origin, label"):
            if origin == "suggested":
                suggestions += count
            else:
                spans[label] = spans.get(label, 0) + count
        status = self.status_counts()
        return {
            "documents": self.document_count(),
            "spans": dict(sorted(spans.items())),
            "suggestions": suggestions,
            "facts": {t: conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in ("initiatives", "figures")},
            "status": status,
        }

    # -- import --------------------------------------------------------------------------

    def import_batches(self, batches: Iterable[FileBatch]) -> ImportReport:
        """Import file by file; a file either imports whole or leaves nothing behind.

        Each file is a savepoint inside a transaction that commits every few megabytes:
        one commit per file would make the full-text index flush a segment per file.
        """
        if self.read_only:
            raise ProjectError("this project is open read-only; nothing was imported")
        report = ImportReport()
        pending: list[tuple[FileBatch, list[int], list[str]]] = []
        size = 0
        storage_error = ""
        try:
            for batch in batches:
                if batch.problem:
                    report.problems.append(batch.problem)
                    continue
                if not self.db.conn.in_transaction:
                    self.db.conn.execute("BEGIN")
                try:
                    with self.db.atomic():  # a savepoint: this file whole or not at all
                        added, duplicates = self._import_articles(batch.articles)
                except (ValueError, sqlite3.IntegrityError) as exc:
                    self._next_ids.clear()
                    report.problems.append(Problem(batch.path, str(exc)))
                    continue
                except sqlite3.OperationalError as exc:
                    self._next_ids.clear()
                    storage_error = _storage_problem(exc)
                    report.problems.append(Problem(batch.path, f"not imported, nor any file after it: {storage_error}"))
                    break
                pending.append((batch, added, duplicates))
                size += sum(len(article.text) for article in batch.articles)
                if size >= IMPORT_COMMIT_CHARS or len(pending) >= IMPORT_COMMIT_FILES:
                    self._commit_import(pending, report)
                    pending, size = [], 0
        finally:
            self._commit_import(pending, report, storage_error)
        return report

    def _commit_import(self, pending: list[tuple[FileBatch, list[int], list[str]]], report: ImportReport,
                       storage_error: str = "") -> None:
        if self.db.conn.in_transaction:
            try:
                self.db.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self.db.conn.rollback()
                storage_error = _storage_problem(exc)
            else:
                for _batch, added, duplicates in pending:
                    report.added.extend(added)
                    report.duplicates.extend(duplicates)
                return
        # SQLite rolls the whole transaction back on some errors (a full disk): say so for each file in it
        self._next_ids.clear()
        reason = storage_error or "the transaction was rolled back"
        report.problems[:0] = [Problem(batch.path, f"not imported: {reason}") for batch, _, _ in pending]

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


def _check_file(path: Path) -> None:
    """Refuse a file that is not SQLite, and find a truncated one by its header's page count."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if not header:
        return
    newest = backups.newest_backup(path)
    if not header.startswith(SQLITE_HEADER):
        if newest:  # it was a project once: its backups say so
            raise CorruptProject(path, "its first bytes are not an SQLite header", newest)
        raise ProjectError(f"{path}: not a curator project (not an SQLite file)")
    if len(header) < 100:
        raise CorruptProject(path, f"only {size} bytes long", newest)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the page count is valid only when these agree
    wal = Path(str(path) + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0  # a checkpoint in progress may extend the file
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptProject(path, "its header names an impossible page size", newest)
    if wal_empty and (size % page_size or (counted and size < pages * page_size)):
        raise CorruptProject(path, f"truncated: {size} bytes where its header promises {pages * page_size}", newest)


def _sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _close_quietly(conn: sqlite3.Connection | None, lock: ProjectLock | None) -> None:
    if conn is not None:
        conn.close()
    if lock is not None:
        lock.release()


def _timestamp(iso: str | None) -> float | None:
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).timestamp() if iso else None
    except ValueError:
        return None


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
