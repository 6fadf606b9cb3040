"""Full-text search finds exactly what a plain substring scan finds, for 2, 3 and 4+ characters."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.core.importing import Article, FileBatch
from curator.store import Project


def scan(project: Project, query: str) -> list[int]:
    return [doc_id for doc_id, text in project.db.conn.execute("SELECT id, text FROM documents ORDER BY id")
            if all(term in text for term in query.split())]


def substrings(texts: list[str], length: int, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found = []
    while len(found) < count:
        text = rng.choice(texts)
        i = rng.randrange(len(text) - length)
        piece = text[i:i + length]
        if not any(ch.isspace() for ch in piece):
            found.append(piece)
    return found


@pytest.mark.parametrize("length", [2, 3, 4, 7])
def test_random_substrings_match_a_scan(project, seed_texts, length):
    for query in substrings(seed_texts, length, 40, seed=length):
        assert [h.id for h in project.search(query)] == scan(project, query), query


@pytest.mark.parametrize("query", ["志愿", "尔木", "光盘行动", "新时代文明实践站", "3万", "97%", "“光盘", "文明 志愿", "𠮷", "格"])
def test_named_queries_match_a_scan(project, query):
    assert [h.id for h in project.search(query)] == scan(project, query)


def test_two_character_query_that_a_word_index_misses(project):
    assert [h.id for h in project.search("尔木")] == [1, 2, 3, 4]


def test_queries_that_occur_nowhere_find_nothing(project):
    for query in ["光盘行动站", "志愿志愿", "ab", "木尔"]:
        assert project.search(query) == []


@pytest.mark.parametrize("query", ['"', '""', "*", "志*", "NEAR(志愿 文明)", "-志愿", "(志愿", "志愿)", "AND", "a OR b", "^志", "'", "\\"])
def test_search_syntax_is_plain_text(project, query):
    assert [h.id for h in project.search(query)] == scan(project, query)


def test_search_is_exact_outside_the_bmp_and_for_case():
    project = Project.memory()
    texts = ["𠮷野家的牛丼 ABC", "吉野家 abc", "😀😀 表情"]
    project.import_batches([FileBatch("t", articles=tuple(Article(text=t, title=t, origin=t) for t in texts))])
    assert [h.id for h in project.search("𠮷野")] == [1]
    assert [h.id for h in project.search("ABC")] == [1]
    assert [h.id for h in project.search("abc")] == [2]
    assert [h.id for h in project.search("😀😀")] == [3]


def test_snippet_marks_the_hit(project):
    (hit,) = project.search("光盘行动")
    assert "【光盘行动】" in hit.snippet and hit.title == "格尔木市：文明之花绽放昆仑山下"


_ALPHABET = list("志愿者文明Aa，。“”\"*é e\u0301😀𠮷\u3007々-") + ["\U00030000"]  # 𰀀: newer than SQLite's tables


def _memory_project(texts: list[str]) -> Project:
    project = Project.memory()
    project.import_batches([FileBatch("t", articles=tuple(Article(text=t, title=t, origin=str(i))
                                                            for i, t in enumerate(texts)))])
    return project






@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(_ALPHABET), min_size=2, max_size=30).map("".join),
                      min_size=1, max_size=6, unique=True),
       picks=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 29), st.integers(1, 5)), min_size=1, max_size=5))
def test_case_punctuation_and_rare_characters_match_a_scan(texts, picks):
    """The index folds nothing that matters: every candidate is checked against the text."""
    project = _memory_project(texts)
    for doc, start, size in picks:
        text = texts[doc % len(texts)]
        query = text[start % len(text):][:size]
        if not query.split():
            continue
        assert [h.id for h in project.search(query)] == scan(project, query), query
        assert [h.id for h in project.search(query.swapcase())] == scan(project, query.swapcase())


@pytest.mark.parametrize("query", ["，。", "😀😀", "\U00030000\U00030001", "“”"])
def test_terms_the_tokenizer_drops_entirely_are_scanned(query):
    project = _memory_project(["开头，。😀😀\U00030000\U00030001“”结尾", "别的"])
    assert [h.id for h in project.search(query)] == [1]
