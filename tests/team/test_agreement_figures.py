"""Agreement figures on small cases worked out by hand: F1 exact and overlap, κ per label, figure values,
the ranking of disagreeing documents, and the edges (nothing to compare, one annotator, every character tagged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from team_fixtures import NAMES, ROOT, annotate_shared, package_path, shared_sha, split_seeds

from curator.core.importing import read_path
from curator.services.team import TeamError
from curator.services.team.agreement import Annotation, DocAnnotations, agreement, annotation, measure
from curator.services.team.merge import merge_packages
from curator.store import Project
from curator.store.team import DocWork


def spans(label: str, *pieces: tuple[int, int]) -> set[tuple[int, int, str]]:
    return {(start, end, label) for start, end in pieces}


def ann(keys=frozenset(), figures=None) -> Annotation:
    return Annotation(frozenset(keys), figures or {})


def one_doc(a: Annotation, b: Annotation, length: int) -> dict:
    return measure({1: DocAnnotations("文章", length, {"a": a, "b": b})}).as_dict()


def test_overlapping_spans_of_one_annotator_count_their_characters_once():
    # a: org 0-5, 3-8 and 4-6 inside them (characters 0-8); b: org 2-9
    result = one_doc(ann(spans("org", (0, 5), (3, 8), (4, 6))), ann(spans("org", (2, 9))), 10)
    org = result["by_label"]["org"]
    assert org["f1"] == 0.0 and org["spans"] == 4 and org["matched"] == 0
    assert org["overlap_f1"] == 1.0  # every span of each overlaps one of the other: (3 + 1) / 4
    # characters: both 2-8 (6), only a 0-2 (2), only b 8-9 (1), neither 9-10 (1)
    # p_o = 7/10, p_a = 8/10, p_b = 7/10, p_e = .56 + .06 = .62, κ = .08 / .38
    assert org["kappa"] == round(0.08 / 0.38, 4) == 0.2105


def test_spans_that_only_touch_do_not_overlap_and_kappa_can_go_below_zero():
    # a: place 0-2, 4-6, 8-10; b: place 1-5, 6-8 (touches a's 4-6 and 8-10 only), 9-12
    result = one_doc(ann(spans("place", (0, 2), (4, 6), (8, 10))), ann(spans("place", (1, 5), (6, 8), (9, 12))), 12)
    place = result["by_label"]["place"]
    assert place["f1"] == 0.0
    assert place["overlap_f1"] == round((3 + 2) / 6, 4) == 0.8333
    # characters: both 1, 4, 9 (3), only a 3, only b 6, neither 0; p_o = .25, p_a = .5, p_b = .75, p_e = .5
    assert place["kappa"] == -0.5
    assert result["f1"] == 0.0 and result["kappa"] == -0.5


def test_one_long_span_against_several_short_ones():
    # a: org 0-10; b: org 1-2, 3-4, 5-6 inside it; twelve characters
    result = one_doc(ann(spans("org", (0, 10))), ann(spans("org", (1, 2), (3, 4), (5, 6))), 12)
    org = result["by_label"]["org"]
    assert (org["f1"], org["overlap_f1"]) == (0.0, 1.0)
    # characters: both 3, only a 7, only b 0, neither 2; p_o 5/12, p_a 10/12, p_b 3/12, p_e 1/3
    assert org["kappa"] == 0.125
    flipped = one_doc(ann(spans("org", (1, 2), (3, 4), (5, 6))), ann(spans("org", (0, 10))), 12)
    assert flipped["by_label"]["org"]["kappa"] == 0.125


def test_spans_touching_on_either_side_do_not_overlap():
    # a: org 0-2 and 12-14; b: org 2-4 and 10-12: each of a's spans touches one of b's, none overlaps
    result = one_doc(ann(spans("org", (0, 2), (12, 14))), ann(spans("org", (2, 4), (10, 12))), 14)
    org = result["by_label"]["org"]
    assert (org["f1"], org["overlap_f1"]) == (0.0, 0.0)
    # characters: both 0, only a 4, only b 4, neither 6; p_o 6/14, p_e 116/196
    assert org["kappa"] == -0.4


def test_exact_and_overlap_f1_pool_the_labels():
    a = ann(spans("org", (0, 3)) | spans("place", (5, 7), (7, 9)))
    b = ann(spans("org", (0, 3)) | spans("place", (5, 8)) | spans("person", (10, 12)))
    result = one_doc(a, b, 12)
    # exact: org matches; 1 of 3 + 3 spans -> 2 / 6; overlap: org 2, place 2 of a and 1 of b -> 5 / 6
    assert result["f1"] == round(2 / 6, 4) and result["overlap_f1"] == round(5 / 6, 4)
    # characters pooled: org (3, 0, 0, 9), place (3, 1, 0, 8), person (0, 0, 2, 10) -> p_o 33/36, p_e 868/1296
    assert result["kappa"] == round(320 / 428, 4)
    assert result["by_label"]["org"] == {"f1": 1.0, "overlap_f1": 1.0, "kappa": 1.0, "spans": 2, "matched": 1}
    assert result["by_label"]["person"] == {"f1": 0.0, "overlap_f1": 0.0, "kappa": 0.0, "spans": 1, "matched": 0}
    place = result["by_label"]["place"]
    assert (place["f1"], place["overlap_f1"], place["spans"]) == (0.0, 1.0, 3)
    # place characters: a 5-9 (4), b 5-8 (3): p_o 11/12, p_e 1/12 + 6/12, κ (4/12) / (5/12)
    assert place["kappa"] == 0.8
    assert result["pairs"] == [{"annotators": ["a", "b"], "documents": 1, "f1": round(2 / 6, 4),
                                "overlap_f1": round(5 / 6, 4), "kappa": result["kappa"], "spans": 6, "matched": 1}]


def test_kappa_is_left_out_when_both_tag_every_character():
    whole = ann(spans("org", (0, 4)))
    result = one_doc(whole, ann(spans("org", (0, 4))), 4)
    assert result["f1"] == 1.0 and result["kappa"] is None  # chance agreement is 1: κ is not defined
    assert result["disagreeing_documents"] == []
    lines = measure({1: DocAnnotations("文章", 4, {"a": whole, "b": whole})}).lines()
    assert lines[1] == "overall: F1 100.0% (overlap 100.0%), κ –"


def test_nothing_to_compare():
    empty = measure({})
    assert empty.as_dict() == {"annotators": [], "documents": 0, "f1": None, "overlap_f1": None, "kappa": None,
                               "by_label": {}, "pairs": [], "figures": {"matched": 0, "equal": 0, "share": None},
                               "disagreeing_documents": []}
    assert empty.lines() == ["annotators: ; documents done by two or more: 0", "overall: F1 – (overlap –), κ –"]


def test_a_document_one_annotator_did_is_not_compared():
    alone = DocAnnotations("只有一人", 10, {"c": ann(spans("org", (0, 2)))})
    pair = DocAnnotations("两人", 10, {"a": ann(spans("org", (0, 2))), "b": ann(spans("org", (0, 2)))})
    result = measure({1: alone, 2: pair}).as_dict()
    assert result["annotators"] == ["a", "b", "c"]  # everyone who did anything
    assert result["documents"] == 1 and [p["annotators"] for p in result["pairs"]] == [["a", "b"]]
    assert result["f1"] == 1.0 and result["by_label"]["org"]["spans"] == 2
    assert measure({1: alone}).as_dict()["documents"] == 0


def test_a_document_without_any_span_agrees_trivially():
    result = one_doc(ann(), ann(), 10)
    assert result["documents"] == 1 and result["f1"] is None and result["by_label"] == {}
    assert result["disagreeing_documents"] == []


def test_three_annotators_count_each_pair_and_its_documents():
    same = spans("org", (0, 2))
    docs = {1: DocAnnotations("一", 10, {"a": ann(same), "b": ann(same), "c": ann(spans("org", (5, 6)))}),
            2: DocAnnotations("二", 10, {"a": ann(same), "b": ann(same)})}
    result = measure(docs)
    data = result.as_dict()
    assert [(p["annotators"], p["documents"], p["f1"]) for p in data["pairs"]] == [
        (["a", "b"], 2, 1.0), (["a", "c"], 1, 0.0), (["b", "c"], 1, 0.0)]
    assert data["documents"] == 2
    # doc 一 over its three pairs: 6 spans, 1 matched pair -> F1 2/6, differences 4
    assert data["disagreeing_documents"] == [{"doc": 1, "title": "一", "f1": round(2 / 6, 4), "differences": 4}]
    assert result.lines()[:3] == ["annotators: a, b, c; documents done by two or more: 2",
                                  "overall: F1 50.0% (overlap 50.0%), κ 0.483",
                                  "  org          F1 50.0% (overlap 50.0%), κ 0.483"]
    assert result.lines()[3:] == ["  a – b: F1 100.0%, κ 1.000 over 2 document(s)",
                                  "  a – c: F1 0.0%, κ -0.154 over 1 document(s)",
                                  "  b – c: F1 0.0%, κ -0.154 over 1 document(s)",
                                  "  disagree: 一 (F1 33.3%, 4 difference(s))"]


def test_figure_values_agree_when_value_unit_and_qualifier_are_equal():
    a = ann(spans("figure", (0, 2), (3, 5)), {(0, 2): (5.0, "个", ""), (3, 5): (1.0, "", "")})
    b = ann(spans("figure", (0, 2), (3, 5), (6, 8)),
            {(0, 2): (5.0, "个", ""), (3, 5): (1.0, "", "约"), (6, 8): (2.0, "", "")})
    result = measure({1: DocAnnotations("文章", 10, {"a": a, "b": b})})
    assert result.as_dict()["figures"] == {"matched": 2, "equal": 1, "share": 0.5}
    assert "figures: 1 of 2 matched figures have equal value, unit and qualifier" in result.lines()


def test_the_most_disagreeing_documents_come_first_and_only_ten():
    docs = {}
    for n in range(1, 12):  # a tags n + 1 spans, b n of them: F1 2n / (2n + 1) rises with n, one difference each
        a = spans("org", *[(2 * i, 2 * i + 1) for i in range(n + 1)])
        docs[f"n{n}"] = DocAnnotations(f"第{n}篇", 30, {"a": ann(a), "b": ann(set(sorted(a)[:n]))})
    docs["x"] = DocAnnotations("两处不同", 30, {"a": ann(spans("org", (0, 2))), "b": ann(spans("org", (3, 5)))})
    docs["y"] = DocAnnotations("四处不同", 30, {"a": ann(spans("org", (0, 2), (4, 6))),
                                              "b": ann(spans("org", (8, 9), (10, 11)))})
    # more differences (3) but a better F1 (20/23, between 第3篇 and 第4篇): F1 comes first
    a = spans("org", *[(2 * i, 2 * i + 1) for i in range(13)])
    docs["z"] = DocAnnotations("三处不同", 30, {"a": ann(a), "b": ann(set(sorted(a)[:10]))})
    docs["same"] = DocAnnotations("一致", 30, {"a": ann(spans("org", (0, 2))), "b": ann(spans("org", (0, 2)))})
    worst = measure(docs).as_dict()["disagreeing_documents"]
    assert [d["title"] for d in worst] == (["四处不同", "两处不同"] + [f"第{n}篇" for n in range(1, 4)] + ["三处不同"]
                                           + [f"第{n}篇" for n in range(4, 8)])
    assert worst[0] == {"doc": "y", "title": "四处不同", "f1": 0.0, "differences": 4}
    assert worst[2] == {"doc": "n1", "title": "第1篇", "f1": round(2 / 3, 4), "differences": 1}
    assert "  disagree: 四处不同 (F1 0.0%, 4 difference(s))" in measure(docs).lines()


def test_an_annotation_is_read_from_the_annotators_work():
    rows = [[1, 0, 2, "figure"], [2, 3, 5, "org"], [3, 6, 8, "figure"], [4, 9, 10, "figure"]]
    span_json = json.dumps([row + ["x", "{}", "manual", "a", "", ""] for row in rows])
    facts = [["initiatives", {"span_ids": [3]}],
             ["figures", {"span_ids": [1], "value": 5, "unit": None, "qualifier": None}],
             ["figures", {"span_ids": [2, 3], "value": 7, "unit": "个", "qualifier": "约"}],
             ["figures", {"span_ids": [3], "value": 8, "unit": "", "qualifier": ""}],  # the first row of a span wins
             ["figures", {"span_ids": None, "value": 9}],
             ["figures", {"span_ids": [99], "value": 9}]]
    work = DocWork("done", span_json, json.dumps(facts))
    read = annotation(work)
    assert read.spans == {(0, 2, "figure"), (3, 5, "org"), (6, 8, "figure"), (9, 10, "figure")}
    assert read.figures == {(0, 2): (5, "", ""), (6, 8): (7, "个", "约")}
    assert read.by_label == {"figure": [(0, 2, "figure"), (6, 8, "figure"), (9, 10, "figure")], "org": [(3, 5, "org")]}


def test_agreement_needs_something_to_measure(tmp_path: Path):
    with pytest.raises(TeamError, match="^name a project, or two or more packages$"):
        agreement([])
    missing = tmp_path / "nothing.curator"
    with pytest.raises(TeamError, match="no such project file"):
        agreement([missing])
    assert not missing.exists()


def test_one_package_alone_is_refused_with_what_to_name_instead(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "out")
    path = package_path(tmp_path / "out", "张三")
    with pytest.raises(TeamError) as caught:
        agreement([path])
    assert str(caught.value) == (f"{path}: a single package has one annotator; name two or more packages, "
                                 "or the project they were merged into")


def test_packages_of_two_projects_are_refused(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "one")
    with Project.open(tmp_path / "other.curator") as other:
        other.import_batches(read_path(ROOT / "seeds"))
        split_seeds(other, tmp_path / "two")
    with pytest.raises(TeamError) as caught:
        agreement([package_path(tmp_path / "one", "张三"), package_path(tmp_path / "two", "李四", stem="other")])
    assert str(caught.value) == "the packages come from different projects; agreement compares packages of one project"


def test_the_same_annotator_in_two_packages_is_refused(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "one")
    split_seeds(team_project, tmp_path / "two")
    second = package_path(tmp_path / "two", "张三")
    with pytest.raises(TeamError) as caught:
        agreement([package_path(tmp_path / "one", "张三"), second])
    assert str(caught.value) == f"{second}: annotator 张三 is in two of the packages"


def test_untouched_packages_have_nothing_in_common(team_project, tmp_path: Path):
    split_seeds(team_project, tmp_path / "out")
    result = agreement([package_path(tmp_path / "out", n) for n in ("张三", "李四")]).as_dict()
    assert result["documents"] == 0 and result["annotators"] == []


def test_the_merged_project_measures_as_its_packages_do(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    sha = shared_sha(outdir)
    annotate_shared(outdir, sha)
    paths = [package_path(outdir, n) for n in NAMES]
    from_packages = agreement(paths).as_dict()
    merge_packages(team_project, paths)
    from_project = agreement([team_project.path]).as_dict()
    doc = next(team_project.document(d.id) for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    (by_sha,), (by_id,) = from_packages.pop("disagreeing_documents"), from_project.pop("disagreeing_documents")
    assert (by_sha.pop("doc"), by_id.pop("doc")) == (sha, doc.id)
    assert by_sha == by_id and by_id["title"] == doc.title
    assert from_packages == from_project  # κ counts the document's characters: its length came along
