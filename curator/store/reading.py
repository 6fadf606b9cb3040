"""Reading a project: labels, documents, spans, fact rows, rejections, meta (a mixin: Project provides db)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from curator.core.model import FACT_TABLE_NAMES, JSON_COLUMNS, SPAN_COLUMNS, Document, Label, Span
from curator.store.errors import ProjectError
from curator.store.restore import PROJECT_ID  # meta key: a uuid made at creation (or first writable open)

PACKAGE_ANNOTATOR = "package_annotator"  # meta key of a work package: whose package it is


class DocumentSummary(NamedTuple):
    """A row of the document list (a tuple: 100,000 of them are built at every start)."""

    id: int
    title: str
    status: str
    spans: int


def decode_row(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS & out.keys():
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    return out



class Reading:
    """Project's reads (a mixin: Project provides db)."""

    def labels(self) -> list[Label]:
        rows = self.db.conn.execute("SELECT name, title, color, hotkey, kind FROM labels ORDER BY position, name")
        return [Label(*row) for row in rows]

    def document(self, doc_id: int) -> Document:
        row = self.db.conn.execute(
            "SELECT id, title, text, source, published, place, sha256, status, imported_at FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no document with id {doc_id}")
        return Document(*row)

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

    def spans(self, doc_id: int, *, origin: str | None = None, label: str | None = None) -> list[Span]:
        columns = ", ".join(f"[{c}]" for c in SPAN_COLUMNS)
        sql = f"SELECT {columns} FROM spans WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if origin:
            sql += " AND origin = ?"
            params.append(origin)
        if label:
            sql += " AND label = ?"
            params.append(label)
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

    def has_span(self, doc_id: int, start: int, end: int, label: str) -> bool:
        """Whether doc_id already has a span (or a suggestion) of label on exactly start..end."""
        return self.db.conn.execute(
            "SELECT 1 FROM spans WHERE doc_id = ? AND start = ? AND [end] = ? AND label = ? LIMIT 1",
            [doc_id, start, end, label]).fetchone() is not None

    def span(self, span_id: int) -> Span:
        rows = list(self.db.query("SELECT * FROM spans WHERE id = ?", [span_id]))
        if not rows:
            raise ProjectError(f"no span with id {span_id}")
        return Span.from_row(decode_row(rows[0]))

    def facts(self, table: str, *, doc_id: int | None = None) -> list[dict[str, Any]]:
        if table not in FACT_TABLE_NAMES:
            raise ValueError(f"{table!r} is not a fact table")
        sql = f"SELECT * FROM [{table}]"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        return [decode_row(row) for row in self.db.query(sql + " ORDER BY id", params)]

    def row(self, table: str, row_id: int) -> dict[str, Any]:
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        if not rows:
            raise ProjectError(f"no {table} row with id {row_id}")
        return decode_row(rows[0])

    def facts_citing(self, span: Span) -> list[tuple[str, dict[str, Any]]]:
        """(table, row) for every fact row of the span's document; delete_span keeps those it cites."""
        return self.document_facts(span.doc_id)

    def document_facts(self, doc_id: int) -> list[tuple[str, dict[str, Any]]]:
        """(table, row) for every fact row of the document, table by table."""
        return [(table, row) for table in FACT_TABLE_NAMES for row in self.facts(table, doc_id=doc_id)]

    def rejections(self, doc_id: int) -> set[tuple[int, int, str]]:
        rows = self.db.conn.execute("SELECT start, end, label FROM rejections WHERE doc_id = ?", [doc_id])
        return {tuple(row) for row in rows}

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def project_id(self) -> str:
        """This project's identity: the same in its backups and in the work packages made from it."""
        return self.meta(PROJECT_ID) or ""

    def package_annotator(self) -> str:
        """The annotator a work package belongs to ("" for an ordinary project): every edit in it is theirs."""
        return self.meta(PACKAGE_ANNOTATOR) or ""

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

