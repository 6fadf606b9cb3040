"""The workbook as officials print and share it: page setup, hand corrections, origins, annotators, totals."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from curator.core.edits import Edit, RowChange, accept_suggestion
from curator.services.exporting import export_workbook
from curator.store import Project

WIDE = ("举措", "数据", "标注", "文章")


@pytest.fixture
def book(tagged: Project, tmp_path: Path):
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    return openpyxl.load_workbook(path)


def rows_by_header(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]


def test_every_sheet_prints_on_a4_one_page_wide_with_its_header_and_a_footer(tagged: Project, book):
    assert book.sheetnames == ["汇总", *WIDE]
    for ws in book.worksheets:
        setup = ws.page_setup
        assert int(setup.paperSize) == 9, ws.title
        assert setup.orientation == ("landscape" if ws.title in WIDE else "portrait"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
        footer = ws.oddFooter
        assert footer.left.text == tagged.path.stem and footer.center.text == "&A", ws.title
        assert "&P" in footer.right.text and "&N" in footer.right.text, ws.title
    for title in WIDE:
        ws = book[title]
        assert ws.print_title_rows == "$1:$1", title
        visible = sum(d.width for d in ws.column_dimensions.values() if not d.hidden)
        # A landscape A4 page holds about 140 width units at full size; more would print in a small font.
        assert visible <= 150, (title, visible)


def test_rows_corrected_by_hand_are_marked_and_the_mark_explained(tagged: Project, book):
    for title, table in (("举措", "initiatives"), ("数据", "figures")):
        edited = {row["id"] for row in tagged.facts(table) if row["edited"]}
        assert edited
        marks = {row["行号(勿改)"]: row["人工修改"] for row in rows_by_header(book[title])}
        assert {row_id for row_id, mark in marks.items() if mark == "是"} == edited, title
        assert all(mark is None for row_id, mark in marks.items() if row_id not in edited)
    notes = [r for r in book["汇总"].iter_rows(values_only=True) if r[0] == "说明"]
    assert notes and "人工修改" in notes[0][1] and "建议，已确认" in notes[0][1]


def test_an_accepted_suggestion_shows_its_origin_not_manual(tagged: Project, tmp_path: Path):
    suggestion = next(s for s in tagged.spans(4) if s.origin == "suggested")
    doc = tagged.document(4)
    tagged.apply(accept_suggestion(doc, suggestion, fact_id=tagged.next_id("figures") if suggestion.label == "figure"
                                   else None, doc_spans=tagged.spans(4), annotator="李四"))
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    spans = rows_by_header(openpyxl.load_workbook(path)["标注"])
    accepted = [r for r in spans if r["文章编号"] == 4 and r["起始位置"] == suggestion.start and r["结束位置"] == suggestion.end]
    assert [(r["来源"], r["标注人"]) for r in accepted] == [("建议，已确认", "李四")]
    span = tagged.spans(1)[0]
    tagged.apply(Edit("手工", (RowChange("spans", span.row(), {**span.row(), "attrs": {}}),)))  # tagged by hand
    export_workbook(tagged, path, overwrite=True)
    spans = rows_by_header(openpyxl.load_workbook(path)["标注"])
    assert [r["来源"] for r in spans if r["文章编号"] == 1 and r["起始位置"] == span.start] == ["人工"]


def test_the_annotator_is_on_both_fact_sheets(book):
    for title in ("举措", "数据"):
        rows = rows_by_header(book[title])
        assert rows and all(row["标注人"] == "张三" for row in rows if row["证据原句"]), title


def test_summary_columns_add_up_when_a_document_has_facts_in_two_places(tagged: Project, tmp_path: Path):
    figure = tagged.facts("figures", doc_id=1)[2]
    tagged.apply(Edit("地点", (RowChange("figures", figure, {**figure, "place": "即墨区"}),)))
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    rows = list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))
    first = rows.index(next(r for r in rows if r[0] == "地点")) + 1
    total = next(r for r in rows if r[0] == "合计")
    places = {r[0]: r[1:4] for r in rows[first:rows.index(total)]}
    assert places["即墨区"][0] == 0 and places["即墨区"][2] == 1  # the figure counts there, its document does not
    for index in range(3):
        assert sum(counts[index] for counts in places.values()) == total[1 + index]
    assert total[1] == tagged.document_count()
