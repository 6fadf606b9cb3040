"""Indicators by the conventions of issue 12: the shortest phrase naming what is counted."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest
from curator.core.suggest.figures import propose_indicator


def indicator(text: str, figure: str) -> str:
    found = {s.text: s for s in suggest(text, ["figure"])}
    return found[figure].attrs["indicator"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("我市共有注册志愿者12.6万人，", "12.6万人", "注册志愿者"),  # leading place and verb trimmed
        ("全县实现垃圾分类覆盖率100%", "100%", "垃圾分类覆盖率"),  # the verb goes, the rate word stays
        ("今年建成新时代文明实践站218个", "218个", "新时代文明实践站"),
        ("污水处理达标率达98.5%。", "98.5%", "污水处理达标率"),
        ("全镇调处各类矛盾纠纷460余件", "460余件", "矛盾纠纷"),  # scope words go
        ("志愿服务时长就突破150万小时", "150万小时", "志愿服务时长"),
        ("1200名在职党员到社区报到", "1200名", "在职党员"),  # named after the figure
        ("3.5万小时志愿服务让一江碧水更清", "3.5万小时", "志愿服务"),
        ("书记带头讲党课2次", "2次", "讲党课"),
        ("组织市委理论中心组集体学习23次", "23次", "市委理论中心组集体学习"),  # no cut at ten characters
        ("10人入选第三届“寿光好人”", "10人", "寿光好人"),  # the ordinal goes
        ("企业主动申报22家", "22家", "企业主动申报"),
    ],
)
def test_indicator_conventions(text: str, figure: str, expected: str) -> None:
    assert indicator(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "not_expected"),
    [
        ("设置劝导岗58个.320名党员参与", "320名", "劝导岗58个"),  # an ASCII full stop ends the clause
        ("活动覆盖全县，规模达3000人", "3000人", "规模"),  # a bare generic word
        ("据统计，全国12.5万人参与", "12.5万人", "全国"),
    ],
)
def test_indicators_never_cross_a_clause_nor_name_a_generic_word(text: str, figure: str, not_expected: str) -> None:
    got = indicator(text, figure)
    assert got and got != not_expected and "58个" not in got and got not in ("全国", "规模", "县")


def test_a_generic_measure_word_takes_the_topic_before_it() -> None:
    assert indicator("活动覆盖全县，规模达3000人", "3000人") == "活动规模"


def test_a_headline_figure_is_named_by_the_verb_after_it() -> None:
    assert indicator("12.5万人参与\n", "12.5万人") == "参与"


def test_a_long_noun_phrase_is_cut_at_a_word_edge_not_at_a_length() -> None:
    text = "全市新时代文明实践志愿服务品牌项目36个"
    start = text.index("36个")
    got = propose_indicator(text, start, start + 3)
    assert text[:start].endswith(got) and got.startswith(("新时代", "文明", "志愿", "品牌", "实践"))


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("查处各类交通违法行为近500起", "近500起", "交通违法行为"),  # 为 of 行为 is no trailing 为
        ("在路口设置文明交通劝导岗58个", "58个", "文明交通劝导岗"),  # the last verb that leaves a name
        ("共评选出各级文明家庭1500户", "1500户", "文明家庭"),
        ("修订村规民约82份", "82份", "村规民约"),
        ("320名机关党员下沉社区", "320名", "机关党员"),
    ],
)
def test_indicators_keep_whole_words(text: str, figure: str, expected: str) -> None:
    assert indicator(text, figure) == expected
