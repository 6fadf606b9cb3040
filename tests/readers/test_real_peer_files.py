"""Files that Label Studio 1.23.2 and doccano 1.8.4 really wrote (tests/data/peers/real/README.md says how).

Each is imported through the CLI into a real project and exported back as curator's JSONL: every
span must sit on the characters the tool marked (𠮷 and 😀 before the spans, CRLF in the third
task). curator's own exports of the same documents must stay what the tools accepted.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import main

REAL = Path(__file__).resolve().parent.parent / "data" / "peers" / "real"
ADMIN = "a@b.c"  # the Label Studio user the server was started with
LS_USER = "Label Studio user 1"  # what the default export gives: completed_by as a bare id

# (text start, end, label, text there) after curator's import: CRLF becomes LF, offsets move with it
DOC1 = [(2, 6, "地点", "格尔木市"), (12, 15, "数据", "3万人")]
DOC2 = [(6, 11, "举措", "志愿服务队"), (11, 15, "数据", "324支")]
DOC3 = [(5, 11, "举措", "文明城市创建"), (17, 21, "数据", "120名")]
TEXT3 = "通知\n𠮷😀文明城市创建\n表彰志愿者120名"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def imported(tmp_path: Path, name: str) -> list[dict]:
    """The documents as curator stored them, read back from its own JSONL export."""
    project, out = tmp_path / "p.curator", tmp_path / "back.jsonl"
    run("import", str(project), str(REAL / name))
    run("export", str(project), str(out))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def spans(document: dict, *keys: str) -> list[tuple]:
    text = document["text"]
    return [(s, e, label, text[s:e], *(attrs.get(k) for k in keys)) for s, e, label, attrs in document["spans"]]


def test_label_studio_json_export_lands_every_span_on_its_characters(tmp_path):
    one, two, three = imported(tmp_path, "label_studio_1.23.2_json.json")
    assert one["text"] == "𠮷😀格尔木市注册志愿者超3万人。" and three["text"] == TEXT3
    assert (one["title"], three["title"]) == ("格尔木市志愿服务", "CRLF 任务")
    for document, expected in ((one, DOC1), (two, DOC2), (three, DOC3)):
        assert spans(document, "annotator", "origin") == [(*span, LS_USER, "manual") for span in expected]


def test_label_studio_json_min_keeps_both_annotations_of_one_task(tmp_path):
    # JSON-MIN writes one row per annotation: task 5 has two rows with the same id and text
    one, two, three = imported(tmp_path, "label_studio_1.23.2_json_min.json")
    assert spans(one, "annotator") == [(*span, LS_USER) for span in DOC1]
    assert sorted(spans(two, "annotator")) == [(*span, LS_USER) for span in DOC2]
    assert spans(three, "annotator") == [(*span, LS_USER) for span in DOC3]


def test_label_studio_snapshot_with_full_objects_gives_user_emails_and_predictions_as_suggestions(tmp_path):
    one, two, three = imported(tmp_path, "label_studio_1.23.2_json_full_objects.json")
    assert spans(one, "annotator", "origin") == [
        (2, 6, "地点", "格尔木市", ADMIN, "manual"),
        (6, 11, "举措", "注册志愿者", "curator", "suggested"),
        (12, 15, "数据", "3万人", ADMIN, "manual"),
    ]
    assert spans(two, "annotator") == [(*span, ADMIN) for span in DOC2]
    assert spans(three, "annotator", "origin", "score") == [
        (5, 9, "地点", "文明城市", "ner-v1", "suggested", 0.7),
        *[(*span, ADMIN, "manual", None) for span in DOC3],
    ]


@pytest.mark.parametrize("name", ["doccano_1.8.4_admin.jsonl", "doccano_1.8.4_relations_admin.jsonl"])
def test_doccano_export_lands_every_span_on_its_characters(tmp_path, name):
    one, two, three = imported(tmp_path, name)
    assert (three["text"], three["title"]) == (TEXT3, "通知")  # doccano writes null titles: the first line
    for document, expected in ((one, DOC1), (two, DOC2), (three, DOC3)):
        assert spans(document, "origin") == [(*span, "manual") for span in expected]


@pytest.fixture
def source_project(tmp_path: Path) -> Path:
    project = tmp_path / "source.curator"
    run("import", str(project), str(REAL / "curator_source.jsonl"))
    return project


def test_label_studio_export_is_still_the_file_label_studio_imported_with_its_config(tmp_path, source_project):
    out = tmp_path / "tasks.json"
    printed = run("export", str(source_project), str(out), "--format", "label-studio")
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        (REAL / "curator_label_studio_tasks.json").read_text(encoding="utf-8"))
    config = (REAL / "curator_label_studio_config.xml").read_text(encoding="utf-8")
    assert config in printed
    root = ET.fromstring(config)
    labels, text = root.find("Labels"), root.find("Text")
    assert (labels.get("toName"), text.get("value")) == (text.get("name"), "$text")
    names = {label.get("value") for label in labels}
    for task in json.loads(out.read_text(encoding="utf-8")):
        regions = [r for group in task["annotations"] + task.get("predictions", []) for r in group["result"]]
        for region in regions:
            assert (region["from_name"], region["to_name"], region["type"]) == (labels.get("name"), text.get("name"), "labels")
            assert region["value"]["labels"][0] in names


def test_label_studio_kept_curators_regions_as_written(source_project, tmp_path):
    out = tmp_path / "tasks.json"
    run("export", str(source_project), str(out), "--format", "label-studio")
    ours = json.loads(out.read_text(encoding="utf-8"))
    theirs = json.loads((REAL / "label_studio_1.23.2_json_full_objects.json").read_text(encoding="utf-8"))[:2]
    keys = ("id", "from_name", "to_name", "type", "value")
    for mine, stored in zip(ours, theirs, strict=True):
        assert stored["data"] == mine["data"]
        assert [[{k: r[k] for k in keys} for r in a["result"]] for a in stored["annotations"]] == [
            [{k: r[k] for k in keys} for r in a["result"]] for a in mine["annotations"]]
        assert [p["result"] for p in stored["predictions"]] == [p["result"] for p in mine.get("predictions", [])]


def test_doccano_export_is_still_the_file_doccano_imported(tmp_path, source_project):
    out = tmp_path / "doccano.jsonl"
    run("export", str(source_project), str(out), "--format", "doccano")
    ours = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert ours == [json.loads(line) for line in (REAL / "curator_doccano.jsonl").read_text(encoding="utf-8").splitlines()]
    for name in ("doccano_1.8.4_admin.jsonl", "doccano_1.8.4_relations_admin.jsonl"):
        theirs = [json.loads(line) for line in (REAL / name).read_text(encoding="utf-8").splitlines()][:2]
        for mine, stored in zip(ours, theirs, strict=True):
            got = stored.get("label") or [[e["start_offset"], e["end_offset"], e["label"]] for e in stored["entities"]]
            assert (stored["text"], got) == (mine["text"], mine["label"])
            assert {k: stored[k] for k in ("title", "source", "published", "place")} == {
                k: mine[k] for k in ("title", "source", "published", "place")}
