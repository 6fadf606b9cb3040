"""Records of the domain. Offsets are code-point indices into Document.text, end exclusive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("todo", "in_progress", "done", "reviewed")
STATUS_TITLES = {"todo": "待标注", "in_progress": "标注中", "done": "已完成", "reviewed": "已审核"}
ORIGINS = ("manual", "suggested", "propagated")


@dataclass(frozen=True)
class FactTable:
    """A table of facts: its name, the label whose spans are its evidence, and its columns."""

    name: str
    label: str
    columns: tuple[str, ...]
    title: str


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
FACT_COLUMNS_EXTRA = ("edited_by",)  # added by migration m004: who last edited the row by hand

# The registry of fact tables: every place that needs "the fact tables" reads it from here.
FACT_TABLE_LIST = (
    FactTable("initiatives", "initiative", INITIATIVE_COLUMNS + FACT_COLUMNS_EXTRA, "举措"),
    FactTable("figures", "figure", FIGURE_COLUMNS + FACT_COLUMNS_EXTRA, "数据"),
)
FACT_TABLE_NAMES = tuple(table.name for table in FACT_TABLE_LIST)
FACT_TABLES = {table.label: table.name for table in FACT_TABLE_LIST}  # label -> table name
FACT_TABLE_BY_NAME = {table.name: table for table in FACT_TABLE_LIST}


def fact_table_of(label: str) -> str | None:
    """The fact table a span of label feeds, or None."""
    return FACT_TABLES.get(label)


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
