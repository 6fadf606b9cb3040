"""The learned suggester's pieces at their boundaries: sentences, BIO tags, the training sample,
the saved format, scores and thresholds, and the merge with the rules."""

from __future__ import annotations

import base64
import json
import tempfile

import pytest

from curator.core.suggest import Suggestion
from curator.core.suggest.features import char_features, rule_marks
from curator.core.suggest.learned import (
    Example,
    _chunks,
    _interleave,
    _sample,
    _sample_features,
    _spans,
    _suggestion,
    _tags,
    merge,
    model_labels,
    predict,
    train,
)

TEXTS = [
    "志愿者唐建国在展馆讲述。居民邓元蓉与队员们练习。63岁的居民杨丽君在课堂学习书法。",
    "退休居民尹克敏是一名老党员。党委书记张雪琴告诉记者，实践站建成后整合资源。",
]
NAMES = [["唐建国", "邓元蓉", "杨丽君"], ["尹克敏", "张雪琴"]]
UNSEEN = "出租车司机钟付民对孩子父母说。邮递员葛军、学生黄赟辉都是好人。"


def example(text: str, names: list[str], label: str = "person") -> Example:
    return Example(text, tuple((text.index(n), text.index(n) + len(n), label) for n in names))


@pytest.fixture(scope="module")
def model() -> bytes:
    return train([example(t, n) for t, n in zip(TEXTS, NAMES)])


# --- sentences --------------------------------------------------------------------------

def test_every_sentence_end_closes_a_chunk_and_stays_in_it() -> None:
    text = "甲乙。丙丁！戊己？庚；辛!壬?癸;子"
    assert [text[s:e] for s, e in _chunks(text)] == ["甲乙。", "丙丁！", "戊己？", "庚；", "辛!", "壬?", "癸;", "子"]


def test_a_run_of_sentence_ends_stays_with_its_sentence() -> None:
    assert _chunks("好！！？再见") == [(0, 4), (4, 6)]


def test_a_sentence_of_exactly_160_characters_is_one_chunk() -> None:
    assert _chunks("文" * 160) == [(0, 160)]


def test_a_longer_sentence_is_cut_after_its_last_comma_within_160() -> None:
    text = "文" * 100 + "，" + "文" * 100
    assert _chunks(text) == [(0, 101), (101, 201)]


@pytest.mark.parametrize("mark", [",", "、", " ", "\n"])
def test_other_clause_marks_cut_a_long_sentence_too(mark: str) -> None:
    text = "文" * 50 + mark + "文" * 150
    assert _chunks(text) == [(0, 51), (51, 201)]


def test_the_last_of_several_commas_is_the_cut() -> None:
    text = "文" * 40 + "，" + "文" * 40 + "，" + "文" * 100
    assert _chunks(text) == [(0, 82), (82, 182)]


def test_a_comma_just_past_160_characters_is_not_used() -> None:
    text = "文" * 160 + "，" + "文" * 20
    assert _chunks(text) == [(0, 160), (160, 181)]


def test_a_comma_at_the_very_start_does_not_make_an_empty_cut() -> None:
    text = "，" + "文" * 200
    assert _chunks(text) == [(0, 160), (160, 201)]


def test_a_sentence_without_commas_is_cut_every_160_characters() -> None:
    assert _chunks("文" * 400 + "。") == [(0, 160), (160, 320), (320, 401)]


# --- tags and spans ---------------------------------------------------------------------

def test_tags_mark_the_spans_inside_the_chunk_only() -> None:
    # (10, 12) inside, (13, 16) runs past the chunk's end, (8, 11) starts before it
    assert _tags(10, 15, [(10, 12), (13, 16), (8, 11)]) == ["B", "I", "O", "O", "O"]
    assert _tags(10, 15, [(11, 15)]) == ["O", "B", "I", "I", "I"]


def test_spans_are_read_back_from_tags() -> None:
    assert _spans(["B", "I", "O", "B", "B", "I"]) == [(0, 2), (3, 4), (4, 6)]
    assert _spans(["O", "I", "I"]) == []  # I without a B is nothing
    assert _spans(["B"]) == [(0, 1)]
    assert _spans(["O", "B", "I", "I"]) == [(1, 4)]
    assert _spans([]) == []


# --- the training sample ----------------------------------------------------------------

def test_interleave_alternates_and_keeps_the_rest_of_the_longer_list() -> None:
    assert list(_interleave([1, 2, 3], ["a"])) == [1, "a", 2, 3]
    assert list(_interleave([1], ["a", "b", "c"])) == [1, "a", "b", "c"]
    assert list(_interleave([], [])) == []


def test_the_sample_takes_the_chunks_with_a_span_and_as_many_without() -> None:
    text = "今天天气好。志愿者唐建国来了。大家都很开心。明天还会下雨。后天也是。"
    ex = Example(text, ((text.index("唐建国"), text.index("唐建国") + 3, "person"),))
    chunks = [_chunks(text)]
    items = _sample([ex], chunks, "person")
    # one positive, four negatives: every fourth negative, so one, after the positive
    assert [(i, s, e) for i, s, e, _ in items] == [(0, 6, 15), (0, 0, 6)]
    assert items[0][3] == ["O", "O", "O", "B", "I", "I", "O", "O", "O"]
    assert items[1][3] == ["O"] * 6


def test_a_span_starting_at_a_chunk_end_belongs_to_the_next_chunk() -> None:
    text = "甲乙。唐建国来了。"
    ex = Example(text, ((3, 6, "person"),))
    items = _sample([ex], [_chunks(text)], "person")
    assert [(s, e) for _, s, e, _ in items] == [(3, 9), (0, 3)]


def test_the_sample_skips_texts_without_the_label_but_goes_on_to_the_next() -> None:
    plain = Example("没有人名的句子。", ())
    other = Example("青海省很美。", ((0, 3, "place"),))
    named = Example("唐建国来了。", ((0, 3, "person"),))
    examples = [plain, other, named]
    items = _sample(examples, [_chunks(e.text) for e in examples], "person")
    assert [(i, s, e) for i, s, e, _ in items] == [(2, 0, 6)]


def test_the_sample_stops_at_5000_characters() -> None:
    sentence = "唐建国" + "文" * 96 + "。"  # 100 characters, a name in each
    text = sentence * 60
    ex = Example(text, tuple((100 * k, 100 * k + 3, "person") for k in range(60)))
    items = _sample([ex], [_chunks(text)], "person")
    assert len(items) == 50
    assert sum(e - s for _, s, e, _ in items) == 5000


def test_the_shared_features_line_up_with_each_chunk() -> None:
    texts = ["青海省的志愿者。", "来到格尔木市。"]
    examples = [Example(t, ((0, 3, "place"),)) for t in texts]
    samples = {"place": [(0, 0, 8, None), (1, 0, 7, None)]}
    features = _sample_features(examples, samples, use_rules=True)
    for index, text in enumerate(texts):
        assert features[(index, 0)].items() == [
            {f: 1.0 for f in row} for row in char_features(text, rule_marks(text))]
    plain = _sample_features(examples, samples, use_rules=False)
    assert plain[(1, 0)].items() == [{f: 1.0 for f in row} for row in char_features(texts[1], [[]] * 7)]


# --- the model's format -----------------------------------------------------------------

def test_the_saved_model_names_its_format_and_whether_rules_were_seen(model: bytes) -> None:
    data = json.loads(model)
    assert data["format"] == "curator-crf-1"
    assert data["rules"] is True
    assert set(data["models"]) == {"person"}
    assert base64.b64decode(data["models"]["person"])
    assert json.loads(train([example(TEXTS[0], NAMES[0])], use_rules=False))["rules"] is False


def test_training_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    train([example(TEXTS[0], NAMES[0])])
    assert list(tmp_path.iterdir()) == []


def test_labels_chooses_the_models_trained() -> None:
    place = Example("来到青海省。", ((2, 5, "place"),))
    examples = [example(TEXTS[0], NAMES[0]), place]
    assert model_labels(train(examples)) == ("person", "place")
    assert model_labels(train(examples, labels=["place"])) == ("place",)
    assert model_labels(train(examples, labels=["org", "place"])) == ("place",)  # no org span: no org model
    assert model_labels(train(examples, labels=[])) == ()


@pytest.mark.parametrize("blob", [b'{"format": "curator-crf-1", "models": []}', b'{"models": {}}', b'"text"'])
def test_a_model_without_its_models_is_one_clear_error(blob: bytes) -> None:
    with pytest.raises(ValueError, match="^not a curator learned-suggester model$"):
        model_labels(blob)


def test_an_empty_model_predicts_nothing() -> None:
    assert predict(b'{"format": "curator-crf-1", "models": {}}', UNSEEN) == []


def test_an_older_model_without_the_rules_flag_uses_the_rules(model: bytes) -> None:
    data = json.loads(model)
    del data["rules"]
    older = json.dumps(data).encode("utf-8")
    assert predict(older, UNSEEN, min_score=0.0) == predict(model, UNSEEN, min_score=0.0)


def test_a_model_without_rules_predicts_without_them(monkeypatch) -> None:
    model = train([example(t, n) for t, n in zip(TEXTS, NAMES)], use_rules=False)
    from curator.core.suggest import learned

    def no_rules(text: str) -> list:
        raise AssertionError("the rules ran for a model that never saw them")

    monkeypatch.setattr(learned, "rule_marks", no_rules)
    assert all(s.label == "person" for s in predict(model, UNSEEN, min_score=0.0))


# --- scores and thresholds --------------------------------------------------------------

def test_min_score_keeps_a_span_scored_exactly_at_it(model: bytes) -> None:
    found = predict(model, UNSEEN, min_score=0.0)
    assert found
    lowest = min(found, key=lambda s: s.attrs["score"])
    exact = predict(model, UNSEEN, min_score=lowest.attrs["score"] - 0.0005)
    assert lowest in exact
    above = predict(model, UNSEEN, min_score=lowest.attrs["score"] + 0.0005)
    assert lowest not in above and len(above) == len(found) - 1


def test_the_default_min_score_is_a_fifth(model: bytes) -> None:
    found = predict(model, UNSEEN, min_score=0.0)
    assert predict(model, UNSEEN) == [s for s in found if s.attrs["score"] >= 0.2 - 0.0005]


def test_a_span_is_scored_by_its_least_sure_character(model: bytes) -> None:
    import pycrfsuite

    found = predict(model, UNSEEN, min_score=0.0)
    tagger = pycrfsuite.Tagger()
    person = base64.b64decode(json.loads(model)["models"]["person"])  # held: the tagger reads these bytes, it keeps no reference
    tagger.open_inmemory(person)
    for s in found:
        chunk = next((a, b) for a, b in _chunks(UNSEEN) if a <= s.start < b)
        tags = tagger.tag(char_features(UNSEEN[chunk[0]:chunk[1]], rule_marks(UNSEEN)[chunk[0]:chunk[1]]))
        local = range(s.start - chunk[0], s.end - chunk[0])
        assert s.attrs["score"] == round(min(tagger.marginal(tags[i], i) for i in local), 3)
    tagger.close()


def test_predictions_come_sorted_by_place_in_the_text() -> None:
    places = [Example("来到青海省的唐建国。", ((2, 5, "place"), (6, 9, "person"))),
              Example("青海省西宁市。", ((0, 3, "place"), (3, 6, "place")))]
    model = train([example(t, n) for t, n in zip(TEXTS, NAMES)] + places)
    text = "来到西宁市的出租车司机钟付民对孩子父母说。"
    found = predict(model, text, min_score=0.0)
    assert [(s.label, s.text) for s in found] == [("place", "西宁市"), ("person", "钟付民")]
    assert [s.label for s in predict(model, text, labels=["place"], min_score=0.0)] == ["place"]


def test_a_learned_suggestion_other_than_a_figure_carries_its_score_only() -> None:
    assert _suggestion("志愿者唐建国", "person", 3, 6, 0.87654).attrs == {"score": 0.877}
    assert _suggestion("志愿者唐建国", "person", 3, 6, 0.87654).text == "唐建国"


def test_a_learned_figure_that_is_no_quantity_still_gets_its_indicator() -> None:
    s = _suggestion("注册志愿者若干人", "figure", 5, 8, 0.5)
    assert s.attrs == {"score": 0.5, "indicator": "注册志愿者"}


# --- merging with the rules -------------------------------------------------------------

def test_merge_at_its_boundaries() -> None:
    rules = [Suggestion("place", 2, 5, "青海省", {"score": 0.9})]
    learned = [
        Suggestion("place", 0, 2, "来到", {"score": 0.6}),  # touches the rule's span: kept
        Suggestion("place", 5, 7, "的人", {"score": 0.5}),  # touches, scored exactly at the bar: kept
        Suggestion("place", 4, 6, "省的", {"score": 0.99}),  # overlaps the rule's end
        Suggestion("person", 2, 5, "青海省", {"score": 0.7}),  # another label may overlap
        Suggestion("org", 7, 9, "团委", {"score": 0.49}),  # below the bar
        Suggestion("org", 9, 11, "市委", {}),  # no score: below any bar
    ]
    merged = merge(rules, learned)
    assert [(s.label, s.start, s.end) for s in merged] == [
        ("place", 0, 2), ("person", 2, 5), ("place", 2, 5), ("place", 5, 7)]
    assert [(s.label, s.start) for s in merge(rules, learned, min_score=0.0)][-2:] == [("org", 7), ("org", 9)]


def test_merge_of_a_learned_span_inside_or_around_a_rule_span_keeps_the_rule() -> None:
    rules = [Suggestion("org", 3, 8, "市文明办", {"score": 0.9})]
    inside = Suggestion("org", 4, 6, "文明", {"score": 0.9})
    around = Suggestion("org", 2, 9, "的市文明办的", {"score": 0.9})
    assert merge(rules, [inside, around]) == rules


def test_as_many_chunks_without_a_span_as_with_one() -> None:
    text = "唐建国来了。今天天气好。邓元蓉来了。明天还会下雨。"
    ex = Example(text, ((0, 3, "person"), (12, 15, "person")))
    items = _sample([ex], [_chunks(text)], "person")
    assert [(s, e) for _, s, e, _ in items] == [(0, 6), (6, 12), (12, 18), (18, 25)]
