"""One returned row against its stored row (curator/export/corrections.py): what is applied, what is refused and why.

A stored figure row, the row the workbook showed for it (with its 编号 and 校验), and the cells an
official sent back: each case changes one thing. The messages are the ones the user reads in the
window and after `curator import-corrections`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from curator.export.corrections import (
    FORMULA, CellChange, SheetRow, Unmatched, diff_row, duplicate_ids, parse_row_id, read_returned, row_check,
    row_id_of, row_key,
)
from curator.export.returned import ErrorValue
from curator.export.safe_zip import UnsafeWorkbook
from curator.export.sheets import FIGURES, INITIATIVES
from curator.export.xlsx import SheetRows, SummaryData, write_workbook

STORED = {"id": 7, "doc_id": 3, "indicator": "志愿者", "value": 30000.0, "unit": "人", "qualifier": "超",
          "place": "格尔木市", "as_of": "2021-08-03", "initiative_id": None, "edited": 0}
SHOWN = {"doc_title": "格尔木市开展志愿服务", "evidence": "全市志愿者【超3万人】参加。", "key": "3-7"}


def exported(stored: dict = STORED, **shown) -> dict:
    """The row as the workbook wrote it: stored values, the visible identity cells, the hidden 校验."""
    row = {**stored, **SHOWN, **shown}
    return {**row, "check": row_check(FIGURES, row)}


def returned(stored: dict = STORED, *, number: int = 5, **cells) -> SheetRow:
    """The row as read back from the returned sheet, with some cells changed by the official."""
    values = {column.key: exported(stored).get(column.key) for column in FIGURES.columns}
    values.update(cells)
    return SheetRow("数据", number, values)


def diff(row: SheetRow, stored: dict = STORED):
    changes, refused = diff_row(FIGURES, row, stored)
    return [(c.column, c.old, c.new) for c in changes], (str(refused) if refused else None)


# -- the 编号 and the 校验 ------------------------------------------------------------------------------

def test_the_key_is_the_document_and_the_row():
    assert row_key({"doc_id": 3, "id": 7}) == "3-7"


def test_the_check_is_two_digests_and_each_part_follows_its_cells():
    check = row_check(FIGURES, exported())
    identity, dot, values = check.partition(".")
    assert dot == "." and len(identity) == 10 and len(values) == 12
    assert int(identity, 16) >= 0 and int(values, 16) >= 0
    for shown in ({"doc_title": "另一篇"}, {"evidence": "另一句"}, {"key": "3-8"}):
        other = row_check(FIGURES, {**STORED, **SHOWN, **shown}).partition(".")
        assert other[0] != identity and other[2] == values
    changed = row_check(FIGURES, {**STORED, **SHOWN, "unit": "人次"}).partition(".")
    assert changed[0] == identity and changed[2] != values
    moved = row_check(FIGURES, {**STORED, **SHOWN, "id": 8}).partition(".")
    assert moved[0] != identity
    assert row_check(FIGURES, {**STORED, **SHOWN, "doc_id": 4}) == check  # only the cells the sheet shows count
    assert row_check(FIGURES, {**STORED, **SHOWN, "doc_title": " 格尔木市开展志愿服务  "}) == check  # nor spacing
    assert row_check(FIGURES, {**STORED, **SHOWN, "id": 7.0}) == check  # a spreadsheet's 7.0 is 7


def test_the_check_of_a_workbook_already_sent_out_stays_the_same():
    """Officials hold workbooks exported by this version: a new way of computing the 校验 would refuse every row."""
    assert row_check(FIGURES, exported()) == "7457877a8f.1ff018d39f51"
    initiative = {"id": 2, "doc_id": 1, "name": "志愿服务", "category": "", "place": None, "organisation": "团委", "note": ""}
    assert row_check(INITIATIVES, {**initiative, "doc_title": "标题", "evidence": "一句。", "key": "1-2"}) == (
        "6d3a4489f7.dfa5eb871d44")
    blanks = {**STORED, "value": "约3万", "as_of": None, "doc_title": "格尔木 市 志愿服务", "evidence": None, "key": "3-7"}
    assert row_check(FIGURES, blanks) == "5566b29aff.197965a1bc8b"


def test_characters_a_cell_cannot_hold_are_not_part_of_the_identity():
    assert row_check(FIGURES, {**STORED, **SHOWN, "evidence": "全市志愿者\x01【超3万人】参加。"}) == row_check(FIGURES, exported())


def test_the_values_digest_reads_numbers_dates_and_blanks_as_the_store_keeps_them():
    base = row_check(FIGURES, exported()).partition(".")[2]
    same = [{"value": 30000}, {"as_of": "2021年8月3日"}, {"as_of": dt.date(2021, 8, 3)}]
    for change in same:
        assert row_check(FIGURES, {**STORED, **SHOWN, **change}).partition(".")[2] == base, change
    blank = row_check(FIGURES, {**STORED, **SHOWN, "value": None}).partition(".")[2]
    assert row_check(FIGURES, {**STORED, **SHOWN, "value": ""}).partition(".")[2] == blank != base
    text = row_check(FIGURES, {**STORED, **SHOWN, "value": "约3万"}).partition(".")[2]
    assert text not in (base, blank)
    assert row_check(FIGURES, {**STORED, **SHOWN, "qualifier": None}).partition(".")[2] == \
        row_check(FIGURES, {**STORED, **SHOWN, "qualifier": ""}).partition(".")[2]
    undated = row_check(FIGURES, {**STORED, **SHOWN, "as_of": None}).partition(".")[2]
    assert row_check(FIGURES, {**STORED, **SHOWN, "as_of": ""}).partition(".")[2] == undated
    assert row_check(FIGURES, {**STORED, **SHOWN, "as_of": "2021年"}).partition(".")[2] not in (undated, base)
    assert row_check(FIGURES, {**STORED, **SHOWN, "value": True}).partition(".")[2] != \
        row_check(FIGURES, {**STORED, **SHOWN, "value": 1}).partition(".")[2]


# -- rows applied -------------------------------------------------------------------------------------

def test_an_untouched_row_changes_nothing():
    assert diff(returned()) == ([], None)
    assert diff(returned(value=30000, as_of=dt.datetime(2021, 8, 3), unit=" 人 ")) == ([], None)


def test_each_editable_cell_changed_is_one_change_with_old_and_new():
    row = returned(indicator="注册志愿者", value=30010, unit="人次", qualifier="", place="德令哈市",
                   as_of=dt.datetime(2022, 1, 5))
    assert diff(row) == ([("indicator", "志愿者", "注册志愿者"), ("value", 30000.0, 30010.0), ("unit", "人", "人次"),
                          ("qualifier", "超", ""), ("place", "格尔木市", "德令哈市"), ("as_of", "2021-08-03", "2022-01-05")],
                         None)
    changes, _ = diff_row(FIGURES, row, STORED)
    assert changes[1] == CellChange("figures", 7, "value", "数值", 30000.0, 30010.0, "数据", 5)
    assert str(changes[1]) == "数据 第5行 数值: 30,000 -> 30,010"
    assert str(changes[3]) == "数据 第5行 限定: 超 -> (空)"


def test_an_editable_column_the_sheet_no_longer_has_is_left_as_it_is():
    row = returned(value=30010, place="德令哈市")
    values = {k: v for k, v in row.values.items() if k != "place"}
    assert diff(SheetRow("数据", 5, values)) == ([("value", 30000.0, 30010.0)], None)


def test_columns_that_are_not_editable_are_never_changed():
    row = returned(initiative="另一项举措", annotator="李四", edited_mark="是")
    assert diff(row) == ([], None)


@pytest.mark.parametrize("cell, new", [
    ("30,010", 30010.0), ("30，010", 30010.0), (" 30010 ", 30010.0), (30010.0, 30010.0), (30010, 30010.0),
    ("3.001e4", 30010.0),
])
def test_a_number_typed_as_text_with_separators_is_read(cell, new):
    assert diff(returned(value=cell)) == ([("value", 30000.0, new)], None)


@pytest.mark.parametrize("cell", ["abc", "3万", "inf", "nan", float("inf"), True])
def test_a_number_cell_that_is_not_a_number_refuses_the_row(cell):
    changes, message = diff(returned(value=cell))
    assert changes == [] and message == f"数据 第5行: 数值: {cell!r} is not a number"


def test_a_number_emptied_is_a_change_to_none_and_an_empty_one_filled_is_a_change():
    assert diff(returned(value=None)) == ([("value", 30000.0, None)], None)
    assert diff(returned(value="  ")) == ([("value", 30000.0, None)], None)
    empty = {**STORED, "value": None}
    assert diff(returned(empty), empty) == ([], None)
    assert diff(returned(empty, value=5), empty) == ([("value", None, 5.0)], None)


def test_a_change_at_the_fifteenth_digit_is_one_and_float_noise_is_not():
    big = {**STORED, "value": 123456789012345.0}
    assert diff(returned(big, value=123456789012346), big) == ([("value", 123456789012345.0, 123456789012346.0)], None)
    tenth = {**STORED, "value": 0.3}
    assert diff(returned(tenth, value=0.1 + 0.2), tenth) == ([], None)


def test_a_text_kept_in_a_number_column_and_emptied_is_a_change():
    for kept in ("约3万", "None"):  # whatever the text says
        text = {**STORED, "value": kept}
        assert diff(returned(text, value=None), text) == ([("value", kept, None)], None)


def test_a_text_kept_in_a_number_column_and_returned_untouched_is_no_change():
    text = {**STORED, "value": "约3万"}
    assert diff(returned(text), text) == ([], None)
    assert diff(returned(text, value=" 约3万 "), text) == ([], None)
    assert diff(returned(text, value=30000), text) == ([("value", "约3万", 30000.0)], None)


@pytest.mark.parametrize("cell, new", [
    ("2022年1月5日", "2022-01-05"), ("2022/1/5", "2022-01-05"), (dt.date(2022, 1, 5), "2022-01-05"),
    (" 2022年1月 ", "2022年1月"), ("上旬", "上旬"), (None, ""),
])
def test_a_date_is_kept_as_an_iso_day_or_as_the_text_typed(cell, new):
    assert diff(returned(as_of=cell)) == ([("as_of", "2021-08-03", new)], None)


def test_a_date_written_another_way_is_the_same_day():
    typed = {**STORED, "as_of": "2021年8月3日"}
    assert diff(returned(typed, as_of="2021-08-03"), typed) == ([], None)
    texts = {**STORED, "as_of": "八月初"}
    assert diff(returned(texts, as_of=" 八月初 "), texts) == ([], None)


def test_text_cells_are_trimmed_and_spreadsheet_numbers_and_dates_become_text():
    assert diff(returned(unit=5.0)) == ([("unit", "人", "5")], None)
    assert diff(returned(unit=2.5)) == ([("unit", "人", "2.5")], None)
    assert diff(returned(place=dt.datetime(2021, 1, 2, 3, 4))) == ([("place", "格尔木市", "2021-01-02T03:04:00")], None)
    assert diff(returned(place=dt.date(2021, 1, 2))) == ([("place", "格尔木市", "2021-01-02")], None)
    assert diff(returned(qualifier=None)) == ([("qualifier", "超", "")], None)
    blank = {**STORED, "qualifier": None}
    assert diff(returned(blank, qualifier=" "), blank) == ([], None)


# -- rows refused -------------------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["value", "doc_title", "check", "initiative"])
def test_a_formula_in_any_cell_refuses_the_row(column):
    header = {c.key: c.header for c in FIGURES.columns}[column]
    assert diff(returned(**{"value": 1, column: FORMULA})) == (
        [], f"数据 第5行: {header}: the cell holds a formula; type the value itself")


def test_an_error_cell_refuses_the_row():
    assert diff(returned(unit=ErrorValue("#N/A"))) == (
        [], "数据 第5行: 单位: the cell holds an error (#N/A); type the value itself")


@pytest.mark.parametrize("check", [None, "", "   "])
def test_an_empty_check_refuses_the_row(check):
    assert diff(returned(check=check, value=1)) == (
        [], "数据 第5行: the 校验(勿改) cell is empty; the row cannot be trusted")


@pytest.mark.parametrize("check", ["abcdef", "abcdef.", 12345])
def test_a_check_curator_did_not_write_refuses_the_row(check):
    assert diff(returned(check=check, value=1)) == (
        [], "数据 第5行: the 校验(勿改) cell is not one curator wrote (an older export?); export again")


def test_a_sheet_without_the_key_column_refuses_every_row():
    row = returned(value=1)
    values = {k: v for k, v in row.values.items() if k != "key"}
    assert diff(SheetRow("数据", 5, values)) == ([], "数据 第5行: the sheet has no 编号 column, which shows that a row's "
                                                 "cells still belong together; export again and keep it")


def test_a_key_of_another_row_refuses_it_and_says_which():
    assert diff(returned(key="3-8", value=1)) == ([], (
        "数据 第5行: its 编号 3-8 is not the 编号 of 行号(勿改) 7 (3-7): were some columns sorted or pasted on their own? "
        "Nothing of this row is applied"))
    assert "its 编号 (空) is not" in diff(returned(key=None, value=1))[1]
    assert diff(returned(key=" 3-7 ", value=30010)) == ([("value", 30000.0, 30010.0)], None)


@pytest.mark.parametrize("cells", [{"doc_title": "另一篇"}, {"evidence": "另一句。"}, {"evidence": None}])
def test_an_identity_cell_not_exported_with_the_row_refuses_it(cells):
    assert diff(returned(value=1, **cells)) == ([], (
        "数据 第5行: its 文章标题 or 证据原句 is not what was exported with 行号(勿改) 7: were some columns sorted on "
        "their own, or a hidden cell copied from another row? Nothing of this row is applied"))


def test_identity_cells_trimmed_or_respaced_by_a_spreadsheet_still_match():
    row = returned(doc_title=" 格尔木市开展志愿服务", evidence="全市志愿者【超3万人】参加。 ", value=30010)
    assert diff(row) == ([("value", 30000.0, 30010.0)], None)


def test_a_row_changed_in_curator_since_the_export_is_refused_only_when_the_sheet_changes_it():
    since = {**STORED, "unit": "名"}  # changed in curator after the export
    assert diff(returned(value=30010), since) == ([], (
        "数据 第5行: this row was changed in curator after the workbook was exported; export again and redo it there"))
    assert diff(returned(unit="名"), since) == ([], None)  # the sheet says what the store says: nothing to do


def test_an_initiative_row_is_checked_against_its_own_columns():
    stored = {"id": 2, "doc_id": 1, "name": "志愿服务", "category": "", "place": "", "organisation": "团委", "note": ""}
    shown = {**stored, "doc_title": "标题", "evidence": "一句。", "key": "1-2"}
    values = {column.key: shown.get(column.key) for column in INITIATIVES.columns}
    values["check"] = row_check(INITIATIVES, shown)
    changes, refused = diff_row(INITIATIVES, SheetRow("举措", 9, {**values, "category": "志愿服务 "}), stored)
    assert refused is None
    assert [(c.table, c.row_id, c.column, c.header, c.old, c.new, c.sheet_row) for c in changes] == [
        ("initiatives", 2, "category", "类别", "", "志愿服务", 9)]
    assert str(changes[0]) == "举措 第9行 类别: (空) -> 志愿服务"


# -- 行号 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, number", [
    (1, 1), ("1", 1), (7, 7), (7.0, 7), ("7", 7), (" 12 ", 12), ("0012", 12), (2**63 - 1, 2**63 - 1), ("9" * 18, int("9" * 18)),
])
def test_a_row_id_is_read_from_a_number_or_ascii_digits(cell, number):
    assert parse_row_id(cell) == number


@pytest.mark.parametrize("cell, shown", [
    (0, "0"), (-3, "-3"), (2**63, str(2**63)), (1.5, "1.5"), (float("nan"), "nan"), (float("inf"), "inf"),
    (True, "True"), ("①", "①"), ("²", "²"), ("1e3", "1e3"), ("9" * 20, "9" * 20), ("12a", "12a"), (" ", "' '"),
    ("x" * 50, "x" * 30),
])
def test_a_row_id_that_is_not_one_says_so(cell, shown):
    with pytest.raises(ValueError) as caught:
        parse_row_id(cell)
    assert str(caught.value) == f"行号(勿改) {shown} is not a row number of curator's"


@pytest.mark.parametrize("cell", [None, ""])
def test_a_missing_row_id_says_so(cell):
    with pytest.raises(ValueError, match=r"^no row id \(行号\(勿改\)\) in this row$"):
        parse_row_id(cell)


def test_rows_naming_the_same_id_twice_are_found():
    rows = [SheetRow("数据", n, {"id": value}) for n, value in enumerate([7, "7", 8, None, "x", None, 9.0, 9], start=2)]
    assert [row_id_of(row) for row in rows] == [7, 7, 8, None, None, None, 9, 9]
    assert duplicate_ids(rows) == {7, 9}
    assert duplicate_ids(rows[2:6]) == set()


def test_how_values_are_shown_to_the_user():
    assert str(Unmatched("数据", 4, "原因")) == "数据 第4行: 原因"
    lines = [str(CellChange("figures", 1, "value", "数值", old, new, "数据", 2)) for old, new in [
        (None, ""), (2.5, 30000.0), (12345678.0, -0.5), ("  ", "a b"), (3, True)]]
    assert lines == ["数据 第2行 数值: (空) -> (空)", "数据 第2行 数值: 2.5 -> 30,000", "数据 第2行 数值: 12,345,678 -> -0.5",
                     "数据 第2行 数值: '  ' -> a b", "数据 第2行 数值: 3 -> True"]


# -- reading the returned workbook ------------------------------------------------------------------

def figures_workbook(path: Path, rows: list[dict]) -> Path:
    write_workbook(path, SummaryData(), [SheetRows(FIGURES, rows)])
    return path


def test_read_returned_gives_the_rows_with_a_value_by_column_key(tmp_path: Path):
    path = figures_workbook(tmp_path / "成果.xlsx", [exported(), exported({**STORED, "id": 8}, key="3-8")])
    book = openpyxl.load_workbook(path)
    ws = book["数据"]
    ws.insert_rows(3)  # an empty row the official left in the middle is skipped
    ws["C2"] = 30010
    book.save(path)
    found = read_returned(path)
    assert list(found) == ["数据"]
    rows = found["数据"]
    assert [row.number for row in rows] == [2, 4]
    assert rows[0].sheet == "数据"
    assert set(rows[0].values) == {column.key for column in FIGURES.columns}
    assert (rows[0].values["value"], rows[0].values["id"], rows[0].values["key"]) == (30010, 7, "3-7")
    assert rows[0].values["as_of"] == dt.datetime(2021, 8, 3)
    assert diff(rows[0]) == ([("value", 30000.0, 30010.0)], None)


def test_columns_are_found_by_their_header_wherever_they_are(tmp_path: Path):
    path = figures_workbook(tmp_path / "成果.xlsx", [exported()])
    book = openpyxl.load_workbook(path)
    ws = book["数据"]
    ws.move_range("A1:A2", cols=ws.max_column)  # 编号 moved to the end
    ws.cell(1, ws.max_column + 1).value = "数值"  # a second 数值 column: the first one counts
    ws.cell(2, ws.max_column).value = 1
    ws.cell(1, ws.max_column + 1).value = " 备忘 "  # an unknown column: ignored
    ws["B1"] = " 指标 "  # a header with spaces around it is still found
    book.save(path)
    [row] = read_returned(path)["数据"]
    assert row.values["key"] == "3-7" and row.values["value"] == 30000 and row.values["indicator"] == "志愿者"
    assert "备忘" not in row.values


def test_a_sheet_without_its_row_id_column_is_refused(tmp_path: Path):
    path = figures_workbook(tmp_path / "成果.xlsx", [exported()])
    book = openpyxl.load_workbook(path)
    book["数据"].delete_cols(FIGURES.columns.index(FIGURES.columns[-2]) + 1)
    book.save(path)
    with pytest.raises(UnsafeWorkbook) as caught:
        read_returned(path)
    assert str(caught.value) == "sheet 数据 has no 行号(勿改) column; corrections need it to find each row"


def test_a_sheet_whose_header_is_not_on_the_first_row_is_refused(tmp_path: Path):
    path = figures_workbook(tmp_path / "成果.xlsx", [exported()])
    book = openpyxl.load_workbook(path)
    book["数据"].insert_rows(1)
    book.save(path)
    with pytest.raises(UnsafeWorkbook, match="^sheet 数据 has no 行号"):
        read_returned(path)
    empty = tmp_path / "空.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "举措"
    book.save(empty)
    with pytest.raises(UnsafeWorkbook, match="^sheet 举措 has no 行号"):
        read_returned(empty)


def test_a_workbook_without_fact_sheets_is_refused(tmp_path: Path):
    path = tmp_path / "别的.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(UnsafeWorkbook) as caught:
        read_returned(path)
    assert str(caught.value) == "别的.xlsx has neither a 举措 nor a 数据 sheet; is it a curator export?"


def test_a_sheet_damaged_inside_the_zip_is_one_clear_error(tmp_path: Path):
    path = figures_workbook(tmp_path / "成果.xlsx", [exported()])
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    sheet = "xl/worksheets/sheet2.xml"  # 汇总 is the first sheet, 数据 the second
    damaged = tmp_path / "坏.xlsx"
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    data = bytearray(damaged.read_bytes())
    at = data.index(parts[sheet])
    data[at + 100] ^= 0xFF  # a stored member with a bad CRC: noticed only when it is read
    damaged.write_bytes(bytes(data))
    with pytest.raises(UnsafeWorkbook) as caught:
        read_returned(damaged)
    assert str(caught.value).startswith("坏.xlsx: not a readable workbook (")


def test_a_row_of_empty_text_cells_is_skipped(tmp_path: Path):
    from test_returned_cells import workbook

    header = "".join(f'<c t="inlineStr"><is><t>{c.header}</t></is></c>' for c in FIGURES.columns)
    empty = '<c t="inlineStr"><is><t></t></is></c>' * len(FIGURES.columns)
    path = workbook(tmp_path / "a.xlsx", f'<row r="1">{header}</row><row r="2">{empty}</row>')
    assert read_returned(path) == {"数据": []}


def test_the_limits_given_are_the_ones_checked(tmp_path: Path):
    from curator.export.returned import ReadLimits
    from curator.export.safe_zip import ZipLimits

    path = figures_workbook(tmp_path / "成果.xlsx", [exported(), exported({**STORED, "id": 8}, key="3-8")])
    assert len(read_returned(path)["数据"]) == 2
    with pytest.raises(UnsafeWorkbook, match="holds .* files; a workbook has far fewer"):
        read_returned(path, limits=ZipLimits(max_members=3))
    with pytest.raises(UnsafeWorkbook, match="has more than 2 rows"):
        read_returned(path, read_limits=ReadLimits(max_rows=2))
