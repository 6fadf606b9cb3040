"""Agreement numbers against a hand computation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from team_fixtures import NAMES, annotate_shared, package_path, shared_sha, split_seeds

from curator.cli import main
from curator.services.team import TeamError
from curator.services.team.agreement import Annotation, DocAnnotations, agreement, measure
from curator.services.team.merge import merge_packages


def kappa(both: int, only_a: int, only_b: int, neither: int) -> float:
    n = both + only_a + only_b + neither
    observed = (both + neither) / n
    pa, pb = (both + only_a) / n, (both + only_b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (observed - chance) / (1 - chance)


def test_two_annotators_on_a_twenty_character_document():
    # a: place 0-4, org 10-14; b: place 0-4, org 10-15, person 16-18
    a = Annotation(frozenset({(0, 4, "place"), (10, 14, "org")}), {})
    b = Annotation(frozenset({(0, 4, "place"), (10, 15, "org"), (16, 18, "person")}), {})
    result = measure({1: DocAnnotations("t", 20, {"a": a, "b": b})}).as_dict()
    assert result["documents"] == 1
    assert result["f1"] == round(2 * 1 / (2 + 3), 4)  # one exact match of 2 + 3 spans
    assert result["overlap_f1"] == round((2 + 2) / 5, 4)  # org overlaps; person has no partner
    assert result["by_label"]["place"]["kappa"] == 1.0
    # org characters: both tag 10-14 (4), only b tags 14 (1), neither 15 others
    assert result["by_label"]["org"]["kappa"] == round(kappa(4, 0, 1, 15), 4)
    assert result["by_label"]["person"]["kappa"] == 0.0  # a never tags a person
    # pooled over labels: place (4, 0, 0, 16), org (4, 0, 1, 15), person (0, 0, 2, 18)
    assert result["kappa"] == round(kappa(8, 0, 3, 49), 4)


def test_three_annotators_through_packages_and_the_merged_project(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    sha = shared_sha(outdir)
    annotate_shared(outdir, sha)
    length = len(next(team_project.document(d.id).text for d in team_project.documents()
                      if team_project.document(d.id).sha256 == sha))
    paths = [package_path(outdir, n) for n in NAMES]
    from_packages = agreement(paths).as_dict()
    merge_packages(team_project, paths)
    from_project = agreement([team_project.path]).as_dict()
    assert from_packages["f1"] == from_project["f1"]
    result = from_project
    assert result["annotators"] == sorted(NAMES) and result["documents"] == 1
    # pairs 张三-李四: place, figure match, org 10-14 vs 10-15 -> 2 of 3 + 3; with 王五 (no org): 2 of 3 + 2
    assert result["f1"] == round(2 * (2 + 2 + 2) / (6 + 5 + 5), 4)
    assert result["overlap_f1"] == round((6 + 4 + 4) / 16, 4)
    assert result["by_label"]["org"]["f1"] == 0.0 and result["by_label"]["place"]["f1"] == 1.0
    # org characters pooled over pairs: 张三-李四 (4, 0, 1, L-5), 张三-王五 (0, 4, 0, L-4), 李四-王五 (0, 5, 0, L-5)
    assert result["by_label"]["org"]["kappa"] == round(kappa(4, 9, 1, 3 * length - 14), 4)
    assert result["figures"] == {"matched": 3, "equal": 1, "share": round(1 / 3, 4)}
    assert {tuple(p["annotators"]) for p in result["pairs"]} == {("张三", "李四"), ("张三", "王五"), ("李四", "王五")}
    assert result["disagreeing_documents"][0]["differences"] == 4


def test_the_agreement_command_prints_json(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    annotate_shared(outdir, shared_sha(outdir))
    paths = [str(package_path(outdir, n)) for n in NAMES]
    run = CliRunner().invoke(main, ["agreement", "--json", *paths])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert set(data) >= {"annotators", "documents", "f1", "kappa", "by_label", "pairs"}
    assert data["f1"] == 0.75
    lines = CliRunner().invoke(main, ["agreement", *paths])
    assert "F1 75.0%" in lines.output


def test_one_package_alone_cannot_be_measured(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "out")
    with pytest.raises(TeamError, match="single package"):
        agreement([package_path(tmp_path / "out", "张三")])


def test_each_annotators_figure_value_is_kept_for_the_workbook(team_project, tmp_path: Path):
    from curator.services.team.agreement import figure_versions

    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    annotate_shared(outdir, shared_sha(outdir))
    merge_packages(team_project, [package_path(outdir, n) for n in NAMES])
    ((key, versions),) = figure_versions(team_project).items()
    assert versions["王五"][0] == 999.0 and versions["张三"] == versions["李四"] != versions["王五"]
    (figure,) = team_project.facts("figures", doc_id=key[0])
    assert team_project.span(figure["span_ids"][0]).start == key[1]
