"""The command line as a user runs it, asserting on the real project file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator import __version__
from curator.cli import main
from curator.store import Project

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seeded(tmp_path, runner) -> Path:
    path = tmp_path / "p.curator"
    result = runner.invoke(main, ["import", str(path), str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_import_then_stats(seeded, runner):
    stats = json.loads(runner.invoke(main, ["stats", str(seeded), "--json"]).stdout)
    assert stats["documents"] == 4 and isinstance(stats["documents"], int)
    assert stats["status"]["todo"] == 4
    assert set(stats) >= {"documents", "spans", "facts", "status"}
    assert set(stats["facts"]) == {"initiatives", "figures"}


def test_reimport_adds_nothing(seeded, runner):
    result = runner.invoke(main, ["import", str(seeded), str(SEEDS)])
    assert result.exit_code == 0 and "imported 0 document(s); 4 already" in result.stderr


def test_list_json(seeded, runner):
    docs = json.loads(runner.invoke(main, ["list", str(seeded), "--json"]).stdout)
    assert [d["id"] for d in docs] == [1, 2, 3, 4]
    assert set(docs[0]) >= {"id", "title", "status", "spans"}
    assert docs[0]["title"] == "格尔木市：文明之花绽放昆仑山下"


@pytest.mark.parametrize("query", ["志愿", "光盘行动"])
def test_search_finds_the_articles_that_contain_it(seeded, runner, query):
    hits = json.loads(runner.invoke(main, ["search", str(seeded), query, "--json"]).stdout)
    expected = [i for i, p in enumerate(sorted(SEEDS.glob("*.txt")), start=1) if query in p.read_text(encoding="utf-8")]
    assert [h["id"] for h in hits] == expected and expected
    assert all(f"【{query}】" in h["snippet"] and h["title"] for h in hits)


def test_tag_stores_the_span_text_from_the_document(seeded, runner):
    with Project.open(seeded, read_only=True) as project:
        text = project.document(1).text
    start = text.index("超3万人")
    result = runner.invoke(main, ["tag", str(seeded), "1", str(start), str(start + 4), "figure"])
    assert result.exit_code == 0, result.output
    span = json.loads(result.stdout)
    assert span["text"] == text[start:start + 4] == "超3万人"
    with Project.open(seeded, read_only=True) as project:
        (stored,) = project.spans(1)
        assert stored.text == project.document(1).text[stored.start:stored.end]
        (figure,) = project.facts("figures")
        assert figure["value"] == 30000 and figure["span_ids"] == [stored.id]


@pytest.mark.parametrize(
    "args, message",
    [
        (["1", "0", "99999", "place"], "outside the document"),
        (["1", "0", "4", "nolabel"], "unknown label"),
        (["99", "0", "4", "place"], "no document with id 99"),
    ],
)
def test_tag_refuses_bad_input_with_one_line(seeded, runner, args, message):
    result = runner.invoke(main, ["tag", str(seeded), *args])
    assert result.exit_code != 0 and message in result.output


def test_import_reports_each_bad_file_and_exits_non_zero(tmp_path, runner):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("标题\n正文", encoding="gbk")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "bad.jsonl").write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    result = runner.invoke(main, ["import", str(tmp_path / "p.curator"), str(tmp_path / "in")])
    assert result.exit_code == 1
    assert "bad.jsonl: malformed JSON on line 2" in result.stderr and "empty.txt: empty file" in result.stderr
    with Project.open(tmp_path / "p.curator", read_only=True) as project:
        assert [d.title for d in project.documents()] == ["标题"]


def test_opening_something_that_is_not_a_project(tmp_path, runner):
    bogus = tmp_path / "x.curator"
    bogus.write_text("hello")
    result = runner.invoke(main, ["stats", str(bogus)])
    assert result.exit_code != 0 and "not a curator project" in result.output
