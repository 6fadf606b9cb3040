from __future__ import annotations

import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from curator.core.edits import set_cell
from curator.export.safe_zip import UnsafeWorkbook, check_zip
from curator.services.exporting import corrections_edit, export_workbook, plan_corrections
from curator.store import Project


@pytest.fixture
def exported(tagged: Project, tmp_path: Path) -> Path:
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    return path


def edit_sheet(path: Path, title: str):
    book = openpyxl.load_workbook(path)
    ws = book[title]
    header = [c.value for c in ws[1]]
    return book, ws, {name: i + 1 for i, name in enumerate(header)}


def row_of(ws, col: dict, row_id: int) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["行号(勿改)"]).value == row_id)


def test_corrections_become_one_undoable_edit(tagged: Project, exported: Path):
    figures = tagged.facts("figures")
    initiative = tagged.facts("initiatives")[1]
    book, ws, col = edit_sheet(exported, "数据")
    a, b = figures[3], figures[4]
    ws.cell(row_of(ws, col, a["id"]), col["数值"]).value = 12345
    ws.cell(row_of(ws, col, a["id"]), col["单位"]).value = "人次"
    pct = ws.cell(row_of(ws, col, b["id"]), col["数值"])
    pct.value, pct.number_format = 0.98, "0%"  # the official typed 98%
    ws.cell(row_of(ws, col, b["id"]), col["日期"]).value = "2022年1月5日"
    ws.cell(row_of(ws, col, b["id"]), col["关联举措"]).value = "changed, but not an editable column"
    ws.move_range(f"A2:{get_column_letter(ws.max_column)}{ws.max_row}", rows=1)  # moving whole rows does not matter
    ws2 = book["举措"]
    header2 = {c.value: i + 1 for i, c in enumerate(ws2[1])}
    ws2.cell(row_of(ws2, header2, initiative["id"]), header2["类别"]).value = "志愿服务"
    book.save(exported)

    plan = plan_corrections(tagged, exported)
    assert not plan.unmatched
    got = {(c.table, c.row_id, c.column): (c.old, c.new) for c in plan.changes}
    assert got == {
        ("figures", a["id"], "value"): (a["value"], 12345.0),
        ("figures", a["id"], "unit"): (a["unit"], "人次"),
        ("figures", b["id"], "value"): (b["value"], pytest.approx(98.0)),
        ("figures", b["id"], "as_of"): (b["as_of"], "2022-01-05"),
        ("initiatives", initiative["id"], "category"): ("", "志愿服务"),
    }
    assert any(line.startswith("数据 第") and "数值: " in line and "-> 12,345" in line for line in plan.lines())
    stats = tagged.stats()
    edit = corrections_edit(plan)
    assert len(edit.changes) == 3  # one change per row, all in one Edit
    tagged.apply(edit)
    assert tagged.row("figures", a["id"])["value"] == 12345.0 and tagged.row("figures", a["id"])["edited"] == 1
    assert tagged.row("initiatives", initiative["id"])["category"] == "志愿服务"
    again = plan_corrections(tagged, exported)
    assert not again.changes and not again.unmatched  # applied: nothing more to do, nothing refused
    tagged.apply(edit.inverse())
    assert tagged.row("figures", a["id"]) == a and tagged.row("initiatives", initiative["id"]) == initiative
    assert tagged.stats() == stats


def test_rows_that_cannot_be_matched_are_reported_not_guessed(tagged: Project, exported: Path):
    figures = tagged.facts("figures")
    book, ws, col = edit_sheet(exported, "数据")
    last = ws.max_row
    ws.cell(last + 1, col["指标"]).value = "新加的一行"  # no row id
    ws.cell(last + 1, col["数值"]).value = 5
    ws.cell(last + 2, col["行号(勿改)"]).value = 99999  # no such row
    ws.cell(last + 2, col["校验(勿改)"]).value = "abc"
    copied = row_of(ws, col, figures[0]["id"])
    for c in range(1, ws.max_column + 1):  # a row copied: its id appears twice
        ws.cell(last + 3, c).value = ws.cell(copied, c).value
    ws.cell(row_of(ws, col, figures[5]["id"]), col["数值"]).value = "三千"  # not a number
    ws.cell(row_of(ws, col, figures[6]["id"]), col["数值"]).value = "=B2*2"  # formula, no saved result
    ws.cell(row_of(ws, col, figures[7]["id"]), col["数值"]).value = 1  # changed in curator meanwhile, below
    book.save(exported)
    tagged.apply(set_cell("figures", figures[7], "unit", "项"))

    plan = plan_corrections(tagged, exported)
    reasons = {item.sheet_row: item.reason for item in plan.unmatched}
    assert "no row id" in reasons[last + 1]
    assert "no 数据 row 99999" in reasons[last + 2]
    assert "more than once" in reasons[last + 3] and "more than once" in reasons[copied]
    assert "not a number" in reasons[row_of(ws, col, figures[5]["id"])]
    assert "formula" in reasons[row_of(ws, col, figures[6]["id"])]
    assert "changed in curator" in reasons[row_of(ws, col, figures[7]["id"])]
    assert plan.changes == []
    assert not corrections_edit(plan)


def workbook_with_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr(name, data)
    return target


def test_zip_bomb_with_one_huge_comment_is_rejected_fast(exported: Path, tmp_path: Path):
    huge = b'<?xml version="1.0"?><comments><!--' + b"a" * (64 * 1024 * 1024) + b"--></comments>"
    bomb = workbook_with_member(exported, tmp_path / "bomb.xlsx", "xl/comments1.xml", huge)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(UnsafeWorkbook, match="inflates"):
        plan_corrections(Project.memory(), bomb)
    assert time.perf_counter() - started < 2


def test_too_many_members_and_not_a_zip_are_rejected(exported: Path, tmp_path: Path):
    crowded = tmp_path / "crowded.xlsx"
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(crowded, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        for i in range(2100):
            out.writestr(f"xl/media/{i}.bin", b"x")
    with pytest.raises(UnsafeWorkbook, match="holds"):
        check_zip(crowded)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("指标,数值\n", encoding="utf-8")
    with pytest.raises(UnsafeWorkbook, match="not an Excel workbook"):
        check_zip(fake)
    check_zip(exported)  # our own export passes


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_again_by_libreoffice_changes_nothing(tagged: Project, exported: Path, tmp_path: Path):
    out = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(exported)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    plan = plan_corrections(tagged, out / exported.name)
    assert plan.rows_read == len(tagged.facts("figures")) + len(tagged.facts("initiatives"))
    assert plan.changes == [] and plan.unmatched == []


@pytest.mark.parametrize(("fmt", "scales"), [
    ("0%", True), ("0.00%", True), ('0"%"', False), ('0.0#"%"', False), ("0\\%", False), ("General", False), ("#,##0", False),
])
def test_percent_formats(fmt: str, scales: bool):
    from curator.export.corrections import percent_format

    assert percent_format(fmt) is scales
