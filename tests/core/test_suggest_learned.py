"""The learned suggester: train on annotated texts, predict spans with a score."""

from __future__ import annotations

import pytest

from curator.core.suggest import Suggestion
from curator.core.suggest.learned import Example, merge, model_labels, predict, train

TEXTS = [
    "志愿者唐建国在展馆讲述。居民邓元蓉与队员们练习。63岁的居民杨丽君在课堂学习书法。",
    "退休居民尹克敏是一名老党员。党委书记张雪琴告诉记者，实践站建成后整合资源。",
    "出租车司机钟付民对孩子父母说。邮递员葛军、学生黄赟辉都是好人。",
]
NAMES = [["唐建国", "邓元蓉", "杨丽君"], ["尹克敏", "张雪琴"], ["钟付民", "葛军", "黄赟辉"]]


def example(text: str, names: list[str], label: str = "person") -> Example:
    return Example(text, tuple((text.index(n), text.index(n) + len(n), label) for n in names))


@pytest.fixture(scope="module")
def model() -> bytes:
    return train([example(t, n) for t, n in zip(TEXTS[:2], NAMES[:2])])


def test_a_model_knows_its_labels(model: bytes) -> None:
    assert model_labels(model) == ("person",)


def test_it_finds_what_it_was_taught_in_a_text_it_never_saw(model: bytes) -> None:
    found = predict(model, TEXTS[2], min_score=0.2)
    assert {s.text for s in found} & set(NAMES[2])
    assert all(isinstance(s, Suggestion) and s.label == "person" and TEXTS[2][s.start:s.end] == s.text for s in found)
    assert all(0.2 <= s.attrs["score"] <= 1 for s in found)


def test_offsets_after_astral_characters(model: bytes) -> None:
    text = "𠮷😀" + TEXTS[2]
    assert all(text[s.start:s.end] == s.text for s in predict(model, text, min_score=0.0))


def test_labels_filter_and_empty_text(model: bytes) -> None:
    assert predict(model, TEXTS[2], labels=["place"]) == []
    assert predict(model, "") == []


def test_no_spans_no_model_labels() -> None:
    assert model_labels(train([Example("没有标注的文本。", ())])) == ()


def test_a_learned_figure_has_the_rules_attributes() -> None:
    texts = ["全市注册志愿者超3万人，志愿服务队324支。", "建成文明实践站75个，招募志愿者2600余名。"]
    figures = [["超3万人", "324支"], ["75个", "2600余名"]]
    model = train([example(t, f, "figure") for t, f in zip(texts, figures)])
    found = predict(model, "全县注册志愿者1.2万人，文明实践站50个。", min_score=0.0)
    by_text = {s.text: s for s in found}
    assert "1.2万人" in by_text
    assert by_text["1.2万人"].attrs | {"score": 0} == {"value": 12000.0, "unit": "人", "qualifier": "",
                                                       "indicator": "注册志愿者", "score": 0}


def test_not_a_model_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="not a curator learned-suggester model"):
        predict(b'{"format": "something else"}', "文本")


def test_merge_keeps_the_rules_and_adds_confident_learned_spans_elsewhere() -> None:
    rules = [Suggestion("place", 0, 3, "青海省", {"score": 0.9})]
    learned = [Suggestion("place", 0, 2, "青海", {"score": 0.99}), Suggestion("person", 5, 8, "张雪琴", {"score": 0.7}),
               Suggestion("org", 9, 12, "团市委", {"score": 0.3})]
    assert [(s.label, s.text) for s in merge(rules, learned)] == [("place", "青海省"), ("person", "张雪琴")]


def test_a_model_of_the_annotations_alone() -> None:
    model = train([example(t, n) for t, n in zip(TEXTS[:2], NAMES[:2])], use_rules=False)
    found = predict(model, TEXTS[2], min_score=0.0)
    assert model_labels(model) == ("person",)
    assert all(TEXTS[2][s.start:s.end] == s.text and s.label == "person" for s in found)


@pytest.mark.parametrize("blob", [b"", b"\xff\xfe", b"[]", b'{"format": "curator-crf-1"}'])
def test_broken_model_bytes_are_one_clear_error(blob: bytes) -> None:
    with pytest.raises(ValueError, match="not a curator learned-suggester model"):
        predict(blob, "文本")
