"""The person rules at their boundaries: each context's score, bylines of up to three names, lines
of names, compound surnames, how long a name is, and whitespace around it."""

from __future__ import annotations

import pytest

from curator.core.suggest import suggest
from curator.core.suggest.persons import name_at


def found(text: str) -> list[tuple[str, int, int, float]]:
    result = suggest(text, ["person"])
    assert all(text[s.start:s.end] == s.text for s in result)
    return [(s.text, s.start, s.end, s.attrs["score"]) for s in result]


def names(text: str) -> list[str]:
    return [name for name, *_ in found(text)]


def test_each_context_has_its_score() -> None:
    assert found("志愿者唐建国说。唐建国还说") == [("唐建国", 3, 6, 0.85), ("唐建国", 8, 11, 0.75)]
    assert found("◎赵振东") == [("赵振东", 1, 4, 0.9)]
    assert found("本报讯（通宣）为") == [("通宣", 4, 6, 0.9)]
    assert found("杨亮 陈煜\n") == [("杨亮", 0, 2, 0.8), ("陈煜", 3, 5, 0.8)]


def test_a_byline_takes_up_to_three_names_on_its_line() -> None:
    assert found("◎ 通讯员 赵振东 孙倩 李华 王强\n\n近年来") == [
        ("赵振东", 6, 9, 0.85), ("孙倩", 10, 12, 0.9), ("李华", 13, 15, 0.9)]


def test_a_byline_ends_with_its_line() -> None:
    assert found("◎ 赵振东\n唐建国") == [("赵振东", 2, 5, 0.9)]
    assert found("◎ 通讯员 赵振东 孙倩\n\n近年来") == [("赵振东", 6, 9, 0.85), ("孙倩", 10, 12, 0.9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报讯 记者 赵振东", [("赵振东", 7, 10, 0.85)]),
        ("本报西宁讯 记者 赵振东", [("赵振东", 9, 12, 0.85)]),
        ("本报讯（记者 通宣）为", [("通宣", 7, 9, 0.9)]),  # a pen name in brackets
        ("本报讯(通讯员 通宣)为", [("通宣", 8, 10, 0.9)]),
        ("本报讯（记者 赵振东 通讯员 孙倩）", [("赵振东", 7, 10, 0.85), ("孙倩", 15, 17, 0.85)]),
    ],
)
def test_newspaper_bylines(text: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert found(text) == expected


def test_a_line_of_two_to_four_names() -> None:
    assert names("杨亮 陈煜 李华 王强\n") == ["杨亮", "陈煜", "李华", "王强"]
    assert names("杨亮 陈煜 李华 王强") == ["杨亮", "陈煜", "李华", "王强"]
    assert found("  杨亮\u3000陈煜  \n") == [("杨亮", 2, 4, 0.8), ("陈煜", 5, 7, 0.8)]
    assert names("杨亮 陈煜 李华 王强 赵军\n") == []  # five: no line of names
    assert names("杨亮\n") == []  # one name alone says nothing
    assert names("杨亮 文明\n") == []  # every part must look like a name


def test_compound_surnames() -> None:
    assert names("志愿者欧阳修说") == ["欧阳修"]
    assert names("志愿者司马光在") == ["司马光"]


def test_a_name_is_a_surname_and_one_or_two_characters() -> None:
    assert names("志愿者唐建") == ["唐建"]
    assert names("志愿者唐") == []
    assert names("志愿者李在") == []
    assert names("志愿者李的") == []
    assert names("志愿者文明在") == []  # no surname
    assert names("志愿者高质量在") == []  # a common word


@pytest.mark.parametrize("verb", ["说", "讲", "道"])
def test_a_speech_verb_glued_to_the_name_stays_out(verb: str) -> None:
    assert found(f"部长李明{verb}，") == [("李明", 2, 4, 0.85)]


def test_whitespace_before_a_name_is_never_part_of_it() -> None:
    assert found("志愿者 \n王建国在") == [("王建国", 5, 8, 0.85)]
    assert found("志愿者\n王建国在") == [("王建国", 4, 7, 0.85)]
    assert found("志愿者王\n建国在") == [("王\n建国", 3, 7, 0.85)]  # an OCR break inside stays inside


def test_name_at_reads_a_name_across_breaks_and_nothing_else() -> None:
    assert name_at("唐建国", 0) == (0, 3)
    assert name_at("王 建 国在", 0) == (0, 5)
    assert name_at("王\t建国", 0) == (0, 4)
    assert name_at("唐", 0) is None
    assert name_at("", 0) is None
    assert name_at("\n唐建国", 0) is None


def test_a_word_jieba_counts_300_times_is_a_word_not_a_name() -> None:
    # 殷梨亭 (a novel's character) is counted 300 times, 李为民 293
    assert names("杨亮 殷梨亭\n") == []
    assert names("杨亮 李为民\n") == ["杨亮", "李为民"]


@pytest.mark.parametrize("gap", [" ", "\t", "\u3000", "  "])
def test_a_bylines_names_are_separated_by_any_spaces(gap: str) -> None:
    assert names(f"◎ 赵振东{gap}孙倩\n") == ["赵振东", "孙倩"]


@pytest.mark.parametrize(("text", "start"), [("记者\u3000赵振东", 3), ("记者\n  赵振东", 5), ("记者\t赵振东", 3)])
def test_a_role_and_the_name_may_be_apart(text: str, start: int) -> None:
    assert found(text) == [("赵振东", start, start + 3, 0.85)]


def test_compound_surnames_that_are_no_single_surname() -> None:
    assert found("志愿者上官云说") == [("上官云", 3, 6, 0.85)]
    assert found("志愿者上官婉儿说") == [("上官婉儿", 3, 7, 0.85)]  # four characters: only with a compound surname


@pytest.mark.parametrize(("text", "name"), [("老师余秋雨说", "余秋雨"), ("居民兰芝说", "兰芝")])
def test_names_jieba_tags_as_foreign_or_full_names(text: str, name: str) -> None:
    assert names(text) == [name]  # tagged nrfg and nrt in jieba's dictionary


@pytest.mark.parametrize("text", ["部长李明说", "部长李明说的"])
def test_the_speech_verb_glued_to_a_name_at_the_end_or_before_a_particle(text: str) -> None:
    assert found(text) == [("李明", 2, 4, 0.85)]


def test_a_line_of_names_is_found_on_its_own_line() -> None:
    assert found("志愿者杨亮说。\n杨亮 陈煜\n") == [("杨亮", 3, 5, 0.85), ("杨亮", 8, 10, 0.8), ("陈煜", 11, 13, 0.8)]
    assert found("杨亮 陈煜\n杨亮在会上说") == [("杨亮", 0, 2, 0.8), ("陈煜", 3, 5, 0.8), ("杨亮", 6, 8, 0.75)]
