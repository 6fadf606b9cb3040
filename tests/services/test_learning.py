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


def test_a_propagated_span_is_training_data_too(project) -> None:
    from curator.core.edits import tag_span

    doc = project.document(1)
    start = doc.text.index(NAMES[1][0])
    project.apply(tag_span(doc, start, start + 3, "person", span_id=project.next_id("spans"), origin="propagated"))
    (example,) = training_examples(project)
    assert example.spans == ((start, start + 3, "person"),) and example.text == doc.text
    assert training_examples(project, labels=["place"]) == []
    assert training_examples(project, labels=[]) == []


def test_a_model_of_labels_the_examples_lack_is_no_model(project) -> None:
    from curator.services.learning import model_from_examples

    tag_names(project, 1, NAMES[1])
    assert model_from_examples(training_examples(project), labels=["place"]) is None
    assert model_from_examples(training_examples(project), labels=["person"]).spans == 3


def test_learned_suggestions_are_one_named_step_scored_at_least_the_default(project) -> None:
    from curator.services.learning import DEFAULT_MIN_SCORE

    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    edit = learned_suggestions(project, 4, model)
    assert edit.label == "学习建议" and DEFAULT_MIN_SCORE == 0.5
    assert all(c.after["attrs"]["score"] >= 0.5 for c in edit.changes)
    loose = learned_suggestions(project, 4, model, min_score=0.0)
    assert len(loose.changes) >= len(edit.changes)
    assert learned_suggestions(project, 4, model, min_score=1.01).changes == ()


def test_a_span_of_another_label_or_beside_it_does_not_hold_a_learned_suggestion_back(project) -> None:
    from curator.core.edits import propose_spans
    from curator.core.suggest.learned import predict

    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    doc = project.document(4)
    name = next(s for s in predict(model.model, doc.text, min_score=0.0) if s.text == "杨丽君")
    project.apply(propose_spans("x", doc, [(name.start, name.end, "org", {}), (name.end, name.end + 1, "person", {}),
                                           (name.start - 1, name.start, "person", {})],
                                first_id=project.next_id("spans", 3), source="rules"))
    proposed = [c.after for c in learned_suggestions(project, 4, model, min_score=0.0).changes]
    assert any((row["start"], row["end"]) == (name.start, name.end) for row in proposed)


def test_learned_project_stores_each_documents_suggestions_with_progress_and_cancel(project) -> None:
    from curator.services.learning import learned_project

    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    seen: list[tuple[int, int]] = []
    stopped = learned_project(project, model, min_score=0.3, progress=lambda done, total: seen.append((done, total)),
                              cancelled=lambda: len(seen) == 2)
    assert stopped.cancelled and stopped.documents == 2 and seen == [(1, 4), (2, 4)]
    stored = sum(len(project.spans(d.id, origin="suggested")) for d in project.documents())
    assert stopped.proposed == stored
    report = learned_project(project, model, min_score=0.3)
    assert not report.cancelled and report.documents == 4
    after = sum(len(project.spans(d.id, origin="suggested")) for d in project.documents())
    assert report.proposed == after - stored > 0
    assert learned_project(project, model, min_score=0.3).proposed == 0  # nothing twice


def test_training_on_some_labels_leaves_the_documents_of_others_out(project) -> None:
    tag_names(project, 1, NAMES[1])
    doc = project.document(4)
    start = doc.text.index("格尔木")
    project.apply(tag_span(doc, start, start + 3, "place", span_id=project.next_id("spans")))
    people = train_from_project(project, labels=["person"])
    assert (people.labels, people.documents, people.spans) == (("person",), 1, 3)
    both = train_from_project(project)
    assert (both.labels, both.documents, both.spans) == (("person", "place"), 2, 4)


def test_learned_project_counts_every_documents_suggestions_and_keeps_to_the_score(project) -> None:
    from curator.services.learning import learned_project

    tag_names(project, 1, NAMES[1])
    model = train_from_project(project)
    assert learned_project(project, model, min_score=1.01).proposed == 0  # none is that sure
    assert all(project.spans(d.id, origin="suggested") == [] for d in project.documents())
    report = learned_project(project, model, min_score=0.0)
    per_document = [len(project.spans(d.id, origin="suggested")) for d in project.documents()]
    assert sum(count > 0 for count in per_document) >= 2
    assert report.proposed == sum(per_document)
