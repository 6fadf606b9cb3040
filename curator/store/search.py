"""Full-text search: every whitespace-separated term must occur as a plain substring.

The index (documents_fts) holds overlapping character bigrams (core.grams); a term of n >= 2
characters is the phrase of its n-1 bigrams, which every document holding the term matches.
Each candidate is then checked with instr() on its text, so hits are exactly a substring
scan's. Single characters (and terms of punctuation only) are checked with instr() alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from curator.core.grams import phrase_query

SNIPPET_REACH = 18
_SURE_TOKEN = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    status: str
    snippet: str


class Searching:
    """Project's search (a mixin: Project provides db)."""

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Documents containing every whitespace-separated term of query, as plain substrings.

        Nothing in the query is search syntax: quotes, *, NEAR, - and parentheses are text.
        """
        terms = query.split()
        if not terms:
            return []
        first = terms[0]
        snippet = f"substr(text, max(1, instr(text, ?) - {SNIPPET_REACH}), ? + {SNIPPET_REACH * 2})"
        indexed = [term for term in terms if _indexed(term)]
        phrase = " AND ".join(phrase_query(term) for term in indexed)
        checks = " AND ".join("instr(text, ?) > 0" for _ in terms)  # the index finds candidates; the text decides
        if indexed and len(indexed) == len(terms):
            # FTS5 yields rowids in order and the join keeps it: the LIMIT stops the scan after `limit` hits
            sql = (f"SELECT id, title, status, {snippet} FROM (SELECT rowid FROM documents_fts WHERE documents_fts "
                   f"MATCH ? ORDER BY rowid) AS hit JOIN documents ON documents.id = hit.rowid WHERE {checks} "
                   "ORDER BY hit.rowid LIMIT ?")
            rows = self.db.conn.execute(sql, [first, len(first), phrase, *terms, limit])
        else:
            where = checks
            params: list[Any] = list(terms)
            if indexed:
                where = f"id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AND {checks}"
                params.insert(0, phrase)
            sql = f"SELECT id, title, status, {snippet} FROM documents WHERE {where} ORDER BY id LIMIT ?"
            rows = self.db.conn.execute(sql, [first, len(first), *params, limit])
        return [SearchHit(id, title, status, _mark(snippet, first)) for id, title, status, snippet in rows]


def _indexed(term: str) -> bool:
    """Whether the index can find term: two characters or more, at least one of which the tokenizer
    surely keeps (ASCII letters and digits, CJK ideographs); otherwise the text is scanned."""
    return len(term) >= 2 and _SURE_TOKEN.search(term) is not None


def _mark(snippet: str, term: str) -> str:
    return snippet.replace(term, f"【{term}】", 1).replace("\n", " ")
