"""The workbook after a team merge: each annotator's figure value beside the adjudicated one, the agreement on 汇总."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from team_fixtures import NAMES, annotate_shared, figure_piece, package_path, shared_sha, split_seeds

from curator.services.exporting import export_workbook
from curator.services.team.merge import merge_packages


def _rows(book, title):
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_each_annotators_value_and_the_agreement_are_in_the_workbook(team_project, tmp_path: Path):
    outdir = tmp_path / "out"
    split_seeds(team_project, outdir, overlap=0.5)
    sha = shared_sha(outdir)
    annotate_shared(outdir, sha)
    merge_packages(team_project, [package_path(outdir, n) for n in NAMES])
    doc = next(team_project.document(d.id) for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    start, end = figure_piece(doc.text)
    out = tmp_path / "team.xlsx"
    export_workbook(team_project, out)
    book = load_workbook(out, read_only=True)
    (figure,) = [row for row in _rows(book, "数据") if row["文章标题"] == doc.title]
    assert figure["王五：数值"].startswith("999")
    assert figure["张三：数值"] == figure["李四：数值"] != figure["王五：数值"]
    summary = [cell for row in book["汇总"].iter_rows(values_only=True) for cell in row if cell]
    note = next(cell for cell in summary if isinstance(cell, str) and cell.startswith("F1 "))
    assert "F1 0.75" in note and "张三、李四、王五" in note


def test_a_project_without_team_work_has_no_annotator_columns(team_project, tmp_path: Path):
    out = tmp_path / "plain.xlsx"
    export_workbook(team_project, out)
    book = load_workbook(out, read_only=True)
    header = next(book["数据"].iter_rows(values_only=True))
    assert not any(str(h).endswith("：数值") for h in header if h)
    assert "标注一致性" not in [row[0] for row in book["汇总"].iter_rows(values_only=True) if row]
