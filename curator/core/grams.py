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


_CHUNK = 65536


def index_text(text: str) -> str:
    """What goes into the FTS column for a document; built a chunk at a time, so a 20 MB article
    never holds millions of small token strings at once."""
    if len(text) <= _CHUNK:
        return " ".join(bigram_tokens(text))
    parts = [" ".join(bigram_tokens(text[i:i + _CHUNK + 1])) for i in range(0, len(text) - 1, _CHUNK)]
    return " ".join(part for part in parts if part)


def phrase_query(query: str) -> str | None:
    """An FTS5 MATCH expression for the substring query, or None if it is under two characters."""
    tokens = bigram_tokens(query)
    if not tokens:
        return None
    return '"' + " ".join(tokens) + '"'
