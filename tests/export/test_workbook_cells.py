"""The workbook officials open, cell by cell: written by curator/export/xlsx.py from plain rows, read back with openpyxl.

These call the writer with small hand-made rows (no project), so each format, width, height, print
setting and summary line is checked alone; test_export_workbook.py checks a whole project's export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from curator.export.files import ExportError
from curator.export.sheets import FIGURES, INITIATIVES, Column, SheetSpec
from curator.export.values import TRUNCATED
from curator.export.xlsx import PlaceCount, SerialisationError, SheetRows, SummaryData, write_workbook

SPEC = SheetSpec("表", (
    Column("name", "名称", 10, "wrap"),
    Column("value", "数值", 8, "number"),
    Column("unit", "单位", 6),
    Column("day", "日期", 14, "date"),
    Column("secret", "隐藏", 5, "hidden"),
))


def write(tmp_path: Path, rows, *, spec: SheetSpec = SPEC, summary: SummaryData = SummaryData(), name: str = "成果.xlsx"):
    path = tmp_path / name
    report = write_workbook(path, summary, [SheetRows(spec, rows)])
    return report, openpyxl.load_workbook(path)


def cell_rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


# -- the data sheets ---------------------------------------------------------------------------------

def test_widths_hidden_columns_frozen_header_and_filter(tmp_path: Path):
    report, book = write(tmp_path, [{"name": "甲"}, {"name": "乙"}, {"name": "丙"}])
    ws = book["表"]
    assert report.rows == {"表": 3}
    assert [(k, d.width, bool(d.hidden)) for k, d in sorted(ws.column_dimensions.items())] == [
        ("A", 10, False), ("B", 8, False), ("C", 6, False), ("D", 14, False), ("E", 5, True)]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E4"
    assert ws.print_title_rows == "$1:$1"
    assert book.sheetnames == ["汇总", "表"]


def test_an_empty_sheet_has_its_header_and_a_filter_over_it(tmp_path: Path):
    report, book = write(tmp_path, [])
    assert report.rows == {"表": 0}
    ws = book["表"]
    assert cell_rows(ws) == [["名称", "数值", "单位", "日期", "隐藏"]]
    assert ws.auto_filter.ref == "A1:E1"


def test_the_header_looks_as_officials_expect(tmp_path: Path):
    _, book = write(tmp_path, [{"name": "甲"}])
    for cell in book["表"][1]:
        assert (cell.font.name, cell.font.b, cell.font.color.rgb) == ("等线", True, "00FFFFFF")
        assert (cell.fill.fill_type, cell.fill.fgColor.rgb) == ("solid", "001F4E78")
        assert (cell.border.bottom.style, cell.border.bottom.color.rgb) == ("thin", "00BFBFBF")
        assert (cell.alignment.horizontal, cell.alignment.vertical, cell.alignment.wrap_text) == ("center", "center", True)
        assert cell.data_type == "s"


def test_a_header_wider_than_its_column_gets_a_taller_first_row(tmp_path: Path):
    # 隐藏 is four units in a column of five (three for text): two lines of 15 points, plus 2
    _, book = write(tmp_path, [{"name": "甲"}])
    assert (book["表"].row_dimensions[1].ht, book["表"].row_dimensions[1].customHeight) == (32, True)
    narrow = SheetSpec("窄", (Column("a", "名称", 6), Column("b", "数值", 10)))
    _, book = write(tmp_path, [{"a": "x"}], spec=narrow, name="b.xlsx")
    assert book["窄"].row_dimensions[1].ht is None  # four units in a column of six fit on one line


def test_body_cells_align_top_and_wrap_only_in_wrap_columns(tmp_path: Path):
    _, book = write(tmp_path, [{"name": "文明", "value": 3, "unit": "个", "day": "2021-08-03", "secret": "k"}])
    row = book["表"][2]
    assert [(c.alignment.vertical, bool(c.alignment.wrap_text)) for c in row] == [
        ("top", True), ("top", False), ("top", False), ("top", False), ("top", False)]
    assert all((c.font.name, bool(c.font.b)) == ("等线", False) for c in row)
    assert not any(c.quotePrefix for c in row)


def test_numbers_get_the_format_of_their_unit(tmp_path: Path):
    rows = [{"value": v, "unit": u} for v, u in [(30000, "人"), (2.5, "万元"), (97, "%"), (97.5, "％"), (30000.0, ""),
                                                 (-4, None)]]
    _, book = write(tmp_path, rows)
    got = [(r[1].value, r[1].data_type, r[1].number_format) for r in book["表"].iter_rows(min_row=2)]
    assert got == [(30000, "n", "#,##0"), (2.5, "n", "#,##0.0#"), (97, "n", '0"%"'), (97.5, "n", '0.0#"%"'),
                   (30000, "n", "#,##0"), (-4, "n", "#,##0")]
    assert type(got[4][0]) is int


def test_a_number_that_is_not_finite_or_not_a_number_is_shown_as_text(tmp_path: Path):
    rows = [{"value": float("nan")}, {"value": float("inf")}, {"value": "约3000"}, {"value": True}, {"value": "=1+2"},
            {"value": ""}, {"value": None}]
    _, book = write(tmp_path, rows)
    ws = book["表"]
    got = [(c.value, c.data_type, c.number_format, c.quotePrefix) for c in (ws.cell(r, 2) for r in range(2, 9))]
    assert got[2:] == [("约3000", "s", "General", False), (1, "n", "General", False), ("=1+2", "s", "General", True),
                       (None, "n", "General", False), (None, "n", "General", False)]
    assert got[0][0] in (None, "nan") and got[0][2] == "General"  # NaN as a float: never a formatted number
    assert (ws["B5"].font.name, ws["B5"].alignment.vertical) == ("等线", "top")  # a yes/no written as 1 looks like the rest
    assert got[1][2] == "General"


def test_dates_become_dates_in_chinese_format_and_others_stay_text(tmp_path: Path):
    rows = [{"day": "2021-08-03"}, {"day": "2021年9月1日"}, {"day": dt.date(2021, 7, 1)}, {"day": "2021年9月"},
            {"day": "=TODAY()"}, {"day": 2021}, {"day": ""}]
    _, book = write(tmp_path, rows)
    ws = book["表"]
    got = [(c.value, c.number_format, c.quotePrefix) for c in (ws.cell(r, 4) for r in range(2, 9))]
    fmt = 'yyyy"年"m"月"d"日"'
    assert got == [(dt.datetime(2021, 8, 3), fmt, False), (dt.datetime(2021, 9, 1), fmt, False),
                   (dt.datetime(2021, 7, 1), fmt, False), ("2021年9月", "General", False),
                   ("=TODAY()", "General", True), (2021, "General", False), (None, "General", False)]


@pytest.mark.parametrize("text", ["=1+2", "+SUM(1,2)", "-2+3", "@SUM(1)", "\t=1", "\r=1"])
def test_formula_like_text_is_text_with_a_quote_prefix_in_every_kind_of_column(tmp_path: Path, text: str):
    _, book = write(tmp_path, [{"name": text, "unit": text, "secret": text}])
    row = book["表"][2]
    for index in (0, 2, 4):
        assert (row[index].value, row[index].data_type, row[index].quotePrefix) == (text, "s", True)
    assert row[0].alignment.wrap_text and not row[2].alignment.wrap_text


def test_text_is_cleaned_of_characters_xml_cannot_carry_and_cut_with_a_mark(tmp_path: Path):
    _, book = write(tmp_path, [{"name": "甲\x00乙\x0b丙\x1f丁\n戊"}, {"unit": "x" * 40_000}])
    ws = book["表"]
    assert ws["A2"].value == "甲乙丙丁\n戊"
    assert len(ws["C3"].value) == 32_767 and ws["C3"].value.endswith(TRUNCATED)


def test_rows_with_wrapped_text_get_the_height_of_their_lines(tmp_path: Path):
    rows = [
        {"name": "短"},  # one line: no height
        {"name": "长" * 40},  # 80 units over 8 per line: 10 lines
        {"name": "a" * 17},  # 17 ASCII units over 8: 3 lines
        {"name": "一\n二\n三"},  # three lines by their breaks (2 units each fit on one line)
        {"name": "长" * 400},  # 100 lines: Excel's highest row
        {"name": "甲", "unit": "长" * 40},  # a long text in a column that does not wrap: one line
        {"name": "a" * 8},  # exactly one line
        {"name": "a" * 9},
    ]
    _, book = write(tmp_path, rows)
    heights = {r: book["表"].row_dimensions[r].ht for r in range(2, 10)}
    assert heights == {2: None, 3: 154, 4: 49, 5: 49, 6: 409, 7: None, 8: None, 9: 34}
    import zipfile

    with zipfile.ZipFile(tmp_path / "成果.xlsx") as archive:  # Excel keeps a row's height only when marked custom
        xml = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
    for r, height in ((3, 154), (4, 49), (6, 409), (9, 34)):
        row = xml[xml.index(f'<row r="{r}"'):].split(">", 1)[0]
        assert 'customHeight="1"' in row and f'ht="{height}"' in row, row


def test_a_very_narrow_wrapped_column_still_counts_one_unit_a_line(tmp_path: Path):
    spec = SheetSpec("窄", (Column("a", "甲", 2, "wrap"),))
    _, book = write(tmp_path, [{"a": "abc"}], spec=spec)
    assert book["窄"].row_dimensions[2].ht == 49


def test_every_data_sheet_prints_landscape_on_a4_one_page_wide_with_a_footer(tmp_path: Path):
    _, book = write(tmp_path, [{"name": "甲"}], summary=SummaryData(project="格尔木&德令哈"))
    for title, orientation in (("表", "landscape"), ("汇总", "portrait")):
        ws = book[title]
        setup = ws.page_setup
        assert (int(setup.paperSize), setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, orientation, 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        margins = ws.page_margins
        assert (margins.left, margins.right, margins.top, margins.bottom, margins.footer) == (0.4, 0.4, 0.6, 0.7, 0.3)
        assert ws.print_options.horizontalCentered is True
        footer = ws.oddFooter
        assert (footer.left.text, footer.center.text, footer.right.text) == ("格尔木&&德令哈", "&A", "第 &P 页，共 &N 页")
        assert (footer.left.size, footer.center.size, footer.right.size) == (9, 9, 9)


def test_a_long_project_name_is_cut_in_the_footer(tmp_path: Path):
    _, book = write(tmp_path, [], summary=SummaryData(project="项" * 150))
    assert book["表"].oddFooter.left.text == "项" * 100


def test_fact_sheets_keep_their_key_and_hidden_check_columns(tmp_path: Path):
    row = {"key": "1-2", "name": "志愿服务", "doc_title": "文章", "evidence": "一句话", "id": 2, "check": "abc.def",
           "published": "2021-08-03", "status": "已审核", "edited_mark": "是", "annotator": "张三"}
    _, book = write(tmp_path, [row], spec=INITIATIVES)
    ws = book["举措"]
    header = [c.value for c in ws[1]]
    assert header == [column.header for column in INITIATIVES.columns]
    values = dict(zip(header, [c.value for c in ws[2]]))
    assert (values["编号"], values["行号(勿改)"], values["校验(勿改)"], values["人工修改"]) == ("1-2", 2, "abc.def", "是")
    hidden = {ws.cell(1, i + 1).value for i, c in enumerate(INITIATIVES.columns)
              if ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].hidden}
    assert hidden == {"行号(勿改)", "校验(勿改)"}
    _, book = write(tmp_path, [{"value": 98, "unit": "%"}], spec=FIGURES, name="b.xlsx")
    assert book["数据"]["C2"].number_format == '0"%"'


# -- 汇总 ---------------------------------------------------------------------------------------------

SUMMARY = SummaryData(
    places=[PlaceCount("格尔木市", 2, 3, 4), PlaceCount("", 1, 0, 1), PlaceCount("德令哈市", 5, 6, 7)],
    labels=[("地点", 5), ("举措", 2)],
    statuses=[("未开始", 0), ("已审核", 2)],
    notes=[("项目", "演示"), ("范围", "=全部")],
    project="演示",
)


def test_the_summary_lists_places_with_totals_labels_and_statuses(tmp_path: Path):
    _, book = write(tmp_path, [], summary=SUMMARY)
    ws = book["汇总"]
    assert cell_rows(ws) == [
        ["文明城市创建标注成果汇总", None, None, None],
        ["项目", "演示", None, None],
        ["范围", "=全部", None, None],
        [None, None, None, None],
        ["按地点统计", None, None, None],
        ["地点", "文章数", "举措数", "数据数"],
        ["格尔木市", 2, 3, 4],
        ["未注明", 1, 0, 1],
        ["德令哈市", 5, 6, 7],
        ["合计", 8, 9, 12],
        [None, None, None, None],
        ["按标签统计", None, None, None],
        ["标签", "标注数", None, None],
        ["地点", 5, None, None],
        ["举措", 2, None, None],
        [None, None, None, None],
        ["按审核状态统计", None, None, None],
        ["审核状态", "文章数", None, None],
        ["未开始", 0, None, None],
        ["已审核", 2, None, None],
    ]
    assert ws["B3"].data_type == "s"  # a note that looks like a formula stays text
    assert [(k, d.width) for k, d in sorted(ws.column_dimensions.items())] == [("A", 22), ("B", 12), ("C", 12), ("D", 12)]


def test_the_summary_styles_title_sections_and_headers(tmp_path: Path):
    _, book = write(tmp_path, [], summary=SUMMARY)
    ws = book["汇总"]
    assert (ws["A1"].font.name, ws["A1"].font.b, ws["A1"].font.sz) == ("等线", True, 16)
    assert (ws["A5"].font.b, ws["A5"].font.sz, ws["A5"].font.color.rgb) == (True, 12, "001F4E78")
    for ref in ("A6", "D6", "A10", "D10", "A13", "A18"):
        assert (ws[ref].font.b, ws[ref].fill.fgColor.rgb) == (True, "001F4E78"), ref
    assert (ws["A7"].font.name, bool(ws["A7"].font.b), ws["A7"].fill.fill_type) == ("等线", False, None)
    for ref in ("A12", "A17"):  # every section heading, not only the first
        assert (ws[ref].font.b, ws[ref].font.sz, ws[ref].font.color.rgb) == (True, 12, "001F4E78"), ref


def test_the_summary_chart_shows_initiatives_and_figures_per_place(tmp_path: Path):
    _, book = write(tmp_path, [], summary=SUMMARY)
    ws = book["汇总"]
    [chart] = ws._charts
    assert chart.type == "bar"
    assert chart.title.tx.rich.p[0].r[0].t == "各地举措与数据数量"
    assert chart.x_axis.title.tx.rich.p[0].r[0].t == "地点"
    assert chart.y_axis.title.tx.rich.p[0].r[0].t == "条数"
    assert [(s.tx.strRef.f, s.val.numRef.f, (s.cat.strRef or s.cat.numRef).f) for s in chart.series] == [
        ("'汇总'!C6", "'汇总'!$C$7:$C$9", "'汇总'!$A$7:$A$9"),
        ("'汇总'!D6", "'汇总'!$D$7:$D$9", "'汇总'!$A$7:$A$9"),
    ]
    assert chart.x_axis.scaling.orientation == "maxMin"
    assert (chart.x_axis.delete, chart.y_axis.delete, chart.legend.position) == (False, False, "b")
    assert (chart.anchor._from.row, chart.anchor._from.col) == (21, 0)  # A22: a row below the last table
    assert (chart.anchor.ext.width, chart.anchor.ext.height) == (16 * 360_000, int(7.5 * 360_000))


def test_the_chart_grows_with_the_number_of_places(tmp_path: Path):
    places = [PlaceCount(f"地{i}", 1, 1, 1) for i in range(10)]
    _, book = write(tmp_path, [], summary=SummaryData(places=places))
    [chart] = book["汇总"]._charts
    assert chart.anchor.ext.height == int((0.6 * 10 + 3) * 360_000)


def test_no_places_no_chart(tmp_path: Path):
    _, book = write(tmp_path, [], summary=SummaryData())
    ws = book["汇总"]
    assert ws._charts == []
    assert cell_rows(ws)[:5] == [["文明城市创建标注成果汇总", None, None, None], [None] * 4, ["按地点统计", None, None, None],
                                 ["地点", "文章数", "举措数", "数据数"], ["合计", 0, 0, 0]]


# -- failures ----------------------------------------------------------------------------------------

def failing_rows(exc: BaseException):
    yield {"name": "甲"}
    raise exc


@pytest.mark.parametrize("message, words", [
    ("Failed to write: IO_ENOSPC", "the disk is full"),
    ("IO_EFBIG happened", "larger than this disk or your account allows"),
    ("IO_EACCES", "no permission to write"),
    ("IO_NOSPC", "the disk is full"),  # lxml's names sometimes lack the E
    ("IO_WHATEVER", "the disk reported an error (Input/output error)"),
    ("something else", "the disk reported an error (Input/output error)"),
    ("", "the disk reported an error (Input/output error)"),
    ("IO_WRITE failed: IO_ENOSPC", "the disk is full"),  # the last code named is the cause
])
def test_a_write_error_reported_by_lxml_is_one_clear_message_and_leaves_nothing(tmp_path: Path, message: str, words: str):
    spools_before = list(ALL_TEMP_FILES)
    with pytest.raises(ExportError) as caught:
        write_workbook(tmp_path / "成果.xlsx", SummaryData(), [SheetRows(SPEC, failing_rows(SerialisationError(message)))])
    assert str(caught.value).startswith("成果.xlsx not written: ")
    assert words in str(caught.value) and str(caught.value).endswith("no file was left behind")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert ALL_TEMP_FILES == spools_before


def test_any_other_failure_is_raised_as_it_is_and_leaves_nothing(tmp_path: Path):
    with pytest.raises(KeyError):
        write_workbook(tmp_path / "成果.xlsx", SummaryData(), [SheetRows(SPEC, failing_rows(KeyError("x")))])
    assert list(tmp_path.iterdir()) == []
    disk = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(ExportError, match="the disk is full"):
        write_workbook(tmp_path / "成果.xlsx", SummaryData(), [SheetRows(SPEC, failing_rows(disk))])
    assert list(tmp_path.iterdir()) == []


def test_an_existing_workbook_is_replaced_only_when_asked(tmp_path: Path):
    path = tmp_path / "成果.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(ExportError, match="already exists"):
        write_workbook(path, SummaryData(), [SheetRows(SPEC, [{"name": "甲"}])])
    assert path.read_bytes() == b"old"
    report = write_workbook(path, SummaryData(), [SheetRows(SPEC, [{"name": "甲"}])], overwrite=True)
    assert report.path == path and openpyxl.load_workbook(path)["表"]["A2"].value == "甲"


def test_summary_text_is_cleaned_like_any_cell(tmp_path: Path):
    summary = SummaryData(places=[PlaceCount("格尔木\x01市", 1, 1, 1)], notes=[("范围", "全部\x0b文章")],
                          labels=[("地\x02点", 1)])
    _, book = write(tmp_path, [], summary=summary)
    values = [cell for row in cell_rows(book["汇总"]) for cell in row if isinstance(cell, str)]
    assert {"格尔木市", "全部文章", "地点"} <= set(values)


def test_sheets_are_spooled_beside_the_target_and_removed_after(tmp_path: Path, monkeypatch):
    spool = tmp_path / "tmpdir"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    out = tmp_path / "out"
    out.mkdir()
    seen = []

    def rows():
        yield {"name": "甲"}
        seen.append(sorted(p.name for p in out.iterdir()))
        yield {"name": "乙"}

    write_workbook(out / "成果.xlsx", SummaryData(), [SheetRows(SPEC, rows())])
    [names] = seen  # while the second sheet is written: the workbook's temporary file and a spool per sheet
    assert len(names) == 3 and all(name.startswith(".成果.xlsx.") and name.endswith(".part") for name in names)
    assert sorted(name.split(".")[-2] for name in names)[1:] == ["sheet1", "sheet2"]
    assert list(spool.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["成果.xlsx"]


def open_files_in(folder: Path) -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
    return [name for name in names if name.startswith(str(folder))]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_failed_export_leaves_no_file_open(tmp_path: Path):
    """Windows cannot remove a file that is still open: every spool is closed before it is removed."""
    with pytest.raises(KeyError) as caught:
        write_workbook(tmp_path / "成果.xlsx", SummaryData(), [SheetRows(SPEC, failing_rows(KeyError("x")))])
    assert caught.value.__traceback__ is not None  # the failed writer's frames are still alive here
    assert open_files_in(tmp_path) == [] and list(tmp_path.iterdir()) == []


def test_a_failure_before_a_sheet_starts_is_raised_as_it_is_and_leaves_nothing(tmp_path: Path):
    bad = SheetSpec("坏", (Column("a", "甲", "wide"),))  # a width that is not a number
    with pytest.raises(TypeError):
        write_workbook(tmp_path / "成果.xlsx", SummaryData(), [SheetRows(SPEC, [{"name": "甲"}]), SheetRows(bad, [])])
    assert list(tmp_path.iterdir()) == []
