from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from curator.core.importing import read_file, to_article
from curator.core.readers.doccano import read_doccano
from curator.core.readers.labelstudio import read_label_studio
from curator.export.conll import write_conll
from curator.export.doccano import write_doccano
from curator.export.labelstudio import label_studio_config, write_label_studio
from curator.services.exporting import ExportOptions, jsonl_documents

ASTRAL = "𠮷😀格尔木市注册志愿者超3万人。"
CRLF = "第一行\r\n𠮷😀志愿服务队324支\r\n完"


def doc(text: str, *spans) -> dict:
    return {"text": text, "title": "标题", "source": "青海日报", "published": "2023-07-12", "place": "",
            "status": "done", "spans": [list(s) for s in spans]}


def span_at(text: str, needle: str, label: str, **attrs) -> tuple:
    start = text.index(needle)
    return (start, start + len(needle), label, {"origin": "manual", "annotator": "张三", **attrs})


DOCUMENTS = [
    doc(ASTRAL, span_at(ASTRAL, "格尔木市", "地点", id=1),
        span_at(ASTRAL, "3万人", "数据", id=2, annotator="李四"),
        span_at(ASTRAL, "志愿者", "举措", id=3, origin="suggested", score=0.5)),
    doc(CRLF, span_at(CRLF, "志愿服务队", "举措", id=4)),
]


def test_label_studio_tasks_carry_annotations_in_the_shape_label_studio_imports(tmp_path):
    path = tmp_path / "out.json"
    assert write_label_studio(path, DOCUMENTS) == 2
    tasks = json.loads(path.read_text(encoding="utf-8"))
    first = tasks[0]
    assert first["data"]["text"] == ASTRAL and first["data"]["title"] == "标题"
    regions = [r for a in first["annotations"] for r in a["result"]]
    assert {(r["from_name"], r["to_name"], r["type"]) for r in regions} == {("label", "text", "labels")}
    assert [r["value"] for r in regions] == [
        {"start": 2, "end": 6, "text": "格尔木市", "labels": ["地点"]},
        {"start": 12, "end": 15, "text": "3万人", "labels": ["数据"]},
    ]
    assert len(first["annotations"]) == 2 and first["meta"]["curator_annotators"] == ["张三", "李四"]
    [prediction] = first["predictions"]
    assert prediction["result"][0]["value"]["text"] == "志愿者" and prediction["result"][0]["score"] == 0.5
    assert all(isinstance(r["id"], str) and r["id"] for r in regions)


def test_label_studio_round_trip_keeps_every_span_on_its_characters(tmp_path):
    path = tmp_path / "out.json"
    write_label_studio(path, DOCUMENTS)
    first, second = read_label_studio(path)
    assert [(s.start, s.end, s.label, s.attrs["origin"]) for s in first.spans] == [
        (2, 6, "地点", "manual"), (12, 15, "数据", "manual"), (8, 11, "举措", "suggested")]
    assert [first.text[s.start:s.end] for s in first.spans] == ["格尔木市", "3万人", "志愿者"]
    assert second.text == CRLF and second.text[second.spans[0].start:second.spans[0].end] == "志愿服务队"
    moved = to_article(second, "out.json").spans[0]
    assert CRLF.replace("\r\n", "\n")[moved["start"]:moved["end"]] == "志愿服务队"


def test_labeling_config_names_every_label_for_the_exported_regions():
    xml = label_studio_config({"举措": "#ff0000", "数据": "", 'a"<b': ""})
    root = ElementTree.fromstring(xml)
    labels = root.find("Labels")
    assert (labels.get("name"), labels.get("toName")) == ("label", "text")
    assert [(l.get("value"), l.get("background")) for l in labels] == [("举措", "#ff0000"), ("数据", None), ('a"<b', None)]
    assert root.find("Text").attrib == {"name": "text", "value": "$text"}


def test_doccano_round_trip_with_label_column(tmp_path):
    path = tmp_path / "out.jsonl"
    assert write_doccano(path, DOCUMENTS) == 2
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["label"] == [[2, 6, "地点"], [12, 15, "数据"]]  # the suggestion is not doccano's to know
    assert "spans" not in lines[0]
    first, second = read_doccano(path)
    assert [first.text[s.start:s.end] for s in first.spans] == ["格尔木市", "3万人"]
    assert second.text[second.spans[0].start:second.spans[0].end] == "志愿服务队"


def test_conll_is_character_level_bio_one_sentence_a_block(tmp_path):
    text = "格尔木市 开展“文明交通”。志愿者超3万人！\n第二段"
    document = doc(text, span_at(text, "格尔木市", "地点"), span_at(text, "文明交通", "举措"),
                   span_at(text, "3万人", "数据"), span_at(text, "3万", "数据"))
    path = tmp_path / "out.conll"
    summary = write_conll(path, [document])
    assert (summary.documents, summary.sentences, summary.overlapping) == (1, 3, 1)
    blocks = [block.split("\n") for block in path.read_text(encoding="utf-8").strip("\n").split("\n\n")]
    assert blocks[0] == ["格\tB-地点", "尔\tI-地点", "木\tI-地点", "市\tI-地点", "开\tO", "展\tO", "“\tO",
                         "文\tB-举措", "明\tI-举措", "交\tI-举措", "通\tI-举措", "”\tO", "。\tO"]
    assert blocks[1][-4:] == ["3\tB-数据", "万\tI-数据", "人\tI-数据", "！\tO"]
    assert blocks[2] == ["第\tO", "二\tO", "段\tO"]


def test_conll_never_splits_a_sentence_inside_a_span_and_keeps_astral_characters_whole(tmp_path):
    text = "𠮷😀甲。乙\r\n丙"
    document = doc(text, (0, 4, "名称", {}), (4, 8, "地点", {}))
    path = tmp_path / "out.conll"
    write_conll(path, [document])
    assert path.read_text(encoding="utf-8") == (
        "𠮷\tB-名称\n😀\tI-名称\n甲\tI-名称\n。\tI-名称\n\n乙\tB-地点\n丙\tI-地点\n\n")


def test_project_exported_for_label_studio_and_doccano_imports_back_with_the_same_spans(tagged, tmp_path):
    documents = list(jsonl_documents(tagged, ExportOptions()))
    expected = [sorted((s[0], s[1], s[2]) for s in d["spans"] if s[3]["origin"] != "suggested") for d in documents]
    assert any(expected)
    write_label_studio(tmp_path / "ls.json", documents)
    write_doccano(tmp_path / "dc.jsonl", documents)
    for batch_path in (tmp_path / "dc.jsonl",):
        batch = read_file(batch_path)  # curator's own JSONL reader takes doccano's "label" column
        assert not batch.problem
        assert [sorted((s["start"], s["end"], s["label"]) for s in a.spans) for a in batch.articles] == expected
    records = list(read_label_studio(tmp_path / "ls.json"))
    manual = [sorted((s.start, s.end, s.label) for s in r.spans if s.attrs["origin"] == "manual") for r in records]
    assert manual == expected


@pytest.mark.parametrize("writer", [write_label_studio, write_doccano, write_conll])
def test_peer_writers_never_replace_a_file_unasked(tmp_path, writer):
    from curator.export.files import TargetExists

    path = tmp_path / "out.txt"
    path.write_text("keep", encoding="utf-8")
    with pytest.raises(TargetExists):
        writer(path, DOCUMENTS)
    assert path.read_text(encoding="utf-8") == "keep"
