"""A regex alternation of many words, factored as a trie so the engine does not try each word in turn."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["words_pattern"]


def words_pattern(words: Iterable[str]) -> str:
    """A non-capturing pattern matching any of words, longest first at each branch."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _pattern(trie)


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
