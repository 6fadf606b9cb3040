"""What a figure's indicator is at the rules' boundaries: rates, the noun after a count, the clause
before, the words trimmed off either end, the length cap and the fallbacks."""

from __future__ import annotations

import pytest

from curator.core.suggest.indicators import (
    _cuts_a_word,
    _fit,
    _strip_words,
    propose_indicator,
)


def indicator(text: str, figure: str, *, prev_end: int = 0) -> str:
    start = text.index(figure)
    return propose_indicator(text, start, start + len(figure), prev_end=prev_end)


@pytest.mark.parametrize("figure", ["98%", "98％", "9‰", "3个百分点", "98%以上", "98%左右", "5%以下"])
def test_a_rate_is_named_by_the_clause_before_never_the_noun_after(figure: str) -> None:
    assert indicator(f"垃圾分类覆盖率达{figure}居民满意", figure) == "垃圾分类覆盖率"


def test_a_count_is_named_by_the_noun_after_it() -> None:
    assert indicator("招募志愿者100个以上居民", "100个以上") == "居民"
    assert indicator("建成30个文明实践站点，还有", "30个") == "文明实践站点"


@pytest.mark.parametrize("verb", ["参加", "参与", "获", "入选"])
def test_a_verb_right_after_the_count_is_skipped(verb: str) -> None:
    assert indicator(f"共有5000人{verb}志愿服务队", "5000人") == "志愿服务队"


def test_line_breaks_and_quote_marks_after_the_count_are_not_part_of_the_noun() -> None:
    assert indicator("建成30个文明\n实践站点", "30个") == "文明实践站点"
    assert indicator("建成30个“文明实践”站点", "30个") == "文明实践站点"


def test_the_noun_after_the_count_stops_at_a_bracket() -> None:
    assert indicator("建成站点3个（含改建）", "3个") == "站点"
    assert indicator("建成站点3个(含改建)", "3个") == "站点"


def test_the_noun_after_the_count_stops_at_a_digit_or_a_predicate() -> None:
    assert indicator("出动车辆50辆次1号线", "50辆次") == "出动车辆"
    assert indicator("1200名在职党员到社区报到", "1200名") == "在职党员"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("解决19个重点领域的问题", "19个", "重点领域"),  # three characters or more before 的: that names it
        ("解决19个新领域的问题", "19个", "新领域"),
        ("解决19个领域的问题", "19个", "问题"),  # two: a modifier, the noun comes after 的
        ("建成9处小而精致的口袋公园", "9处", "口袋公园"),  # a description, however long
        ("解决19个很重要的问题", "19个", "问题"),
    ],
)
def test_de_after_the_count_ends_the_noun_or_a_modifier(text: str, figure: str, expected: str) -> None:
    assert indicator(text, figure) == expected


def test_an_ordinal_is_no_part_of_the_noun() -> None:
    assert indicator("共有12个第三批示范点", "12个") == "示范点"
    assert indicator("10人入选第十二届“文明家庭”", "10人") == "文明家庭"


def test_a_long_noun_after_the_count_keeps_its_first_words() -> None:
    assert indicator("全市100个新时代文明实践志愿服务品牌项目开展", "100个") == "新时代文明实践志愿服务"


def test_a_long_clause_before_keeps_its_last_words() -> None:
    assert indicator("全市新时代文明实践志愿服务品牌项目36个", "36个") == "文明实践志愿服务品牌项目"
    assert indicator("文明实践志愿服务品牌项目" * 4 + "36个", "36个") == "文明实践志愿服务品牌项目"


def test_the_clause_before_starts_after_the_previous_figure() -> None:
    text = "志愿者100人党员50人"
    assert indicator(text, "50人", prev_end=7) == "党员"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("开展活动（主题为文明）100场", "100场", "活动"),  # a remark in brackets is left out
        ("开展活动(主题为文明)100场", "100场", "活动"),
        ("城市的志愿者100人", "100人", "志愿者"),  # after the last 的
        ("志愿者等各类人员100人", "100人", "人员"),  # after the last 等
        ("各类学校30所", "30所", "学校"),
        ("各级文明家庭30户", "30户", "文明家庭"),
        ("各文明家庭30户", "30户", "文明家庭"),
        ("截至目前全市已建成站点36个", "36个", "站点"),
        ("我市志愿者共计3万人", "3万人", "志愿者"),
        ("其中志愿者3万人", "3万人", "志愿者"),
        ("志愿服务品牌项目达到了36个", "36个", "志愿服务品牌项目"),
        ("志愿服务品牌项目总计36个", "36个", "志愿服务品牌项目"),
        ("志愿服务品牌项目已经36个", "36个", "志愿服务品牌项目"),
        ("居民行为36个", "36个", "居民行为"),  # 为 ends the word 行为: not trimmed
    ],
)
def test_the_clause_before_is_trimmed_to_what_is_counted(text: str, figure: str, expected: str) -> None:
    assert indicator(text, figure) == expected


def test_a_verb_is_dropped_only_when_a_name_of_two_characters_is_left() -> None:
    assert indicator("新建岗亭3个", "3个") == "岗亭"
    assert indicator("新建岗3个", "3个") == "新建岗"


def test_a_measure_word_takes_the_first_word_of_the_clause_before() -> None:
    assert indicator("活动覆盖全县，人数达3000人", "3000人") == "活动人数"
    assert indicator("开展覆盖全县，规模达3000人", "3000人") == "规模"  # a verb is no topic
    assert indicator("规模达3000人", "3000人") == "规模"  # no clause before


@pytest.mark.parametrize("verb", ["入选", "获得", "获", "参加", "参与"])
def test_with_nothing_else_the_verb_after_names_the_figure(verb: str) -> None:
    assert indicator(f"12.5万人{verb}", "12.5万人") == verb


def test_with_nothing_at_all_the_indicator_is_empty() -> None:
    assert indicator("12.5万人\n", "12.5万人") == ""


def test_fit_drops_whole_words_beyond_twelve_characters() -> None:
    words = ["一二三", "四五六", "七八九", "十一二", "三"]
    assert _fit(words) == "一二三四五六七八九十一二"
    assert _fit(words, from_end=True) == "四五六七八九十一二三"
    assert _fit(["一二三", "四五六", "七八九", "十一二"]) == "一二三四五六七八九十一二"  # exactly twelve
    assert _fit(["一二三四五六七八九十一二三"]) == "一二三四五六七八九十一二三"  # one word is never cut
    assert words == ["一二三", "四五六", "七八九", "十一二", "三"]  # the caller's list is left alone


def test_strip_words_keeps_one_character_and_whole_words() -> None:
    assert _strip_words("共有") == "有"
    assert _strip_words("我市共有志愿者") == "志愿者"
    assert _strip_words("志愿者达到") == "志愿者"
    assert _strip_words("全市全县志愿者共有累计") == "志愿者"
    assert _strip_words("达到") == "到"


def test_cuts_a_word_says_whether_a_position_falls_inside_the_last_word() -> None:
    assert _cuts_a_word("居民行为", 3) is True
    assert _cuts_a_word("志愿者为", 3) is False
    assert _cuts_a_word("志愿者达到", 3) is False


def test_quote_marks_and_scope_words_inside_the_clause_before_go() -> None:
    assert indicator("建成“文明实践”站点36个", "36个") == "文明实践站点"
    assert indicator("新建各类站点36个", "36个") == "站点"  # after a verb that is no scope word
    assert indicator("新建各级站点36个", "36个") == "站点"
    assert indicator("第三批示范点12个", "12个") == "示范点"


def test_a_noun_after_the_count_may_start_with_a_latin_letter() -> None:
    assert indicator("配备3台X光机", "3台") == "X光机"


def test_the_topic_before_a_measure_word_ignores_brackets_and_line_breaks() -> None:
    assert indicator("（线上线下）活动覆盖全县，规模达3000人", "3000人") == "活动规模"
    assert indicator("活\n动覆盖全县，规模达3000人", "3000人") == "活动规模"


def test_two_long_words_are_cut_to_the_first() -> None:
    assert _fit(["一二三四五六七", "八九十一二三"]) == "一二三四五六七"
    assert _fit(["一二三四五六七", "八九十一二三"], from_end=True) == "八九十一二三"


def test_a_trailing_word_after_one_character_is_stripped() -> None:
    assert _strip_words("站达") == "站"
