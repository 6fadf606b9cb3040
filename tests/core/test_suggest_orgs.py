"""Organisation suggestions by the conventions of issue 12: named bodies."""

from __future__ import annotations

import pytest

from curator.core.suggest import LABELS, suggest


def orgs(text: str) -> list[str]:
    assert "org" in LABELS  # a negative case means something only if the suggester runs
    found = suggest(text, ["org"])
    assert all(text[s.start:s.end] == s.text and 0 < s.attrs["score"] <= 1 for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市公安局交警支队在路口设岗", ["市公安局交警支队"]),
        ("区委宣传部相关负责人介绍", ["区委宣传部"]),
        ("吴兴区委宣传部联合举办", ["吴兴区委宣传部"]),
        ("市文明办、团市委联合开展", ["市文明办", "团市委"]),
        ("在市委、市政府的关心下", ["市委", "市政府"]),
        ("区公安分局交警大队查处违法", ["区公安分局交警大队"]),
        ("市卫健局联合市红十字会开展", ["市卫健局", "市红十字会"]),
        ("金峰路街道办事处结合辖区", ["金峰路街道办事处"]),
        ("星园社区党支部开展主题党日", ["星园社区党支部"]),
        ("街道组建邻里守望志愿服务队", ["邻里守望志愿服务队"]),
        ("湖州师范学院的200余名大学生", ["湖州师范学院"]),
        ("株洲市第二中学组建护河队", ["株洲市第二中学"]),
        ("寿光市人民医院的医护志愿者", ["寿光市人民医院"]),
        ("被中央文明委确定为试点", ["中央文明委"]),
        ("成立创建全国文明城市工作领导小组", ["创建全国文明城市工作领导小组"]),
        ("格尔木市文明交通志\n\n愿者协会举行揭牌仪式", ["格尔木市文明交通志\n\n愿者协会"]),  # OCR break inside
    ],
)
def test_named_bodies(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "由市委书记、市长担任组长",  # a title, not a body
        "区委书记周立新表示",
        "下设17个工作组",  # counted, not named
        "组建专业志愿服务队6支",  # generic
        "各志愿服务队围绕重点工作",
        "社区党委坚持以匠为魂",  # the level word ends another word
        "小区物业共同参与",
        "超市、物业、餐饮等行业",
        "建立了新时代文明实践联盟",
        "200余名大学生加入",
        "在中小学校开展教育",
    ],
)
def test_not_bodies(text: str) -> None:
    assert orgs(text) == []


def test_a_named_body_starts_at_the_place_it_names() -> None:
    assert orgs("株洲荷塘区：激活基层治理\n\n株洲日报记者 谭晓丽") == ["株洲日报"]


def test_a_level_with_its_party_committee_is_a_body_unless_a_title_follows() -> None:
    assert orgs("在仙庾镇，镇党委组织党员干部") == ["镇党委"]
    assert orgs("街道党工委书记陈建军介绍") == []
