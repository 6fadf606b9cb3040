"""Full-text search: every whitespace-separated term must occur as a plain substring.

The index (documents_fts) holds overlapping character bigrams spelled as hex code points
(core.grams); a term of n >= 2 characters is the phrase of its n-1 bigrams, which matches
exactly where a substring scan would. Single characters are checked with instr().
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.core.grams import phrase_query

SNIPPET_REACH = 18


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
        phrases = [phrase_query(term) for term in terms if len(term) >= 2]
        short = [term for term in terms if len(term) < 2]
        if phrases and not short:
            # FTS5 yields rowids in order: the LIMIT stops it after `limit` hits, even for a bigram in every document
            sql = (f"SELECT id, title, status, {snippet} FROM (SELECT rowid FROM documents_fts WHERE documents_fts "
                   "MATCH ? ORDER BY rowid LIMIT ?) AS hit JOIN documents ON documents.id = hit.rowid ORDER BY id")
            rows = self.db.conn.execute(sql, [first, len(first), " AND ".join(phrases), limit])
        else:
            where = ["instr(text, ?) > 0" for _ in short]
            params: list[Any] = list(short)
            if phrases:
                where.insert(0, "id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
                params.insert(0, " AND ".join(phrases))
            sql = f"SELECT id, title, status, {snippet} FROM documents WHERE {' AND '.join(where)} ORDER BY id LIMIT ?"
            rows = self.db.conn.execute(sql, [first, len(first), *params, limit])
        return [SearchHit(id, title, status, _mark(snippet, first)) for id, title, status, snippet in rows]


def _mark(snippet: str, term: str) -> str:
    return snippet.replace(term, f"【{term}】", 1).replace("\n", " ")
