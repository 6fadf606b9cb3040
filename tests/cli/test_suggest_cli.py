from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import main
from curator.core.importing import normalise
from curator.store import Project

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_suggest_file_prints_json_lines_with_code_point_offsets(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\ufeff𠮷😀目前，注册志愿者超3万人，\r\n志愿服务队324支。", encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", str(path), "figure"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = normalise(path.read_text(encoding="utf-8"))
    assert [(r["text"], r["value"], r["unit"], r["qualifier"]) for r in rows] == [("超3万人", 30000, "人", "超"), ("324支", 324, "支", "")]
    assert all(text[r["start"]:r["end"]] == r["text"] and r["label"] == "figure" for r in rows)
    assert rows[0]["indicator"] == "注册志愿者"


def test_suggest_project_apply_stores_suggestions_once(tmp_path):
    runner = CliRunner()
    path = tmp_path / "p.curator"
    runner.invoke(main, ["import", str(path), str(SEEDS)])
    first = runner.invoke(main, ["suggest", str(path), "--apply", "figure", "doc"])
    assert first.exit_code == 0, first.output
    with Project.open(path, read_only=True) as project:
        spans = [s for d in project.documents() for s in project.spans(d.id)]
        assert spans and {s.origin for s in spans} == {"suggested"} and {s.label for s in spans} == {"figure", "doc"}
        assert project.documents()[0].spans == 0  # awaiting review, not counted as annotations
        count = len(spans)
    again = runner.invoke(main, ["suggest", str(path), "--apply", "figure", "doc"])
    assert "0 suggestion(s) stored" in again.stderr
    with Project.open(path, read_only=True) as project:
        assert project.stats()["suggestions"] == count


def test_suggest_project_needs_apply_and_known_labels(tmp_path):
    runner = CliRunner()
    path = tmp_path / "p.curator"
    runner.invoke(main, ["import", str(path), str(SEEDS)])
    assert "add --apply" in runner.invoke(main, ["suggest", str(path)]).output
    assert "no suggester for nolabel" in runner.invoke(main, ["suggest", str(path), "--apply", "nolabel"]).output
