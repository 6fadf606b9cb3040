"""Read-only queries for reports and exports, streamed from the cursor (rows never pile up in memory).

Every function takes the same selection: documents with one of `statuses` (None: all),
and with `place` (None: all) the fact rows of that place and the documents that are
about it (their own place, or a fact row of theirs).
Suggestions awaiting review (origin "suggested") are never counted as annotations.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from curator.store.project import Project


@dataclass(frozen=True)
class Selection:
    statuses: Collection[str] | None = None
    place: str | None = None

    def documents(self, alias: str = "d") -> tuple[str, list[Any]]:
        """A WHERE condition on documents (as alias) and its parameters."""
        where, params = ["1"], []
        if self.statuses is not None:
            where.append(f"{alias}.status IN ({', '.join('?' * len(self.statuses))})")
            params.extend(sorted(self.statuses))
        if self.place is not None:
            where.append(
                f"({alias}.place = ? OR EXISTS (SELECT 1 FROM initiatives x WHERE x.doc_id = {alias}.id AND x.place = ?)"
                f" OR EXISTS (SELECT 1 FROM figures y WHERE y.doc_id = {alias}.id AND y.place = ?))"
            )
            params.extend([self.place] * 3)
        return " AND ".join(where), params

    def facts(self, alias: str) -> tuple[str, list[Any]]:
        """A WHERE condition on a fact table (as alias) joined to documents as d."""
        where, params = self.documents("d")
        if self.place is not None:
            where += f" AND {alias}.place = ?"
            params.append(self.place)
        return where, params


def _rows(project: Project, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cursor = project.db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def documents(project: Project, selection: Selection) -> Iterator[dict[str, Any]]:
    """id, title, source, published, place, status, spans, initiatives, figures (no text)."""
    where, params = selection.documents()
    fact_place = "" if selection.place is None else " AND place = ?"
    extra = [] if selection.place is None else [selection.place, selection.place]
    sql = (
        "SELECT d.id, d.title, d.source, d.published, d.place, d.status, d.span_count AS spans, "
        f"(SELECT COUNT(*) FROM initiatives WHERE doc_id = d.id{fact_place}) AS initiatives, "
        f"(SELECT COUNT(*) FROM figures WHERE doc_id = d.id{fact_place}) AS figures "
        f"FROM documents d WHERE {where} ORDER BY d.id"
    )
    return _rows(project, sql, extra + params)


def _evidence_spans(alias: str) -> str:
    """A column: the fact's evidence spans as JSON [[start, end, annotator], ...], in span_ids order."""
    return (
        "(SELECT json_group_array(json_array(s.start, s.end, COALESCE(s.annotator, ''))) FROM "
        f"(SELECT j.key AS position, sp.start, sp.end, sp.annotator FROM json_each({alias}.span_ids) j "
        "JOIN spans sp ON sp.id = j.value ORDER BY j.key) s) AS evidence_spans"
    )


def initiatives(project: Project, selection: Selection) -> Iterator[dict[str, Any]]:
    """Initiative rows (span_ids decoded) with doc_title, published and status of their document,
    and evidence_spans: [[start, end, annotator], ...] of the spans they cite."""
    where, params = selection.facts("i")
    sql = (
        f"SELECT i.*, d.title AS doc_title, d.published AS published, d.status AS status, {_evidence_spans('i')} "
        f"FROM initiatives i JOIN documents d ON d.id = i.doc_id WHERE {where} ORDER BY i.doc_id, i.id"
    )
    return _decoded(_rows(project, sql, params))


def figures(project: Project, selection: Selection) -> Iterator[dict[str, Any]]:
    """Figure rows (span_ids decoded) with doc_title, status, the linked initiative's name and evidence_spans."""
    where, params = selection.facts("f")
    sql = (
        f"SELECT f.*, d.title AS doc_title, d.status AS status, i.name AS initiative, {_evidence_spans('f')} "
        "FROM figures f JOIN documents d ON d.id = f.doc_id LEFT JOIN initiatives i ON i.id = f.initiative_id "
        f"WHERE {where} ORDER BY f.doc_id, f.id"
    )
    return _decoded(_rows(project, sql, params))


def spans(project: Project, selection: Selection, *, labels: Collection[str] | None = None,
          suggested: bool = False) -> Iterator[dict[str, Any]]:
    """Spans of the selected documents (attrs decoded) with doc_title; suggestions only if asked."""
    where, params = selection.documents()
    if labels is not None:
        where += f" AND s.label IN ({', '.join('?' * len(labels))})"
        params.extend(sorted(labels))
    if not suggested:
        where += " AND s.origin != 'suggested'"
    sql = (
        "SELECT s.*, d.title AS doc_title FROM spans s JOIN documents d ON d.id = s.doc_id "
        f"WHERE {where} ORDER BY s.doc_id, s.start, s.end, s.id"
    )
    return _decoded(_rows(project, sql, params))


def document_ids(project: Project, selection: Selection) -> list[int]:
    where, params = selection.documents()
    return [row[0] for row in project.db.conn.execute(f"SELECT d.id FROM documents d WHERE {where} ORDER BY d.id", params)]


def document_text(project: Project, doc_id: int) -> str:
    row = project.db.conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else ""


def place_counts(project: Project, selection: Selection) -> list[tuple[str, int, int, int]]:
    """(place, documents, initiatives, figures), most facts first; each column adds up to its total.

    A document counts once, under its own place; a fact row under its own place. "" collects
    the documents and the fact rows that name no place.
    """
    where, params = selection.documents()
    initiative_where, initiative_params = selection.facts("i")
    figure_where, figure_params = selection.facts("f")
    sql = f"""
        SELECT place, SUM(kind = 'd'), SUM(kind = 'i'), SUM(kind = 'f') FROM (
            SELECT COALESCE(d.place, '') AS place, 'd' AS kind FROM documents d WHERE {where}
            UNION ALL
            SELECT COALESCE(i.place, ''), 'i' FROM initiatives i JOIN documents d ON d.id = i.doc_id
                WHERE {initiative_where}
            UNION ALL
            SELECT COALESCE(f.place, ''), 'f' FROM figures f JOIN documents d ON d.id = f.doc_id
                WHERE {figure_where}
        ) GROUP BY place"""
    rows = project.db.conn.execute(sql, params + initiative_params + figure_params).fetchall()
    rows.sort(key=lambda r: (r[0] == "", -(r[2] + r[3]), -r[1], r[0]))
    return [(place, documents, initiatives, figures) for place, documents, initiatives, figures in rows]


def document_count(project: Project, selection: Selection) -> int:
    where, params = selection.documents()
    return project.db.conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {where}", params).fetchone()[0]


def label_counts(project: Project, selection: Selection, *, labels: Collection[str] | None = None) -> dict[str, int]:
    where, params = selection.documents()
    if labels is not None:
        where += f" AND s.label IN ({', '.join('?' * len(labels))})"
        params.extend(sorted(labels))
    rows = project.db.conn.execute(
        f"SELECT s.label, COUNT(*) FROM spans s JOIN documents d ON d.id = s.doc_id "
        f"WHERE {where} AND s.origin != 'suggested' GROUP BY s.label", params
    )
    return dict(rows)


def status_counts(project: Project, selection: Selection) -> dict[str, int]:
    where, params = selection.documents()
    return dict(project.db.conn.execute(f"SELECT d.status, COUNT(*) FROM documents d WHERE {where} GROUP BY d.status", params))


def _decoded(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        for key in ("span_ids", "attrs", "evidence_spans"):
            if isinstance(row.get(key), str):
                row[key] = json.loads(row[key])
        yield row
