"""The evidence sentence of a fact, exact: where a sentence starts and ends, and how several spans are marked."""

from __future__ import annotations

import pytest

from curator.core.evidence import MAX_SENTENCE, evidence_for, evidence_sentence, sentence_bounds

TEXT = "标题\n第一句话。志愿者超3万人！第三句；最后 \n  新段落开头，没有句号"


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


@pytest.mark.parametrize(("piece", "sentence"), [
    ("3万人", "志愿者超3万人！"),  # between two end marks, the mark kept with its sentence
    ("第一", "第一句话。"),  # after a line break
    ("标题", "标题"),  # a heading ends at its line break
    ("最后", "最后 "),  # a line break ends it; the text before it is kept as it is
    ("开头", "新段落开头，没有句号"),  # leading spaces of a line are not part of it; runs to the end of the text
    ("第三句", "第三句；"),
])
def test_sentence_bounds(piece, sentence):
    first, last = sentence_bounds(TEXT, *at(TEXT, piece))
    assert TEXT[first:last] == sentence


def test_a_span_across_two_sentences_takes_both():
    start, _ = at(TEXT, "话。")
    _, end = at(TEXT, "志愿")
    assert TEXT[slice(*sentence_bounds(TEXT, start, end))] == "第一句话。志愿者超3万人！"


def test_a_span_ending_on_an_end_mark_stops_there():
    start, end = at(TEXT, "3万人！")
    assert TEXT[slice(*sentence_bounds(TEXT, start, end))] == "志愿者超3万人！"


@pytest.mark.parametrize("mark", list("。！？；!?;"))
def test_every_end_mark_ends_a_sentence(mark):
    text = f"前面{mark}中间的话{mark}后面"
    assert text[slice(*sentence_bounds(text, *at(text, "间的")))] == f"中间的话{mark}"


def test_a_text_without_punctuation_is_cut_at_max_sentence_each_side():
    text = "字" * 1000
    first, last = sentence_bounds(text, 500, 502)
    assert (first, last) == (500 - MAX_SENTENCE, 502 + MAX_SENTENCE)
    assert sentence_bounds(text, 0, 2) == (0, 2 + MAX_SENTENCE)
    assert sentence_bounds(text, 998, 1000) == (998 - MAX_SENTENCE, 1000)


def test_evidence_marks_the_span_and_strips_the_sentence():
    assert evidence_sentence(TEXT, *at(TEXT, "3万人")) == "志愿者超【3万人】！"
    assert evidence_sentence(TEXT, *at(TEXT, "最后")) == "【最后】"
    assert evidence_sentence(TEXT, *at(TEXT, "标题")) == "【标题】"


def test_evidence_for_several_spans_in_one_sentence_marks_each_once_in_order():
    spans = [at(TEXT, "3万人"), at(TEXT, "志愿者")]
    assert evidence_for(TEXT, spans) == "【志愿者】超【3万人】！"


def test_evidence_for_spans_in_several_sentences_joins_them_in_text_order():
    spans = [at(TEXT, "第三"), at(TEXT, "第一"), at(TEXT, "句话")]
    assert evidence_for(TEXT, spans) == "【第一】【句话】。 … 【第三】句；"


def test_overlapping_spans_mark_the_first_only():
    one, two = at(TEXT, "志愿者超"), at(TEXT, "者超3万")
    assert evidence_for(TEXT, [one, two]) == "【志愿者超】3万人！"


def test_spans_outside_the_text_are_left_out():
    assert evidence_for(TEXT, [(-1, 2), (5, 5), (3, len(TEXT) + 1)]) == ""
    assert evidence_for(TEXT, [(-1, 2), at(TEXT, "3万人")]) == "志愿者超【3万人】！"
    assert evidence_for(TEXT, []) == ""
    last = len(TEXT)
    assert evidence_for(TEXT, [(last - 2, last)]) == "新段落开头，没有【句号】"


def test_a_line_starting_with_an_odd_number_of_spaces_loses_only_the_spaces():
    for spaces in (" ", "   ", "\u3000"):
        text = f"上一行\n{spaces}文明实践站建成。"
        assert evidence_sentence(text, *at(text, "实践站")) == "文明【实践站】建成。"
        assert text[slice(*sentence_bounds(text, *at(text, "文明")))] == "文明实践站建成。"


def test_after_an_overlapping_span_later_spans_are_still_marked():
    spans = [at(TEXT, "志愿者"), at(TEXT, "愿者超"), at(TEXT, "万人")]
    assert evidence_for(TEXT, spans) == "【志愿者】超3【万人】！"
