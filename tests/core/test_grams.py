"""The full-text index's tokens: a format stored in every project file, so its spelling must not drift."""

from __future__ import annotations

from curator.core.grams import bigram_tokens, index_text, phrase_query


def test_bigrams_are_spelled_in_lowercase_hex_code_points_joined_by_g():
    assert bigram_tokens("文明") == ["6587g660e"]
    assert bigram_tokens("𠮷a") == ["20bb7g61"]
    assert bigram_tokens("文明城") == ["6587g660e", "660eg57ce"]


def test_index_text_and_phrase_query():
    assert index_text("文明城") == "6587g660e 660eg57ce"
    assert index_text("文") == ""
    assert phrase_query("文明城") == '"6587g660e 660eg57ce"'
    assert phrase_query("文") is None and phrase_query("") is None
