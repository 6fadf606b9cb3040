"""Person suggestions by the conventions of issue 12: named persons, with context."""

from __future__ import annotations

import pytest

from curator.core.suggest import LABELS, suggest


def persons(text: str) -> list[str]:
    assert "person" in LABELS  # a negative case means something only if the suggester runs
    found = suggest(text, ["person"])
    assert all(text[s.start:s.end] == s.text and 0 < s.attrs["score"] <= 1 for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区委书记周立新表示，", ["周立新"]),  # jieba cuts 周/立新
        ("67岁的宣讲志愿者唐建国在展馆讲述", ["唐建国"]),
        ("本报记者 李明华\n\n今年以来", ["李明华"]),
        ("◎ 通讯员 赵振东 孙倩\n\n近年来", ["赵振东", "孙倩"]),
        ("本报讯（旦正措）为进一步整合", ["旦正措"]),  # a byline: no surname needed
        ("（记者 黄志强）8月12日", ["黄志强"]),
        ("杨亮 陈煜\n全国精神文明建设", ["杨亮", "陈煜"]),  # a line of names
        ("退休居民邓\n\n元蓉与队员们", ["邓\n\n元蓉"]),  # OCR break inside
        ("出租车司机钟付民说。除了钟付民，还有", ["钟付民", "钟付民"]),  # then every occurrence
        ("区文明办主任王晓燕说", ["王晓燕"]),
        ("部长李明说，", ["李明"]),
    ],
)
def test_named_persons(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "习近平新时代中国特色社会主义思想",  # no context introduces a person
        "高质量发展",
        "提升市民文明素质",  # 文明 is nr in jieba's dictionary
        "党员、志愿者、居民全动员",
        "社区居民提供服务",
        "志愿者服务站",
        "建国以来",
        "学生们积极参与",
    ],
)
def test_not_persons(text: str) -> None:
    assert persons(text) == []
