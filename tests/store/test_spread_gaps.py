"""Spreading a tag to its other occurrences, and accepting what it proposed, on a real project file."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.edits import Edit, accept_suggestion, reject_suggestion, tag_span
from curator.core.importing import read_path
from curator.services.suggesting import SPREAD_LABELS, spread_edit
from curator.store import Project

ARTICLES = [
    "格尔木市开展光盘行动，张建国带领志愿者，格尔木市文明办参与。",
    "格尔木市召开大会，张建国发言。",  # 格尔木市 at offset 0 here too
    "西宁市报道：格尔木市和张建国。",
    "没有这个名字的文章。",
]


@pytest.fixture
def store(tmp_path: Path):
    for n, text in enumerate(ARTICLES, start=1):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    with Project.open(tmp_path / "spread.curator") as project:
        assert len(project.import_batches(read_path(tmp_path)).added) == len(ARTICLES)
        yield project


def tagged(store: Project, doc_id: int, text: str, label: str, occurrence: int = 0):
    doc = store.document(doc_id)
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    store.apply(tag_span(doc, start, start + len(text), label, span_id=store.next_id("spans")))
    return next(s for s in store.spans(doc_id) if (s.start, s.end, s.label) == (start, start + len(text), label))


def proposed(edit) -> list[tuple[int, int, int, str]]:
    return sorted((c.after["doc_id"], c.after["start"], c.after["end"], c.after["label"]) for c in edit.changes)


def test_the_same_offset_in_another_document_is_still_proposed_there(store):
    span = tagged(store, 1, "格尔木市", "place")
    assert span.start == 0
    edit = spread_edit(store, span)
    assert proposed(edit) == [(1, 20, 24, "place"), (2, 0, 4, "place"), (3, 6, 10, "place")]
    assert edit.label == "推广 格尔木市"
    assert all(c.before is None and c.after["origin"] == "suggested" and c.after["attrs"]["source"] == "spread"
               and c.after["text"] == "格尔木市" for c in edit.changes)


def test_the_tagged_occurrence_itself_is_never_proposed(store):
    span = tagged(store, 1, "格尔木市", "place", occurrence=1)
    assert span.start == 20
    assert (1, 20, 24, "place") not in proposed(spread_edit(store, span))
    assert (1, 0, 4, "place") in proposed(spread_edit(store, span))


@pytest.mark.parametrize("label", ["person", "org", "place", "initiative"])
def test_names_spread_whatever_their_label(store, label):
    span = tagged(store, 2, "张建国", label)
    at1, at3 = ARTICLES[0].index("张建国"), ARTICLES[2].index("张建国")
    assert proposed(spread_edit(store, span)) == [(1, at1, at1 + 3, label), (3, at3, at3 + 3, label)]


@pytest.mark.parametrize("label", ["figure", "doc", "date"])
def test_labels_that_are_not_names_do_not_spread(store, label):
    span = tagged(store, 2, "张建国", label)
    assert label not in SPREAD_LABELS
    assert spread_edit(store, span) == Edit("", ())


def test_a_text_under_two_characters_does_not_spread(store):
    assert spread_edit(store, tagged(store, 2, "张", "person")) == Edit("", ())
    assert spread_edit(store, tagged(store, 2, "张建", "person")).changes != ()


def test_spreading_skips_occurrences_already_tagged_or_rejected(store):
    tagged(store, 3, "格尔木市", "place")
    store.apply(spread_edit(store, tagged(store, 2, "张建国", "person")))
    rejected = next(s for s in store.spans(1, origin="suggested"))
    store.apply(reject_suggestion(rejected, rejection_id=store.next_id("rejections")))
    span = tagged(store, 1, "格尔木市", "place")
    assert proposed(spread_edit(store, span)) == [(1, 20, 24, "place"), (2, 0, 4, "place")]  # 3 has it already
    again = tagged(store, 3, "张建国", "person")
    assert proposed(spread_edit(store, again)) == []  # 1 was rejected, 2 is proposed already


def test_the_limit_bounds_the_documents_searched(store):
    span = tagged(store, 2, "张建国", "person")
    assert len({c.after["doc_id"] for c in spread_edit(store, span, limit=1).changes}) == 1


def test_the_spread_edit_stores_and_undoes_as_one_step(store):
    span = tagged(store, 1, "格尔木市", "place")
    edit = spread_edit(store, span)
    store.apply(edit)
    assert [len(store.spans(d, origin="suggested")) for d in (1, 2, 3, 4)] == [1, 1, 1, 0]
    ids = [c.after["id"] for c in edit.changes]
    assert len(set(ids)) == len(ids) and min(ids) > span.id
    store.apply(edit.inverse())
    assert store.stats()["suggestions"] == 0


def test_an_accepted_spread_suggestion_is_propagated_and_keeps_its_place(store):
    store.apply(spread_edit(store, tagged(store, 1, "格尔木市", "place")))
    suggestion = store.spans(2, origin="suggested")[0]
    store.apply(accept_suggestion(store.document(2), suggestion, annotator="李"))
    accepted = store.span(suggestion.id)
    assert (accepted.origin, accepted.annotator, accepted.start, accepted.end, accepted.label) == (
        "propagated", "李", 0, 4, "place")


def test_an_accepted_rule_suggestion_is_manual(store):
    from curator.core.edits import propose_spans

    doc = store.document(4)
    store.apply(propose_spans("建议", doc, [(0, 2, "figure", {})], first_id=store.next_id("spans"), source="rules"))
    suggestion = store.spans(4, origin="suggested")[0]
    store.apply(accept_suggestion(doc, suggestion, fact_id=store.next_id("figures")))
    assert store.span(suggestion.id).origin == "manual"
    assert [row["span_ids"] for row in store.facts("figures", doc_id=4)] == [[suggestion.id]]
    with pytest.raises(ValueError, match="only a suggestion"):
        accept_suggestion(doc, store.span(suggestion.id))


# -- suggesting over the project ------------------------------------------------------------------------

def test_suggest_project_stores_each_documents_suggestions_and_reports_progress(project):
    from curator.services.suggesting import SuggestReport, suggest_project

    seen = []
    report = suggest_project(project, ["figure"], progress=lambda done, total: seen.append((done, total)))
    stored = sum(len(project.spans(d.id, origin="suggested")) for d in project.documents())
    assert report == SuggestReport(documents=4, proposed=stored, cancelled=False) and stored > 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert {s.label for d in project.documents() for s in project.spans(d.id)} == {"figure"}
    assert all(s.attrs["source"] == "rules" for d in project.documents() for s in project.spans(d.id))
    assert suggest_project(project, ["figure"]) == SuggestReport(4, 0)  # nothing new the second time


def test_suggest_project_stops_when_cancelled_and_keeps_what_it_stored(project):
    from curator.services.suggesting import suggest_project

    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after two documents

    report = suggest_project(project, ["figure"], cancelled=cancelled)
    assert (report.documents, report.cancelled) == (2, True)
    with_suggestions = [d.id for d in project.documents() if project.spans(d.id, origin="suggested")]
    assert with_suggestions == [1, 2]
    assert report.proposed == sum(len(project.spans(d, origin="suggested")) for d in (1, 2))


def test_suggest_document_with_every_label_and_with_some(project):
    from curator.services.suggesting import suggest_document

    every = suggest_document(project, 1)
    ids = [c.after["id"] for c in every.changes]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # one block of consecutive ids, reserved
    assert project.next_id("spans") == ids[-1] + 1
    assert every.label == "建议" and {c.after["label"] for c in every.changes} >= {"figure", "place"}
    only = suggest_document(project, 1, ["place"])
    assert {c.after["label"] for c in only.changes} == {"place"}
    project.apply(every)
    assert suggest_document(project, 1) == Edit("建议", ())  # nothing new


def test_suggest_project_with_every_label(project):
    from curator.services.suggesting import suggest_project

    report = suggest_project(project)
    labels = {s.label for d in project.documents() for s in project.spans(d.id, origin="suggested")}
    assert report.documents == 4 and labels >= {"figure", "place"}
