"""The figure rules at their boundaries: scores, 约 ending a word, what comes right before or after
a number (ranks, directions, codes, leading zeros, ranges) and single Chinese digits."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest


def figures(text: str) -> list[tuple[str, int, int, float, str, str, float]]:
    return [(s.text, s.start, s.end, s.attrs["value"], s.attrs["unit"], s.attrs["qualifier"], s.attrs["score"])
            for s in suggest(text, ["figure"])]


def spans(text: str) -> list[str]:
    return [s.text for s in suggest(text, ["figure"])]


def test_arabic_figures_score_higher_than_chinese_ones() -> None:
    assert figures("共有三人") == [("三人", 2, 4, 3.0, "人", "", 0.85)]
    assert figures("共有3人") == [("3人", 2, 4, 3.0, "人", "", 0.95)]


def test_yue_before_a_rate_that_ends_a_word_is_left_out() -> None:
    assert figures("覆盖率约85%") == [("约85%", 3, 7, 85.0, "%", "约", 0.95)]
    assert figures("修订村规民约85%") == [("85%", 6, 9, 85.0, "%", "", 0.95)]
    assert figures("签订公约85%的村") == [("85%", 4, 7, 85.0, "%", "", 0.95)]


def test_yue_at_the_start_of_the_text_is_about() -> None:
    assert figures("约三人") == [("约三人", 0, 3, 3.0, "人", "约", 0.85)]
    assert figures("约500人参加") == [("约500人", 0, 5, 500.0, "人", "约", 0.95)]


def test_yue_keeps_the_approximation_that_follows_the_number() -> None:
    assert figures("签订公约30余份") == [("30余份", 4, 8, 30.0, "份", "余", 0.95)]
    assert figures("签订公约30份左右") == [("30份左右", 4, 9, 30.0, "份", "左右", 0.95)]


@pytest.mark.parametrize("text", ["位列前 3名", "位列后3名", "排名后10位", "进入前5强"])
def test_a_rank_after_qian_or_hou_is_no_figure(text: str) -> None:
    assert spans(text) == []


def test_qian_before_another_measure_word_is_a_figure() -> None:
    assert figures("位列前3个") == [("3个", 3, 5, 3.0, "个", "", 0.95)]


def test_a_direction_before_a_chinese_digit_is_a_street_name_not_before_an_arabic_one() -> None:
    assert spans("东三条路") == []
    assert spans("向东三条") == []
    assert spans("西3个") == ["3个"]


@pytest.mark.parametrize("text", ["编号3A", "编号3＋", "3#楼", "代码3@", "3/4", "第3_1"])
def test_a_number_glued_to_a_code_character_is_no_figure(text: str) -> None:
    assert spans(text) == []


def test_a_leading_zero_is_a_phone_or_area_code_unless_a_decimal_point_follows() -> None:
    assert spans("电话0571") == []
    assert spans("拨打05710000个") == []
    assert figures("0.5公里") == [("0.5公里", 0, 5, 0.5, "公里", "", 0.95)]
    assert figures("0．5公里") == [("0．5公里", 0, 5, 0.5, "公里", "", 0.95)]
    assert spans("0个") == ["0个"]


@pytest.mark.parametrize("text", ["每组3 至 5人", "每组3 ～5人", "每组3～\n5人", "提高30%到50%"])
def test_both_ends_of_a_range_are_left_out(text: str) -> None:
    assert spans(text) == []


def test_a_range_mark_with_no_number_next_to_it_is_no_range() -> None:
    assert spans("共3 人-") == ["3 人"]
    assert spans("共3人至") == ["3人"]
    assert spans("30%-") == ["30%"]
    assert spans("至5人") == ["5人"]


@pytest.mark.parametrize("text", ["每3人", "第 3 名", "第\n3名"])
def test_a_per_capita_base_or_an_ordinal_is_no_figure(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三十人", ["三十人"]),  # several characters: a count
        ("三余人", ["三余人"]),  # an approximation: a count
        ("三十余人", ["三十余人"]),
        ("超十人", ["超十人"]),  # 十 alone with a comparator
        ("近百人", ["近百人"]),
        ("共有十人", []),  # 十 alone without one
        ("一人", []),  # 一 never counts alone
        ("共有三个", []),  # 个 is not a measure word a single digit counts with
        ("两场", []),
        ("两名", ["两名"]),
        ("两吨", ["两吨"]),
        ("两万元", ["两万元"]),
        ("两场次", ["两场次"]),
    ],
)
def test_single_chinese_digits_count_only_with_some_measure_words(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", ["在北三条胡同", "住在三条巷", "住在3号院", "住在5号楼", "七条弄", "共有3个里"])
def test_a_number_in_a_street_name_is_no_figure(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(("text", "expected"), [("建成三条里程碑", ["三条"]), ("放在3个里面", ["3个"])])
def test_li_starting_another_word_is_no_street(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("3名志愿者参加", ["3名"]), ("10位老人", ["10位"]), ("三条道路", ["三条"])])
def test_a_figure_at_the_very_start_of_the_text(text: str, expected: list[str]) -> None:
    assert spans(text) == expected  # nothing before it: no rank, no direction


@pytest.mark.parametrize("text", ["覆盖率30% — 50%", "覆盖率30% —50%", "覆盖率30%— 50%", "覆盖率30%\n—\n50%"])
def test_spaces_on_either_side_of_a_range_mark(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(("text", "expected"), [("每组3至5人，至少2人", ["2人"]), ("截至目前每组3至5人", [])])
def test_the_range_mark_is_the_one_right_before_the_number(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_number_after_a_letter_is_a_code() -> None:
    assert spans("乘坐K3次列车") == []


def test_two_digits_with_a_leading_zero_are_a_code() -> None:
    assert spans("共有05个") == []


def test_yue_ending_a_word_at_the_text_start() -> None:
    assert figures("公约30份") == [("30份", 2, 5, 30.0, "份", "", 0.95)]
    assert figures("签订公约百分之八十的村") == [("百分之八十", 4, 9, 80.0, "%", "", 0.85)]


def test_a_chinese_numeral_of_two_characters_counts_with_any_measure_word() -> None:
    assert spans("三十个") == ["三十个"]


def test_a_numeral_that_is_no_number_does_not_end_the_search() -> None:
    assert spans("五一期间志愿者超3万人") == ["超3万人"]


def test_the_indicator_of_a_figure_starts_after_the_figure_before_it() -> None:
    found = {s.text: s.attrs["indicator"] for s in suggest("招募志愿者100人党员50人", ["figure"])}
    assert found["50人"] == "党员"  # not 志愿者100人党员
