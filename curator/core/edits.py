"""Edits: every change a user makes, as row changes that can be inverted.

An Edit is a label plus row changes (table, before, after). Inverting swaps before and
after and reverses the order, so one mechanism undoes creating, editing and deleting,
cascades included. Ids are chosen before an edit is applied, so redo recreates the
same rows. Rows are plain dicts keyed by column name; JSON columns hold Python values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any

from curator.core.facts import fact_row
from curator.core.model import FACT_TABLES, STATUSES, Document, Span


def _freeze(row: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return None if row is None else MappingProxyType(dict(row))


@dataclass(frozen=True)
class RowChange:
    """One row's change: insert (before is None), delete (after is None) or update."""

    table: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a row change needs a before or an after")
        object.__setattr__(self, "before", _freeze(self.before))
        object.__setattr__(self, "after", _freeze(self.after))

    @property
    def row_id(self) -> Any:
        return (self.after if self.after is not None else self.before)["id"]

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.after, self.before)


@dataclass(frozen=True)
class Edit:
    label: str
    changes: tuple[RowChange, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(self.changes))

    def inverse(self) -> Edit:
        return Edit(self.label, tuple(change.inverse() for change in reversed(self.changes)))

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(change.table for change in self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def tag_span(
    doc: Document,
    start: int,
    end: int,
    label: str,
    *,
    span_id: int,
    fact_id: int | None = None,
    label_title: str | None = None,
    origin: str = "manual",
    annotator: str = "",
    attrs: Mapping[str, Any] | None = None,
    doc_spans: Sequence[Span] = (),
    now: str | None = None,
) -> Edit:
    """Tag doc.text[start:end] with label; for fact labels, also create the fact row.

    doc_spans are the document's existing spans: the nearest place span fills a figure's place.
    """
    if not 0 <= start < end <= len(doc.text):
        raise ValueError(f"span {start}-{end} is outside the document (length {len(doc.text)})")
    stamp = now or now_iso()
    span = Span(
        id=span_id, doc_id=doc.id, start=start, end=end, label=label, text=doc.text[start:end],
        attrs=dict(attrs or {}), origin=origin, annotator=annotator, created=stamp, updated=stamp,
    )
    changes = [RowChange("spans", None, span.row())]
    if label in FACT_TABLES and fact_id is not None:
        changes.append(RowChange(FACT_TABLES[label], None, fact_row(doc, span, fact_id=fact_id, doc_spans=doc_spans)))
    return Edit(f"标注 {label_title or label}", tuple(changes))


def delete_span(span: Span, *, facts: Iterable[tuple[str, Mapping[str, Any]]] = (), label_title: str | None = None) -> Edit:
    """Delete a span; fact rows citing it lose it as evidence, and go when it was their only one.

    facts: (table, row) pairs for the rows whose span_ids mention the span.
    """
    changes: list[RowChange] = []
    for table, row in facts:
        remaining = [sid for sid in row["span_ids"] if sid != span.id]
        if len(remaining) == len(row["span_ids"]):
            continue
        if remaining:
            changes.append(RowChange(table, row, {**row, "span_ids": remaining}))
        else:
            changes.extend(_unlink_figures(table, row, facts))
            changes.append(RowChange(table, row, None))
    changes.append(RowChange("spans", span.row(), None))
    return Edit(f"删除 {label_title or span.label}", tuple(changes))


def _unlink_figures(table: str, initiative: Mapping[str, Any], facts: Iterable[tuple[str, Mapping[str, Any]]]) -> list[RowChange]:
    if table != "initiatives":
        return []
    return [
        RowChange("figures", row, {**row, "initiative_id": None})
        for other, row in facts
        if other == "figures" and row.get("initiative_id") == initiative["id"]
    ]


def set_cell(table: str, row: Mapping[str, Any], column: str, value: Any, *, label: str | None = None,
             by: str = "") -> Edit:
    """Change one cell; fact rows remember that a person edited them, and who (by)."""
    if column == "id":
        raise ValueError("the id of a row cannot be edited")
    if row.get(column) == value:
        return Edit(label or f"修改 {column}", ())
    after = {**row, column: value}
    if "edited" in row:
        after["edited"] = 1
        if by or "edited_by" in row:
            after["edited_by"] = by
    return Edit(label or f"修改 {column}", (RowChange(table, row, after),))


def fill_places(place: str, facts: Iterable[tuple[str, Mapping[str, Any]]]) -> list[RowChange]:
    """A place span added later: the fact rows (table, row) that have no place take it."""
    return [RowChange(table, row, {**row, "place": place}) for table, row in facts if not row.get("place")]


def set_document_place(doc: Document, place: str) -> RowChange:
    return RowChange("documents", {"id": doc.id, "place": doc.place}, {"id": doc.id, "place": place})


def set_rows(label: str, table: str, pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> Edit:
    """Many row updates as one edit (e.g. corrections coming back from a workbook)."""
    return Edit(label, tuple(RowChange(table, before, after) for before, after in pairs if before != after))


def set_status(doc: Document, status: str, *, label: str = "更改状态") -> Edit:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    before = {"id": doc.id, "status": doc.status}
    if doc.status == status:
        return Edit(label, ())
    return Edit(label, (RowChange("documents", before, {"id": doc.id, "status": status}),))


def propose_spans(label: str, doc: Document, proposals: Iterable[tuple[int, int, str, Mapping[str, Any]]], *,
                  first_id: int, source: str, now: str | None = None) -> Edit:
    """Store suggestions awaiting review as spans with origin "suggested".

    proposals: (start, end, label, attrs) in doc; ids are first_id, first_id + 1, ...
    """
    stamp = now or now_iso()
    changes = []
    for offset, (start, end, span_label, attrs) in enumerate(proposals):
        span = Span(id=first_id + offset, doc_id=doc.id, start=start, end=end, label=span_label,
                    text=doc.text[start:end], attrs={**attrs, "source": source}, origin="suggested",
                    created=stamp, updated=stamp)
        changes.append(RowChange("spans", None, span.row()))
    return Edit(label, tuple(changes))


def accept_suggestion(doc: Document, span: Span, *, fact_id: int | None = None, doc_spans: Sequence[Span] = (),
                      annotator: str = "", label_title: str | None = None, now: str | None = None) -> Edit:
    """A suggested span becomes the annotator's (origin manual, or propagated when it came from spreading)."""
    if span.origin != "suggested":
        raise ValueError("only a suggestion can be accepted")
    origin = "propagated" if span.attrs.get("source") == "spread" else "manual"
    accepted = {**span.row(), "origin": origin, "annotator": annotator or span.annotator, "updated": now or now_iso()}
    changes = [RowChange("spans", span.row(), accepted)]
    if span.label in FACT_TABLES and fact_id is not None:
        changes.append(RowChange(FACT_TABLES[span.label], None, fact_row(doc, Span.from_row(accepted), fact_id=fact_id, doc_spans=doc_spans)))
    return Edit(f"接受 {label_title or span.label}", tuple(changes))


def reject_suggestion(span: Span, *, rejection_id: int, label_title: str | None = None) -> Edit:
    """Remove a suggestion and remember it, so the same one never comes back for this document."""
    if span.origin != "suggested":
        raise ValueError("only a suggestion can be rejected")
    rejection = {"id": rejection_id, "doc_id": span.doc_id, "start": span.start, "end": span.end, "label": span.label}
    return Edit(f"拒绝 {label_title or span.label}", (RowChange("spans", span.row(), None), RowChange("rejections", None, rejection)))


def combine(label: str, edits: Iterable[Edit]) -> Edit:
    """Several edits as one undo step."""
    return Edit(label, tuple(change for edit in edits for change in edit.changes))
