"""Where spreading stops: word characters of scripts that separate words, and occurrences at the text's edges."""

from __future__ import annotations

import pytest

from curator.core.quantity import Quantity, parse_quantity
from curator.core.suggest.spread import _is_word_char, find_occurrences


@pytest.mark.parametrize(("ch", "word"), [
    ("a", True), ("Z", True), ("7", True), ("-", False), (" ", False),
    ("é", True), ("α", True), ("Ж", True), ("０", True), ("９", True), ("Ａ", True), ("ｚ", True),
    ("⒈", True),  # DIGIT ONE FULL STOP
    ("文", False), ("。", False), ("，", False), ("٣", False),  # CJK and other scripts: no word edge
    ("\U00017000", False),  # a letter without a name in unicodedata (Tangut)
])
def test_word_characters(ch, word):
    assert _is_word_char(ch) is word


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ("xA2O", "A2O", []),  # glued on the left at position 1
    ("foo A2O", "A2O", [(4, 7)]),  # at the very end: nothing on its right
    ("A2O", "A2O", [(0, 3)]),
    ("A2OB A2O A2O", "A2O", [(5, 8), (9, 12)]),  # after a glued one, every later one is still found
    ("13万 3万", "3万", [(4, 6)]),
    ("格尔木市格尔木市", "格尔木市", [(0, 4), (4, 8)]),
])
def test_find_occurrences_at_the_edges(text, needle, expected):
    assert find_occurrences(text, needle) == expected


def test_a_numeral_that_is_not_a_number_does_not_hide_the_figure_after_it():
    assert parse_quantity("五一期间志愿者超3万人") == Quantity(30000.0, "人", "超")
