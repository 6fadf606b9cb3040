"""Full-text search finds exactly what a plain substring scan finds, for 2, 3 and 4+ characters."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.cli import main
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
# -- bad queries (issue 10, item 12) and the multi-term gap ----------------------------------------


@pytest.mark.parametrize("query", ["志愿 光盘行动站", "光盘行动站 志愿", "格 ab", "ab 格", "光盘行动 木尔", "木尔 光盘行动"])
def test_one_term_present_and_another_absent_finds_nothing(project, query):
    assert project.search(query) == [] == scan(project, query)


def test_a_thousand_one_character_terms_are_answered_exactly(project, seed_texts):
    distinct = " ".join(chr(0x4E00 + i) for i in range(1001))
    assert project.search(distinct) == [] == scan(project, distinct)
    everything_in_one = " ".join(sorted(set(seed_texts[0][:3000]) - {" ", "\n", "\u3000"}))
    assert len(everything_in_one.split()) > 64
    assert [h.id for h in project.search(everything_in_one)] == scan(project, everything_in_one) != []
    assert [h.id for h in project.search("格 " * 5000)] == [1, 2, 3, 4]  # repeated words count once


def test_a_very_long_term_is_found_exactly_and_quickly(project, seed_texts):
    long_piece = seed_texts[1][:400]
    assert [h.id for h in project.search(long_piece.split()[0])] == scan(project, long_piece.split()[0])
    assert project.search(long_piece.split()[0] + "不在文中") == []


@pytest.mark.parametrize("limit", [10**20, 2**63, 1_000_001])
def test_an_enormous_limit_is_capped(project, limit):
    assert [h.id for h in project.search("志愿", limit=limit)] == scan(project, "志愿")


def test_a_limit_below_one_finds_nothing(project):
    assert project.search("志愿", limit=0) == [] and project.search("志愿", limit=-5) == []


@pytest.mark.parametrize("query", ["\ud800", "志愿 \udcff", "\udfff格", "a\ud83d"])
def test_a_lone_surrogate_finds_nothing(project, query):
    assert project.search(query) == []


def test_cli_search_with_an_enormous_limit_and_a_thousand_terms(project):
    runner = CliRunner()
    path = str(project.path)
    result = runner.invoke(main, ["search", path, "志愿", "--limit", "100000000000000000000", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 4
    many = " ".join(chr(0x4E00 + i) for i in range(1001))
    result = runner.invoke(main, ["search", path, many])
    assert result.exit_code == 0 and "no document contains it" in result.output
    result = runner.invoke(main, ["search", path, "志愿", "--limit", "0"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_cli_search_with_bytes_that_are_not_utf8(project):
    root = Path(__file__).resolve().parents[2]
    query = "志".encode("gbk") + b"\xff"
    done = subprocess.run([sys.executable, "-m", "curator", "search", str(project.path).encode(), query],
                          capture_output=True, cwd=root, timeout=120)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == ["Error: the query holds bytes that are not UTF-8 text; "
                                        "set the terminal to UTF-8 (nothing was searched)"]


def test_a_long_term_whose_first_characters_the_index_drops_is_still_found():
    punctuation = "，。" * 20  # over PHRASE_CHARS characters the tokenizer keeps nothing of
    project = _memory_project([f"开头{punctuation}志愿者结尾", "别的"])
    assert [h.id for h in project.search(punctuation + "志愿者")] == [1]
    assert project.search(punctuation + "志愿者不在") == []
