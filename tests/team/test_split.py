"""curator split: one ordinary project per annotator, with its share of the documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_fixtures import NAMES, package_path, shas, split_seeds, tag

from curator.services.team import TeamError
from curator.services.team.split import parse_annotators, split_project
from curator.store import Project


def test_packages_share_the_overlap_and_deal_out_the_rest(team_project, tmp_path: Path):
    report = split_seeds(team_project, tmp_path / "out", overlap=0.5)
    assert report.shared == 2
    sets = [shas(package_path(tmp_path / "out", name)) for name in NAMES]
    everyone = set.intersection(*sets)
    assert len(everyone) == 2
    rest = [s - everyone for s in sets]
    assert sorted(len(r) for r in rest) == [0, 1, 1]  # 2 left, dealt in turn
    assert set.union(*sets) == {team_project.document(d.id).sha256 for d in team_project.documents()}


def test_a_package_is_an_ordinary_project_that_knows_its_annotator_and_origin(team_project, tmp_path: Path):
    doc = team_project.document(1)
    span = tag(team_project, doc, 0, 4, "place")
    team_project.set_meta("suggest_labels", "figure")
    split_seeds(team_project, tmp_path / "out", overlap=1.0)
    with Project.open(package_path(tmp_path / "out", "李四")) as package:
        assert package.package_annotator() == "李四"
        assert package.meta("origin_project_id") == team_project.project_id()
        assert package.project_id() != team_project.project_id()
        assert package.meta("suggest_labels") == "figure"
        assert [lab.name for lab in package.labels()] == [lab.name for lab in team_project.labels()]
        copy = package.document(1)
        assert copy.sha256 == doc.sha256 and copy.text == doc.text and copy.status == "todo"
        assert [(s.start, s.end, s.label) for s in package.spans(1)] == [(span.start, span.end, span.label)]
        assert package.search("格尔木")  # the full-text index came along


def test_the_same_seed_makes_the_same_split(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "a", overlap=0.25, seed=3)
    split_seeds(team_project, tmp_path / "b", overlap=0.25, seed=3)
    for name in NAMES:
        assert shas(package_path(tmp_path / "a", name)) == shas(package_path(tmp_path / "b", name))


@pytest.mark.parametrize("names, message", [
    ("张三,李四,张三", "named twice"),
    ("张三，张三", "named twice"),
    (" , ", "no annotator"),
    ("张/三", "file name"),
])
def test_bad_annotator_names_are_refused(names, message):
    with pytest.raises(TeamError, match=message):
        parse_annotators(names)


def test_the_same_annotator_twice_is_refused_by_the_service(team_project, tmp_path: Path):
    with pytest.raises(TeamError, match="named twice"):
        split_project(team_project, tmp_path / "out", annotators=["张三", "张三"])
    assert not (tmp_path / "out").exists()


def test_an_existing_package_is_not_replaced_without_force(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "out")
    before = package_path(tmp_path / "out", "王五").read_bytes()
    with pytest.raises(TeamError, match="exists; use --force"):
        split_seeds(team_project, tmp_path / "out", seed=8)
    assert package_path(tmp_path / "out", "王五").read_bytes() == before
    split_project(team_project, tmp_path / "out", annotators=NAMES, overlap=1.0, force=True)
    assert len(shas(package_path(tmp_path / "out", "王五"))) == 4


@pytest.mark.parametrize("overlap", [-0.1, 1.5])
def test_an_overlap_outside_zero_to_one_is_refused(team_project, tmp_path: Path, overlap):
    with pytest.raises(TeamError, match="between 0 and 1"):
        split_seeds(team_project, tmp_path / "out", overlap=overlap)
