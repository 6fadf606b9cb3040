from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from export_fixtures import INJECTIONS
from curator.core.evidence import evidence_for, evidence_sentence
from curator.core.importing import read_path
from curator.services.exporting import ExportOptions, TargetExists, csv_paths, export, export_csv, export_jsonl
from curator.store import Project


def comparable(line: dict) -> dict:
    """A JSONL line without ids: spans by position, facts citing spans by position."""
    spans = {attrs["id"]: (start, end, label) for start, end, label, attrs in line["spans"]}
    initiatives = {row["id"]: row["name"] for row in line["initiatives"]}
    out = {k: v for k, v in line.items() if k not in ("spans", "initiatives", "figures")}
    out["spans"] = sorted([start, end, label, {k: v for k, v in attrs.items() if k != "id"}]
                          for start, end, label, attrs in line["spans"])
    for table in ("initiatives", "figures"):
        rows = []
        for row in line[table]:
            row = {k: v for k, v in row.items() if k != "id"}
            row["span_ids"] = sorted(spans[s] for s in row["span_ids"])
            if "initiative_id" in row:
                row["initiative_id"] = initiatives.get(row["initiative_id"])
            rows.append(row)
        out[table] = sorted(rows, key=lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True))
    return out


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_round_trips_a_project(tagged: Project, tmp_path: Path):
    figure = tagged.facts("figures")[2]
    initiative = tagged.facts("initiatives", doc_id=figure["doc_id"])[0]
    tagged.db.conn.execute("UPDATE figures SET initiative_id = ? WHERE id = ?", [initiative["id"], figure["id"]])
    first = tmp_path / "first.jsonl"
    assert export_jsonl(tagged, first).rows == {"文章": tagged.document_count()}
    lines = read_lines(first)
    assert all(isinstance(s[0], int) and isinstance(s[2], str) and isinstance(s[3], dict) for l in lines for s in l["spans"])
    assert any(s[3]["origin"] == "suggested" for l in lines for s in l["spans"])  # suggestions travel too

    with Project.open(tmp_path / "copy.curator") as copy:
        report = copy.import_batches(read_path(first))
        assert len(report.added) == tagged.document_count() and not report.problems
        assert copy.stats() == tagged.stats()
        second = tmp_path / "second.jsonl"
        export_jsonl(copy, second)
    again = read_lines(second)
    assert [comparable(l) for l in again] == [comparable(l) for l in lines]
    assert any(row["initiative_id"] for l in again for row in l["figures"])


def test_jsonl_lines_follow_the_options(tagged: Project, tmp_path: Path):
    path = tmp_path / "reviewed.jsonl"
    export(tagged, path, ExportOptions(statuses={"reviewed"}, labels={"place"}))
    lines = read_lines(path)
    assert [l["status"] for l in lines] == ["reviewed"]
    assert {s[2] for s in lines[0]["spans"]} == {"place"} and lines[0]["figures"] == []


def test_csv_per_fact_table_with_bom_and_defused_formulas(tagged: Project, tmp_path: Path):
    summary = export_csv(tagged, tmp_path / "facts.csv")
    assert [p.name for p in summary.paths] == ["facts-举措.csv", "facts-数据.csv"]
    raw = summary.paths[1].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with summary.paths[1].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["指标", "数值", "单位"] and len(rows) - 1 == len(tagged.facts("figures"))
    values = [row[1] for row in rows[1:]]
    assert "97.5" in values and "30000" in values
    with summary.paths[0].open(encoding="utf-8-sig", newline="") as f:
        cells = {cell for row in csv.reader(f) for cell in row}
    for text in INJECTIONS[:4]:
        assert "'" + text in cells and text not in cells
    with summary.paths[1].open(encoding="utf-8-sig", newline="") as f:
        figure_cells = [cell for row in csv.reader(f) for cell in row]
    assert any(cell.startswith("'=1+1开头") for cell in figure_cells)  # article text in an evidence sentence
    assert "'\t=1+1" in figure_cells and "'\r=1+1" in figure_cells
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in figure_cells)


def test_csv_refuses_to_replace_either_file(tagged: Project, tmp_path: Path):
    paths = csv_paths(tmp_path / "facts.csv")
    paths["数据"].write_text("keep me", encoding="utf-8")
    with pytest.raises(TargetExists):
        export_csv(tagged, tmp_path / "facts.csv")
    assert not paths["举措"].exists() and paths["数据"].read_text(encoding="utf-8") == "keep me"
    folder = tmp_path / "out"
    folder.mkdir()
    assert [p.name for p in export(tagged, folder).paths] == ["举措.csv", "数据.csv"]


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("第一句。格尔木市志愿者超3万人！第三句", "超3万人", "格尔木市志愿者【超3万人】！"),
    ("标题\n正文第一句；后文", "标题", "【标题】"),
    ("前文。没有句号的结尾", "结尾", "没有句号的【结尾】"),
    ("问：  今年新增12个站点？是的", "12个", "问：  今年新增【12个】站点？"),
    ("跨句的。片段在此", "的。片段", "跨句【的。片段】在此"),
    ("𠮷祥社区新增3个。", "3个", "𠮷祥社区新增【3个】。"),
])
def test_evidence_sentence(text: str, span: str, expected: str):
    start = text.index(span)
    assert evidence_sentence(text, start, start + len(span)) == expected


def test_evidence_for_several_spans_marks_each_once():
    text = "甲地有5个站。乙地有6个站。"
    a, b, c = text.index("5个"), text.index("6个"), text.index("甲地")
    assert evidence_for(text, [(b, b + 2), (a, a + 2), (c, c + 2)]) == "【甲地】有【5个】站。 … 乙地有【6个】站。"


@pytest.mark.parametrize("options", [
    ExportOptions(), ExportOptions(statuses={"reviewed", "done"}), ExportOptions(place="格尔木市", labels={"figure"}),
])
def test_options_survive_being_remembered(options: ExportOptions):
    assert ExportOptions.from_dict(json.loads(json.dumps(options.to_dict()))) == options
    assert ExportOptions.from_dict({"statuses": "garbage", "place": 3}) == ExportOptions()
