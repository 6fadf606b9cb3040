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
from typing import Any

from curator.core.grams import index_text
from curator.core.model import FIGURE_COLUMNS, INITIATIVE_COLUMNS
from curator.store.errors import ProjectError, storage_problem
from curator.store.project import ORIGIN_PROJECT, PACKAGE_ANNOTATOR, PROJECT_ID, Project

FACT_COLUMNS = {"initiatives": INITIATIVE_COLUMNS, "figures": FIGURE_COLUMNS}
# meta keys that belong to one file, never copied into a package
OWN_META = frozenset({PROJECT_ID, PACKAGE_ANNOTATOR, ORIGIN_PROJECT, "created"})
CHUNK = 500


@dataclass(frozen=True)
class SpanWork:
    """One span as an annotator left it; local_id is its id in the annotator's file."""

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


@dataclass(frozen=True)
class DocWork:
    """An annotator's work on one document: spans (no suggestions) and fact rows (local ids)."""

    status: str
    spans: tuple[SpanWork, ...]
    facts: tuple[tuple[str, dict[str, Any]], ...]  # (table, row); span_ids and initiative_id are local


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
    spans: dict[int, list[SpanWork]] = {}
    for row in conn.execute("SELECT doc_id, id, start, end, label, text, attrs, origin, annotator, created, updated "
                            "FROM spans WHERE origin != 'suggested' ORDER BY doc_id, start, end, id"):
        doc_id, local_id, start, end, label, text, attrs, origin, author, created, updated = row
        spans.setdefault(doc_id, []).append(SpanWork(local_id, start, end, label, text, attrs or "{}", origin or "manual",
                                                     author or annotator, created or "", updated or ""))
    facts: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for table in ("initiatives", "figures"):
        cursor = conn.execute(f"SELECT * FROM [{table}] ORDER BY id")
        columns = [c[0] for c in cursor.description]
        for values in cursor:
            row = dict(zip(columns, values))
            row["span_ids"] = json.loads(row["span_ids"]) if row.get("span_ids") else []
            facts.setdefault(row["doc_id"], []).append((table, row))
    documents = []
    for doc_id, sha, title, length, status in conn.execute(
            "SELECT id, sha256, title, length(text), status FROM documents ORDER BY id"):
        own = spans.get(doc_id, [])
        did = status != "todo" or any(s.author == annotator for s in own)
        work = DocWork(status, tuple(own), tuple(facts.get(doc_id, ()))) if did else None
        documents.append(PackageDoc(sha, title, length, work))
    handed_out = frozenset(r[0] for r in conn.execute("SELECT sha256 FROM package_documents"))
    labels = tuple((label.name, label.title, label.color) for label in package.labels())
    return PackageContent(package.project_id(), annotator, package.meta(ORIGIN_PROJECT) or "", tuple(documents),
                          handed_out, labels)


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
            conn.execute("INSERT INTO labels (name, title, color, hotkey, kind, position) VALUES (?, ?, ?, '', 'entity', ?)",
                         [name, title or name, color or "#e0e0e0", position])
            known.add(name)
            position += 1


def documents_by_sha(project: Project) -> dict[str, int]:
    return dict(project.db.conn.execute("SELECT sha256, id FROM documents"))


def merged_packages(project: Project) -> dict[str, tuple[str, str]]:
    """package_id -> (annotator, digest) of every package merged so far."""
    rows = project.db.conn.execute("SELECT package_id, annotator, digest FROM merged_packages")
    return {package_id: (annotator, digest) for package_id, annotator, digest in rows}


def annotator_doc_ids(project: Project, annotator: str) -> set[int]:
    rows = project.db.conn.execute("SELECT doc_id FROM annotator_documents WHERE annotator = ?", [annotator])
    return {r[0] for r in rows}


def store_work(project: Project, *, content: PackageContent, digest: str, path: str, merged_at: str,
               docs: Mapping[int, DocWork]) -> None:
    """Replace what this annotator brought before with docs (doc_id in this project -> work)."""
    conn = project.db.conn
    for table in ("annotator_spans", "annotator_facts", "annotator_documents"):
        conn.execute(f"DELETE FROM [{table}] WHERE annotator = ?", [content.annotator])
    who = content.annotator
    conn.executemany("INSERT INTO annotator_documents (doc_id, annotator, status) VALUES (?, ?, ?)",
                     [(doc_id, who, work.status) for doc_id, work in docs.items()])
    span_id = project.next_id("annotator_spans", sum(len(w.spans) for w in docs.values()))
    rows = []
    for doc_id, work in docs.items():
        for s in work.spans:
            rows.append((span_id, doc_id, who, s.local_id, s.start, s.end, s.label, s.text, s.attrs, s.origin, s.author,
                         s.created, s.updated))
            span_id += 1
    conn.executemany("INSERT INTO annotator_spans (id, doc_id, annotator, local_id, start, end, label, text, attrs, "
                     "origin, author, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    fact_id = project.next_id("annotator_facts", sum(len(w.facts) for w in docs.values()))
    facts = []
    for doc_id, work in docs.items():
        for table, row in work.facts:
            facts.append((fact_id, doc_id, who, table, row["id"], json.dumps(row, ensure_ascii=False)))
            fact_id += 1
    conn.executemany("INSERT INTO annotator_facts (id, doc_id, annotator, fact_table, local_id, row) "
                     "VALUES (?, ?, ?, ?, ?, ?)", facts)
    conn.execute("INSERT OR REPLACE INTO merged_packages (package_id, annotator, digest, path, merged_at, documents) "
                 "VALUES (?, ?, ?, ?, ?, ?)", [content.package_id, who, digest, path, merged_at, len(docs)])


def stored_work(project: Project, doc_ids: Iterable[int]) -> dict[int, dict[str, DocWork]]:
    """doc_id -> annotator -> the work that annotator's package brought (as stored by store_work)."""
    wanted = sorted(set(doc_ids))
    out: dict[int, dict[str, DocWork]] = {}
    conn = project.db.conn
    for first in range(0, len(wanted), CHUNK):
        ids = wanted[first:first + CHUNK]
        marks = ", ".join("?" * len(ids))
        spans: dict[tuple[int, str], list[SpanWork]] = {}
        for row in conn.execute(f"SELECT doc_id, annotator, local_id, start, end, label, text, attrs, origin, author, "
                                f"created, updated FROM annotator_spans WHERE doc_id IN ({marks}) "
                                f"ORDER BY doc_id, annotator, start, end, local_id", ids):
            spans.setdefault((row[0], row[1]), []).append(SpanWork(*row[2:]))
        facts: dict[tuple[int, str], list[tuple[str, dict[str, Any]]]] = {}
        for doc_id, who, table, row in conn.execute(
                f"SELECT doc_id, annotator, fact_table, row FROM annotator_facts WHERE doc_id IN ({marks}) ORDER BY id", ids):
            facts.setdefault((doc_id, who), []).append((table, json.loads(row)))
        for doc_id, who, status in conn.execute(
                f"SELECT doc_id, annotator, status FROM annotator_documents WHERE doc_id IN ({marks})", ids):
            key = (doc_id, who)
            out.setdefault(doc_id, {})[who] = DocWork(status, tuple(spans.get(key, ())), tuple(facts.get(key, ())))
    return out


@dataclass(frozen=True)
class Resolution:
    """What one document becomes after a merge: its spans and fact rows, its disputes, its status."""

    doc_id: int
    status: str
    spans: tuple[dict[str, Any], ...]
    facts: tuple[tuple[str, dict[str, Any]], ...]  # initiatives before the figures that refer to them
    disputes: tuple[dict[str, Any], ...]


def replace_documents(project: Project, resolutions: Sequence[Resolution]) -> None:
    """The documents' accepted spans, fact rows and disputes become the resolutions' (suggestions stay)."""
    conn = project.db.conn
    for first in range(0, len(resolutions), CHUNK):
        chunk = resolutions[first:first + CHUNK]
        ids = [r.doc_id for r in chunk]
        marks = ", ".join("?" * len(ids))
        for table in ("figures", "initiatives", "disputes"):
            conn.execute(f"DELETE FROM [{table}] WHERE doc_id IN ({marks})", ids)
        conn.execute(f"DELETE FROM spans WHERE origin != 'suggested' AND doc_id IN ({marks})", ids)
        _insert(conn, "spans", [s for r in chunk for s in r.spans])
        for table in ("initiatives", "figures"):
            _insert(conn, table, [row for r in chunk for t, row in r.facts if t == table])
        _insert(conn, "disputes", [d for r in chunk for d in r.disputes])
        conn.executemany("UPDATE documents SET status = ? WHERE id = ?", [(r.status, r.doc_id) for r in chunk])


def _insert(conn, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)
    encoded = ([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in (row[c] for c in columns)]
               for row in rows)
    conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})", encoded)


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
    return [r[0] for r in project.db.conn.execute("SELECT DISTINCT doc_id FROM disputes WHERE resolved = 0 ORDER BY doc_id")]


def texts(project: Project, doc_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """doc_id -> (title, length in code points)."""
    wanted = sorted(set(doc_ids))
    out: dict[int, tuple[str, int]] = {}
    for first in range(0, len(wanted), CHUNK):
        ids = wanted[first:first + CHUNK]
        out.update((i, (t, n)) for i, t, n in project.db.conn.execute(
            f"SELECT id, title, length(text) FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids))
    return out


def merged_doc_ids(project: Project) -> list[int]:
    if not project.db["annotator_documents"].exists():
        return []
    return [r[0] for r in project.db.conn.execute("SELECT DISTINCT doc_id FROM annotator_documents ORDER BY doc_id")]
