"""jieba as the suggesters use it, and the trie-shaped word patterns."""

from __future__ import annotations

import re

from curator.core.suggest.lexicon import cut, fast_cut, frequency, word_tag
from curator.core.suggest.patterns import words_pattern


def test_words_pattern_is_a_trie_longest_first() -> None:
    assert words_pattern(["公安", "公安局", "公", "民政"]) == "(?:公(?:安(?:局)?)?|民政)"
    assert words_pattern(["民政"]) == "民政"
    assert words_pattern([]) == ""
    assert words_pattern(["a.b"]) == r"a\.b"  # escaped


def test_words_pattern_matches_the_longest_word() -> None:
    pattern = re.compile(words_pattern(["公安", "公安局", "公安分局", "民政局"]))
    assert [m.group() for m in pattern.finditer("公安局和公安分局、民政局、公安")] == ["公安局", "公安分局", "民政局", "公安"]


def test_cut_keeps_whitespace_and_can_go_without_hmm() -> None:
    assert "".join(cut("志愿者 唐建国")) == "志愿者 唐建国"
    assert " " in cut("志愿者 唐建国")
    assert cut("唐建国", hmm=False) == ["唐", "建国"]


def test_fast_cut_matches_backwards_over_the_dictionary() -> None:
    assert fast_cut("企业主动申报") == ["企业", "主动", "申报"]  # not 企业主 / 动 / 申报
    assert fast_cut("中华人民共和国") == ["中华", "人民共和国"]
    assert fast_cut("中华人民共和国", longest=4) == ["中华人民", "共和国"]
    assert fast_cut("") == []
    assert fast_cut("𠮷") == ["𠮷"]  # unknown: one character


def test_fast_cut_leaves_rare_three_character_words_apart() -> None:
    assert frequency("类书籍") < 5 < frequency("书籍")
    assert fast_cut("各类书籍") == ["各类", "书籍"]
    assert fast_cut("村规民约") == ["村规民约"]
    # jieba counts 一万户 five times and 一万条 four: from five on, a three-character word is one
    assert (frequency("一万户"), frequency("一万条")) == (5, 4)
    assert fast_cut("一万户") == ["一万户"]
    assert fast_cut("一万条") == ["一", "万条"]


def test_fast_cut_looks_at_most_longest_characters_back() -> None:
    assert fast_cut("志愿者", longest=2) == ["志", "愿者"]
    assert fast_cut("志愿者", longest=3) == ["志愿者"]
    assert fast_cut("ab") == ["a", "b"]


def test_word_tags_and_frequencies_come_from_the_dictionary() -> None:
    assert word_tag("青海") == "ns"
    assert word_tag("开展") == "v"
    assert word_tag("𠮷𠮷") is None
    assert frequency("𠮷𠮷") == 0
    assert frequency("开展") > 1000


def test_cut_joins_unknown_names_with_hmm_only() -> None:
    assert cut("黄赟辉") == ["黄赟辉"]
    assert cut("黄赟辉", hmm=False) == ["黄", "赟", "辉"]


def test_fast_cut_takes_words_of_five_characters_at_most_by_default() -> None:
    assert frequency("一万一千多间") > 0  # a six-character dictionary word
    assert fast_cut("一万一千多间") == ["一万一千", "多间"]
    assert fast_cut("一万一千多间", longest=6) == ["一万一千多间"]
