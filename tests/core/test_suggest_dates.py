"""Date suggestions by the conventions of issue 12: dates and periods."""

from __future__ import annotations

import pytest

from curator.core.suggest import LABELS, suggest


def dates(text: str) -> list[str]:
    assert "date" in LABELS  # a negative case means something only if the suggester runs
    found = suggest(text, ["date"])
    assert all(text[s.start:s.end] == s.text and 0 < s.attrs["score"] <= 1 for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7月29日，全市召开推进会", ["7月29日"]),
        ("2023年，全区注册志愿者", ["2023年"]),
        ("2023年7月，吴兴区启动", ["2023年7月"]),
        ("2023年7月29日上午", ["2023年7月29日"]),
        ("截至6月底，全区", ["6月底"]),
        ("8月初的一天", ["8月初"]),
        ("去年3月，社区建成", ["去年3月"]),
        ("上世纪六十年代，大量建设者", ["上世纪六十年代"]),
        ("2019年 9月被确定为试点", ["2019年 9月"]),
        ("8\n\n月 17日，协会举行揭牌仪式", ["8\n\n月 17日"]),  # OCR breaks inside
        ("2022年以来，全区", ["2022年"]),
    ],
)
def test_dates_and_periods(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，全市各级学校",  # relative only
        "近年来，格尔木市",
        "去年完工的项目",
        "已持续开展3年",  # a duration
        "用时3个月完成",
        "印发《2021—2023年创建工作方案》",  # inside a title: part of its name
        "20202020年文明城市创建动员会",  # glued to a longer digit run
        "第3月进行考核",
        "劝导岗58个",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []
