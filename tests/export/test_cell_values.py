"""What one spreadsheet cell holds (curator/export/values.py): dates, numbers, formats, text a cell can carry."""

from __future__ import annotations

import datetime as dt

import pytest

from curator.export.values import (
    MAX_CELL_CHARS, TRUNCATED, as_number, cell_text, csv_text, formula_like, number_format, parse_date, percent_format,
)


@pytest.mark.parametrize("text, day", [
    ("2021-08-03", dt.date(2021, 8, 3)), ("2021/8/3", dt.date(2021, 8, 3)), ("2021.8.3", dt.date(2021, 8, 3)),
    ("2021年8月3日", dt.date(2021, 8, 3)), ("2021年8月3", dt.date(2021, 8, 3)), (" 2021 年 8 月 3 日 ", dt.date(2021, 8, 3)),
    ("2021-08-03T10:00", dt.date(2021, 8, 3)), ("2021-08-03 10:00:00", dt.date(2021, 8, 3)),
    ("2021年8月3日 上午", dt.date(2021, 8, 3)), ("2024-2-29", dt.date(2024, 2, 29)),
])
def test_a_date_written_the_usual_ways_is_read(text: str, day: dt.date):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", [
    "2021年8月", "2021-13-01", "2023-2-29", "2021-08-32", "21-08-03", "2021-008-03", "2021-08-003", "x2021-08-03",
    "2021-08-03x", "2021-08-03日日", "", "昨天", "2021–08–03",
])
def test_anything_else_is_not_a_date(text: str):
    assert parse_date(text) is None


def test_date_objects_and_non_text():
    assert parse_date(dt.datetime(2021, 8, 3, 23, 59)) == dt.date(2021, 8, 3)
    assert type(parse_date(dt.datetime(2021, 8, 3, 23, 59))) is dt.date
    assert parse_date(dt.date(2021, 8, 3)) == dt.date(2021, 8, 3)
    assert parse_date(20210803) is None and parse_date(None) is None


@pytest.mark.parametrize("value, number", [
    (30000.0, 30000), ("30000", 30000), (2.5, 2.5), ("2.5", 2.5), (-4.0, -4), (0, 0), (True, 1),
    (2.0**53 - 1, 2**53 - 1), (-(2.0**53) + 1, -(2**53) + 1), (2.0**53, 2.0**53), (-(2.0**53), -(2.0**53)),
    (None, None), ("", None),
])
def test_a_stored_figure_as_the_number_a_cell_holds(value, number):
    got = as_number(value)
    assert got == number and type(got) is type(number)


@pytest.mark.parametrize("value, unit, fmt", [
    (30000, "", "#,##0"), (30000.0, "人", "#,##0"), (2.5, "", "#,##0.0#"), (97, "%", '0"%"'), (97, "％", '0"%"'),
    (97.5, "%", '0.0#"%"'), (97.5, "％", '0.0#"%"'), (97, "百分比", "#,##0"),
])
def test_the_number_format_follows_the_unit_and_the_fraction(value, unit, fmt):
    assert number_format(value, unit) == fmt
    assert number_format(3) == "#,##0"


@pytest.mark.parametrize("fmt, scales", [
    ("0%", True), ("0.00%", True), ('0"%"', False), ('0.0#"%"', False), ("0\\%", False), ("0\\\\%", True),
    ('"a"0%', True), ('"%"', False), ('"%"0', False), ("General", False), ("", False), ('"x%"0%', True),
])
def test_a_format_scales_by_a_hundred_only_for_a_bare_percent_sign(fmt: str, scales: bool):
    assert percent_format(fmt) is scales


def test_formula_starts():
    assert [formula_like(v) for v in ("=1", "+1", "-1", "@A", "\t1", "\r1", " =1", "1=", "", 5, None)] == [
        True, True, True, True, True, True, False, False, False, False, False]
    assert [csv_text(v) for v in ("=1", "a", 5, None)] == ["'=1", "a", 5, None]


def test_a_cell_keeps_tab_line_breaks_and_returns_but_no_other_control_character():
    kept = "\t\n\r \x7f中"
    assert cell_text(kept) == kept
    for char in [chr(c) for c in range(0x00, 0x09)] + ["\x0b", "\x0c"] + [chr(c) for c in range(0x0e, 0x20)]:
        assert cell_text(f"甲{char}乙") == "甲乙", repr(char)
    assert cell_text("\u2028行") == "\u2028行"  # not printable, yet XML carries it


def test_a_text_longer_than_a_cell_is_cut_with_a_mark():
    whole = "字" * MAX_CELL_CHARS
    assert cell_text(whole) == whole
    cut = cell_text(whole + "尾")
    assert len(cut) == MAX_CELL_CHARS == 32_767 and cut.endswith(TRUNCATED) and cut.startswith("字" * 100)
    assert cut == "字" * (MAX_CELL_CHARS - len(TRUNCATED)) + TRUNCATED
    assert TRUNCATED == "…（截断）"
    assert len(cell_text("\x00" * 10 + whole)) == MAX_CELL_CHARS  # cleaned first, then measured
