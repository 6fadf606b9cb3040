"""Overlapping character bigrams for the full-text index (the CJK approach of Lucene's CJKAnalyzer).

Every adjacent pair of characters becomes one word of the index text ("注册志愿者" -> "注册 册志
志愿 愿者"), which FTS5's unicode61 tokenizer (diacritics kept) reads as one token per pair; a
pair holding punctuation or a space yields what is left of it, the same way in documents and
queries. A query of n >= 2 characters is the phrase of its n-1 pairs, so every document that
contains it matches; the search then checks each hit against the text (case and punctuation
are not in the tokens), so hits are exactly those of a substring scan.
"""

from __future__ import annotations

from operator import add

TOKENIZER = "unicode61 remove_diacritics 0"
_CHUNK = 65536


def bigram_tokens(text: str) -> list[str]:
    return list(map(add, text, text[1:]))


def index_text(text: str) -> str:
    """What goes into the FTS column for a document; a chunk at a time, so a 20 MB article never
    holds millions of small strings at once."""
    if len(text) <= _CHUNK:
        return " ".join(map(add, text, text[1:]))
    parts = [" ".join(map(add, text[i:i + _CHUNK + 1], text[i + 1:i + _CHUNK + 1]))
             for i in range(0, len(text) - 1, _CHUNK)]
    return " ".join(part for part in parts if part)


def phrase_query(query: str) -> str | None:
    """An FTS5 MATCH phrase that every document containing query matches (None under two characters)."""
    if len(query) < 2:
        return None
    return '"' + index_text(query).replace('"', '""') + '"'
