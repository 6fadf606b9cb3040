"""Full-text search: every whitespace-separated term must occur as a plain substring.

The index (documents_fts) holds which documents hold each character pair (core.grams); a term of
n >= 2 characters asks for the documents holding its pairs (core.grams.match_query), which every
document holding the term does. Each candidate is then checked with instr() on its text, so hits
are exactly a substring scan's. Single characters (and terms of punctuation only) are checked with
instr() alone.

Bounds, so that no query is an error or a hang: repeated words count once; at most MAX_TERMS
words go to SQLite (its expression tree has a depth limit), the rest are checked on the hits'
text; a long word is looked up by a few pairs of its beginning and checked whole; the limit is
capped at MAX_LIMIT; a surrogate (bytes that were not UTF-8) finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.core.grams import match_query

SNIPPET_REACH = 18
MAX_TERMS = 64
MAX_LIMIT = 1_000_000


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    status: str
    snippet: str


def unreadable_bytes(query: str) -> bool:
    """The query holds surrogates: bytes that were not UTF-8 (a command line's surrogateescape), or a broken str."""
    return any("\ud800" <= ch <= "\udfff" for ch in query)


class Searching:
    """Project's search (a mixin: Project provides db)."""

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Documents containing every whitespace-separated term of query, as plain substrings.

        Nothing in the query is search syntax: quotes, *, NEAR, - and parentheses are text.
        Repeated words count once; limit is capped at MAX_LIMIT (below 1, nothing is found).
        """
        terms = list(dict.fromkeys(query.split()))
        limit = min(limit, MAX_LIMIT)
        if not terms or limit < 1 or unreadable_bytes(query):
            return []  # stored text is valid Unicode: a surrogate occurs in no document
        first = terms[0]
        asked = sorted(terms, key=len, reverse=True)  # the longest words narrow the most: they go to SQLite
        asked, later = asked[:MAX_TERMS], asked[MAX_TERMS:]
        rows = self._matching(asked, first=first, limit=MAX_LIMIT if later else limit, with_text=bool(later))
        if later:
            rows = [row for row in rows if all(term in row[4] for term in later)][:limit]
        return [SearchHit(row[0], row[1], row[2], _mark(row[3], first)) for row in rows]

    def _matching(self, terms: list[str], *, first: str, limit: int, with_text: bool) -> list[tuple]:
        """(id, title, status, snippet around first, text or None) of the first `limit` documents with every term."""
        text = "text" if with_text else "NULL"
        snippet = f"substr(text, max(1, instr(text, ?) - {SNIPPET_REACH}), ? + {SNIPPET_REACH * 2}), {text}"
        queries = {term: match_query(term) for term in terms}
        indexed = [term for term in terms if queries[term]]
        match = " AND ".join(f"({queries[term]})" for term in indexed)
        checks = " AND ".join("instr(text, ?) > 0" for _ in terms)  # the index finds candidates; the text decides
        if indexed and len(indexed) == len(terms):
            # FTS5 yields rowids in order and the join keeps it: the LIMIT stops the scan after `limit` hits
            sql = (f"SELECT id, title, status, {snippet} FROM (SELECT rowid FROM documents_fts WHERE documents_fts "
                   f"MATCH ? ORDER BY rowid) AS hit JOIN documents ON documents.id = hit.rowid WHERE {checks} "
                   "ORDER BY hit.rowid LIMIT ?")
            return self.db.conn.execute(sql, [first, len(first), match, *terms, limit]).fetchall()
        where = checks
        params: list[Any] = list(terms)
        if indexed:
            where = f"id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AND {checks}"
            params.insert(0, match)
        sql = f"SELECT id, title, status, {snippet} FROM documents WHERE {where} ORDER BY id LIMIT ?"
        return self.db.conn.execute(sql, [first, len(first), *params, limit]).fetchall()


def _mark(snippet: str, term: str) -> str:
    return snippet.replace(term, f"【{term}】", 1).replace("\n", " ")
