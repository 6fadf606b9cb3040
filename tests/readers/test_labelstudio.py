"""Label Studio exports task by task: which regions become spans, with whose name, and each refusal exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.core.readers.labelstudio import annotator_name, read_label_studio, task_record

TEXT = "格尔木市注册志愿者超3万人。"


def region(start: int, end: int, *labels: str, **extra) -> dict:
    value = {"start": start, "end": end, "text": TEXT[start:end], "labels": list(labels)}
    return {"id": extra.pop("id", f"r{start}"), "from_name": "label", "to_name": "text", "type": "labels",
            "value": value, **extra}


def spans(record) -> list[tuple]:
    return [(s.start, s.end, s.label, s.attrs) for s in record.spans]


def refusal(item, number: int = 3) -> str:
    with pytest.raises(ValueError) as caught:
        task_record(item, number)
    return str(caught.value)


def test_an_annotation_gives_manual_spans_with_its_annotator_and_times():
    item = {"data": {"text": TEXT, "title": "标题", "source": "青海日报", "published": 20230712, "place": "格尔木市"},
            "annotations": [{"completed_by": {"email": "w@x"}, "created_at": "c1", "updated_at": "u1",
                             "result": [region(0, 4, "地点"), region(10, 13, "数据", "举措", id="n")]}]}
    record = task_record(item, 5)
    base = {"origin": "manual", "annotator": "w@x", "created": "c1", "updated": "u1"}
    assert spans(record) == [(0, 4, "地点", {**base, "id": "r0"}), (10, 13, "数据", {**base, "id": "n"}),
                             (10, 13, "举措", {**base, "id": "n#2"})]
    assert (record.text, record.title, record.source, record.published, record.place, record.status, record.line) == (
        TEXT, "标题", "青海日报", "20230712", "格尔木市", "done", 5)


def test_a_prediction_gives_suggestions_with_its_model_and_score():
    item = {"data": {"text": TEXT}, "predictions": [
        {"model_version": "rules-v2", "score": 0.5, "result": [region(0, 4, "地点"), region(10, 13, "数据", score=1)]},
        {"model_version": 3, "score": True, "result": [region(4, 6, "举措", score="high")]},
        "not a prediction",
    ]}
    record = task_record(item, 1)
    assert spans(record) == [
        (0, 4, "地点", {"origin": "suggested", "annotator": "rules-v2", "score": 0.5, "id": "r0"}),
        (10, 13, "数据", {"origin": "suggested", "annotator": "rules-v2", "score": 1.0, "id": "r10"}),
        (4, 6, "举措", {"origin": "suggested", "annotator": "3", "id": "r4"}),
    ]
    assert isinstance(record.spans[1].attrs["score"], float)
    assert record.status == ""  # predictions alone: nobody has done the task


def test_cancelled_annotations_and_what_is_not_a_labelled_region_are_skipped():
    item = {"data": {"text": TEXT}, "annotations": [
        {"was_cancelled": True, "result": [region(0, 4, "地点")]},
        "not an annotation",
        {"completed_by": 2, "result": [
            {"type": "relation", "from_id": "a", "to_id": "b"},
            {"type": "choices", "value": {"choices": ["好"]}},
            {"type": "labels", "value": "x"},
            {"type": "labels", "value": {"end": 3, "labels": ["地点"]}},
            "not a region",
            {"value": {"start": 0, "end": 4, "labels": ["地点"]}},  # no type: labels
        ]},
    ]}
    record = task_record(item, 1)
    assert spans(record) == [(0, 4, "地点", {"origin": "manual", "annotator": "Label Studio user 2"})]
    assert record.status == "done"


def test_only_cancelled_annotations_leave_the_task_to_do():
    item = {"data": {"text": TEXT}, "annotations": [{"was_cancelled": True, "result": [region(0, 4, "地点")]}]}
    assert task_record(item, 1).status == "" and task_record(item, 1).spans == ()
    done = {"data": {"text": TEXT}, "annotations": [{"result": []}]}
    assert task_record(done, 1).status == "done"


def test_the_text_may_be_under_another_name_when_it_is_the_only_string():
    assert task_record({"data": {"article": TEXT, "n": 3}}, 1).text == TEXT
    assert task_record({"data": {"text": TEXT, "other": "x"}}, 1).text == TEXT
    assert refusal({"data": {"a": "x", "b": "y"}}) == 'its "data" has no "text" string'
    assert refusal({"data": {"n": 1}}) == 'its "data" has no "text" string'


@pytest.mark.parametrize("item, message", [
    ([1], "not an object (a Label Studio task)"),
    ({"data": "text"}, 'has neither "data" with a text (JSON export) nor a "text" (JSON-MIN)'),
    ({"text": 5}, 'has neither "data" with a text (JSON export) nor a "text" (JSON-MIN)'),
    ({"data": {"text": TEXT}, "annotations": {}}, '"annotations" must be a list'),
    ({"data": {"text": TEXT}, "predictions": "x"}, '"predictions" must be a list'),
    ({"data": {"text": TEXT}, "annotations": [{"result": {}}]}, '"result" must be a list'),
    ({"data": {"text": TEXT}, "annotations": [{"result": [{"value": {"start": 0, "end": 4}}]}]},
     'a region 0-4 has no "labels" list'),
    ({"data": {"text": TEXT}, "annotations": [{"result": [{"value": {"start": 0, "end": 4, "labels": []}}]}]},
     'a region 0-4 has no "labels" list'),
    ({"data": {"text": TEXT}, "annotations": [{"result": [{"value": {"start": 0, "labels": "x"}}]}]},
     'a region 0-None has no "labels" list'),
    ({"data": {"text": TEXT}, "annotations": [{"result": [region(0, 4, "")]}]},
     "a label must be a name of 1 to 100 characters, not ''"),
    ({"data": {"text": TEXT}, "annotations": [{"created_at": [1], "result": []}]},
     '"created_at" must be a string, not list'),
    ({"data": {"text": TEXT}, "annotations": [{"updated_at": {}, "result": []}]},
     '"updated_at" must be a string, not dict'),
    ({"data": {"text": TEXT}, "predictions": [{"model_version": [], "result": []}]},
     '"model_version" must be a string, not list'),
    ({"data": {"text": TEXT, "title": []}}, '"title" must be a string, not list'),
    ({"text": TEXT, "place": {}}, '"place" must be a string, not dict'),
    ({"text": TEXT, "created_at": []}, '"created_at" must be a string, not list'),
    ({"text": TEXT, "updated_at": []}, '"updated_at" must be a string, not list'),
    ({"text": TEXT, "label": [{"start": 0, "end": 4}]}, 'a region 0-4 has no "labels" list'),
    ({"text": TEXT, "label": [{"start": 4, "end": 8, "text": "格尔木市", "labels": ["地点"]}]},
     "span 4-8 says '格尔木市' but the text there is '注册志愿' (offsets must be code points, as Label Studio and "
     "doccano write them)"),
])
def test_each_refusal_has_its_message(item, message):
    assert refusal(item) == message


def test_json_min_reads_every_region_list_with_its_annotator():
    item = {"text": TEXT, "id": 9, "annotator": 4, "created_at": "c", "updated_at": "u", "title": "标题",
            "label": [{"start": 0, "end": 4, "text": "格尔木市", "labels": ["地点", "机构"]}],
            "figures": [{"start": 10, "end": 13, "labels": ["数据"]}],
            "tags": ["a", "b"], "empty": [], "mixed": [{"start": 0, "end": 1}, "x"], "partial": [{"start": 0}]}
    record = task_record(item, 2)
    base = {"origin": "manual", "annotator": "Label Studio user 4", "created": "c", "updated": "u"}
    assert spans(record) == [(0, 4, "地点", base), (0, 4, "机构", base), (10, 13, "数据", base)]
    assert (record.text, record.status, record.title, record.line) == (TEXT, "done", "标题", 2)
    assert task_record({"text": TEXT}, 1).status == ""


@pytest.mark.parametrize("annotation, name", [
    ({"completed_by": {"first_name": " 伟 ", "last_name": "王"}}, "伟 王"),
    ({"completed_by": {"first_name": "伟"}}, "伟"),
    ({"completed_by": {"last_name": "王", "email": "w@x"}}, "王"),
    ({"completed_by": {"email": " w@x ", "username": "wang"}}, "w@x"),
    ({"completed_by": {"username": "wang"}}, "wang"),
    ({"completed_by": {"id": 7}}, "Label Studio user 7"),
    ({"completed_by": {"id": "7"}}, ""),
    ({"completed_by": {}}, ""),
    ({"completed_by": 3, "created_username": " wang@example.org, 3"}, "wang@example.org"),
    ({"completed_by": 3, "created_username": "wang"}, "wang"),
    ({"completed_by": 3, "created_username": ", 3"}, "Label Studio user 3"),  # no email: the user's number
    ({"created_username": ", 3"}, "3"),
    ({"completed_by": 3, "created_username": " , "}, "Label Studio user 3"),
    ({"completed_by": 3, "created_username": 5}, "Label Studio user 3"),
    ({"completed_by": " 王伟 "}, "王伟"),
    ({"completed_by": "  "}, ""),
    ({"annotator": 5}, "Label Studio user 5"),
    ({"annotator": "李四"}, "李四"),
    ({"completed_by": 2, "annotator": 5}, "Label Studio user 2"),
    ({"completed_by": True}, ""),
    ({}, ""),
])
def test_the_annotators_name(annotation, name):
    assert annotator_name(annotation) == name


def test_a_file_names_the_task_that_breaks_a_rule(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"data": {"text": TEXT}}, {"data": {"text": TEXT}, "annotations": 5}]), encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        list(read_label_studio(path))
    assert str(caught.value) == 'task 2: "annotations" must be a list'


def test_a_folder_named_json_is_named_a_folder(tmp_path):
    (tmp_path / "a.json").mkdir()
    with pytest.raises(ValueError, match="^is a folder$"):
        list(read_label_studio(Path(tmp_path / "a.json")))
