"""The learned suggester as the window and the command line use it: trained on the project's
accepted spans, offering its suggestions beside the rules' (source "learned"), never one the
annotator has rejected in that document.

Training reads every document that has accepted spans (origin manual or propagated) and is
meant to run in a worker, again as the annotator works; it takes under 2 s for a 100-article
project (see benchmarks/bench_quality.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from curator.core.edits import Edit
from curator.core.suggest.learned import Example, model_labels, predict, train
from curator.services.suggesting import SuggestReport, proposals_edit
from curator.store import Project

ACCEPTED_ORIGINS = frozenset({"manual", "propagated"})
DEFAULT_MIN_SCORE = 0.5


@dataclass(frozen=True)
class TrainedModel:
    model: bytes  # curator.core.suggest.learned's format; keep it, pass it back
    labels: tuple[str, ...]  # labels the model suggests
    documents: int  # annotated documents it was trained on
    spans: int  # accepted spans it was trained on


def training_examples(project: Project, labels: Iterable[str] | None = None) -> list[Example]:
    """Every document with accepted spans (of labels, if given), with those spans."""
    wanted = set(labels) if labels is not None else None
    examples = []
    for summary in project.documents():
        spans = tuple((s.start, s.end, s.label) for s in project.spans(summary.id)
                      if s.origin in ACCEPTED_ORIGINS and (wanted is None or s.label in wanted))
        if spans:
            examples.append(Example(project.document(summary.id).text, spans))
    return examples


def train_from_project(project: Project, labels: Iterable[str] | None = None) -> TrainedModel | None:
    """A model of the project's accepted spans, or None while no document has any."""
    labels = tuple(labels) if labels is not None else None
    return model_from_examples(training_examples(project, labels), labels)


def model_from_examples(examples: list[Example], labels: Iterable[str] | None = None) -> TrainedModel | None:
    """The training step alone, touching no project: read training_examples in the thread that owns
    the project (a SQLite connection stays in its thread), train here in a worker."""
    if not examples:
        return None
    model = train(examples, labels=labels)
    trained = model_labels(model)
    if not trained:
        return None
    return TrainedModel(model, trained, len(examples), sum(len(e.spans) for e in examples))


def learned_suggestions(project: Project, doc_id: int, model: TrainedModel, *,
                        min_score: float = DEFAULT_MIN_SCORE) -> Edit:
    """The Edit storing the model's suggestions for one document, scored at least min_score, that
    the document has neither as a rejection nor overlapping a span of the same label (accepted or
    suggested: where the rules have spoken, their span stands)."""
    doc = project.document(doc_id)
    spans: dict[str, list[tuple[int, int]]] = {}
    for span in project.spans(doc_id):
        spans.setdefault(span.label, []).append((span.start, span.end))
    found = [s for s in predict(model.model, doc.text, min_score=min_score)
             if not any(a < s.end and s.start < b for a, b in spans.get(s.label, ()))]
    return proposals_edit(project, doc, found, source="learned", label="学习建议")


def learned_project(project: Project, model: TrainedModel, *, min_score: float = DEFAULT_MIN_SCORE,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> SuggestReport:
    """Store the model's suggestions for every document, one transaction per document."""
    documents = project.documents()
    proposed = 0
    for done, summary in enumerate(documents, start=1):
        if cancelled and cancelled():
            return SuggestReport(done - 1, proposed, cancelled=True)
        edit = learned_suggestions(project, summary.id, model, min_score=min_score)
        project.apply(edit)
        proposed += len(edit.changes)
        if progress:
            progress(done, len(documents))
    return SuggestReport(len(documents), proposed)
