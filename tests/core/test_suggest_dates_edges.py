"""Dates at their boundaries: every form and its score, the valid months, days and years, ranges,
counted months, and whitespace only inside a date, never at its end."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest


def found(text: str) -> list[tuple[str, int, int, float]]:
    result = suggest(text, ["date"])
    assert all(text[s.start:s.end] == s.text for s in result)
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in result]


def dates(text: str) -> list[str]:
    return [d for d, *_ in found(text)]


@pytest.mark.parametrize(
    "date",
    ["2023年7月29号", "2023年初", "2023年底", "2023年末", "2023年上半年", "2023年下半年", "2023年年初", "2023年年底",
     "2023年7月中旬", "2023年7月上旬", "2023年7月下旬", "2023年7月末", "2023年7月中", "二〇二三年", "1999年",
     "2023 年 7 月", "2023年 初"],
)
def test_dates_with_a_year(date: str) -> None:
    assert found(f"{date}，") == [(date, 0, len(date), 0.95)]


@pytest.mark.parametrize("date", ["今年3月", "前年3月", "明年3月", "当年3月", "去年3月", "今年3月5日", "今年3月底"])
def test_a_relative_year_with_a_month(date: str) -> None:
    assert found(f"{date}，") == [(date, 0, len(date), 0.85)]


@pytest.mark.parametrize("date", ["本世纪二十年代", "上世纪六十年代", "世纪八十年代", "六十年代"])
def test_decades(date: str) -> None:
    assert found(f"{date}，") == [(date, 0, len(date), 0.85)]


@pytest.mark.parametrize("date", ["12月31日", "1月30日", "01月09日", "3月", "10月", "9月20号"])
def test_months_and_days(date: str) -> None:
    assert found(f"{date}，") == [(date, 0, len(date), 0.9)]


def test_a_date_after_a_comma_keeps_its_offsets() -> None:
    assert found("，3月") == [("3月", 1, 3, 0.9)]


@pytest.mark.parametrize("text", ["13月", "0月", "1.5月", "2100年", "1899年", "13月1日", "123年"])
def test_impossible_months_and_years(text: str) -> None:
    assert dates(text) == []


def test_an_impossible_day_leaves_the_month() -> None:
    assert dates("1月32日") == ["1月"]


@pytest.mark.parametrize("text", ["每月1日", "第3月", "13月", "3个月"])
def test_counted_or_ranked_months_are_no_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    "text", ["2021—2023年", "2021年—2023年", "2021年至2023年", "2021年 - 2023年", "3月至5月", "3月到5日", "3月~5月"],
)
def test_both_ends_of_a_range_are_left_out(text: str) -> None:
    assert dates(text) == []


def test_zhi_after_a_word_is_no_range() -> None:
    assert found("截至6月") == [("6月", 2, 4, 0.9)]
    assert found("到6月") == [("6月", 1, 3, 0.9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年 以来", [("2023年", 0, 5, 0.95)]),
        ("2023年\n全区", [("2023年", 0, 5, 0.95)]),
        ("2023年\n\n\n7月", [("2023年", 0, 5, 0.95), ("7月", 8, 10, 0.9)]),  # three breaks: too far apart
        ("2019年 9月被确定", [("2019年 9月", 0, 8, 0.95)]),
    ],
)
def test_whitespace_is_inside_a_date_never_at_its_end(text: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert found(text) == expected


def test_dates_in_a_title_are_part_of_its_name_but_not_after_it() -> None:
    assert dates("《2023年工作方案》于2023年7月印发") == ["2023年7月"]


def test_a_month_at_the_start_is_a_date_whatever_ends_the_text() -> None:
    assert dates("3月上旬，参与人数达3000") == ["3月上旬"]


def test_a_range_from_the_texts_first_character() -> None:
    assert dates("3—5月") == []


@pytest.mark.parametrize(
    "text", ["第3月考核，7月29日召开", "《2023年方案》于7月29日印发", "2021—2023年，7月29日"],
)
def test_a_date_left_out_does_not_end_the_search(text: str) -> None:
    assert dates(text) == ["7月29日"]
