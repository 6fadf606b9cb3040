"""Overlapping character bigrams for the full-text index (the CJK approach of Lucene's CJKAnalyzer).

Every adjacent pair of characters becomes one token, spelled in hex code points so
that no tokenizer splits, folds or drops it. A query of n >= 2 characters is the
phrase of its n-1 bigrams, which matches exactly where a substring scan would.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def _hex(ch: str) -> str:
    return format(ord(ch), "x")


def bigram_tokens(text: str) -> list[str]:
    codes = [_hex(ch) for ch in text]
    return [a + "g" + b for a, b in zip(codes, codes[1:])]


def index_text(text: str) -> str:
    """What goes into the FTS column for a document."""
    return " ".join(bigram_tokens(text))


def phrase_query(query: str) -> str | None:
    """An FTS5 MATCH expression for the substring query, or None if it is under two characters."""
    tokens = bigram_tokens(query)
    if not tokens:
        return None
    return '"' + " ".join(tokens) + '"'
