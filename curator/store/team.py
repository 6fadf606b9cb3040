"""Team work in the store: filling a work package, reading an annotator's work, writing a merge.

Rows are moved with plain executemany (a merge of 10,000 documents writes ~400,000 rows).
The resolution itself (what is agreed, what is disputed) is decided by curator.services.team.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from curator.core.grams import index_text
from curator.core.model import FACT_TABLE_LIST, SPAN_COLUMNS
from curator.store.errors import ProjectError, storage_problem
from curator.store.project import ORIGIN_PROJECT, PACKAGE_ANNOTATOR, PROJECT_ID, Project

FACT_COLUMNS = {table.name: table.columns for table in FACT_TABLE_LIST}
# meta keys that belong to one file, never copied into a package
OWN_META = frozenset({PROJECT_ID, PACKAGE_ANNOTATOR, ORIGIN_PROJECT, "created"})
CHUNK = 500


class SpanWork(NamedTuple):
    """One span as an annotator left it; local_id is its id in the annotator's file (a tuple: 400,000 in a merge)."""

    local_id: int
    start: int
    end: int
    label: str
    text: str
    attrs: str  # JSON text, as stored
    origin: str
    author: str
    created: str
    updated: str

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


class DocWork:
    """An annotator's work on one document: spans (no suggestions) and fact rows, with local ids.

    Held as the JSON text SQLite built (one string per document, hashed and stored as it is) and
    parsed only when a resolution or the agreement needs the spans.
    """

    __slots__ = ("status", "spans_json", "facts_json", "_spans", "_facts")

    def __init__(self, status: str, spans_json: str = "[]", facts_json: str = "[]") -> None:
        self.status = status
        self.spans_json = spans_json or "[]"
        self.facts_json = facts_json or "[]"
        self._spans: tuple[SpanWork, ...] | None = None
        self._facts: tuple[tuple[str, dict[str, Any]], ...] | None = None

    @property
    def spans(self) -> tuple[SpanWork, ...]:
        if self._spans is None:
            self._spans = tuple(map(SpanWork._make, json.loads(self.spans_json)))
        return self._spans

    def span_keys(self) -> dict[int, tuple[int, int, str]]:
        """local span id -> (start, end, label), straight from the JSON (the agreement needs no more)."""
        if self._spans is not None:
            return {span.local_id: span.key for span in self._spans}
        return {item[0]: (item[1], item[2], item[3]) for item in json.loads(self.spans_json)}

    @property
    def facts(self) -> tuple[tuple[str, dict[str, Any]], ...]:
        """(table, row); span_ids and initiative_id are local."""
        if self._facts is None:
            self._facts = tuple((table, row) for table, row in json.loads(self.facts_json))
        return self._facts


@dataclass(frozen=True)
class PackageDoc:
    sha256: str
    title: str
    length: int  # code points
    work: DocWork | None  # None: the annotator has not started it


@dataclass(frozen=True)
class PackageContent:
    package_id: str
    annotator: str
    origin: str
    documents: tuple[PackageDoc, ...]
    handed_out: frozenset[str]  # sha256 of the documents the package was made with
    labels: tuple[tuple[str, str, str], ...] = ()  # (name, title, colour)


# -- packages out --------------------------------------------------------------------------------


def fill_package(source: Project, package: Project, doc_ids: Sequence[int], *, annotator: str) -> None:
    """Copy labels, settings and the documents doc_ids (spans, facts, rejections, same ids) into package."""
    src, dst = source.db.conn, package.db.conn
    with package.db.atomic():
        dst.execute("DELETE FROM labels")
        dst.executemany("INSERT INTO labels (name, title, color, hotkey, kind, position) VALUES (?, ?, ?, ?, ?, ?)",
                        src.execute("SELECT name, title, color, hotkey, kind, position FROM labels"))
        meta = [(k, v) for k, v in src.execute("SELECT key, value FROM meta") if k not in OWN_META]
        dst.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta)
        dst.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                        [(PACKAGE_ANNOTATOR, annotator), (ORIGIN_PROJECT, source.project_id())])
        for start in range(0, len(doc_ids), CHUNK):
            _copy_documents(src, dst, list(doc_ids[start:start + CHUNK]))


def _copy_documents(src, dst, ids: list[int]) -> None:
    marks = ", ".join("?" * len(ids))
    docs = src.execute(f"SELECT id, title, source, published, place, text, sha256, imported_at FROM documents "
                       f"WHERE id IN ({marks})", ids).fetchall()
    # a package starts as the annotator's to do: what they finish is what they did
    dst.executemany("INSERT INTO documents (id, title, source, published, place, text, sha256, status, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 'todo', ?)", docs)
    dst.executemany("INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)", [(d[0], index_text(d[5])) for d in docs])
    dst.executemany("INSERT INTO package_documents (sha256) VALUES (?)", [(d[6],) for d in docs])
    for table in ("spans", "initiatives", "figures", "rejections"):
        cursor = src.execute(f"SELECT * FROM [{table}] WHERE doc_id IN ({marks}) ORDER BY id", ids)
        columns = [c[0] for c in cursor.description]
        names = ", ".join(f"[{c}]" for c in columns)
        # initiatives before figures: a figure may refer to an initiative
        dst.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})", cursor)


# -- work coming back ----------------------------------------------------------------------------


def package_content(package: Project) -> PackageContent:
    """What a package holds: its identity and, per document, the annotator's work (if they did it)."""
    conn = package.db.conn
    annotator = package.package_annotator()
    spans = dict(conn.execute(
        "SELECT doc_id, json_group_array(json_array(id, start, end, label, text, COALESCE(attrs, '{}'), "
        "COALESCE(origin, 'manual'), CASE WHEN COALESCE(annotator, '') = '' THEN ? ELSE annotator END, "
        "COALESCE(created, ''), COALESCE(updated, ''))) "
        "FROM (SELECT * FROM spans WHERE origin != 'suggested' ORDER BY doc_id, id) GROUP BY doc_id", [annotator]))
    facts = _facts_json(conn)
    own = {r[0] for r in conn.execute("SELECT DISTINCT doc_id FROM spans WHERE annotator = ? AND origin != 'suggested'",
                                      [annotator])}
    documents = []
    for doc_id, sha, title, length, status in conn.execute(
            "SELECT id, sha256, title, length(text), status FROM documents ORDER BY id"):
        did = status != "todo" or doc_id in own
        work = DocWork(status, spans.get(doc_id, "[]"), facts.get(doc_id, "[]")) if did else None
        documents.append(PackageDoc(sha, title, length, work))
    handed_out = frozenset(r[0] for r in conn.execute("SELECT sha256 FROM package_documents"))
    labels = tuple((label.name, label.title, label.color) for label in package.labels())
    return PackageContent(package.project_id(), annotator, package.meta(ORIGIN_PROJECT) or "", tuple(documents),
                          handed_out, labels)


def _facts_json(conn) -> dict[int, str]:
    """doc_id -> JSON array of [table, row] for its initiatives, then its figures."""
    out: dict[int, str] = {}
    for table, columns in FACT_COLUMNS.items():
        fields = ", ".join(f"'{c}', json(COALESCE({c}, '[]'))" if c == "span_ids" else f"'{c}', [{c}]" for c in columns)
        rows = conn.execute(f"SELECT doc_id, json_group_array(json_array('{table}', json_object({fields}))) "
                            f"FROM (SELECT * FROM [{table}] ORDER BY id) GROUP BY doc_id")
        for doc_id, text in rows:
            out[doc_id] = out[doc_id][:-1] + "," + text[1:] if doc_id in out else text
    return out


# -- the merged project --------------------------------------------------------------------------


@contextmanager
def transaction(project: Project) -> Iterator[None]:
    """One transaction for a whole merge: a crash or an error leaves the project as it was."""
    try:
        with project.db.atomic():
            yield
    except sqlite3.Error as exc:
        project._next_ids.clear()  # ids reserved inside the rolled-back transaction are free again
        raise ProjectError(f"{project.path}: nothing was merged; {storage_problem(exc)}") from None
    except BaseException:
        project._next_ids.clear()
        raise


def ensure_labels(project: Project, labels: Iterable[tuple[str, str, str]]) -> None:
    """Labels (name, title, colour) a package uses that the project lacks are added after the project's own."""
    conn = project.db.conn
    known = {r[0] for r in conn.execute("SELECT name FROM labels")}
    position = len(known)
    for name, title, color in labels:
        if name not in known:
            conn.execute("INSERT INTO labels (name, title, color, hotkey, kind, position) "
                         "VALUES (?, ?, ?, '', 'entity', ?)", [name, title or name, color or "#e0e0e0", position])
            known.add(name)
            position += 1


def documents_by_sha(project: Project) -> dict[str, int]:
    return dict(project.db.conn.execute("SELECT sha256, id FROM documents"))


def merged_packages(project: Project) -> dict[str, tuple[str, str]]:
    """package_id -> (annotator, digest) of every package merged so far."""
    rows = project.db.conn.execute("SELECT package_id, annotator, digest FROM merged_packages")
    return {package_id: (annotator, digest) for package_id, annotator, digest in rows}


def package_doc_ids(project: Project, package_id: str) -> set[int]:
    """The documents an earlier merge of this package brought in."""
    rows = project.db.conn.execute("SELECT doc_id FROM annotator_documents WHERE package_id = ?", [package_id])
    return {r[0] for r in rows}


def done_elsewhere(project: Project, annotator: str, package_id: str, doc_ids: Iterable[int]) -> list[int]:
    """Documents among doc_ids this annotator's work already came in for, from another package."""
    rows = project.db.conn.execute(
        "SELECT doc_id FROM annotator_documents WHERE annotator = ? AND package_id != ?", [annotator, package_id])
    return sorted({r[0] for r in rows} & set(doc_ids))


def store_work(project: Project, *, content: PackageContent, digest: str, path: str, merged_at: str,
               docs: Mapping[int, DocWork]) -> None:
    """Replace what this annotator brought before with docs (doc_id in this project -> work)."""
    conn = project.db.conn
    who = content.annotator
    conn.execute("DELETE FROM annotator_documents WHERE package_id = ?", [content.package_id])
    conn.executemany("INSERT INTO annotator_documents (doc_id, annotator, status, spans, facts, package_id) "
                     "VALUES (?, ?, ?, ?, ?, ?)", [(doc_id, who, work.status, work.spans_json, work.facts_json,
                                                    content.package_id) for doc_id, work in docs.items()])
    conn.execute("INSERT OR REPLACE INTO merged_packages (package_id, annotator, digest, path, merged_at, documents) "
                 "VALUES (?, ?, ?, ?, ?, ?)", [content.package_id, who, digest, path, merged_at, len(docs)])


def stored_work(project: Project, doc_ids: Iterable[int] | None = None) -> dict[int, dict[str, DocWork]]:
    """doc_id -> annotator -> the work that annotator's package brought (all documents when doc_ids is None)."""
    sql = "SELECT doc_id, annotator, status, spans, facts FROM annotator_documents"
    out: dict[int, dict[str, DocWork]] = {}
    if doc_ids is None:
        chunks: Iterable[list[int] | None] = [None]
    else:
        wanted = sorted(set(doc_ids))
        chunks = [wanted[i:i + CHUNK] for i in range(0, len(wanted), CHUNK)]
    for ids in chunks:
        query = sql if ids is None else f"{sql} WHERE doc_id IN ({', '.join('?' * len(ids))})"
        for doc_id, who, status, spans, facts in project.db.conn.execute(query, ids or []):
            out.setdefault(doc_id, {})[who] = DocWork(status, spans, facts)
    return out


@dataclass(frozen=True)
class Resolution:
    """What one document becomes after a merge: its spans and fact rows, its disputes, its status."""

    doc_id: int
    status: str
    spans: tuple[tuple, ...]  # rows in SPAN_COLUMNS order, attrs as JSON text
    facts: tuple[tuple[str, dict[str, Any]], ...]  # initiatives before the figures that refer to them
    disputes: tuple[dict[str, Any], ...]


def replace_documents(project: Project, resolutions: Sequence[Resolution]) -> None:
    """The documents' accepted spans, fact rows and disputes become the resolutions' (suggestions stay).

    A span already there with the same boundaries and label keeps its id and is updated in place:
    most spans come back unchanged, and an insert and a delete each cost a trigger and three indexes.
    """
    conn = project.db.conn
    columns = ", ".join(f"[{c}]" for c in SPAN_COLUMNS)
    for first in range(0, len(resolutions), CHUNK):
        chunk = resolutions[first:first + CHUNK]
        ids = [r.doc_id for r in chunk]
        marks = ", ".join("?" * len(ids))
        current: dict[int, dict[tuple[int, int, str], list[tuple]]] = {}
        accepted = f"SELECT {columns} FROM spans WHERE origin != 'suggested' AND doc_id IN ({marks})"
        for row in conn.execute(accepted, ids):
            current.setdefault(row[1], {}).setdefault((row[2], row[3], row[4]), []).append(row)
        inserts, updates, restamps, kept = [], [], [], {}
        for resolution in chunk:
            have = current.get(resolution.doc_id, {})
            for span in resolution.spans:
                pool = have.get((span[2], span[3], span[4]))
                if not pool:
                    inserts.append(span)
                    continue
                old = pool.pop()
                kept[span[0]] = old[0]
                if old[5:7] == span[5:7] and old[7] == span[7]:  # same text, attrs, origin: only whose and when
                    if old[8:] != span[8:]:
                        restamps.append((*span[8:], old[0]))
                elif old[5:] != span[5:]:
                    updates.append((*span[5:], old[0]))
        gone = [(row[0],) for have in current.values() for pool in have.values() for row in pool]
        for table in ("figures", "initiatives", "disputes"):
            conn.execute(f"DELETE FROM [{table}] WHERE doc_id IN ({marks})", ids)
        conn.executemany("DELETE FROM spans WHERE id = ?", gone)
        conn.executemany("UPDATE spans SET text = ?, attrs = ?, origin = ?, annotator = ?, created = ?, updated = ? "
                         "WHERE id = ?", updates)
        # without origin in the SET list the span-count trigger is not even considered
        conn.executemany("UPDATE spans SET annotator = ?, created = ?, updated = ? WHERE id = ?", restamps)
        conn.executemany(f"INSERT INTO spans ({columns}) VALUES ({', '.join('?' * len(SPAN_COLUMNS))})", inserts)
        for table in ("initiatives", "figures"):
            rows = [{**row, "span_ids": [kept.get(i, i) for i in row["span_ids"]]}
                    for r in chunk for t, row in r.facts if t == table]
            _insert(conn, table, rows)
        _insert(conn, "disputes", [{**d, "span_id": kept.get(d["span_id"], d["span_id"])} if d["span_id"] else d
                                   for r in chunk for d in r.disputes])
        conn.executemany("UPDATE documents SET status = ? WHERE id = ?", [(r.status, r.doc_id) for r in chunk])


def _insert(conn, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)
    encoded = ([_json(v) if isinstance(v, (dict, list)) else v for v in (row[c] for c in columns)] for row in rows)
    conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})", encoded)


def _json(value: Any) -> str:
    if isinstance(value, list) and all(type(v) is int for v in value):  # span_ids: 60,000 of them in a merge
        return "[" + ",".join(map(str, value)) + "]"
    return json.dumps(value, ensure_ascii=False)


# -- disputes ------------------------------------------------------------------------------------


DISPUTE_COLUMNS = ("id", "doc_id", "kind", "start", "end", "label", "versions", "resolved", "resolution", "span_id")


def disputes(project: Project, doc_id: int) -> list[dict[str, Any]]:
    """The document's disputes in reading order; versions stays JSON text (it is compared as stored)."""
    cursor = project.db.conn.execute(
        f"SELECT {', '.join(f'[{c}]' for c in DISPUTE_COLUMNS)} FROM disputes WHERE doc_id = ? ORDER BY start, end, id",
        [doc_id])
    return [dict(zip(DISPUTE_COLUMNS, row)) for row in cursor]


def dispute_counts(project: Project) -> dict[int, int]:
    if not project.db["disputes"].exists():  # a read-only project of an older schema
        return {}
    rows = project.db.conn.execute("SELECT doc_id, COUNT(*) FROM disputes WHERE resolved = 0 GROUP BY doc_id")
    return dict(rows)


def documents_with_disputes(project: Project) -> list[int]:
    rows = project.db.conn.execute("SELECT DISTINCT doc_id FROM disputes WHERE resolved = 0 ORDER BY doc_id")
    return [r[0] for r in rows]


def texts(project: Project, doc_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """doc_id -> (title, length in code points)."""
    wanted = sorted(set(doc_ids))
    out: dict[int, tuple[str, int]] = {}
    for first in range(0, len(wanted), CHUNK):
        ids = wanted[first:first + CHUNK]
        out.update((i, (t, n)) for i, t, n in project.db.conn.execute(
            f"SELECT id, title, length(text) FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids))
    return out


