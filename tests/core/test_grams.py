"""The full-text index's words: a format stored in every project file, so its spelling must not drift."""

from __future__ import annotations

from curator.core import grams
from curator.core.grams import bigram_tokens, index_text, phrase_query


def test_every_adjacent_pair_of_characters_is_one_word():
    assert bigram_tokens("文明城") == ["文明", "明城"]
    assert bigram_tokens("𠮷a") == ["𠮷a"]
    assert bigram_tokens("文") == [] and bigram_tokens("") == []


def test_index_text_and_phrase_query():
    assert index_text("文明城") == "文明 明城"
    assert index_text("文") == ""
    assert phrase_query("文明城") == '"文明 明城"'
    assert phrase_query('说"好') == '"说"" ""好"'  # a quote mark inside the phrase is doubled
    assert phrase_query("文") is None and phrase_query("") is None


def test_a_long_text_is_indexed_in_chunks_with_no_pair_lost_at_their_seams():
    text = "".join(chr(0x4E00 + i % 5000) for i in range(grams._CHUNK * 2 + 7))
    assert index_text(text) == " ".join(bigram_tokens(text))
    for size in (grams._CHUNK + 1, grams._CHUNK + 2, 2 * grams._CHUNK + 1):  # the last chunk of one or two characters
        exact = "".join(chr(0x4E00 + i % 5000) for i in range(size))
        assert index_text(exact) == " ".join(bigram_tokens(exact))
