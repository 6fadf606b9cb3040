"""Search at its edges: the snippet around the first word, the limit with and without words checked on the text."""

from __future__ import annotations

import pytest

from curator.core.importing import Article, FileBatch
from curator.store import Project
from curator.store import search as search_module

PAD = "文明城市创建工作扎实推进群众满意度不断提升各项指标"  # 25 characters without the words searched
TEXTS = [
    PAD + "志愿服务\n队伍" + PAD + "志愿服务",
    "志愿服务在开头" + PAD,
    PAD + "没有那个词",
    PAD + "志愿服务和垃圾分类",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "p.curator"
    with Project.open(path) as project:
        articles = tuple(Article(text=t, title=f"第{n}篇", origin=f"{n}") for n, t in enumerate(TEXTS))
        assert project.import_batches([FileBatch("all", articles)]).added == [1, 2, 3, 4]
        yield project


def _snippet(text: str, term: str) -> str:
    at = text.index(term)
    start = max(0, at - search_module.SNIPPET_REACH)
    piece = text[start:start + len(term) + 2 * search_module.SNIPPET_REACH]
    return piece.replace(term, f"【{term}】", 1).replace("\n", " ")


def test_the_snippet_is_the_first_hit_with_its_surroundings_marked_once(store):
    hits = store.search("志愿服务")
    assert [(h.id, h.title, h.status) for h in hits] == [(1, "第0篇", "todo"), (2, "第1篇", "todo"), (4, "第3篇", "todo")]
    assert hits[0].snippet == _snippet(TEXTS[0], "志愿服务")
    assert hits[0].snippet.count("【志愿服务】") == 1 and "\n" not in hits[0].snippet
    assert hits[0].snippet.startswith(PAD[25 - search_module.SNIPPET_REACH:])
    assert hits[1].snippet == _snippet(TEXTS[1], "志愿服务") and hits[1].snippet.startswith("【志愿服务】在开头")


def test_the_snippet_is_around_the_first_word_asked_not_the_longest(store):
    [hit] = store.search("和 志愿服务")
    assert hit.id == 4 and "【和】" in hit.snippet and "【志愿服务】" not in hit.snippet


def test_the_limit_keeps_the_first_documents(store):
    assert [h.id for h in store.search("志愿服务", limit=2)] == [1, 2]
    assert [h.id for h in store.search("志愿服务", limit=1)] == [1]
    assert [h.id for h in store.search("在", limit=5)] == [2]  # one character: scanned, not looked up
    assert [h.id for h in store.search("群众 满意", limit=3)] == [1, 2, 3]


def test_words_past_the_most_sent_to_sqlite_are_checked_on_the_text(store, monkeypatch):
    monkeypatch.setattr(search_module, "MAX_TERMS", 2)
    assert [h.id for h in store.search("志愿服务 文明城市 垃圾分类")] == [4]
    assert [h.id for h in store.search("志愿服务 文明城市 垃圾分类 城市")] == [4]
    assert [h.id for h in store.search("文明 城市 志愿服务", limit=1)] == [1]
    assert [h.id for h in store.search("文明 城市 队伍 志愿服务", limit=1)] == [1]
    assert [h.id for h in store.search("文明 城市 开头 志愿服务", limit=1)] == [2]
    assert store.search("志愿服务 文明城市 没有", limit=5) == []


def test_a_limit_above_the_cap_is_the_cap(store, monkeypatch):
    monkeypatch.setattr(search_module, "MAX_LIMIT", 2)
    assert [h.id for h in store.search("志愿服务", limit=10)] == [1, 2]
    assert [h.id for h in store.search("文明", limit=3)] == [1, 2]
