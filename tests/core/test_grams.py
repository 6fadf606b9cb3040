"""The full-text index's words: a format stored in every project file, so its spelling must not drift."""

from __future__ import annotations

from curator.core import grams
from curator.core.grams import bigram_tokens, index_text, match_query


def test_every_adjacent_pair_of_characters_is_one_word():
    assert bigram_tokens("文明城") == ["文明", "明城"]
    assert bigram_tokens("𠮷a") == ["𠮷a"]
    assert bigram_tokens("文") == [] and bigram_tokens("") == []


def test_index_text_and_match_query():
    assert index_text("文明城") == "文明 明城"
    assert index_text("文") == "" and index_text("") == ""
    assert index_text("a😀\ud800b") == "a😀 😀\ud800 \ud800b"  # astral and lone surrogates (a JSON escape) too
    assert match_query("文明城") == '"文明" AND "明城"'
    assert match_query("文明文明") == '"文明" AND "明文"'  # each pair once
    assert match_query('说"好') == '"说""" AND """好"'  # a quote mark inside a pair is doubled
    assert match_query("文") is None and match_query("") is None


def test_match_query_leaves_out_the_pairs_the_tokenizer_keeps_nothing_of():
    assert match_query("，。") is None and match_query("——！") is None  # punctuation only: the text is scanned
    assert match_query("好，。好") == '"好，" AND "。好"'  # "，。" would be an empty query, matching nothing
    assert match_query("A1") == '"A1"' and match_query("㐀㐁") == '"㐀㐁"'  # letters, digits, Extension A


def test_a_long_word_asks_for_a_few_pairs_spread_over_its_beginning():
    word = "".join(chr(0x4E00 + i) for i in range(40))
    pairs = match_query(word).split(" AND ")
    assert len(pairs) == grams.MATCH_PAIRS == 8
    assert pairs[0] == f'"{word[0:2]}"' and pairs[-1] == f'"{word[38:40]}"'  # the first and the last pair
    assert pairs == [f'"{word[i:i + 2]}"' for i in (0, 5, 11, 16, 22, 27, 33, 38)]
    assert match_query("".join(chr(0x4E00 + i) for i in range(9))).count(" AND ") == 7  # 8 pairs: all of them
    longer = "".join(chr(0x4E00 + i) for i in range(grams.MATCH_CHARS + 50))
    assert f'"{longer[grams.MATCH_CHARS - 2:grams.MATCH_CHARS]}"' in match_query(longer)  # chosen from its beginning


def test_index_text_is_the_pairs_joined_by_spaces_for_any_text():
    from hypothesis import given, strategies as st

    @given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=50))
    def same(text):
        assert index_text(text) == " ".join(bigram_tokens(text))

    same()


def test_a_long_text_is_indexed_in_chunks_with_no_pair_lost_at_their_seams():
    text = "".join(chr(0x4E00 + i % 5000) for i in range(grams._CHUNK * 2 + 7))
    assert index_text(text) == " ".join(bigram_tokens(text))
    for size in (grams._CHUNK + 1, grams._CHUNK + 2, 2 * grams._CHUNK + 1):  # the last chunk of one or two characters
        exact = "".join(chr(0x4E00 + i % 5000) for i in range(size))
        assert index_text(exact) == " ".join(bigram_tokens(exact))
