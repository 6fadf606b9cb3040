"""Every body word of the organisation rules is found (its lists are data: a word dropped or
mistyped shows here)."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest
from curator.core.suggest.orgs import _DEPARTMENTS, _UNITS

NAMED_SUFFIXES = (
    "志愿服务队", "志愿者协会", "志愿服务协会", "志愿者服务队", "志愿队", "服务队", "艺术团", "协会", "学会", "联合会",
    "商会", "基金会", "师范学院", "理工学院", "职业技术学院", "学院", "大学", "中学", "小学", "幼儿园", "医院",
    "卫生院", "公司", "集团", "银行", "日报", "晚报", "报社", "电视台", "工作领导小组", "领导小组", "工作组",
    "指挥部", "联盟",
)


def orgs(text: str) -> list[tuple[str, int, int, float]]:
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in suggest(text, ["org"])]


def names(text: str) -> list[str]:
    return [name for name, *_ in orgs(text)]


@pytest.mark.parametrize("department", _DEPARTMENTS)
def test_every_department_is_a_bureau_of_a_city_and_of_a_province(department: str) -> None:
    assert names(f"，市{department}局开展检查") == [f"市{department}局"]
    assert names(f"，省{department}厅开展检查") == [f"省{department}厅"]


@pytest.mark.parametrize("unit", _UNITS)
def test_every_body_word_after_a_level_is_a_body(unit: str) -> None:
    assert orgs(f"，县{unit}开展检查") == [(f"县{unit}", 1, 1 + len(unit) + 1, 0.9)]


@pytest.mark.parametrize("suffix", NAMED_SUFFIXES)
def test_every_named_body_word_after_a_name_is_a_body(suffix: str) -> None:
    assert orgs(f"，红柳{suffix}开展活动") == [(f"红柳{suffix}", 1, 3 + len(suffix), 0.8)]
