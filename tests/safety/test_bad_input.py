"""Bad input tried on purpose, where tests/core, tests/store, tests/cli and tests/export do not already try it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import main
from curator.core.edits import combine, tag_span
from curator.core.importing import read_path
from curator.store import Project, ProjectError

ROOT = Path(__file__).resolve().parents[2]


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_50_mb_article_is_refused_and_the_rest_of_the_folder_imports(tmp_path):
    folder = tmp_path / "稿件"
    folder.mkdir()
    with (folder / "巨大.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB as far as stat is concerned
    (folder / "正常.txt").write_text("文明城市创建\n志愿者超3万人。", encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as store:
        report = store.import_batches(read_path(folder))
    assert len(report.added) == 1
    [problem] = report.problems
    assert "巨大.txt" in str(problem) and "over 20 MB (50.0 MB)" in problem.reason


def test_ten_thousand_tiny_files(tmp_path):
    folder = tmp_path / "many tiny 小文件"
    folder.mkdir()
    for n in range(10_000):
        (folder / f"{n:05d}.txt").write_bytes(b"" if n % 1000 == 0 else f"文{n}".encode("utf-8"))
    path = tmp_path / "p.curator"
    result = CliRunner().invoke(main, ["import", str(path), str(folder)])
    assert result.exit_code == 1  # ten empty files
    assert "imported 9990 document(s); 0 already in the project; 10 file(s) failed" in result.output
    assert result.output.count("empty file") == 10
    with Project.open(path) as store:
        assert store.document_count() == 9990
        assert [h.title for h in store.search("文9999")] == ["文9999"]


def test_chinese_and_spaces_in_every_path(tmp_path):
    folder = tmp_path / "文明 城市" / "新 闻 稿"
    folder.mkdir(parents=True)
    (folder / "第 一 篇.txt").write_bytes("格尔木市 文明实践\n新建新时代文明实践站12个。".encode("gb18030"))
    project = tmp_path / "文明 城市" / "我的 项目.curator"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(project), str(folder)]).exit_code == 0
    hits = json.loads(runner.invoke(main, ["search", str(project), "实践站", "--json"]).output)
    assert hits[0]["title"] == "格尔木市 文明实践"
    assert runner.invoke(main, ["tag", str(project), "1", "15", "18", "figure"]).exit_code == 0
    out = tmp_path / "导出 文件" / "数据 表.xlsx"
    out.parent.mkdir()
    result = runner.invoke(main, ["export", str(project), str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    with Project.open(project) as store:
        made = store.backup_now()
    assert made.path.parent.name == "我的 项目.curator.backups"
    assert runner.invoke(main, ["restore", str(project), "--yes"]).exit_code == 0


@pytest.mark.parametrize("label", ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"点我\")"])
def test_formula_like_label_names_are_stored_and_exported_as_text(tmp_path, label):
    line = {"text": "格尔木市新建新时代文明实践站12个。", "spans": [[0, 4, label]]}
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "p.curator"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(path), str(source)]).exit_code == 0
    with Project.open(path) as store:
        assert label in {lab.name for lab in store.labels()}
        assert store.spans(1)[0].label == label
    out = tmp_path / "out.xlsx"
    assert runner.invoke(main, ["export", str(path), str(out)]).exit_code == 0
    from openpyxl import load_workbook

    cells = [c for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # nothing became a formula
    assert any(isinstance(c.value, str) and label.lstrip("'") in c.value for c in cells)


# -- a full disk -----------------------------------------------------------------------------------


def _fill_up(store: Project) -> None:
    """Let SQLite stop the file growing a few pages from here: writes then fail as on a full disk."""
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")


def test_full_disk_while_editing_and_importing_loses_nothing(tmp_path):
    path = tmp_path / "p.curator"
    with Project.open(path) as store:
        store.import_batches(read_path(ROOT / "seeds"))
        doc = store.document(1)
        before = store.stats()
        _fill_up(store)
        big = {"note": "很长的备注" * 20_000}
        with pytest.raises(ProjectError, match="the disk is full"):
            store.apply(tag_span(doc, 0, 4, "place", span_id=store.next_id("spans"), attrs=big))
        folder = tmp_path / "more"
        folder.mkdir()
        for n in range(3):
            (folder / f"{n}.txt").write_text(f"第{n}篇\n" + "新时代文明实践站" * 5000, encoding="utf-8")
        report = store.import_batches(read_path(folder))
        assert report.added == [] and len(report.problems) == 1
        assert "the disk is full" in report.problems[0].reason and "nor any file after it" in report.problems[0].reason
        assert store.stats() == before  # no half-saved edit, no half-imported file
        store.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space again: work goes on
        store.apply(tag_span(doc, 0, 4, "place", span_id=store.next_id("spans")))
        assert len(store.import_batches(read_path(folder)).added) == 3
    assert _integrity(path) == "ok"


def test_a_really_full_file_system(tmp_path):
    """A 1 MB tmpfs (needs mount rights; skipped elsewhere): import, edit and backup all fail cleanly."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        folder = tmp_path / "src"
        folder.mkdir()
        for n in range(60):
            (folder / f"{n:02d}.txt").write_text(f"第{n}篇 {uuid.uuid4()}\n" + "文明实践站" * 2000, encoding="utf-8")
        path = mount / "满 盘.curator"
        with Project.open(path) as store:
            report = store.import_batches(read_path(folder))
            # every file is accounted for: stored whole, or named with the reason; the ones after it untouched
            assert report.problems and all("the disk is full" in p.reason for p in report.problems)
            assert len(report.added) + len(report.problems) <= 60
            with pytest.raises(ProjectError, match="no backup written"):
                store.backup_now()
            count = store.document_count()
        assert not list((mount / "满 盘.curator.backups").glob("*"))  # no half-written backup left
        assert _integrity(path) == "ok"
        with Project.open(path, read_only=True) as store:
            assert store.document_count() == count == len(report.added)
        try:
            store = Project.open(path)
        except ProjectError as exc:  # its lock file may not fit any more either
            assert "cannot open it for writing (No space left on device)" in str(exc)
        else:
            with store:  # opened for writing: an import and an edit fail cleanly and change nothing
                assert not store.read_only
                again = store.import_batches(read_path(folder))
                assert not again.added and again.problems
                assert all("the disk is full" in p.reason for p in again.problems)
                for summary in store.documents()[:1]:
                    doc = store.document(summary.id)
                    edit = combine("many", [tag_span(doc, 0, 2, "place", span_id=store.next_id("spans"),
                                                     attrs={"note": "文明" * 500}) for _ in range(200)])
                    with pytest.raises(ProjectError, match="the disk is full"):
                        store.apply(edit)
                assert store.document_count() == count and store.stats()["spans"] == {}
        assert _integrity(path) == "ok"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
