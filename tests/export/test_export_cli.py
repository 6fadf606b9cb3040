from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from export_fixtures import build_tagged
from curator.cli import main
from curator.store import Project

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_project(tmp_path: Path) -> Path:
    from curator.core.importing import read_path

    path = tmp_path / "p.curator"
    with Project.open(path) as store:
        store.import_batches(read_path(SEEDS))
        build_tagged(store, tmp_path)
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_export_by_suffix_and_refuse_without_force(tmp_path: Path):
    project = make_project(tmp_path)
    out = tmp_path / "成果.xlsx"
    result = run("export", project, out)
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["汇总", "举措", "数据", "标注", "文章"]
    before = out.read_bytes()
    result = run("export", project, out)
    assert result.exit_code != 0 and "--force" in result.output and out.read_bytes() == before
    assert run("export", project, out, "--force", "--status", "reviewed").exit_code == 0
    assert [c.value for c in openpyxl.load_workbook(out)["文章"]["A"]][1:] == [1]
    assert run("export", project, tmp_path / "all.jsonl").exit_code == 0
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert run("export", project, tmp_path / "facts.csv").exit_code == 0
    assert (tmp_path / "facts-举措.csv").exists() and (tmp_path / "facts-数据.csv").exists()
    result = run("export", project, tmp_path / "x.pdf")
    assert result.exit_code != 0 and "unknown export format" in result.output


def test_import_corrections_prints_then_applies(tmp_path: Path):
    project = make_project(tmp_path)
    out = tmp_path / "成果.xlsx"
    assert run("export", project, out).exit_code == 0
    book = openpyxl.load_workbook(out)
    ws = book["数据"]
    header = {c.value: i + 1 for i, c in enumerate(ws[1])}
    row_id = ws.cell(3, header["行号(勿改)"]).value
    ws.cell(3, header["指标"]).value = "志愿者人数"
    book.save(out)

    result = run("import-corrections", project, out)
    assert result.exit_code == 0, result.output
    assert "数据 第3行 指标:" in result.output and "-> 志愿者人数" in result.output
    with Project.open(project, read_only=True) as store:
        assert store.row("figures", row_id)["indicator"] != "志愿者人数"
    result = run("import-corrections", project, out, "--apply", input="n\n")
    with Project.open(project, read_only=True) as store:
        assert store.row("figures", row_id)["indicator"] != "志愿者人数"
    result = run("import-corrections", project, out, "--yes")
    assert result.exit_code == 0 and "applied 1 change" in result.output
    with Project.open(project, read_only=True) as store:
        assert store.row("figures", row_id)["indicator"] == "志愿者人数"


def test_import_corrections_refuses_a_bomb(tmp_path: Path):
    project = make_project(tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    import zipfile

    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    result = run("import-corrections", project, bomb, "--yes")
    assert result.exit_code != 0 and "inflates" in result.output
