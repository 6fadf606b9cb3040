"""Overlapping character bigrams for the full-text index (the CJK approach of Lucene's CJKAnalyzer).

Every adjacent pair of characters becomes one word of the index text ("注册志愿者" -> "注册 册志
志愿 愿者"), which FTS5's unicode61 tokenizer (diacritics kept) reads as one token per pair; a
pair holding punctuation or a space yields what is left of it, the same way in documents and
queries. The index keeps which documents hold a pair, not where (detail=none): a query of n >= 2
characters asks for documents holding its pairs (match_query), so every document that contains
it matches; the search then checks each hit against the text (order, case and punctuation are
not in the index), so hits are exactly those of a substring scan.
"""

from __future__ import annotations

import array
import re
import sys
from operator import add

TOKENIZER = "unicode61 remove_diacritics 0"
_CHUNK = 1 << 20
MATCH_PAIRS = 8
MATCH_CHARS = 256  # the pairs of a long word are chosen from its beginning
# characters unicode61 surely keeps as (part of) a token: a pair holding one is never an empty query
_SURE_TOKEN = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
_WIDE = array.array("I", [ord(" ")])  # one space, as a 32-bit code point
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def bigram_tokens(text: str) -> list[str]:
    return list(map(add, text, text[1:]))


def index_text(text: str) -> str:
    """What goes into the FTS column for a document: its bigrams, space-separated. Built a chunk at a
    time, so that a 20 MB article never needs several copies of itself at once."""
    if len(text) <= _CHUNK:
        return _pairs(text)
    parts = [_pairs(text[i:i + _CHUNK + 1]) for i in range(0, len(text) - 1, _CHUNK)]
    return " ".join(part for part in parts if part)


def _pairs(text: str) -> str:
    """"abcd" -> "ab bc cd", laid out as code points in an array (C speed: 7x the speed of joining
    the pairs as strings, which an import of thousands of articles spends most of its time on)."""
    if len(text) < 2:
        return ""
    if _WIDE.itemsize != 4:  # no 32-bit array type on this platform
        return " ".join(map(add, text, text[1:]))
    points = array.array(_WIDE.typecode, text.encode(_UTF32, "surrogatepass"))
    out = _WIDE * (3 * len(text) - 3)  # every third code point stays a space
    out[0::3] = points[:-1]
    out[1::3] = points[1:]
    return str(memoryview(out)[:-1], _UTF32, "surrogatepass")


def match_query(word: str) -> str | None:
    """An FTS5 query that every document containing word matches: word's pairs that the tokenizer
    surely keeps a token of, each a quoted string, ANDed (the index keeps no positions: smaller and
    a third faster to write than one that answers phrases). At most MATCH_PAIRS of them, spread
    over the word: a few pairs narrow it down as well as all, and the text decides in the end.
    None when word has no such pair (under two characters, or punctuation only)."""
    pairs = [pair for pair in dict.fromkeys(bigram_tokens(word[:MATCH_CHARS])) if _SURE_TOKEN.search(pair)]
    if not pairs:
        return None
    if len(pairs) > MATCH_PAIRS:
        step = (len(pairs) - 1) / (MATCH_PAIRS - 1)
        pairs = [pairs[round(i * step)] for i in range(MATCH_PAIRS)]
    return " AND ".join('"' + pair.replace('"', '""') + '"' for pair in pairs)
