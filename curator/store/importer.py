"""Importing articles into a project: a file whole or not at all, committed a megabyte at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from curator.core.edits import RowChange, now_iso
from curator.core.grams import index_text
from curator.core.importing import Article, FileBatch, Problem
from curator.core.model import STATUSES
from curator.store.errors import ProjectError, storage_problem

IMPORT_COMMIT_CHARS = 300_000  # about 1 MB of Chinese text per transaction (measured: near the best speed)
IMPORT_COMMIT_FILES = 500
FTS_BATCH_CHARS = 2_000_000  # index rows held back at most this much text, then written


@dataclass
class ImportReport:
    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    places: int = 0  # documents added with the place their text is about (the file gave none)


class _Inserted(NamedTuple):
    """What one file's articles did."""

    added: list[int]
    duplicates: list[str]  # their origins
    chars: int  # characters added
    unindexed: list[tuple[int, str]]  # (doc_id, index words) still to write
    unindexed_chars: int
    places: int  # added with the place their text is about


class Importing:
    """Project's import methods (a mixin: Project provides db, next_id, labels and _apply_change)."""

    def import_batches(self, batches: Iterable[FileBatch]) -> ImportReport:
        """Import file by file; a file either imports whole or leaves nothing behind.

        Each file is a savepoint inside a transaction that commits every few megabytes:
        one commit per file would make the full-text index flush a segment per file. Opening a
        savepoint flushes FTS5 too, so a file's index rows are written after its savepoint is
        released, outside any savepoint, with those of the files before it.
        """
        if self.read_only:
            raise ProjectError("this project is open read-only; nothing was imported")
        report = ImportReport()
        pending: list[tuple[FileBatch, list[int], list[str], int]] = []
        self._index_ready: list[tuple[int, str]] = []  # (doc_id, index words) of files whose savepoint is released
        self._index_held = 0  # characters in _index_ready
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
                    if self._index_held > FTS_BATCH_CHARS:
                        self._write_index(self._index_ready)
                    with self.db.atomic():  # a savepoint: this file whole or not at all
                        done = self._import_articles(batch.articles)
                    self._index_ready.extend(done.unindexed)
                    self._index_held += done.unindexed_chars
                except (ValueError, sqlite3.IntegrityError) as exc:
                    self._next_ids.clear()
                    report.problems.append(Problem(batch.path, str(exc)))
                    continue
                except sqlite3.OperationalError as exc:
                    self._next_ids.clear()
                    storage_error = storage_problem(exc)
                    report.problems.append(Problem(batch.path, f"not imported, nor any file after it: {storage_error}"))
                    break
                pending.append((batch, done.added, done.duplicates, done.places))
                size += done.chars
                if size >= IMPORT_COMMIT_CHARS or len(pending) >= IMPORT_COMMIT_FILES:
                    self._commit_import(pending, report)
                    pending, size = [], 0
        finally:
            self._commit_import(pending, report, storage_error)
        return report

    def _commit_import(self, pending: list[tuple[FileBatch, list[int], list[str], int]], report: ImportReport,
                       storage_error: str = "") -> None:
        if self.db.conn.in_transaction:
            try:
                self._write_index(self._index_ready)
                self.db.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self.db.conn.rollback()
                storage_error = storage_problem(exc)
            else:
                for _batch, added, duplicates, places in pending:
                    report.added.extend(added)
                    report.duplicates.extend(duplicates)
                    report.places += places
                return
        # SQLite rolls the whole transaction back on some errors (a full disk): say so for each file in it
        self._index_ready.clear()
        self._index_held = 0
        self._next_ids.clear()
        reason = storage_error or "the transaction was rolled back"
        report.problems[:0] = [Problem(batch.path, f"not imported: {reason}") for batch, *_ in pending]

    def _write_index(self, rows: list[tuple[int, str]]) -> None:
        self.db.conn.executemany("INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)", rows)
        if rows is self._index_ready:
            self._index_held = 0
        rows.clear()

    def _import_articles(self, articles: Iterable[Article]) -> _Inserted:
        """Insert the articles (inside the caller's savepoint); their index rows are returned to be
        written later, except when one file holds so much text that they are written here."""
        added, duplicates, chars, unindexed, held, places = [], [], 0, [], 0, 0
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
            unindexed.append((doc_id, article.grams or index_text(article.text)))
            held += len(article.text)
            places += article.place_guessed
            if article.spans or article.initiatives or article.figures:
                self._import_annotations(doc_id, article, stamp)
            added.append(doc_id)
            chars += len(article.text)
            if held > FTS_BATCH_CHARS:  # a large streamed file: its rows go in within its savepoint
                self._write_index(unindexed)
                held = 0
        return _Inserted(added, duplicates, chars, unindexed, held, places)

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
