"""Reviewing suggestions: accept, reject, accept all of a label, and what is still pending.

Shared by the article (Enter, Backspace, Shift+Enter), the 建议 and 标注 panels, marking an
article done, and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence

from curator.core.edits import Edit, RowChange, accept_suggestion, reject_suggestion
from curator.core.facts import PLACE_LABEL
from curator.core.model import Span, fact_table_of
from curator.services.annotating import _accepted_places, label_title, place_changes, with_document_place
from curator.store import Project


def suggestion_at(project: Project, doc_id: int, position: int, *, selected: int | None = None) -> Span | None:
    """The suggestion the annotator means: the selected span if it is one, else the innermost at position."""
    pending = pending_suggestions(project, doc_id)
    chosen = next((s for s in pending if s.id == selected), None)
    if chosen is not None:
        return chosen
    here = [s for s in pending if s.start <= position < s.end]
    return min(here, key=lambda s: (s.end - s.start, s.id)) if here else None


def pending_suggestions(project: Project, doc_id: int, *, label: str | None = None) -> list[Span]:
    """Suggestions of doc_id awaiting review (of one label, if given), in text order."""
    return project.spans(doc_id, origin="suggested", label=label)


def accept(project: Project, span: Span, *, annotator: str) -> Edit:
    """The suggestion becomes the annotator's; a figure or initiative gets its fact row."""
    return accept_all(project, [span], annotator=annotator, name="")


def reject(project: Project, span: Span) -> Edit:
    """The suggestion goes, and is remembered so it never comes back for this document."""
    return reject_suggestion(span, rejection_id=project.next_id("rejections"),
                             label_title=label_title(project, span.label))


def reject_all(project: Project, spans: Sequence[Span], *, name: str) -> Edit:
    changes = [change for span in spans for change in reject(project, span).changes]
    return Edit(name, tuple(changes))


def accept_all(project: Project, spans: Sequence[Span], *, annotator: str, name: str) -> Edit:
    """Every suggestion in spans (one document) accepted as one undo step named name."""
    if not spans:
        return Edit(name, ())
    doc = project.document(spans[0].doc_id)
    changes: list[RowChange] = []
    needs_place = any(fact_table_of(s.label) for s in spans)
    if needs_place:
        doc, changes = with_document_place(project, doc)
    places = _accepted_places(project, doc.id) if needs_place else []
    filled = False
    label = ""
    for span in spans:
        table = fact_table_of(span.label)
        edit = accept_suggestion(doc, span, doc_spans=places, fact_id=project.next_id(table) if table else None,
                                 annotator=annotator, label_title=label_title(project, span.label))
        label = label or edit.label
        changes += edit.changes
        if span.label == PLACE_LABEL and not filled:  # the first place fills the rows without one
            accepted = Span.from_row(dict(edit.changes[0].after))
            fills = place_changes(project, accepted)
            changes += fills
            filled = bool(fills)
    return Edit(name or label, tuple(changes))


def accept_all_of_label(project: Project, doc_id: int, label: str, *, annotator: str, name: str | None = None) -> Edit:
    spans = pending_suggestions(project, doc_id, label=label)
    title = label_title(project, label)
    return accept_all(project, spans, annotator=annotator, name=name or f"接受全部 {title}（{len(spans)} 处）")


def resolve_pending(project: Project, doc_id: int, *, accept_them: bool, annotator: str) -> Edit:
    """Mark-done's question answered: every pending suggestion of doc_id accepted, or rejected."""
    spans = pending_suggestions(project, doc_id)
    if accept_them:
        return accept_all(project, spans, annotator=annotator, name=f"接受全部建议（{len(spans)} 处）")
    return reject_all(project, spans, name=f"拒绝全部建议（{len(spans)} 处）")
