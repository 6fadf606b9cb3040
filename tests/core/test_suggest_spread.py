from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.core.suggest import find_occurrences


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("光盘行动，光盘行动", "光盘行动", [(0, 4), (5, 9)]),
        ("𠮷光盘行动😀光盘行动", "光盘行动", [(1, 5), (6, 10)]),
        ("哈哈哈哈哈", "哈哈", [(0, 2), (2, 4)]),  # non-overlapping, left to right
        ("文明单位和省级文明单位", "文明单位", [(0, 4), (7, 11)]),  # Chinese: every occurrence
        ("A2O and A2OB and xA2O", "A2O", [(0, 3)]),  # glued to a longer Latin word: skipped
        ("超3万人，13万人", "3万人", [(1, 4)]),  # 13万人 is another number
        ("ＡＢＣ和ＡＢＣＤ", "ＡＢＣ", [(0, 3)]),
        ("没有", "光盘", []),
        ("任意文本", "", []),
    ],
)
def test_find_occurrences(text: str, needle: str, expected: list[tuple[int, int]]) -> None:
    assert find_occurrences(text, needle) == expected


@given(st.text(alphabet="光盘行动𠮷😀a ", max_size=30), st.text(alphabet="光盘行动𠮷😀", min_size=1, max_size=3))
def test_occurrences_are_exact_sorted_and_disjoint(text: str, needle: str) -> None:
    found = find_occurrences(text, needle)
    assert all(text[s:e] == needle for s, e in found)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(found, found[1:]))
    assert len(found) == text.count(needle)  # CJK/emoji needles have no word edges to check
