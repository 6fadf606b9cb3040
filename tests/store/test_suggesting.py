from __future__ import annotations

from curator.core.edits import reject_suggestion, tag_span
from curator.services.suggesting import spread_edit, suggest_document


def test_suggest_document_skips_existing_spans_and_rejections(project):
    first = suggest_document(project, 1, ["figure"])
    project.apply(first)
    assert suggest_document(project, 1, ["figure"]).changes == ()
    rejected = project.spans(1)[0]
    project.apply(reject_suggestion(rejected, rejection_id=project.next_id("rejections")))
    assert suggest_document(project, 1, ["figure"]).changes == ()  # the rejection is remembered


def test_tagging_a_place_proposes_every_other_occurrence_in_the_project(project):
    doc = project.document(1)
    start = doc.text.index("格尔木市")
    project.apply(tag_span(doc, start, start + 4, "place", span_id=project.next_id("spans")))
    span = project.spans(1)[0]
    edit = spread_edit(project, span)
    project.apply(edit)
    for summary in project.documents():
        text = project.document(summary.id).text
        expected = text.count("格尔木市") - (1 if summary.id == 1 else 0)
        proposed = [s for s in project.spans(summary.id) if s.origin == "suggested"]
        assert len(proposed) == expected
        assert all(s.text == "格尔木市" and s.label == "place" and s.attrs["source"] == "spread" for s in proposed)
    project.apply(edit.inverse())
    assert project.stats()["suggestions"] == 0


def test_spreading_skips_labels_that_are_not_names(project):
    doc = project.document(1)
    start = doc.text.index("超3万人")
    project.apply(tag_span(doc, start, start + 4, "figure", span_id=project.next_id("spans"), fact_id=project.next_id("figures")))
    assert spread_edit(project, project.spans(1)[0]).changes == ()


def test_proposals_skip_present_rejected_and_repeated(project):
    from curator.core.edits import propose_spans
    from curator.core.suggest import Suggestion
    from curator.services.suggesting import proposals_edit

    doc = project.document(1)
    project.apply(tag_span(doc, 4, 8, "place", span_id=project.next_id("spans")))
    project.apply(propose_spans("x", doc, [(9, 11, "figure", {})], first_id=project.next_id("spans"), source="rules"))
    project.apply(reject_suggestion(project.spans(1, origin="suggested")[0], rejection_id=project.next_id("rejections")))
    found = [Suggestion("figure", 1, 3, doc.text[1:3], {"value": 5.0}), Suggestion("place", 4, 8, doc.text[4:8]),
             Suggestion("figure", 9, 11, doc.text[9:11]), Suggestion("figure", 1, 3, doc.text[1:3], {"value": 5.0})]
    edit = proposals_edit(project, doc, found)
    assert [(c.after["start"], c.after["end"], c.after["label"], c.after["attrs"]) for c in edit.changes] == [
        (1, 3, "figure", {"value": 5.0, "source": "rules"})]
    assert len({c.after["id"] for c in edit.changes}) == 1 and project.next_id("spans") == edit.changes[0].after["id"] + 1
