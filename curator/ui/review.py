"""Accepting and rejecting suggestions: the edits, shared by the article view and the 建议 panel."""

from __future__ import annotations

from collections.abc import Sequence

from curator.core.edits import Edit, accept_suggestion, combine, reject_suggestion
from curator.core.model import FACT_TABLES, Span
from curator.store import Project


def accept_edit(project: Project, span: Span, *, label_title: str, doc_spans: Sequence[Span] | None = None) -> Edit:
    """The suggestion becomes an annotation; a figure or initiative gets its fact row."""
    table = FACT_TABLES.get(span.label)
    if doc_spans is None:
        doc_spans = project.spans(span.doc_id) if table else ()  # only a fact row needs them (its place)
    return accept_suggestion(project.document(span.doc_id), span, doc_spans=doc_spans,
                             fact_id=project.next_id(table) if table else None, label_title=label_title)


def reject_edit(project: Project, span: Span, *, label_title: str) -> Edit:
    """The suggestion goes, and is remembered so it never comes back for this document."""
    return reject_suggestion(span, rejection_id=project.next_id("rejections"), label_title=label_title)


def accept_all_edit(project: Project, spans: Sequence[Span], *, label_title: str, name: str) -> Edit:
    """Every suggestion in spans (one label, one document) accepted as one undo step named name."""
    if not spans:
        return Edit(name, ())
    doc_spans = project.spans(spans[0].doc_id) if spans[0].label in FACT_TABLES else ()
    return combine(name, [accept_edit(project, span, label_title=label_title, doc_spans=doc_spans) for span in spans])
