"""Suggestions as the window and the command line use them: stored as spans awaiting review.

A suggestion is a span with origin "suggested"; accepting or rejecting it is an Edit.
Rejections are remembered per document, so the same suggestion never comes back there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from curator.core.edits import Edit, combine, propose_spans
from curator.core.model import Span
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


def new_suggestions(project: Project, doc_id: int, found: Iterable[Suggestion]) -> list[Suggestion]:
    taken = _taken(project, doc_id)
    return [s for s in found if (s.start, s.end, s.label) not in taken]


def _reserve(project: Project, table: str, count: int) -> int:
    first = project.next_id(table)
    for _ in range(count - 1):
        project.next_id(table)
    return first


def suggest_document(project: Project, doc_id: int, labels: Iterable[str] | None = None) -> Edit:
    """Run the rules over one document; the Edit stores what is new."""
    found = suggest(project.document(doc_id).text, labels)
    fresh = new_suggestions(project, doc_id, found)
    if not fresh:
        return Edit("建议", ())
    return propose_spans("建议", project.document(doc_id), [(s.start, s.end, s.label, s.attrs) for s in fresh],
                         first_id=_reserve(project, "spans", len(fresh)), source="rules")


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
        taken = _taken(project, hit.id)
        text = project.document(hit.id).text
        places = [(start, end) for start, end in find_occurrences(text, span.text)
                  if (start, end, span.label) not in taken and not (hit.id == span.doc_id and start == span.start)]
        if places:
            edits.append(propose_spans(
                "", project.document(hit.id), [(start, end, span.label, {}) for start, end in places],
                first_id=_reserve(project, "spans", len(places)), source="spread",
            ))
    return combine(f"推广 {span.text}", edits)
