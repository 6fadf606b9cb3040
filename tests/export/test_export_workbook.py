from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from export_fixtures import INJECTIONS
from curator.core.model import STATUS_TITLES
from curator.export.values import DATE_FORMAT
from curator.services.exporting import ExportError, ExportOptions, TargetExists, export_workbook
from curator.store import Project

SHEETS = ["汇总", "举措", "数据", "标注", "文章"]


def store_counts(store: Project) -> dict[str, int]:
    conn = store.db.conn
    return {
        "举措": conn.execute("SELECT COUNT(*) FROM initiatives").fetchone()[0],
        "数据": conn.execute("SELECT COUNT(*) FROM figures").fetchone()[0],
        "标注": conn.execute("SELECT COUNT(*) FROM spans WHERE origin != 'suggested'").fetchone()[0],
        "文章": store.document_count(),
    }


@pytest.fixture
def workbook_path(tagged: Project, tmp_path: Path) -> Path:
    path = tmp_path / "成果.xlsx"
    export_workbook(tagged, path)
    return path


def headers(ws) -> list[str]:
    return [cell.value for cell in ws[1]]


def column(ws, header: str) -> list:
    index = headers(ws).index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def test_sheets_and_row_counts_match_the_store_in_openpyxl_and_calamine(tagged: Project, workbook_path: Path):
    counts = store_counts(tagged)
    assert counts["数据"] > 10 and counts["举措"] > 5
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == SHEETS
    calamine = CalamineWorkbook.from_path(str(workbook_path))
    assert calamine.sheet_names == SHEETS
    for title, expected in counts.items():
        assert book[title].max_row - 1 == expected, title
        rows = calamine.get_sheet_by_name(title).to_python(skip_empty_area=False)
        assert len([r for r in rows[1:] if any(v != "" for v in r)]) == expected, title


def test_figure_values_are_numbers_with_formats(tagged: Project, workbook_path: Path):
    ws = openpyxl.load_workbook(workbook_path)["数据"]
    cells = [c for c in column(ws, "数值") if c.value is not None]
    stored = [f["value"] for f in tagged.facts("figures") if f["value"] is not None]
    assert len(cells) == len(stored)
    assert all(c.data_type == "n" and isinstance(c.value, (int, float)) for c in cells)
    assert sorted(float(c.value) for c in cells) == sorted(stored)
    formats = {float(c.value): c.number_format for c in cells}
    assert formats[97.5] == '0.0#"%"'  # the cell stays 97.5, shown 97.5%
    assert formats[30000.0] == "#,##0"
    calamine_values = CalamineWorkbook.from_path(str(workbook_path)).get_sheet_by_name("数据").to_python()
    index = calamine_values[0].index("数值")
    assert sorted(r[index] for r in calamine_values[1:] if r[index] != "") == sorted(stored)


def test_dates_are_dates_and_unparseable_dates_stay_text(workbook_path: Path):
    ws = openpyxl.load_workbook(workbook_path)["文章"]
    published = dict(zip((c.value for c in column(ws, "文章编号")), column(ws, "发布日期")))
    assert published[1].value == dt.datetime(2021, 8, 3) and published[1].number_format == DATE_FORMAT
    assert published[2].value == dt.datetime(2021, 9, 1)
    assert published[3].value == "2021年9月" and published[3].data_type == "s"
    figures = openpyxl.load_workbook(workbook_path)["数据"]
    assert any(c.value == dt.datetime(2021, 8, 3) for c in column(figures, "日期"))


def test_styling_officials_expect(workbook_path: Path):
    book = openpyxl.load_workbook(workbook_path)
    for title in SHEETS[1:]:
        ws = book[title]
        header = ws[1]
        assert all(c.font.b and c.fill.fgColor.rgb.endswith("1F4E78") for c in header), title
        assert ws.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(len(header))
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
    figures = book["数据"]
    evidence = column(figures, "证据原句")
    assert all(c.alignment.wrap_text for c in evidence)
    tall = [figures.row_dimensions[c.row].height for c in evidence if len(c.value) > 60]
    assert tall and all(h and h >= 45 for h in tall)  # long evidence gets rows tall enough to read
    letter = openpyxl.utils.get_column_letter(headers(figures).index("证据原句") + 1)
    assert figures.column_dimensions[letter].width >= 30
    row_id = openpyxl.utils.get_column_letter(headers(figures).index("行号(勿改)") + 1)
    assert figures.column_dimensions[row_id].hidden


def test_evidence_is_the_whole_sentence_with_the_span_marked(tagged: Project, workbook_path: Path):
    ws = openpyxl.load_workbook(workbook_path)["数据"]
    ids = [c.value for c in column(ws, "行号(勿改)")]
    evidence = [c.value for c in column(ws, "证据原句")]
    for row_id, sentence in zip(ids, evidence):
        figure = tagged.row("figures", row_id)
        span = tagged.span(figure["span_ids"][0])
        assert f"【{span.text}】" in sentence
        plain = sentence.replace("【", "").replace("】", "")
        doc = tagged.document(figure["doc_id"])
        at = doc.text.index(plain)
        assert at == 0 or doc.text[at - 1] in "。！？；\n"  # starts where a sentence starts
        assert plain[-1] in "。！？；" or doc.text[at + len(plain):at + len(plain) + 1] in ("", "\n")


def test_formula_like_text_stays_text(tagged: Project, workbook_path: Path):
    book = openpyxl.load_workbook(workbook_path)
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    found[cell.value] = cell
    for text in INJECTIONS:
        assert text in found, text
        assert found[text].data_type == "s" and found[text].quotePrefix
    assert any(v.startswith("=1+1开头的一句话") for v in found)  # article text in an evidence sentence
    assert "-cmd标题" in found and "@来源" in found
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    calamine = CalamineWorkbook.from_path(str(workbook_path))
    values = {v for title in SHEETS for row in calamine.get_sheet_by_name(title).to_python() for v in row}
    assert set(INJECTIONS) - {"\r=1+1"} <= values  # calamine reads the text itself, not a result
    assert "\n=1+1" in values or "\r=1+1" in values  # XML turns a lone CR into LF on reading


def test_summary_counts_and_chart(tagged: Project, workbook_path: Path):
    ws = openpyxl.load_workbook(workbook_path)["汇总"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    total = next(r for r in rows if r[0] == "合计")
    counts = store_counts(tagged)
    assert total[1:4] == (counts["文章"], counts["举措"], counts["数据"])
    place_rows = {r[0]: r[1:4] for r in rows[rows.index(next(r for r in rows if r[0] == "地点")) + 1:rows.index(total)]}
    facts = {t: tagged.facts(t) for t in ("initiatives", "figures")}
    docs = {d.id: tagged.document(d.id) for d in tagged.documents()}
    for place in ("格尔木市", "德令哈市"):
        own = sum(doc.place == place for doc in docs.values())  # each document once, under its own place
        assert place_rows[place] == (own, *(sum(r["place"] == place for r in facts[t]) for t in facts)), place
    for index in range(3):  # every column adds up to its 合计
        assert sum(counts[index] for counts in place_rows.values()) == total[1 + index]
    assert place_rows["未注明"][0] == sum(not doc.place for doc in docs.values())
    status_at = next(i for i, r in enumerate(rows) if r[0] == "审核状态")
    statuses = {r[0]: r[1] for r in rows[status_at + 1:status_at + 5]}
    assert statuses == {STATUS_TITLES["todo"]: 2, STATUS_TITLES["in_progress"]: 1, STATUS_TITLES["done"]: 1,
                        STATUS_TITLES["reviewed"]: 1}
    label_at = next(i for i, r in enumerate(rows) if r[0] == "标签")
    labels = {r[0]: r[1] for r in rows[label_at + 1:] if r[0] and r[1] is not None and r[0] != "审核状态"}
    assert labels["数据"] == counts["数据"]  # every figure span has its figure row; suggestions not counted
    with zipfile.ZipFile(workbook_path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode("utf-8")
    assert "barChart" in chart and "汇总" in chart


def test_options_select_status_place_and_labels(tagged: Project, tmp_path: Path):
    path = tmp_path / "reviewed.xlsx"
    summary = export_workbook(tagged, path, ExportOptions(statuses={"reviewed"}))
    book = openpyxl.load_workbook(path)
    assert [c.value for c in column(book["文章"], "文章编号")] == [1]
    assert summary.rows["数据"] == len(tagged.facts("figures", doc_id=1)) > 0
    assert {c.value for c in column(book["举措"], "审核状态")} == {"已审核"}

    path = tmp_path / "place.xlsx"
    summary = export_workbook(tagged, path, ExportOptions(place="格尔木市", labels={"figure"}))
    book = openpyxl.load_workbook(path)
    assert {c.value for c in column(book["数据"], "地点")} == {"格尔木市"}
    assert summary.rows["举措"] == 0 and book["举措"].max_row == 1
    assert {c.value for c in column(book["标注"], "标签")} == {"数据"}


def test_never_overwrites_silently(tagged: Project, tmp_path: Path):
    path = tmp_path / "成果.xlsx"
    path.write_bytes(b"an official's own file")
    with pytest.raises(TargetExists):
        export_workbook(tagged, path)
    assert path.read_bytes() == b"an official's own file"
    export_workbook(tagged, path, overwrite=True)
    assert openpyxl.load_workbook(path).sheetnames == SHEETS
    (tmp_path / "~$成果.xlsx").write_bytes(b"excel holds it open")
    before = path.read_bytes()
    with pytest.raises(ExportError, match="open in another program"):
        export_workbook(tagged, path, overwrite=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".curator" and "curator" not in p.name) == [
        "hostile.jsonl", "~$成果.xlsx", "成果.xlsx"]  # no temporary file left behind


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tagged: Project, workbook_path: Path, tmp_path: Path):
    out = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
         "--outdir", str(out), str(workbook_path)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    counts = store_counts(tagged)
    for title, expected in counts.items():
        with (out / f"成果-{title}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) - 1 == expected, title
    with (out / "成果-举措.csv").open(encoding="utf-8", newline="") as f:
        cells = {cell for row in csv.reader(f) for cell in row}
    assert {"=1+2", "+SUM(1,2)", "-2+3", "@SUM(1)"} <= cells  # shown as typed, not calculated
    with (out / "成果-数据.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    values = [row[rows[0].index("数值")] for row in rows[1:]]
    assert "97.5%" in values and "30,000" in values


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path):
    from curator.export.sheets import FIGURES
    from curator.export.xlsx import SheetRows, SummaryData, write_workbook

    def rows():
        yield {"indicator": "志愿者", "value": 1.0, "id": 1, "check": "x"}
        raise RuntimeError("the store went away")

    path = tmp_path / "half.xlsx"
    with pytest.raises(RuntimeError):
        write_workbook(path, SummaryData(), [SheetRows(FIGURES, rows())])
    assert list(tmp_path.iterdir()) == []
