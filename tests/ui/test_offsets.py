"""OffsetMap against the definition: Qt's position of code point i is len(text[:i].encode("utf-16-le")) // 2."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from curator.ui.offsets import OffsetMap

# ASCII, CJK, 𠮷 (Extension B) and 😀: one and two UTF-16 units, runs of both
texts = st.lists(st.sampled_from(["a", "Z", "\n", "文", "明", "。", "𠮷", "😀", "\U0010ffff", "\U00010000"]),
                 max_size=60).map("".join) | st.text(max_size=40)


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def pair_starts(text: str) -> dict[int, int]:
    """UTF-16 position of each astral character's second half -> that character's code-point index."""
    return {utf16(text, i) + 1: i for i, ch in enumerate(text) if ord(ch) > 0xFFFF}


@settings(max_examples=300, deadline=None)
@given(texts)
@example("𠮷")
@example("😀😀a")
@example("a𠮷b😀c文")
def test_to_qt_counts_utf16_units_before_each_code_point(text):
    offsets = OffsetMap(text)
    assert offsets.length == len(text)
    for i in range(len(text) + 1):
        assert offsets.to_qt(i) == utf16(text, i), (text, i)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("𠮷")
@example("😀😀a")
@example("a𠮷b😀c文")
def test_from_qt_inverts_to_qt_and_sends_a_half_to_the_pair_start(text):
    offsets = OffsetMap(text)
    halves = pair_starts(text)
    total = len(text.encode("utf-16-le")) // 2
    for position in range(total + 1):
        if position in halves:  # between the two halves of one character: its start
            assert offsets.from_qt(position) == halves[position], (text, position)
        else:
            index = offsets.from_qt(position)
            assert utf16(text, index) == position, (text, position)
    for i in range(len(text) + 1):
        assert offsets.from_qt(offsets.to_qt(i)) == i


def test_a_position_inside_a_pair_goes_to_its_start():
    text = "社𠮷区😀文"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_qt(p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


def test_an_ascii_text_maps_each_position_to_itself():
    offsets = OffsetMap("plain text")
    assert [offsets.to_qt(i) for i in range(11)] == list(range(11))
    assert [offsets.from_qt(i) for i in range(11)] == list(range(11))
