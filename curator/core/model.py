"""Records of the domain. Offsets are code-point indices into Document.text, end exclusive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("todo", "in_progress", "done", "reviewed")
STATUS_TITLES = {"todo": "待标注", "in_progress": "标注中", "done": "已完成", "reviewed": "已审核"}
ORIGINS = ("manual", "suggested", "propagated")
FACT_TABLES = {"initiative": "initiatives", "figure": "figures"}

DOCUMENT_COLUMNS = ("id", "title", "source", "published", "place", "text", "sha256", "status", "imported_at")
SPAN_COLUMNS = ("id", "doc_id", "start", "end", "label", "text", "attrs", "origin", "annotator", "created", "updated")
INITIATIVE_COLUMNS = (
    "id", "doc_id", "name", "category", "place", "organisation", "note", "span_ids", "edited",
)
FIGURE_COLUMNS = (
    "id", "doc_id", "indicator", "value", "unit", "qualifier", "place", "as_of",
    "initiative_id", "span_ids", "edited",
)
JSON_COLUMNS = frozenset({"attrs", "span_ids"})


@dataclass(frozen=True)
class Label:
    name: str
    title: str
    color: str
    hotkey: str
    kind: str = "entity"

    @property
    def fact_table(self) -> str | None:
        return FACT_TABLES.get(self.name)


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    text: str
    source: str = ""
    published: str = ""
    place: str = ""
    sha256: str = ""
    status: str = "todo"
    imported_at: str = ""

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in DOCUMENT_COLUMNS}


@dataclass(frozen=True)
class Span:
    id: int
    doc_id: int
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: str = "manual"
    annotator: str = ""
    created: str = ""
    updated: str = ""

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SPAN_COLUMNS}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Span:
        return cls(**{name: row[name] for name in SPAN_COLUMNS if name in row})
