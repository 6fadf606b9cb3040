"""doccano JSONL: both project shapes, the annotator, each line limit and refusal exactly."""

from __future__ import annotations

import json

import pytest

from curator.core.readers import doccano
from curator.core.readers.doccano import doccano_record, is_doccano, read_doccano
from curator.core.readers.limits import TooLarge

TEXT = "格尔木市注册志愿者超3万人"


def spans(record) -> list[tuple]:
    return [(s.start, s.end, s.label, s.attrs) for s in record.spans]


def write(tmp_path, data: bytes):
    (tmp_path / "admin.jsonl").write_bytes(data)
    return tmp_path / "admin.jsonl"


def test_a_sequence_labelling_line():
    record = doccano_record({"text": TEXT, "label": [[0, 4, "地点"], [10, 13, "数据"], "好评"], "title": "标题",
                             "published": 2023, "user": " wang "}, 7)
    who = {"origin": "manual", "annotator": "wang"}
    assert spans(record) == [(0, 4, "地点", who), (10, 13, "数据", who)]
    assert (record.title, record.published, record.line, record.source, record.place) == ("标题", "2023", 7, "", "")


def test_a_relation_projects_line_keeps_entity_ids():
    record = doccano_record({"text": TEXT, "entities": [
        {"id": 5, "start_offset": 0, "end_offset": 4, "label": "地点"},
        {"id": 5, "start_offset": 10, "end_offset": 13, "label": "数据"},
        {"start_offset": 4, "end_offset": 6, "label": "举措"}], "relations": []}, 1, annotator="admin")
    who = {"origin": "manual", "annotator": "admin"}
    assert spans(record) == [(0, 4, "地点", {**who, "id": 5}), (10, 13, "数据", {**who, "id": "5#1"}),
                             (4, 6, "举措", who)]


@pytest.mark.parametrize("obj, who", [
    ({"user": "李四"}, "李四"), ({"annotator": "张三"}, "张三"), ({"user": 3}, "admin"), ({"user": "  "}, "admin"),
    ({}, "admin"), ({"user": "李四", "annotator": "张三"}, "李四"),
])
def test_the_annotator_is_the_lines_user_or_the_files(obj, who):
    record = doccano_record({"text": TEXT, "label": [[0, 4, "地点"]], **obj}, 1, annotator="admin")
    assert record.spans[0].attrs["annotator"] == who


def test_without_any_name_the_annotator_is_left_out():
    assert spans(doccano_record({"text": TEXT, "label": [[0, 4, "地点"]]}, 1)) == [(0, 4, "地点", {"origin": "manual"})]


@pytest.mark.parametrize("obj, message", [
    ([1], 'not an object with a "text" string'),
    ({"text": 1}, 'not an object with a "text" string'),
    ({"text": TEXT, "entities": [[0, 4, "地点"]]}, "an entity must be an object, got [0, 4, '地点']"),
    ({"text": TEXT, "entities": [{"start_offset": 0, "end_offset": 40, "label": "x"}]},
     "span 0-40 is outside the text (13 characters)"),
    ({"text": TEXT, "entities": [{"end_offset": 4, "label": "x"}]}, "a span's start must be a whole number, not None"),
    ({"text": TEXT, "label": [[0, 4]]}, "a label must be [start, end, label], got [0, 4]"),
    ({"text": TEXT, "label": [[0, 4, "a", "b"]]}, "a label must be [start, end, label], got [0, 4, 'a', 'b']"),
    ({"text": TEXT, "label": [5]}, "a label must be [start, end, label], got 5"),
    ({"text": TEXT, "label": [[0, 4, "x" * 101]]}, "a label must be a name of 1 to 100 characters, not '" + "x" * 101),
    ({"text": TEXT, "label": [[0, 4, "地点"]], "source": []}, '"source" must be a string, not list'),
    ({"text": TEXT, "place": {}}, '"place" must be a string, not dict'),
])
def test_each_refusal_has_its_message(obj, message):
    with pytest.raises(ValueError) as caught:
        doccano_record(obj, 1)
    assert str(caught.value).startswith(message) and len(str(caught.value)) <= 200


def test_a_long_entity_is_quoted_in_200_characters():
    with pytest.raises(ValueError) as caught:
        doccano_record({"text": TEXT, "entities": ["x" * 500]}, 1)
    assert len(str(caught.value)) == 200
    with pytest.raises(ValueError) as caught:
        doccano_record({"text": TEXT, "label": ["x" * 500, [1]]}, 1)  # a document label, then a bad span
    assert str(caught.value) == "a label must be [start, end, label], got [1]"


@pytest.mark.parametrize("obj, shaped", [
    ({"text": TEXT, "label": []}, True), ({"text": TEXT, "entities": []}, True),
    ({"text": TEXT, "label": [], "spans": []}, False), ({"text": TEXT}, False), ({"text": TEXT, "label": "x"}, False),
    ({"text": TEXT, "entities": {}}, False), ({"text": 1, "label": []}, False), ([], False),
])
def test_what_is_a_doccano_line(obj, shaped):
    assert is_doccano(obj) is shaped


def test_a_file_is_read_line_by_line_naming_each_line(tmp_path):
    lines = [{"text": "第一篇", "label": [[0, 3, "a"]]}, {}, {"text": "第三篇", "label": [[0, 9, "a"]]}]
    data = "\n".join(json.dumps(line, ensure_ascii=False) if line else "  " for line in lines).encode()
    records = read_doccano(write(tmp_path, b"\xef\xbb\xbf" + data), annotator="admin")
    assert next(records).line == 1
    with pytest.raises(ValueError) as caught:
        next(records)
    assert str(caught.value) == "line 3: span 0-9 is outside the text (3 characters)"


@pytest.mark.parametrize("data, message", [
    (b'{"text": "a"}\n\xef\xbb\xbf{"text": "b"}\n', "malformed JSON on line 2 (Unexpected UTF-8 BOM (decode using utf-8-sig))"),
    (b'{"text": "a"}\n{"text": "\xff"}\n', "line 2 is not UTF-8; doccano files are UTF-8"),
    (b'{"text": "a"\n', "malformed JSON on line 1 (Expecting ',' delimiter)"),
    (b"[" * 100000 + b"\n", "malformed JSON on line 1 (nested too deeply)"),
])
def test_each_file_refusal_has_its_message(tmp_path, data, message):
    with pytest.raises(ValueError) as caught:
        list(read_doccano(write(tmp_path, data)))
    assert str(caught.value) == message


def test_a_line_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(doccano, "MAX_BYTES", 30)
    at = '{"text": "' + "x" * 18 + '"}'  # 30 bytes
    for end in ("\n", "\r\n"):
        assert [r.text for r in read_doccano(write(tmp_path, (at + end + '{"text": "y"}').encode()))] == ["x" * 18, "y"]
    over = '{"text": "' + "x" * 19 + '"}'
    for end in ("\n", "\r\n", ""):
        with pytest.raises(TooLarge) as caught:
            list(read_doccano(write(tmp_path, ('{"text": "y"}\n' + over + end).encode())))
        assert str(caught.value) == "line 2 is over 0.0 MB; one article may not be larger"
