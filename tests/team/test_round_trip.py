"""The whole round trip: split, annotate, merge, agreement, adjudicate by keys in the window, export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from team_fixtures import NAMES, annotate_shared, figure_piece, package_path, shared_sha, split_seeds

from curator.services.exporting import export_workbook
from curator.services.team.adjudicate import dispute_counts
from curator.services.team.agreement import agreement
from curator.services.team.merge import merge_packages
from curator.ui.team_dialogs import open_adjudication


def test_split_annotate_merge_measure_adjudicate_export(team_project, team_window, qtbot, tmp_path: Path):
    outdir = tmp_path / "out"
    report = split_seeds(team_project, outdir, overlap=0.5)
    assert len(report.packages) == 3 and report.shared == 2
    sha = shared_sha(outdir)
    annotate_shared(outdir, sha)
    merge_packages(team_project, [package_path(outdir, n) for n in NAMES])
    assert agreement([team_project.path]).as_dict()["f1"] == round(12 / 16, 4)  # hand computed in test_agreement
    doc = next(team_project.document(d.id) for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    start, end = figure_piece(doc.text)

    window = team_window()
    assert "团队(&T)" in [a.text() for a in window.menuBar().actions()]
    view = open_adjudication(window)
    qtbot.waitExposed(view)
    assert window.current_doc == doc.id and view.doc.id == doc.id
    assert view.table.rowCount() == 3  # one row per annotator: 张三, 李四, 王五
    assert [view.table.item(r, 1).text() for r in range(3)] == ["张三", "李四", "王五"]
    assert view.current().kind == "span"
    qtbot.keyClick(view, Qt.Key_Tab)  # to the figure's value
    assert view.current().kind == "value"
    qtbot.keyClick(view, Qt.Key_3)  # 王五's value
    assert view.current().kind == "span" and len(view.open) == 1
    assert not view.review_button.isEnabled()
    qtbot.keyClick(view, Qt.Key_2)  # 李四's org, 10-15
    assert view.open == [] and dispute_counts(team_project) == {}
    assert view.review_button.isEnabled()

    spans = {(s.start, s.end, s.label): s for s in team_project.spans(doc.id)}
    assert (10, 15, "org") in spans and spans[(10, 15, "org")].annotator == "李四"
    qtbot.waitUntil(lambda: {(s.start, s.end, s.label) for s in window.article.spans()} >= {(10, 15, "org"),
                                                                                           (start, end, "figure")})
    (figure,) = team_project.facts("figures", doc_id=doc.id)
    assert figure["value"] == 999.0

    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # undo the org decision, like any edit
    assert len(view.open) == 1 and (10, 15, "org") not in {(s.start, s.end, s.label) for s in team_project.spans(doc.id)}
    qtbot.keyClick(view, Qt.Key_0)  # reject every version instead
    assert view.open == [] and (10, 15, "org") not in {(s.start, s.end, s.label) for s in team_project.spans(doc.id)}
    qtbot.mouseClick(view.review_button, Qt.LeftButton)
    assert team_project.document(doc.id).status == "reviewed"

    out = tmp_path / "team.xlsx"
    export_workbook(team_project, out)
    book = load_workbook(out, read_only=True)
    figures = [dict(zip(next(book["数据"].iter_rows(values_only=True)), row))
               for row in list(book["数据"].iter_rows(values_only=True))[1:]]
    assert [f["数值"] for f in figures if f["文章标题"] == doc.title] == [999]
    labelled = [dict(zip(next(book["标注"].iter_rows(values_only=True)), row))
                for row in list(book["标注"].iter_rows(values_only=True))[1:]]
    mine = {(r["标签"], r["起始位置"], r["结束位置"], r["标注人"]) for r in labelled if r["文章标题"] == doc.title}
    assert ("地点", 0, 4, "张三,李四,王五") in mine and not any(r[0] == "机构" for r in mine)
    view.close()
    window.close()
