"""The learned suggester over a real project file: trained on accepted spans, never repeating a rejection."""

from __future__ import annotations

from curator.core.edits import accept_suggestion, reject_suggestion, tag_span
from curator.services.learning import learned_suggestions, train_from_project, training_examples

NAMES = {1: ["钟付民", "葛军", "黄赟辉"], 4: ["唐建国", "杨丽君", "张雪琴"]}


def tag_names(project, doc_id: int, names: list[str]) -> None:
    doc = project.document(doc_id)
    for name in names:
        start = doc.text.index(name)
        project.apply(tag_span(doc, start, start + len(name), "person", span_id=project.next_id("spans")))


def test_no_annotations_no_model(project) -> None:
    assert train_from_project(project) is None


def test_suggestions_awaiting_review_are_not_training_data(project) -> None:
    from curator.services.suggesting import suggest_document

    project.apply(suggest_document(project, 1, ["place"]))
    assert training_examples(project) == [] and train_from_project(project) is None


def test_trained_on_accepted_spans_and_suggesting_in_other_documents(project) -> None:
    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    assert model is not None and model.labels == ("person",) and (model.documents, model.spans) == (1, 3)
    edit = learned_suggestions(project, 4, model, min_score=0.3)
    proposed = [c.after for c in edit.changes]
    assert proposed and all(row["label"] == "person" and row["origin"] == "suggested" for row in proposed)
    assert all(row["attrs"]["source"] == "learned" and 0.3 <= row["attrs"]["score"] <= 1 for row in proposed)
    assert {row["text"] for row in proposed} & set(NAMES[4])


def test_a_rejected_learned_suggestion_never_comes_back(project) -> None:
    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    project.apply(learned_suggestions(project, 4, model, min_score=0.3))
    suggested = project.spans(4, origin="suggested")
    assert suggested
    for span in suggested:
        project.apply(reject_suggestion(span, rejection_id=project.next_id("rejections")))
    assert learned_suggestions(project, 4, model, min_score=0.3).changes == ()


def test_an_accepted_suggestion_becomes_training_data(project) -> None:
    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    project.apply(learned_suggestions(project, 4, model, min_score=0.3))
    first = project.spans(4, origin="suggested")[0]
    project.apply(accept_suggestion(project.document(4), first))
    again = train_from_project(project)
    assert again is not None and again.documents == 2 and again.spans == 4


def test_labels_restrict_the_training(project) -> None:
    tag_names(project, 1, NAMES[1])
    assert train_from_project(project, labels=["place"]) is None
    assert train_from_project(project, labels=["person"]).labels == ("person",)


def test_no_learned_suggestion_over_a_span_of_its_label(project) -> None:
    from curator.core.edits import propose_spans
    from curator.core.suggest.learned import predict

    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    doc = project.document(4)
    found = {s.text: s for s in predict(model.model, doc.text, min_score=0.0)}
    assert "杨丽君" in found  # what the model would offer
    start = found["杨丽君"].start
    project.apply(propose_spans("x", doc, [(start, start + 2, "person", {})], first_id=project.next_id("spans"),
                                source="rules"))  # a rule's span overlapping it
    proposed = [c.after for c in learned_suggestions(project, 4, model, min_score=0.0).changes]
    assert proposed and not any(row["start"] < start + 2 and start < row["end"] for row in proposed)


def test_the_training_step_needs_no_project(project) -> None:
    from curator.services.learning import model_from_examples

    tag_names(project, 1, NAMES[1])
    examples = training_examples(project)  # in the thread that owns the project
    project.close()
    model = model_from_examples(examples)  # in a worker
    assert model is not None and model.labels == ("person",) and model.documents == 1
    assert model_from_examples([]) is None
