from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.core.importing import to_article
from curator.core.readers.doccano import read_doccano
from curator.core.readers.labelstudio import read_label_studio

PEERS = Path(__file__).resolve().parent.parent / "data" / "peers"
T1 = "𠮷😀格尔木市注册志愿者超3万人。"
T2 = "第一行\r\n𠮷😀志愿服务队324支\r\n完"


def spans_of(record):
    return [(s.start, s.end, s.label, s.attrs.get("origin"), s.attrs.get("annotator")) for s in record.spans]


def test_label_studio_export_gives_annotations_with_their_annotator_and_predictions_as_suggestions():
    first, second = read_label_studio(PEERS / "label_studio_export.json")
    assert first.text == T1 and first.title == "格尔木市志愿服务" and first.status == "done" and first.line == 1
    assert spans_of(first) == [
        (2, 6, "地点", "manual", "wang@example.org"),
        (12, 15, "数据", "manual", "wang@example.org"),
        (12, 15, "数据", "suggested", "rules-v2"),
    ]
    assert [first.text[s.start:s.end] for s in first.spans] == ["格尔木市", "3万人", "3万人"]
    assert first.spans[0].attrs["created"] == "2026-11-30T08:12:44.512345Z"
    assert first.spans[2].attrs["score"] == 0.87
    assert len({s.attrs["id"] for s in first.spans}) == 3
    assert spans_of(second) == [(7, 12, "举措", "manual", "li@example.org")]


def test_crlf_text_keeps_raw_offsets_on_the_raw_characters_and_moves_with_normalisation():
    [_, record] = read_label_studio(PEERS / "label_studio_export.json")
    span = record.spans[0]
    assert record.text[span.start:span.end] == "志愿服务队"  # \r counted, as Label Studio counts it
    article = to_article(record, "ls.json")
    [moved] = article.spans
    assert "\r" not in article.text and article.text[moved["start"]:moved["end"]] == "志愿服务队"
    assert (moved["start"], moved["annotator"]) == (6, "li@example.org")


def test_label_studio_json_min_is_read_with_annotator_names():
    first, second = read_label_studio(PEERS / "label_studio_min.json")
    assert spans_of(first) == [(2, 6, "地点", "manual", "wang@example.org")]
    assert spans_of(second) == [(7, 12, "举措", "manual", "Label Studio user 1")]


@pytest.mark.parametrize("name", ["doccano.jsonl", "doccano_relations.jsonl"])
def test_doccano_label_and_entities_forms(name):
    first, second = read_doccano(PEERS / name, annotator="admin")
    assert spans_of(first) == [(2, 6, "地点", "manual", "admin"), (12, 15, "数据", "manual", "admin")]
    assert [first.text[s.start:s.end] for s in first.spans] == ["格尔木市", "3万人"]
    assert second.text == T2 and second.text[second.spans[0].start:second.spans[0].end] == "志愿服务队"


def test_completed_by_as_an_object_gives_the_users_name():
    from curator.core.readers.labelstudio import annotator_name

    assert annotator_name({"completed_by": {"id": 3, "first_name": "伟", "last_name": "王", "email": "w@x"}}) == "伟 王"
    assert annotator_name({"completed_by": {"id": 3, "email": "w@x"}}) == "w@x"
    assert annotator_name({"completed_by": 3}) == "Label Studio user 3"


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def task(start: int, end: int, quoted: str, text: str = T1) -> list:
    return [{"data": {"text": text}, "annotations": [{"completed_by": 1, "result": [
        {"id": "x", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": end, "text": quoted, "labels": ["地点"]}}]}]}]


@pytest.mark.parametrize(("content", "reason"), [
    ({"data": {"text": "x"}}, "not a JSON list"),
    ([1], "task 1: not an object"),
    ([{"meta": {}}], "task 1: has neither"),
    (task(4, 8, "格尔木市"), "task 1: span 4-8 says '格尔木市' but the text there is '木市注册'"),  # UTF-16 offsets
    (task(2, 99, ""), "task 1: span 2-99 is outside the text"),
    (task(2, 2.5, ""), "task 1: a span's end must be a whole number"),
    ('[{"data": {"text": "x"}}', "cut off"),
])
def test_bad_label_studio_file_is_refused_naming_the_task(tmp_path, content, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        list(read_label_studio(write(tmp_path, "export.json", content)))


@pytest.mark.parametrize(("line", "reason"), [
    ('{"text": "abc", "label": [[0, 9, "X"]]}', "line 1: span 0-9 is outside the text"),
    ('{"text": "abc", "label": [[0, 1]]}', "line 1: a label must be"),
    ('{"text": "abc", "entities": [{"start_offset": 0, "end_offset": 1, "label": ""}]}', "line 1: a label must be"),
    ('{"text": "abc"', "malformed JSON on line 1"),
])
def test_bad_doccano_line_is_refused_naming_the_line(tmp_path, line, reason):
    with pytest.raises(ValueError, match=reason):
        list(read_doccano(write(tmp_path, "d.jsonl", line + "\n")))


def test_label_studio_export_is_read_task_by_task(tmp_path, monkeypatch):
    from curator.core.readers import jsonarray

    monkeypatch.setattr(jsonarray, "_CHUNK", 64)  # items cut across reads
    tasks = task(2, 6, "格尔木市") * 50
    records = list(read_label_studio(write(tmp_path, "many.json", tasks)))
    assert len(records) == 50 and all(r.text[r.spans[0].start:r.spans[0].end] == "格尔木市" for r in records)


def test_doccano_relation_project_imports_through_curators_jsonl_reader_with_its_entities():
    from curator.core.importing import read_file

    batch = read_file(PEERS / "doccano_relations.jsonl")
    assert not batch.problem
    first, second = batch.articles
    assert [(s["start"], s["end"], s["label"]) for s in first.spans] == [(2, 6, "地点"), (12, 15, "数据")]
    assert second.text[second.spans[0]["start"]:second.spans[0]["end"]] == "志愿服务队"  # CRLF normalised, span moved
