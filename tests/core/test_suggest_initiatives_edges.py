"""The initiative rules at their boundaries: the score of each rule, the verb cue and its reach,
lists of quotes, what may stand between a quote and its trigger, themes, repeats and works."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest


def found(text: str, label: str = "initiative") -> list[tuple[str, int, int, float]]:
    result = suggest(text, [label])
    assert all(text[s.start:s.end] == s.text for s in result)
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in result]


def names(text: str) -> list[str]:
    return [name for name, *_ in found(text)]


def test_each_rule_has_its_score() -> None:
    assert found("开展“光盘行动”") == [("光盘行动", 3, 7, 0.9)]  # its own trigger
    assert found("“文明餐桌”等活动") == [("文明餐桌", 1, 5, 0.9)]  # a trigger after it
    assert found("开展“文明餐桌”") == [("文明餐桌", 3, 7, 0.75)]  # a verb before it
    assert found("以“文明江北”为主题") == [("文明江北", 2, 6, 0.7)]  # a theme
    assert found("“文明餐桌”文明交通活动") == [("“文明餐桌”文明交通活动", 0, 12, 0.85)]  # a full name
    assert found("推进东湖综合治理") == [("东湖综合治理", 2, 8, 0.8)]  # works
    assert found("《文明条例》") == []
    assert found("《文明条例》", "doc") == [("文明条例", 1, 5, 0.95)]


def test_a_name_cued_by_a_verb_only_is_twelve_characters_at_most() -> None:
    assert names("开展“一二三四五六七八九十一二”") == ["一二三四五六七八九十一二"]
    assert names("开展“一二三四五六七八九十一二三”") == []


@pytest.mark.parametrize("text", ["开展：“文明餐桌”", "开展 “文明餐桌”", "开展:“文明餐桌”"])
def test_a_verb_cue_may_be_followed_by_a_colon_or_space(text: str) -> None:
    assert names(text) == ["文明餐桌"]


def test_a_verb_cue_must_stand_right_before_the_quote() -> None:
    assert names("开展了很多很多的“文明餐桌”") == []


def test_a_verb_cues_only_the_first_quote_of_a_list() -> None:
    assert found("开展“文明餐桌”“绿色出行”“光盘行动”") == [("文明餐桌", 3, 7, 0.75), ("光盘行动", 15, 19, 0.9)]


def test_an_object_is_never_cued_by_a_verb_nor_repeated() -> None:
    assert names("宣传“口袋公园”") == []
    assert found("“口袋公园”很好。开展“口袋公园”活动") == [("口袋公园", 12, 16, 0.9)]


@pytest.mark.parametrize(
    "text",
    ["以 “文明江北” 为主题", "用“文明江北”为主题", "以“文明江北”“志愿宁波”为主题"],
)
def test_a_theme_is_one_quote_right_after_yi(text: str) -> None:
    assert names(text) == []


def test_a_name_repeated_elsewhere_is_suggested_there_too() -> None:
    assert found("“文明餐桌”很好。“文明餐桌”活动。“文明餐桌”") == [
        ("文明餐桌", 1, 5, 0.7), ("文明餐桌", 10, 14, 0.9), ("文明餐桌", 19, 23, 0.7)]


@pytest.mark.parametrize(
    "text",
    ["“文明餐桌”“绿色出行”活动", "“文明餐桌”和“绿色出行”活动", "“文明餐桌”及“绿色出行”行动", "“文明餐桌”与“绿色出行”行动",
     "“文明餐桌”、“绿色出行”行动"],
)
def test_quotes_joined_into_a_list_share_the_trigger(text: str) -> None:
    assert names(text) == ["文明餐桌", "绿色出行"]


def test_a_comma_ends_a_list() -> None:
    assert names("“文明餐桌”，“绿色出行”行动") == ["绿色出行"]


@pytest.mark.parametrize(
    "text",
    ["“文明餐桌”等三大活动", "“文明餐桌”系列主题活动", "“文明餐桌”工程 活动", "“文明餐桌”\n活动"],
)
def test_a_short_modifier_may_stand_before_the_trigger(text: str) -> None:
    assert names(text) == ["文明餐桌"]


@pytest.mark.parametrize(
    "text",
    ["“文明餐桌”推动活动", "“文明餐桌”的活动", "“文明餐桌”活动场所", "“文明餐桌”活动 经费", "“文明餐桌”文明交通品牌",
     "“红”行动", "“主题式”行动"],
)
def test_no_initiative_across_a_verb_before_a_place_word_or_a_generic_trigger(text: str) -> None:
    assert names(text) == []


def test_works_need_a_name_of_two_characters_that_is_not_generic() -> None:
    assert names("推进湖综合治理") == []
    assert names("推进各类综合治理") == []
    assert names("“文明餐桌”综合整治") == []  # the quote is the name, and it has no trigger


def test_works_names_run_back_at_most_sixteen_characters() -> None:
    assert names("推进一二三四五六七八九十一二三四五六综合治理") == ["一二三四五六七八九十一二三四五六综合治理"]
    assert names("推进一二三四五六七八九十一二三四五六七综合治理") == ["二三四五六七八九十一二三四五六七综合治理"]


def test_works_next_to_quoted_initiatives() -> None:
    assert found("开展“光盘行动”。推进东湖综合治理") == [("光盘行动", 3, 7, 0.9), ("东湖综合治理", 11, 17, 0.8)]
    assert found("推动“文明江北行动”东湖综合治理") == [("文明江北行动", 3, 9, 0.9), ("东湖综合治理", 10, 16, 0.8)]


def test_works_inside_a_quoted_initiative_or_a_title_are_not_suggested_again() -> None:
    assert found("开展“东湖综合治理”") == [("东湖综合治理", 3, 9, 0.75)]
    assert found("“东湖综合治理行动”") == [("东湖综合治理行动", 1, 9, 0.9)]
    assert found("《东湖综合治理方案》") == []
    assert found("开展东湖“综合治理”") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“文明餐桌”交通活动", [("“文明餐桌”交通活动", 0, 10, 0.85)]),  # two descriptive characters: the full name
        ("“文明餐桌”系列交通活动", [("“文明餐桌”系列交通活动", 0, 12, 0.85)]),  # generic words do not count
        ("“文明餐桌”一二三四五六七八活动", [("“文明餐桌”一二三四五六七八活动", 0, 16, 0.85)]),  # eight at most
        ("“文明餐桌”一二三四五六七八九活动", []),
        ("“文明餐桌”小活动", [("文明餐桌", 1, 5, 0.9)]),  # one: a modifier of the trigger
        ("“文明餐桌”等交通活动", [("文明餐桌", 1, 5, 0.9)]),  # 等 lists the quote: no full name
        ("“文明餐桌”三大活动", [("文明餐桌", 1, 5, 0.9)]),
        ("“文明餐桌”5项活动", [("文明餐桌", 1, 5, 0.9)]),
    ],
)
def test_what_stands_between_a_quote_and_its_trigger(text: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert found(text) == expected


def test_a_generic_works_name_does_not_end_the_search() -> None:
    assert found("推进各类综合治理，推进东湖综合治理") == [("东湖综合治理", 11, 17, 0.8)]


def test_works_that_are_a_whole_title_are_its_name_only() -> None:
    assert found("《东湖综合治理》") == []


def test_a_theme_after_words_before_yi() -> None:
    assert found("要以“文明江北”为主题") == [("文明江北", 3, 7, 0.7)]


def test_a_cued_name_of_two_characters_and_one_of_twelve_with_a_break() -> None:
    assert found("开展“光盘”") == [("光盘", 3, 5, 0.75)]
    assert found("开展“一二三四五六\n七八九十一二”") == [("一二三四五六\n七八九十一二", 3, 16, 0.75)]


def test_an_adjective_in_a_list_leaves_the_names_after_it() -> None:
    assert found("推行“定制式”“光盘行动”") == [("光盘行动", 8, 12, 0.9)]
