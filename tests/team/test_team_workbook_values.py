"""How each annotator's figure value is written beside the adjudicated one, where those columns go, and the
agreement note on 汇总 (only when two or more annotators did a document)."""

from __future__ import annotations

from pathlib import Path

from team_fixtures import NAMES, annotate_shared, figure_piece, finish, package_path, shared_sha, split_seeds, tag

from curator.export.sheets import Column, SheetSpec
from curator.services.team.merge import merge_packages
from curator.services.team.workbook import annotator_key, figures_spec, team_view, with_versions
from curator.store import Project

BASE = SheetSpec("数据", (Column("title", "文章标题", 20), Column("value", "数值", 10, "number"),
                        Column("id", "id", 4, "hidden"), Column("check", "check", 4, "hidden")), table="figures")


def test_one_column_per_annotator_before_the_hidden_ones():
    spec = figures_spec(BASE, ["张三", "李四"])
    assert spec.headers == ["文章标题", "数值", "张三：数值", "李四：数值", "id", "check"]
    column = next(c for c in spec.columns if c.key == "annotator_value:张三")
    assert column == Column("annotator_value:张三", "张三：数值", 14, "wrap")
    assert (spec.title, spec.table) == ("数据", "figures")
    assert figures_spec(BASE, []) is BASE
    assert annotator_key("王五") == "annotator_value:王五"


def test_each_annotators_value_as_written():
    versions = {(1, 5, 9): {"张三": (30000.0, "人", ""), "李四": (1234.5, "万元", "约"), "王五": (None, "", "")},
                (1, 20, 22): {"张三": ("三百", "场", "")}}
    rows = [{"doc_id": 1, "evidence_spans": [[5, 9, "三万人"]]}, {"doc_id": 1, "evidence_spans": [[20, 22, "三百"]]},
            {"doc_id": 2, "evidence_spans": [[5, 9, "x"]]}, {"doc_id": 1, "evidence_spans": []}, {"doc_id": 1}]
    out = list(with_versions(rows, versions, ["张三", "李四", "王五"]))
    assert [[row[annotator_key(n)] for n in ("张三", "李四", "王五")] for row in out] == [
        ["30,000人", "约1,234.5万元", "（空）"],  # an integer shown without .0, thousands separated
        ["三百场", "（未标注）", "（未标注）"],  # a value that is text stays text
        ["（未标注）"] * 3,  # another document's span
        ["（未标注）"] * 3,  # no evidence span
        ["（未标注）"] * 3]
    assert out[0]["doc_id"] == 1 and out[0]["evidence_spans"] == [[5, 9, "三万人"]]  # the row's own keys stay


def test_the_first_evidence_span_decides():
    versions = {(1, 0, 2): {"张三": (1.0, "", "")}, (1, 5, 9): {"张三": (2.0, "", "")}}
    (row,) = with_versions([{"doc_id": 1, "evidence_spans": [[5, 9, "x"], [0, 2, "y"]]}], versions, ["张三"])
    assert row[annotator_key("张三")] == "2"


def test_a_unit_or_qualifier_alone_and_nothing_at_all():
    versions = {(1, 0, 2): {"a": (None, "人", None), "b": (None, None, "约"), "c": ("", "", ""), "d": (0, "", "")}}
    (row,) = with_versions([{"doc_id": 1, "evidence_spans": [[0, 2, "x"]]}], versions, list("abcd"))
    assert [row[annotator_key(n)] for n in "abcd"] == ["人", "约", "（空）", "0"]


def test_a_project_without_team_work(team_project):
    assert team_view(team_project) == ([], {}, [])


def test_the_agreement_note_after_a_merge(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    annotate_shared(outdir, shared_sha(outdir))
    merge_packages(team_project, [package_path(outdir, n) for n in NAMES])
    annotators, versions, notes = team_view(team_project)
    assert annotators == sorted(NAMES) and len(versions) == 1
    # F1 0.75 (see test_agreement); κ over the pooled characters
    assert notes == [("标注一致性", notes[0][1])]
    assert notes[0][1].startswith("F1 0.75，κ ") and notes[0][1].endswith("（1 篇由多人标注：张三、李四、王五）")


def test_two_annotators_on_separate_documents_give_versions_but_no_note(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir, names=["张三", "李四"], overlap=0.0)
    for name, label in (("张三", "figure"), ("李四", "place")):
        with Project.open(package_path(outdir, name)) as package:
            doc = package.document(package.documents()[0].id)
            tag(package, doc, *(figure_piece(doc.text) if label == "figure" else (0, 2)), label)
            finish(package, doc)
    merge_packages(team_project, [package_path(outdir, n) for n in ("张三", "李四")])
    annotators, versions, notes = team_view(team_project)
    assert annotators == ["张三"] and len(versions) == 1  # only 张三 gave a figure a value
    assert notes == []  # nobody's document was done by two: nothing to agree on


def test_two_annotators_on_one_document_give_the_note(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir, names=["张三", "李四"], overlap=1.0)
    for name in ("张三", "李四"):
        with Project.open(package_path(outdir, name)) as package:
            doc = package.document(package.documents()[0].id)
            tag(package, doc, 0, 2, "place")
            finish(package, doc)
    merge_packages(team_project, [package_path(outdir, n) for n in ("张三", "李四")])
    assert team_view(team_project)[2] == [("标注一致性", "F1 1.00，κ 1.00（1 篇由多人标注：张三、李四）")]
