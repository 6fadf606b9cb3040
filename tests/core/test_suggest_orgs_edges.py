"""The organisation rules at their boundaries: what stands alone, where a level
starts a body, titles after 委, how far a name runs back, and nested spans."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest
from curator.core.suggest.orgs import _outermost


def orgs(text: str) -> list[tuple[str, int, int, float]]:
    found = suggest(text, ["org"])
    assert all(text[s.start:s.end] == s.text for s in found)
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in found]


def names(text: str) -> list[str]:
    return [name for name, *_ in orgs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("党中央、国务院高度重视", ["党中央", "国务院"]),
        ("中共中央办公厅印发", ["中共中央"]),
        ("中国共产党成立", ["中国共产党"]),
        ("中宣部和团中央", ["中宣部", "团中央"]),
        ("全国总工会、全国妇联", ["全国总工会", "全国妇联"]),
        ("被中央文明办表彰", ["中央文明办"]),
        ("团县委、团区委", ["团县委", "团区委"]),
    ],
)
def test_national_bodies_stand_alone(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("unit", ["文明办", "文明委", "交警支队", "交警大队", "创城办", "志愿服务指导中心", "团委"])
def test_a_few_body_words_stand_alone(unit: str) -> None:
    assert orgs(f"，{unit}牵头") == [(unit, 1, 1 + len(unit), 0.9)]


@pytest.mark.parametrize("unit", ["宣传部", "政府", "公安局", "党委"])
def test_other_body_words_need_a_level_or_a_place(unit: str) -> None:
    assert names(f"，{unit}牵头") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("西宁市城东区人民政府", ["城东区人民政府"]),  # the nearest place only
        ("湖州市文明办牵头", ["湖州市文明办"]),
        ("江阳区新时代文明实践中心", ["江阳区新时代文明实践中心"]),  # the place's last character is a level too
        ("城东区公安分局", ["城东区公安分局"]),
        ("县公安局交警大队城区中队", ["县公安局交警大队城区中队"]),  # a named squad of the last body
        ("县交警大队城区中队", ["县交警大队城区中队"]),
        ("县公安局交警大队城区中", ["县公安局交警大队"]),
        ("市委宣传部", ["市委宣传部"]),
        ("区纪委监委", ["区纪委监委"]),
    ],
)
def test_government_bodies_after_a_level_or_a_place(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_level_starts_a_body_unless_it_ends_a_common_word() -> None:
    # jieba counts 返乡 49 times and 思乡 50: from 50 on, the level character belongs to the word before
    assert names("返乡政府") == ["乡政府"]
    assert names("思乡政府") == []
    assert names("返乡党委开会") == ["乡党委"]
    assert names("思乡党委开会") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吴兴区委召开会议", ["吴兴区委"]),
        ("青海省委", ["青海省委"]),
        ("市委召开会议", ["市委"]),
        ("格尔木委", []),  # a place that does not end in a level is no committee
        ("吴兴区委书记", []),
        ("吴兴区委副书记", []),
        ("吴兴区委常委", []),
        ("吴兴区委委员", []),
        ("市委书记", []),
        ("县委常委会议", []),
        ("市委副书记", []),
        ("团市委书记", ["团市委"]),
    ],
)
def test_a_committee_after_a_place_or_level_unless_a_title_follows(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    ["红柳志愿服务队员", "红柳协会长", "湖州大学生", "红柳学院部", "“红柳服务队”"],
)
def test_a_body_word_continued_into_another_word_is_no_body(text: str) -> None:
    assert names(text) == []


def test_a_body_word_at_the_very_end_of_the_text() -> None:
    assert orgs("成立红柳志愿服务队") == [("红柳志愿服务队", 2, 9, 0.8)]


def test_a_name_runs_back_at_most_fourteen_characters() -> None:
    assert names("，红柳金枫绿水碧海蓝天白云朵花协会") == ["红柳金枫绿水碧海蓝天白云朵花协会"]
    assert names("，红柳金枫绿水碧海蓝天白云朵花树协会") == ["柳金枫绿水碧海蓝天白云朵花树协会"]


def test_a_name_stops_at_a_body_before_it() -> None:
    assert orgs("成立领导小组爱国卫生运动工作组") == [("爱国卫生运动工作组", 6, 15, 0.8)]


def test_two_leading_verbs_are_dropped_one_is_kept() -> None:
    assert names("积极用好红柳志愿服务队") == ["红柳志愿服务队"]
    assert names("推进创建全国文明城市工作领导小组") == ["创建全国文明城市工作领导小组"]


@pytest.mark.parametrize("text", ["，红协会", "，全市志愿服务队", "，各级志愿服务队", "，该协会"])
def test_a_one_character_or_generic_name_is_no_body(text: str) -> None:
    assert names(text) == []


def test_a_government_body_outranks_a_named_one_and_nested_spans_go() -> None:
    assert orgs("寿光市人民医院的医护志愿者") == [("寿光市人民医院", 0, 7, 0.8)]
    assert orgs("市公安局交警支队在路口") == [("市公安局交警支队", 0, 8, 0.9)]


def test_outermost_keeps_the_longest_of_nested_spans_and_any_that_only_overlap() -> None:
    found = {(0, 3): 0.9, (0, 5): 0.9, (2, 4): 0.8, (4, 8): 0.8, (5, 8): 0.9, (9, 10): 0.8}
    assert _outermost(found) == [((0, 5), 0.9), ((4, 8), 0.8), ((9, 10), 0.8)]
    assert _outermost({}) == []


@pytest.mark.parametrize("word", ["深入", "持续", "服务", "不断", "积极", "按照", "优秀"])  # v vd vn d ad p a
def test_verbs_adverbs_prepositions_and_adjectives_before_a_name_are_dropped(word: str) -> None:
    assert names(f"，{word}用好红柳志愿服务队") == ["红柳志愿服务队"]


@pytest.mark.parametrize("text", ["在小区委托物业", "小区委托物业"])
def test_a_level_ending_a_common_word_before_wei_is_no_committee(text: str) -> None:
    assert names(text) == []  # 小区 is a word: 区委 is not a body here


@pytest.mark.parametrize("text", ["团省委召开会议", "团州委召开会议"])
def test_the_committee_inside_a_youth_league_committee_is_not_taken_alone(text: str) -> None:
    assert "省委" not in names(text) and "州委" not in names(text)
