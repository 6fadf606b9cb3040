"""CoNLL, Label Studio and doccano files to the byte (curator/export/conll.py, labelstudio.py, doccano.py).

test_peer_formats.py reads them back with the peers' own readers; these pin every tag, sentence end,
region field and metadata key the peers see, one case at a time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.export.conll import ConllSummary, sentences, tags_of, write_conll
from curator.export.doccano import doccano_line, write_doccano
from curator.export.labelstudio import label_studio_config, label_studio_task, write_label_studio


def doc(text: str, *spans, **fields) -> dict:
    return {"text": text, "spans": [list(s) for s in spans], **fields}


def at(text: str, needle: str, label: str, **attrs) -> tuple:
    start = text.index(needle)
    return (start, start + len(needle), label, attrs) if attrs else (start, start + len(needle), label)


# -- CoNLL: tags ----------------------------------------------------------------------------------------

def test_tags_are_begin_inside_outside_with_spaces_in_labels_joined():
    tags, dropped = tags_of("在格尔木市开展", [(1, 5, " 所在 地点 ")])
    assert tags == ["O", "B-所在_地点", "I-所在_地点", "I-所在_地点", "I-所在_地点", "O", "O"] and dropped == 0


def test_overlapping_spans_keep_the_first_and_on_a_tie_the_longer():
    text = "格尔木市志愿者"
    tags, dropped = tags_of(text, [(4, 6, "乙"), (0, 3, "短"), (0, 4, "长"), (3, 5, "丙")])
    assert tags == ["B-长", "I-长", "I-长", "I-长", "B-乙", "I-乙", "O"] and dropped == 2
    tags, dropped = tags_of(text, [(0, 2, "甲"), (2, 4, "乙")])  # touching is not overlapping
    assert tags[:4] == ["B-甲", "I-甲", "B-乙", "I-乙"] and dropped == 0


def test_whitespace_inside_a_span_is_not_tagged_and_the_next_character_still_begins_after_it():
    tags, _ = tags_of(" 格 尔", [(0, 4, "地点")])
    assert tags == ["I", "B-地点", "I", "I-地点"]


@pytest.mark.parametrize("span", [(-1, 2), (2, 2), (3, 2), (0, 5)])
def test_a_span_outside_its_text_is_an_error_naming_it(span):
    with pytest.raises(ValueError) as caught:
        tags_of("一二三四", [(*span, "x")])
    assert str(caught.value) == f"span {span[0]}-{span[1]} is outside its text (4 characters)"


def test_a_span_ending_at_the_last_character_is_inside():
    assert tags_of("一二三四", [(0, 4, "x")])[0] == ["B-x", "I-x", "I-x", "I-x"]


# -- CoNLL: sentences -----------------------------------------------------------------------------------

def split(text: str, spans=()) -> list[str]:
    tags, _ = tags_of(text, spans)
    return ["".join(char for char, _ in sentence) for sentence in sentences(text, tags)]


@pytest.mark.parametrize("text, expected", [
    ("甲。乙！丙？丁!戊?己", ["甲。", "乙！", "丙？", "丁!", "戊?", "己"]),
    ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
    ("「好！」又一句（完）", ["「好！」", "又一句（完）"]),
    ("（注：见上。）下文", ["（注：见上。）", "下文"]),
    ("甲”乙", ["甲”乙"]),  # a closing quote ends a sentence only after an end mark
    ("甲。。乙", ["甲。", "。", "乙"]),
    ("第一行\n第二行\r\n第三行\u2028第四行\u2029第五", ["第一行", "第二行", "第三行", "第四行", "第五"]),
    ("\n\n甲\n\n", ["甲"]),
    ("甲 乙\t丙。", ["甲乙丙。"]),
    ("”开头", ["”开头"]),
    ("", []),
    ("。", ["。"]),
    ("XX公司。X光", ["XX公司。", "X光"]),  # only real line breaks end a line
])
def test_sentences_end_after_end_marks_with_their_closing_quotes_and_at_line_breaks(text, expected):
    assert split(text) == expected


def test_no_sentence_ends_inside_a_span():
    text = "甲。乙\n丙。丁"
    assert split(text, [(0, 3, "x")]) == ["甲。乙", "丙。", "丁"]
    assert split(text, [(2, 5, "x")]) == ["甲。", "乙丙。", "丁"]  # a line break inside a span is left out
    assert split("甲。 乙", [(0, 4, "x")]) == ["甲。乙"]


def test_the_last_character_of_a_text_can_end_a_span():
    assert split("甲。乙", [(1, 3, "x")]) == ["甲。乙"]


def test_conll_file_is_tab_separated_blocks_with_blank_lines_and_counts(tmp_path: Path):
    documents = [
        doc("甲在格尔木。乙", at("甲在格尔木。乙", "格尔木", "地点", origin="manual"),
            at("甲在格尔木。乙", "乙", "人名", origin="suggested")),
        doc("丙丁", (0, 2, "x"), (0, 1, "y")),
        doc("", ),
    ]
    path = tmp_path / "out.conll"
    assert write_conll(path, documents) == ConllSummary(documents=3, sentences=3, overlapping=1)
    assert path.read_bytes().decode("utf-8") == (
        "甲\tO\n在\tO\n格\tB-地点\n尔\tI-地点\n木\tI-地点\n。\tO\n\n乙\tO\n\n丙\tB-x\n丁\tI-x\n\n")
    assert b"\r" not in path.read_bytes()
    again = tmp_path / "with.conll"
    assert write_conll(again, documents[:1], suggestions=True) == ConllSummary(1, 2, 0)
    assert again.read_text(encoding="utf-8").endswith("乙\tB-人名\n\n")


def test_conll_replaces_a_file_only_when_asked(tmp_path: Path):
    path = tmp_path / "out.conll"
    path.write_text("old", encoding="utf-8")
    assert write_conll(path, [doc("甲")], overwrite=True) == ConllSummary(1, 1, 0)
    assert path.read_text(encoding="utf-8") == "甲\tO\n\n"


def test_conll_takes_spans_without_attributes(tmp_path: Path):
    path = tmp_path / "out.conll"
    write_conll(path, [{"text": "甲乙", "spans": [[0, 1, "x"]]}, {"text": "丙"}])
    assert path.read_text(encoding="utf-8") == "甲\tB-x\n乙\tO\n\n丙\tO\n\n"


# -- Label Studio ---------------------------------------------------------------------------------------

TEXT = "格尔木市注册志愿者超3万人。"


def test_a_task_has_its_data_one_annotation_per_annotator_and_the_suggestions_as_predictions():
    document = doc(TEXT, at(TEXT, "格尔木市", "地点", id=11, origin="manual", annotator="张三"),
                   at(TEXT, "3万人", "数据", id=12, origin="propagated", annotator="李四"),
                   at(TEXT, "志愿者", "举措", id=13, origin="manual", annotator="张三"),
                   at(TEXT, "注册", "举措", id=14, origin="suggested", score=0.25),
                   at(TEXT, "超", "数据", id=15, origin="suggested", score="high"),
                   title="标题", source=None, published="2021-08-03", place="格尔木市", status="done")
    task = label_studio_task(document)
    assert task["data"] == {"text": TEXT, "title": "标题", "source": "", "published": "2021-08-03", "place": "格尔木市"}
    region = {"from_name": "label", "to_name": "text", "type": "labels"}
    assert task["annotations"] == [
        {"result": [{"id": "c11", **region, "value": {"start": 0, "end": 4, "text": "格尔木市", "labels": ["地点"]},
                     "origin": "manual"},
                    {"id": "c13", **region, "value": {"start": 6, "end": 9, "text": "志愿者", "labels": ["举措"]},
                     "origin": "manual"}]},
        {"result": [{"id": "c12", **region, "value": {"start": 10, "end": 13, "text": "3万人", "labels": ["数据"]},
                     "origin": "manual"}]},
    ]
    assert task["predictions"] == [{"model_version": "curator", "result": [
        {"id": "c14", **region, "value": {"start": 4, "end": 6, "text": "注册", "labels": ["举措"]}, "score": 0.25},
        {"id": "c15", **region, "value": {"start": 9, "end": 10, "text": "超", "labels": ["数据"]}},
    ]}]
    assert task["meta"] == {"curator_annotators": ["张三", "李四"]}
    assert list(task) == ["data", "annotations", "predictions", "meta"]


def test_a_task_without_spans_annotators_or_suggestions_has_no_predictions_or_meta():
    task = label_studio_task({"text": "无标注"})
    assert task == {"data": {"text": "无标注", "title": "", "source": "", "published": "", "place": ""}, "annotations": []}
    anonymous = label_studio_task(doc("甲乙", (0, 1, "x"), (1, 2, "y", {"annotator": None})))
    assert [[r["id"] for r in a["result"]] for a in anonymous["annotations"]] == [["c0", "c1"]]
    assert "meta" not in anonymous and "predictions" not in anonymous
    assert anonymous["annotations"][0]["result"][0]["origin"] == "manual"


def test_a_suggestion_with_an_integer_score_keeps_it():
    task = label_studio_task(doc("甲", (0, 1, "x", {"origin": "suggested", "score": 1})))
    assert task["predictions"][0]["result"][0]["score"] == 1 and task["annotations"] == []


def test_the_task_list_is_a_json_array_one_task_a_line(tmp_path: Path):
    path = tmp_path / "tasks.json"
    assert write_label_studio(path, [doc("甲"), doc("乙")]) == 2
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "[" and lines[-2:] == ["]", ""] and len(lines) == 5
    assert lines[1].endswith(",") and not lines[2].endswith(",")
    assert json.loads(lines[1][:-1])["data"]["text"] == "甲"
    assert [t["data"]["text"] for t in json.loads(path.read_text(encoding="utf-8"))] == ["甲", "乙"]
    assert ", " not in lines[1] and '"text":"甲"' in lines[1]
    empty = tmp_path / "empty.json"
    assert write_label_studio(empty, []) == 0
    assert empty.read_text(encoding="utf-8") == "[\n]\n" and json.loads(empty.read_text(encoding="utf-8")) == []


def test_the_labeling_config_is_the_code_label_studio_takes():
    assert label_studio_config(["地点", "数据"]) == (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        '    <Label value="地点"/>\n'
        '    <Label value="数据"/>\n'
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n")
    assert '    <Label value="举措" background="#00ff00"/>' in label_studio_config({"举措": "#00ff00"}).split("\n")


# -- doccano --------------------------------------------------------------------------------------------

def test_a_doccano_line_has_the_text_its_labels_and_the_metadata():
    document = doc(TEXT, at(TEXT, "格尔木市", "地点", origin="manual"), at(TEXT, "3万人", "数据"),
                   at(TEXT, "注册", "举措", origin="suggested"),
                   title="标题", source="青海日报", published=None, status="done", place="格尔木市")
    assert doccano_line(document) == {"text": TEXT, "label": [[0, 4, "地点"], [10, 13, "数据"]], "title": "标题",
                                      "source": "青海日报", "published": "", "place": "格尔木市"}
    assert doccano_line(document, suggestions=True)["label"] == [[0, 4, "地点"], [10, 13, "数据"], [4, 6, "举措"]]
    assert doccano_line({"text": "空"}) == {"text": "空", "label": [], "title": "", "source": "", "published": "",
                                           "place": ""}


def test_the_doccano_file_is_one_compact_line_a_document(tmp_path: Path):
    path = tmp_path / "out.jsonl"
    documents = [doc("甲", (0, 1, "x", {"origin": "suggested"})), doc("乙", (0, 1, "y"))]
    assert write_doccano(path, documents) == 2
    assert path.read_bytes().decode("utf-8") == (
        '{"text":"甲","label":[],"title":"","source":"","published":"","place":""}\n'
        '{"text":"乙","label":[[0,1,"y"]],"title":"","source":"","published":"","place":""}\n')
    with_suggestions = tmp_path / "all.jsonl"
    write_doccano(with_suggestions, documents, suggestions=True)
    assert '"label":[[0,1,"x"]]' in with_suggestions.read_text(encoding="utf-8").split("\n")[0]
