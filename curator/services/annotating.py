"""The annotator's actions on a document, for the window and the command line alike.

Each function takes the project (and the annotator's name), reads what it needs, and returns
the Edit to apply (or a small result): the caller applies it (the window through its undo
stack, the CLI directly), so both reach the same rows. Anki's qt/aqt/operations is the model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from curator.core import segment
from curator.core.edits import (
    Edit,
    RowChange,
    delete_span,
    fill_places,
    set_cell,
    set_document_place,
    set_status,
    tag_span,
)
from curator.core.facts import PLACE_LABEL, document_place
from curator.core.model import STATUS_TITLES, Document, Span, fact_table_of
from curator.services.suggesting import SPREAD_LABELS, spread_edit
from curator.store import Project

UNFINISHED = ("todo", "in_progress")


@dataclass(frozen=True)
class Tagged:
    """What tagging did: the edit (empty when nothing was tagged), the new span, or why not."""

    edit: Edit
    span: Span | None = None
    problem: str = ""  # for the command line; the window words its own message
    duplicate: bool = False  # the same text already has this label


@dataclass(frozen=True)
class Deletion:
    """The edit deleting a span; empty with needs_confirmation when a citing fact row was edited by hand."""

    edit: Edit
    needs_confirmation: bool = False


def label_title(project: Project, label: str) -> str:
    return next((lab.title for lab in project.labels() if lab.name == label), label)


# -- places ---------------------------------------------------------------------------------


def with_document_place(project: Project, doc: Document) -> tuple[Document, list[RowChange]]:
    """doc with its place inferred from its text when it has none, and the change storing it."""
    if doc.place:
        return doc, []
    place = document_place(doc.text)
    if not place:
        return doc, []
    return replace(doc, place=place), [set_document_place(doc, place)]


def place_changes(project: Project, span: Span) -> list[RowChange]:
    """A place span the annotator added: the document's fact rows without a place take it."""
    if span.label != PLACE_LABEL or span.origin == "suggested":
        return []
    return fill_places(span.text, project.document_facts(span.doc_id))


def _accepted_places(project: Project, doc_id: int) -> list[Span]:
    return [s for s in project.spans(doc_id, label=PLACE_LABEL) if s.origin != "suggested"]


# -- tagging --------------------------------------------------------------------------------


def tag(project: Project, doc_id: int, start: int, end: int, label: str, *, annotator: str,
        words: bool = False, quotes: bool = False, doc: Document | None = None) -> Tagged:
    """Tag doc_id's text start..end (snapped to words or quotes when asked) with label.

    A figure or initiative gets its fact row (its place: the nearest place span, else the
    document's, inferred now if it has none); a place fills the fact rows without one; a
    document still to do becomes 标注中. All in one edit, one undo step.

    doc: the caller's current copy of the document, if it has one (reading a 100,000-character
    text again costs about a millisecond per tag).
    """
    labels = {lab.name: lab for lab in project.labels()}
    if label not in labels:
        raise ValueError(f"unknown label {label!r}; labels: {', '.join(labels)}")
    if doc is None or doc.id != doc_id:
        doc = project.document(doc_id)
    start, end = segment.snap(doc.text, start, end, words=words, quotes=quotes)
    if not 0 <= start < end <= len(doc.text):
        return Tagged(Edit("", ()), problem=f"span {start}-{end} is outside the document (length {len(doc.text)})")
    title = labels[label].title
    if project.has_span(doc_id, start, end, label):
        return Tagged(Edit("", ()), problem=f"characters {start}-{end} are already tagged {label}", duplicate=True)
    table = fact_table_of(label)
    before: list[RowChange] = []
    if table:
        doc, before = with_document_place(project, doc)
    edit = tag_span(doc, start, end, label, span_id=project.next_id("spans"),
                    fact_id=project.next_id(table) if table else None, label_title=title, annotator=annotator,
                    doc_spans=_accepted_places(project, doc_id) if table else ())
    span = Span.from_row(dict(edit.changes[0].after))
    changes = [*before, *edit.changes, *place_changes(project, span)]
    if doc.status == "todo":
        changes += set_status(doc, "in_progress").changes
    return Tagged(Edit(edit.label, tuple(changes)), span)


def spread(project: Project, span: Span) -> Edit:
    """Propose span's label for every other occurrence of its text (initiatives, places, organisations, people)."""
    if span.label not in SPREAD_LABELS:
        return Edit("", ())
    return spread_edit(project, span)


def spreads(label: str) -> bool:
    return label in SPREAD_LABELS


# -- deleting -------------------------------------------------------------------------------


def delete(project: Project, span: Span, *, confirmed: bool = False) -> Deletion:
    """Delete or Backspace on a span: a suggestion is rejected (and remembered); an annotation is
    deleted with the fact rows it alone was evidence for. If one of them was edited by hand, nothing
    is deleted until confirmed."""
    from curator.services.reviewing import reject

    if span.origin == "suggested":
        return Deletion(reject(project, span))
    facts = project.facts_citing(span)
    citing = [row for _table, row in facts if span.id in row["span_ids"]]
    if not confirmed and any(row.get("edited") == 1 for row in citing):
        return Deletion(Edit("", ()), needs_confirmation=True)
    return Deletion(delete_span(span, facts=facts, label_title=label_title(project, span.label)))


# -- status and documents -------------------------------------------------------------------


def change_status(project: Project, doc_id: int, status: str, *, label: str | None = None) -> Edit:
    return set_status(project.document(doc_id), status, label=label or f"状态：{STATUS_TITLES.get(status, status)}")


def next_unfinished(project: Project, after: int | None) -> int | None:
    """The next document after `after` (wrapping round) still to do or in progress."""
    rows = project.documents()
    ids = [row.id for row in rows]
    unfinished = {row.id for row in rows if row.status in UNFINISHED}
    start = ids.index(after) + 1 if after in ids else 0
    return next((c for c in ids[start:] + ids[:start] if c in unfinished and c != after), None)


# -- fact cells -----------------------------------------------------------------------------


def edit_cell(project: Project, table: str, row_id: int, column: str, value: object, *, annotator: str,
              label: str | None = None) -> Edit:
    """A fact cell typed by hand: the row is marked edited, by annotator."""
    return set_cell(table, project.row(table, row_id), column, value, label=label, by=annotator)
