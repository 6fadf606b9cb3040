"""Suggestions as the window and the command line use them: stored as spans awaiting review.

A suggestion is a span with origin "suggested"; accepting or rejecting it is an Edit.
Rejections are remembered per document, so the same suggestion never comes back there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from curator.core.edits import Edit, combine, propose_spans
from curator.core.model import Document, Span
from curator.core.suggest import Suggestion, find_occurrences, suggest
from curator.store import Project

SPREAD_LABELS = frozenset({"initiative", "place", "org", "person"})


@dataclass(frozen=True)
class SuggestReport:
    documents: int
    proposed: int
    cancelled: bool = False


def _taken(project: Project, doc_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label) that must not be proposed again: existing spans and rejections."""
    return {(s.start, s.end, s.label) for s in project.spans(doc_id)} | project.rejections(doc_id)


def proposals_edit(project: Project, doc: Document, found: Iterable[Suggestion], *, source: str = "rules",
                   label: str = "建议") -> Edit:
    """The Edit storing found's suggestions that doc has neither as a span nor as a rejection."""
    taken = _taken(project, doc.id)
    fresh = []
    for s in found:
        key = (s.start, s.end, s.label)
        if key not in taken:
            taken.add(key)
            fresh.append((s.start, s.end, s.label, s.attrs))
    if not fresh:
        return Edit(label, ())
    return propose_spans(label, doc, fresh, first_id=project.next_id("spans", len(fresh)), source=source)


def suggest_document(project: Project, doc_id: int, labels: Iterable[str] | None = None) -> Edit:
    """Run the rules over one document; the Edit stores what is new."""
    doc = project.document(doc_id)
    return proposals_edit(project, doc, suggest(doc.text, labels))


def suggest_project(project: Project, labels: Iterable[str] | None = None, *,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> SuggestReport:
    """Store suggestions for every document, one transaction per document."""
    labels = tuple(labels) if labels is not None else None
    documents = project.documents()
    proposed = 0
    for done, summary in enumerate(documents, start=1):
        if cancelled and cancelled():
            return SuggestReport(done - 1, proposed, cancelled=True)
        edit = suggest_document(project, summary.id, labels)
        project.apply(edit)
        proposed += len(edit.changes)
        if progress:
            progress(done, len(documents))
    return SuggestReport(len(documents), proposed)


def spread_edit(project: Project, span: Span, *, limit: int = 100_000) -> Edit:
    """Every other occurrence of span's text in the project, proposed with span's label.

    INCEpTION-style "label all occurrences": proposed, not applied; the annotator confirms.
    """
    if span.label not in SPREAD_LABELS or len(span.text.strip()) < 2:
        return Edit("", ())
    edits = []
    for hit in project.search(span.text, limit=limit):
        doc = project.document(hit.id)
        found = [Suggestion(span.label, start, end, span.text) for start, end in find_occurrences(doc.text, span.text)
                 if not (doc.id == span.doc_id and start == span.start)]
        edits.append(proposals_edit(project, doc, found, source="spread", label=""))
    return combine(f"推广 {span.text}", edits)
