"""The shared pieces of the name rules: quoted names, 《》 titles, regions, and the squeezed text
whose offsets map back onto the original."""

from __future__ import annotations

import pytest

from curator.core.suggest.quotes import Quote, Regions, find_quotes, find_titles
from curator.core.suggest.squeeze import squeeze


def test_every_kind_of_quote_mark_and_the_inner_offsets() -> None:
    assert find_quotes("“光盘”「美丽」『庭院』\"AB\"") == (
        Quote(1, 3, "光盘"), Quote(5, 7, "美丽"), Quote(9, 11, "庭院"), Quote(13, 15, "AB"))


def test_quotes_are_sixty_characters_at_most_ascii_ones_forty_on_one_line() -> None:
    assert find_quotes("“" + "文" * 60 + "”") == (Quote(1, 61, "文" * 60),)
    assert find_quotes("“" + "文" * 61 + "”") == ()
    assert find_quotes('"' + "a" * 40 + '"') == (Quote(1, 41, "a" * 40),)
    assert find_quotes('"' + "a" * 41 + '"') == ()
    assert find_quotes('"a\nb"') == ()
    assert find_quotes("“8 小时\n\n工作制”") == (Quote(1, 10, "8 小时\n\n工作制"),)


def test_titles_are_a_hundred_characters_at_most() -> None:
    assert find_titles("《" + "文" * 100 + "》") == (Quote(1, 101, "文" * 100),)
    assert find_titles("《" + "文" * 101 + "》") == ()
    assert find_titles("印发《A方案》《B办法》") == (Quote(3, 6, "A方案"), Quote(8, 11, "B办法"))


def test_a_name_is_thirty_characters_without_spaces_and_no_sentence_punctuation() -> None:
    assert Quote(0, 30, "文" * 30).is_name
    assert not Quote(0, 31, "文" * 31).is_name
    assert Quote(0, 60, "文 " * 30).is_name  # OCR spaces do not count
    assert not Quote(0, 3, "文，明").is_name
    assert not Quote(0, 3, "文:明").is_name
    assert Quote(0, 5, "文明·和谐").is_name


def test_regions_merge_touching_and_overlapping_spans() -> None:
    regions = Regions([(5, 8), (1, 3), (3, 4), (10, 12), (11, 15)])
    inside = [i for i in range(17) if regions.contains(i)]
    assert inside == [1, 2, 3, 5, 6, 7, 10, 11, 12, 13, 14]
    assert not Regions([]).contains(0)
    assert Regions([(0, 10), (2, 3)]).contains(9)  # a region inside another does not shorten it


def test_squeeze_removes_every_kind_of_ocr_whitespace() -> None:
    sq = squeeze("甲 乙\n\n丙\u3000丁\xa0戊\t己\r庚")
    assert sq.text == "甲乙丙丁戊己庚"
    assert sq.cuts == (1, 2, 3, 4, 5, 6)
    assert sq.shifts == (1, 3, 4, 5, 6, 7)


def test_squeezed_offsets_map_back() -> None:
    text = "甲 乙\n\n丙\u3000丁\xa0戊\t己\r庚"
    sq = squeeze(text)
    assert [sq.origin(i) for i in range(len(sq.text))] == [0, 2, 5, 7, 9, 11, 13]
    assert all(text[sq.origin(i)] == ch for i, ch in enumerate(sq.text))
    assert sq.span(1, 3) == (2, 6)  # 乙\n\n丙: the break stays inside
    assert sq.span(0, 1) == (0, 1)


def test_text_without_whitespace_is_its_own_squeeze() -> None:
    sq = squeeze("abc")
    assert (sq.text, sq.cuts, sq.shifts) == ("abc", (), ())
    assert sq.origin(2) == 2 and sq.span(0, 3) == (0, 3)


@pytest.mark.parametrize("text", [" 甲乙", "甲乙 ", "  "])
def test_whitespace_at_either_end(text: str) -> None:
    sq = squeeze(text)
    assert sq.text == text.strip()
    assert all(text[sq.origin(i)] == ch for i, ch in enumerate(sq.text))
