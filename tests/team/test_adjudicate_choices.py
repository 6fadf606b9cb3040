"""Adjudication choices are ordinary edits: taking a version adds its spans and fact rows and closes the dispute,
rejecting closes it alone, each undone by its inverse; 已审核 only once no dispute is open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from team_fixtures import NAMES, ROOT, annotate_shared, figure_piece, package_path, shared_sha, split_seeds

from curator.core.edits import Edit, RowChange
from curator.core.importing import read_path
from curator.services.team.adjudicate import (
    dispute_counts, disputes, documents_with_disputes, reject_versions, review_edit, take_version,
)
from curator.services.team.merge import merge_packages
from curator.store import Project

NOW = "2026-12-01T10:00:00"


@pytest.fixture
def open_merged(tmp_path: Path):
    """open_merged() -> (the project after a merge, open; its shared document, which has an org span dispute
    (10-14 / 10-15 / none) and a figure value dispute). Made inside the test, not in the fixture, so that the
    time it takes counts as the test's own (mutmut sets its timeouts from the tests' times)."""
    opened = []

    def make():
        project = Project.open(tmp_path / "team.curator")
        opened.append(project)
        project.import_batches(read_path(ROOT / "seeds"))
        split_seeds(project, tmp_path / "out")
        sha = shared_sha(tmp_path / "out")
        annotate_shared(tmp_path / "out", sha)
        merge_packages(project, [package_path(tmp_path / "out", n) for n in NAMES])
        return project, next(project.document(d.id) for d in project.documents()
                             if project.document(d.id).sha256 == sha)

    yield make
    for project in opened:
        project.close()


def _open(project, doc_id, kind):
    return next(d for d in disputes(project, doc_id) if d.kind == kind)


def _spans(project, doc_id):
    return {(s.start, s.end, s.label, s.annotator) for s in project.spans(doc_id)}


def test_a_dispute_read_back(open_merged):
    team_project, merged = open_merged()
    org, value = disputes(team_project, merged.id)
    assert (org.kind, org.doc_id, org.start, org.end, org.resolved) == ("span", merged.id, 10, 15, False)
    assert org.annotators == ["张三", "李四", "王五"] and org.id != value.id
    assert value.kind == "value" and (value.start, value.end) == figure_piece(merged.text)
    assert documents_with_disputes(team_project) == [merged.id]


def test_taking_a_span_version_adds_the_span_and_closes_the_dispute(open_merged):
    team_project, merged = open_merged()
    org = _open(team_project, merged.id, "span")
    before = _spans(team_project, merged.id)
    edit = take_version(team_project, org, "李四", now=NOW)
    assert edit.label == "裁决 采用李四的版本"
    span_change, dispute_change = edit.changes
    assert dict(span_change.after) == {"id": span_change.after["id"], "doc_id": merged.id, "start": 10, "end": 15,
                                       "label": "org", "text": merged.text[10:15], "attrs": {}, "origin": "manual",
                                       "annotator": "李四", "created": NOW, "updated": NOW}
    assert span_change.before is None and dispute_change.before == org.row
    assert dict(dispute_change.after) == {**org.row, "resolved": 1, "resolution": "李四"}
    team_project.apply(edit)
    assert _spans(team_project, merged.id) == before | {(10, 15, "org", "李四")}
    assert dispute_counts(team_project) == {merged.id: 1}
    (closed,) = [d for d in disputes(team_project, merged.id, open_only=False) if d.kind == "span"]
    assert closed.resolved and closed.row["resolution"] == "李四"
    team_project.apply(edit.inverse())  # undo, like any edit
    assert _spans(team_project, merged.id) == before and dispute_counts(team_project) == {merged.id: 2}


def test_taking_an_empty_version_only_closes_the_dispute(open_merged):
    team_project, merged = open_merged()
    org = _open(team_project, merged.id, "span")
    edit = take_version(team_project, org, "王五")  # 王五 tagged no org there
    (change,) = edit.changes
    assert change.table == "disputes" and change.after["resolution"] == "王五"


def test_a_version_nobody_gave_is_refused(open_merged):
    team_project, merged = open_merged()
    org = _open(team_project, merged.id, "span")
    with pytest.raises(ValueError, match=f"^赵六 has no version of dispute {org.id}$"):
        take_version(team_project, org, "赵六")


def test_taking_a_value_sets_value_unit_and_qualifier_of_the_figure(open_merged):
    team_project, merged = open_merged()
    value = _open(team_project, merged.id, "value")
    (figure,) = team_project.facts("figures", doc_id=merged.id)
    assert figure["value"] is None
    edit = take_version(team_project, value, "王五")
    assert edit.label == "裁决 采用王五的版本"
    figure_change, dispute_change = edit.changes
    assert figure_change.before == figure
    assert dict(figure_change.after) == {**figure, **value.versions["王五"]} and figure_change.after["value"] == 999.0
    assert dispute_change.after["resolution"] == "王五"
    team_project.apply(edit)
    (figure,) = team_project.facts("figures", doc_id=merged.id)
    assert (figure["value"], figure["unit"], figure["qualifier"]) == tuple(value.versions["王五"][k]
                                                                           for k in ("value", "unit", "qualifier"))
    assert dispute_counts(team_project) == {merged.id: 1}


def test_taking_the_value_the_figure_already_has_changes_only_the_dispute(open_merged):
    team_project, merged = open_merged()
    value = _open(team_project, merged.id, "value")
    team_project.apply(take_version(team_project, value, "张三"))
    (figure,) = team_project.facts("figures", doc_id=merged.id)
    assert figure["value"] == value.versions["张三"]["value"] != 999.0
    again = take_version(team_project, value, "张三")  # the same version a second time: the figure is as it is
    assert [c.table for c in again.changes] == ["disputes"]


def test_a_value_dispute_whose_figure_was_deleted(open_merged):
    team_project, merged = open_merged()
    value = _open(team_project, merged.id, "value")
    (figure,) = team_project.facts("figures", doc_id=merged.id)
    team_project.apply(Edit("删除", (RowChange("figures", figure, None),)))
    assert [c.table for c in take_version(team_project, value, "王五").changes] == ["disputes"]


def test_rejecting_every_version_adds_nothing(open_merged):
    team_project, merged = open_merged()
    org = _open(team_project, merged.id, "span")
    before = _spans(team_project, merged.id)
    edit = reject_versions(org)
    assert edit.label == "裁决 全部拒绝"
    (change,) = edit.changes
    assert dict(change.after) == {**org.row, "resolved": 1, "resolution": ""}
    team_project.apply(edit)
    assert _spans(team_project, merged.id) == before and dispute_counts(team_project) == {merged.id: 1}
    assert [d.kind for d in disputes(team_project, merged.id)] == ["value"]
    assert len(disputes(team_project, merged.id, open_only=False)) == 2


def test_a_figure_span_version_brings_its_fact_row(open_merged):
    team_project, _ = open_merged()
    doc = next(team_project.document(d.id) for d in team_project.documents() if not team_project.spans(d.id))
    start, end = figure_piece(doc.text)
    fact = {"indicator": "活动场次", "value": 12.0, "unit": "场", "qualifier": "约", "place": "", "as_of": "2026"}
    versions = {"张三": {"spans": [{"start": start, "end": end, "label": "figure", "text": doc.text[start:end],
                                    "attrs": {"note": "核对"}, "fact": fact},
                                   {"start": 0, "end": 2, "label": "place", "text": doc.text[:2], "attrs": {},
                                    "fact": None}]},
                "李四": {"spans": []}}
    row = {"id": team_project.next_id("disputes"), "doc_id": doc.id, "kind": "span", "start": 0, "end": end,
           "label": "figure", "versions": json.dumps(versions, ensure_ascii=False), "resolved": 0, "resolution": "", "span_id": None}
    team_project.apply(Edit("分歧", (RowChange("disputes", None, row),)))
    (dispute,) = disputes(team_project, doc.id)
    edit = take_version(team_project, dispute, "张三", now=NOW)
    team_project.apply(edit)
    spans = {s.label: s for s in team_project.spans(doc.id)}
    assert (spans["figure"].start, spans["figure"].end, spans["figure"].attrs) == (start, end, {"note": "核对"})
    assert (spans["place"].text, spans["place"].annotator, spans["place"].created) == (doc.text[:2], "张三", NOW)
    (figure,) = team_project.facts("figures", doc_id=doc.id)
    assert {k: figure[k] for k in fact} == fact
    assert figure["span_ids"] == [spans["figure"].id] and figure["doc_id"] == doc.id
    assert not team_project.facts("initiatives", doc_id=doc.id)
    team_project.apply(edit.inverse())  # undone like any edit: the span and its fact row go
    assert not team_project.spans(doc.id) and not team_project.facts("figures", doc_id=doc.id)


def test_review_waits_for_every_dispute(open_merged):
    team_project, merged = open_merged()
    with pytest.raises(ValueError, match="^the document still has open disputes$"):
        review_edit(team_project, merged.id)
    for dispute in disputes(team_project, merged.id):
        team_project.apply(reject_versions(dispute))
    edit = review_edit(team_project, merged.id)
    assert edit.label == "审核完成"
    team_project.apply(edit)
    assert team_project.document(merged.id).status == "reviewed"
    assert dispute_counts(team_project) == {} and documents_with_disputes(team_project) == []
