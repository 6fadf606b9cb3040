"""Normalising a text with offsets: the text is what normalise() gives and every offset lands where it should."""

from __future__ import annotations

import pytest

from curator.core.normalise import PositionMap, SplitCharacter, normalise, normalise_with_map


@pytest.mark.parametrize("text, expected, moved", [
    ("\uf900文明", "\u8c48文明", [0, 1, 2, 3]),  # a CJK compatibility ideograph becomes its unified form
    ("文\uf9001", "文\u8c481", [0, 1, 2, 3]),
    ("\u212b", "\u00c5", [0, 1]),  # the angstrom sign becomes Å
    ("\u0344", "\u0308\u0301", [0, 2]),  # one character NFC writes as two
    ("\r\n\uf900", "\n\u8c48", [0, 0, 1, 2]),
])
def test_a_single_character_that_normalisation_changes_is_changed_in_annotated_text_too(text, expected, moved):
    new, position = normalise_with_map(text)
    assert new == normalise(text) == expected
    assert [position(i) for i in range(len(text) + 1)] == moved


def test_offsets_after_a_changed_character_move_with_it():
    text = "格尔木\uf967市志愿者"  # 不 as a compatibility ideograph in the middle
    new, position = normalise_with_map(text)
    assert new == "格尔木\u4e0d市志愿者"
    assert new[position(4):position(8)] == "市志愿者"


@pytest.mark.parametrize("position", [True, False, 1.0, "1", None, -1, 5])
def test_a_position_that_is_not_a_whole_number_in_the_text_is_refused(position):
    _text, move = normalise_with_map("\ufeffabc")
    with pytest.raises(ValueError) as caught:
        move(position)
    assert str(caught.value) == f"position {position!r} is outside the text (4 characters)"
    with pytest.raises(ValueError):
        PositionMap(4)(position)


def test_an_unchanged_text_maps_every_position_to_itself():
    new, position = normalise_with_map("格尔木市\n志愿者")
    assert new == "格尔木市\n志愿者" and position.identity
    assert [position(i) for i in range(9)] == list(range(9))
    assert not normalise_with_map("\ufeffa")[1].identity


def test_a_position_inside_combined_characters_is_named():
    _text, position = normalise_with_map("ae\u0301b")
    assert position(1) == 1 and position(3) == 2
    with pytest.raises(SplitCharacter) as caught:
        position(2)
    assert str(caught.value) == "position 2 falls inside characters that Unicode normalisation combines"
