"""The learned suggester's character features: exactly what each character is described by."""

from __future__ import annotations

from curator.core.suggest.features import (
    _inside,
    _kinds,
    _word_features,
    char_features,
    rule_marks,
)


def test_each_character_has_a_kind() -> None:
    # han, digit, ascii letter, space, punctuation; a digit of another script is a digit,
    # a letter outside ascii is "the rest"
    assert _kinds("青1a A，\t٣é") == "hdasapsdp"
    assert _kinds("\u4e00\u9fff\u3400") == "hhp"  # the CJK block's two ends; extension A is not in it


def test_the_words_are_cut_at_most_four_characters_long() -> None:
    assert _word_features("中华人民共和国") == [
        ("B", "4", "ns"), ("I", "4", "ns"), ("I", "4", "ns"), ("E", "4", "ns"),
        ("B", "3", "ns"), ("I", "3", "ns"), ("E", "3", "ns"),
    ]  # 中华人民 / 共和国, not 中华 / 人民共和国 as a five-character window would cut


def test_a_word_carries_its_position_length_and_dictionary_tag() -> None:
    assert _word_features("在青海省服务") == [
        ("S", "1", "p"), ("B", "3", "ns"), ("I", "3", "ns"), ("E", "3", "ns"), ("B", "2", "vn"), ("E", "2", "vn")]
    assert _word_features("“") == [("S", "1", "?")]  # not in the dictionary


def test_rule_marks_say_where_each_rule_suggestion_begins_and_goes_on() -> None:
    assert rule_marks("市文明办在青海省。") == [
        ["r=orgB"], ["r=orgI"], ["r=orgI"], ["r=orgI"], [], ["r=placeB"], ["r=placeI"], ["r=placeI"], []]
    assert rule_marks("") == []


def test_inside_marks_regions_clipped_to_the_text() -> None:
    assert _inside(5, [(1, 3), (4, 9)]) == [False, True, True, False, True]
    assert _inside(3, []) == [False, False, False]


def test_the_features_of_each_character() -> None:
    rows = char_features("在青海省。")
    assert rows == [
        ["c=在", "p1=\x02", "n1=青", "p1c=\x02在", "cn1=在青", "k=phh", "w=S1", "t=p", "wt=Sp"],
        ["c=青", "p1=在", "n1=海", "p1c=在青", "cn1=青海", "k=hhh", "w=B3", "t=ns", "wt=Bns", "r=placeB", "pl"],
        ["c=海", "p1=青", "n1=省", "p1c=青海", "cn1=海省", "k=hhh", "w=I3", "t=ns", "wt=Ins", "r=placeI", "pl"],
        ["c=省", "p1=海", "n1=。", "p1c=海省", "cn1=省。", "k=hhp", "w=E3", "t=ns", "wt=Ens", "r=placeI", "pl"],
        ["c=。", "p1=省", "n1=\x03", "p1c=省。", "cn1=。\x03", "k=hpp", "w=S1", "t=?", "wt=S?"],
    ]


def test_quotes_and_titles_are_marked_inside_their_marks_only() -> None:
    rows = char_features("“光盘”《条例》")
    assert ["q" in row for row in rows] == [False, True, True, False, False, False, False, False]
    assert ["b" in row for row in rows] == [False, False, False, False, False, True, True, False]
    assert ["pl" in row for row in rows] == [False] * 8


def test_rule_marks_given_are_used_instead_of_running_the_rules() -> None:
    rows = char_features("在青海", [["x"], [], ["y", "z"]])
    assert [row[9:] for row in rows] == [["x"], ["pl"], ["y", "z", "pl"]]
    assert char_features("", []) == []
