"""Returned workbooks that try to land values on the wrong row, smuggle formulas, or never end."""

from __future__ import annotations

import os
import re
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from curator.cli import main
from curator.export.corrections import read_returned
from curator.export.returned import ReadLimits
from curator.export.safe_zip import UnsafeWorkbook, ZipLimits
from curator.services.exporting import corrections_edit, export_workbook, plan_corrections
from curator.store import Project

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_REL = ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                      'sharedStrings" Target="sharedStrings.xml" Id="rId99"/>')
ATTEMPTS = int(os.environ.get("CURATOR_FUZZ_ATTEMPTS", "60"))  # damaged workbooks tried; 1,500 by hand
NO_RATIO = ZipLimits(max_ratio=1e12, max_total=2**40)  # so the XML limits are tested alone


@pytest.fixture
def exported(tagged: Project, tmp_path: Path) -> Path:
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    return path


def open_sheet(path: Path, title: str):
    book = openpyxl.load_workbook(path)
    ws = book[title]
    return book, ws, {c.value: c.column for c in ws[1]}


def visible_columns(ws) -> list[int]:
    letters = {c.column_letter for c in ws[1]}
    return [openpyxl.utils.column_index_from_string(x) for x in sorted(letters, key=len)
            if not ws.column_dimensions[x].hidden]


def test_sorting_only_the_visible_columns_applies_nothing(tagged: Project, exported: Path):
    """The common Excel mistake: the hidden 行号/校验 stay put while the visible cells are sorted."""
    book, ws, col = open_sheet(exported, "数据")
    keep = visible_columns(ws)
    assert col["行号(勿改)"] not in keep and col["校验(勿改)"] not in keep
    rows = [[ws.cell(r, c).value for c in keep] for r in range(2, ws.max_row + 1)]
    value_at = keep.index(col["数值"])
    rows.sort(key=lambda cells: (cells[value_at] is None, cells[value_at] if isinstance(cells[value_at], (int, float)) else 0))
    for r, cells in enumerate(rows, start=2):
        for c, value in zip(keep, cells):
            ws.cell(r, c).value = value
            if isinstance(value, str) and value.startswith("="):
                ws.cell(r, c).data_type = "s"  # text stays text, as in Excel (openpyxl would make it a formula)
    moved = [r for r in range(2, ws.max_row + 1)
             if ws.cell(r, col["编号"]).value.split("-")[1] != str(ws.cell(r, col["行号(勿改)"]).value)]
    assert len(moved) > 5
    for r in moved:  # the official then corrects the sorted sheet
        ws.cell(r, col["单位"]).value = "份"
    book.save(exported)
    before = tagged.facts("figures")

    plan = plan_corrections(tagged, exported)
    assert plan.changes == []
    refused = {item.sheet_row: item.reason for item in plan.unmatched}
    assert set(moved) <= set(refused)
    assert all("sorted" in refused[r] for r in moved)
    result = CliRunner().invoke(main, ["import-corrections", str(tagged.path), str(exported), "--yes"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert tagged.facts("figures") == before


def test_hidden_cells_copied_onto_a_row_of_another_document_apply_nothing(tagged: Project, exported: Path):
    book, ws, col = open_sheet(exported, "数据")
    docs = {}
    for r in range(2, ws.max_row + 1):
        docs.setdefault(ws.cell(r, col["编号"]).value.split("-")[0], r)
    source, target = list(docs.values())[:2]
    for key in ("行号(勿改)", "校验(勿改)"):
        ws.cell(target, col[key]).value = ws.cell(source, col[key]).value
    ws.delete_rows(source)  # so the id is not there twice
    target -= source < target
    ws.cell(target, col["数值"]).value = 4242
    book.save(exported)

    plan = plan_corrections(tagged, exported)
    assert plan.changes == []
    assert [item.sheet_row for item in plan.unmatched] == [target]


def test_an_edited_evidence_sentence_or_title_refuses_the_row(tagged: Project, exported: Path):
    book, ws, col = open_sheet(exported, "数据")
    ws.cell(2, col["证据原句"]).value = "另一句话"
    ws.cell(2, col["数值"]).value = 1
    ws.cell(3, col["文章标题"]).value = "另一篇文章"
    ws.cell(3, col["数值"]).value = 1
    book.save(exported)
    plan = plan_corrections(tagged, exported)
    assert plan.changes == []
    assert {item.sheet_row for item in plan.unmatched} == {2, 3}
    assert all("证据原句" in item.reason for item in plan.unmatched)


def test_a_change_of_ten_in_thirty_thousand_is_applied(tagged: Project, exported: Path):
    figure = next(f for f in tagged.facts("figures") if f["value"] == 30000)
    book, ws, col = open_sheet(exported, "数据")
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["行号(勿改)"]).value == figure["id"])
    ws.cell(row, col["数值"]).value = 30010
    book.save(exported)
    plan = plan_corrections(tagged, exported)
    assert [(c.row_id, c.old, c.new) for c in plan.changes] == [(figure["id"], 30000, 30010)]
    tagged.apply(corrections_edit(plan))
    assert tagged.row("figures", figure["id"])["value"] == 30010


@pytest.mark.parametrize("cell", ["①", "²", 2**70, "1180591620717411303424", -3, 1.5, "12a"])
def test_a_row_id_that_is_not_one_is_listed_not_a_traceback(tagged: Project, exported: Path, cell):
    book, ws, col = open_sheet(exported, "数据")
    ws.cell(2, col["行号(勿改)"]).value = cell
    ws.cell(2, col["数值"]).value = 7
    book.save(exported)
    plan = plan_corrections(tagged, exported)
    assert plan.changes == []
    assert [(item.sheet_row, "not a row number" in item.reason) for item in plan.unmatched] == [(2, True)]


# -- formulas, written into the sheet's XML as Excel would save them ---------------------------

def sheet_part(path: Path, title: str) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index(title) + 1
    book.close()
    return f"xl/worksheets/sheet{index}.xml"


def rewrite(path: Path, member: str, change, *, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path) as src:
        parts = {item.filename: src.read(item.filename) for item in src.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    parts.update(extra or {})
    out = path.with_name("returned.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out


def value_cells(path: Path) -> list[str]:
    """Cell references of the 数值 column in data rows that hold a number."""
    book, ws, col = open_sheet(path, "数据")
    letter = openpyxl.utils.get_column_letter(col["数值"])
    return [f"{letter}{r}" for r in range(2, ws.max_row + 1) if isinstance(ws.cell(r, col["数值"]).value, (int, float))]


def with_formula(xml: str, ref: str, inner: str) -> str:
    pattern = re.compile(rf'<c r="{ref}"([^>]*?)(/>|>.*?</c>)', re.S)
    assert pattern.search(xml), ref
    untyped = re.compile(r' t="[^"]*"')
    return pattern.sub(lambda m: f'<c r="{ref}"{untyped.sub("", m.group(1))}>{inner}</c>', xml, count=1)


FORMULAS = {
    "cached result": ["<f>B3*2</f><v>18</v>"],
    "shared formula": ['<f t="shared" ref="C2:C9" si="0">B3*2</f><v>18</v>', '<f t="shared" si="0"/><v>18</v>'],
    "array formula": ['<f t="array" ref="{ref}">SUM(B3:B4*2)</f><v>18</v>'],
    "DDE": ["<f>cmd|' /C calc'!A0</f><v>18</v>"],
    "external link": ["<f>[1]Sheet1!$A$1</f><v>18</v>"],
}


@pytest.mark.parametrize("kind", FORMULAS)
def test_a_cell_holding_a_formula_is_never_applied(tagged: Project, exported: Path, kind: str):
    refs = value_cells(exported)[: len(FORMULAS[kind])]
    member = sheet_part(exported, "数据")

    def change(xml: str) -> str:
        for ref, inner in zip(refs, FORMULAS[kind]):
            xml = with_formula(xml, ref, inner.format(ref=ref))
        return xml

    extra = {"xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"/>'} if kind == "external link" else None
    returned = rewrite(exported, member, change, extra=extra)
    assert openpyxl.load_workbook(returned, data_only=True)["数据"][refs[0]].value == 18  # what Excel would show
    plan = plan_corrections(tagged, returned)
    assert plan.changes == []
    rows = {int(re.sub(r"[A-Z]", "", ref)) for ref in refs}
    assert {item.sheet_row for item in plan.unmatched} == rows
    assert all("formula" in item.reason for item in plan.unmatched)


# -- sizes that would keep a parser busy for hours -----------------------------------------------

def test_a_row_numbered_two_billion_is_refused(tagged: Project, exported: Path):
    member = sheet_part(exported, "数据")
    returned = rewrite(exported, member, lambda xml: xml.replace(
        "</sheetData>", '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    with pytest.raises(UnsafeWorkbook, match="outside an Excel sheet"):
        plan_corrections(tagged, returned)
    result = CliRunner().invoke(main, ["import-corrections", str(tagged.path), str(returned)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().startswith("Error:") and "row number 2000000000 is outside" in result.output


@pytest.mark.slow
def test_a_million_rows_are_refused_before_parsing_with_flat_memory(exported: Path):
    member = sheet_part(exported, "数据")
    rows = "".join(f'<row r="{n}"><c r="B{n}"><v>{n}</v></c></row>' for n in range(10, 1_000_010))
    returned = rewrite(exported, member, lambda xml: xml.replace("</sheetData>", rows + "</sheetData>"))
    tracemalloc.start()
    try:
        with pytest.raises(UnsafeWorkbook, match="more than 200,000 rows"):
            read_returned(returned, limits=NO_RATIO)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak


@pytest.mark.parametrize("where", ["sharedStrings", "sheet", "attribute"])
def test_one_sixteen_megabyte_token_is_refused_before_parsing(exported: Path, where: str):
    huge = "a" * (16 * 1024 * 1024)
    extra = None
    if where == "sharedStrings":  # Excel keeps text in this part
        member = "xl/_rels/workbook.xml.rels"
        change = lambda xml: xml.replace("</Relationships>", SHARED_STRINGS_REL + "</Relationships>")  # noqa: E731
        extra = {"xl/sharedStrings.xml": f'<sst xmlns="{MAIN}"><si><t>{huge}</t></si></sst>'.encode()}
    elif where == "sheet":
        member = sheet_part(exported, "数据")
        change = lambda xml: xml.replace("</sheetData>", f'<row r="999"><c r="A999" t="inlineStr"><is><t>{huge}</t></is></c></row></sheetData>')  # noqa: E731
    else:
        member = sheet_part(exported, "数据")
        change = lambda xml: xml.replace("<sheetData>", f'<sheetData><row r="1" x="{huge}"/>', 1)  # noqa: E731
    returned = rewrite(exported, member, change, extra=extra)
    with pytest.raises(UnsafeWorkbook, match="one XML item over 1,024 KB"):
        read_returned(returned, limits=NO_RATIO)


@pytest.mark.parametrize("markup", ['<!DOCTYPE x [<!ENTITY a "aaaa">]>', "<!-- a comment -->", "<![CDATA[x]]>", "<?pi x?>"])
def test_markup_excel_never_writes_is_refused(exported: Path, markup: str):
    member = sheet_part(exported, "数据")
    returned = rewrite(exported, member, lambda xml: xml.replace("<sheetData>", "<sheetData>" + markup, 1))
    with pytest.raises(UnsafeWorkbook, match="never writes"):
        read_returned(returned)


def test_a_small_token_limit_is_enforced_across_read_blocks(exported: Path):
    """The pre-scan reads in blocks; a long stretch split over two of them still counts whole."""
    limits = ReadLimits(max_token=4096)
    read_returned(exported, read_limits=limits)  # our own export has nothing that long
    member = sheet_part(exported, "数据")
    returned = rewrite(exported, member, lambda xml: xml.replace(
        "</sheetData>", f'<row r="999"><c r="A999" t="inlineStr"><is><t>{"b" * 6000}</t></is></c></row></sheetData>'))
    with pytest.raises(UnsafeWorkbook, match="one XML item"):
        read_returned(returned, read_limits=limits)


def test_damaged_workbooks_give_one_clear_error_never_a_traceback(tagged: Project, exported: Path, tmp_path: Path):
    import random

    data = exported.read_bytes()
    rng = random.Random(20261201)
    for attempt in range(ATTEMPTS):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"damaged{attempt}.xlsx"
        path.write_bytes(bytes(damaged))
        try:
            plan_corrections(tagged, path)
        except UnsafeWorkbook:
            pass
        path.unlink()


def test_a_sheet_without_its_key_column_applies_nothing(tagged: Project, exported: Path):
    book, ws, col = open_sheet(exported, "数据")
    ws.cell(2, col["数值"]).value = 1
    ws.delete_cols(col["编号"])
    book.save(exported)
    plan = plan_corrections(tagged, exported)
    assert plan.changes == [] and plan.unmatched
    assert all("no 编号 column" in item.reason for item in plan.unmatched)
