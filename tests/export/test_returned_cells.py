"""The cells of a returned workbook as curator's own reader gives them (curator/export/returned.py).

Workbooks are written here part by part, as Excel, WPS or LibreOffice would save them, so that each
kind of cell, number format, row and column reference and part layout is read alone.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from curator.export.prescan import ReadLimits
from curator.export.returned import FORMULA, ErrorValue, open_workbook
from curator.export.safe_zip import UnsafeWorkbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels(*items: tuple[str, str, str], external: tuple[str, ...] = ()) -> str:
    outside = ' TargetMode="External"'
    body = "".join(f'<Relationship Id="{ident}" Type="{REL}/{kind}" Target="{target}"'
                   f'{outside if ident in external else ""}/>' for ident, kind, target in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{body}</Relationships>'


def styles(*xfs: str, custom: dict[str, str | None] | None = None) -> str:
    formats = "".join(f'<numFmt numFmtId="{i}"' + (f" formatCode={quoteattr(code)}" if code is not None else "") + "/>"
                      for i, code in (custom or {}).items())
    cells = "".join(f'<xf numFmtId="{x}"/>' if x else "<xf/>" for x in xfs)
    return (f'<styleSheet xmlns="{MAIN}"><numFmts>{formats}</numFmts><cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>'
            f"<cellXfs>{cells}<extLst/></cellXfs></styleSheet>")


def workbook(path: Path, rows: str, *, strings: list[str] | None = None, style: str | None = None,
             date1904: str | None = None, title: str = "数据", extra: dict[str, str] | None = None) -> Path:
    """A one-sheet .xlsx at path; rows is the sheetData's XML; strings are shared-string items' XML."""
    pr = f'<workbookPr date1904="{date1904}"/>' if date1904 is not None else "<workbookPr/>"
    parts = {
        "_rels/.rels": rels(("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>'
                            f'<sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": rels(("rId1", "worksheet", "worksheets/sheet1.xml"),
                                           ("rId2", "sharedStrings", "sharedStrings.xml"),
                                           ("rId3", "styles", "styles.xml")),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>"
    if style is not None:
        parts["xl/styles.xml"] = style
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def read(path: Path, title: str = "数据", wanted=None, **limits) -> list[tuple[int, dict]]:
    archive, book = open_workbook(path, limits=ReadLimits(**limits))
    with archive:
        return [(row.number, dict(row.cells)) for row in book.rows(title, wanted)]


def cells(path: Path, **kwargs) -> dict:
    """The cells of the first row."""
    return read(path, **kwargs)[0][1]


def refused(path: Path, **limits) -> str:
    with pytest.raises(UnsafeWorkbook) as caught:
        read(path, **limits)
    return str(caught.value)


# -- kinds of cell -------------------------------------------------------------------------------

def test_each_kind_of_cell_as_excel_saves_it(tmp_path: Path):
    row = ('<row r="1">'
           '<c r="A1" t="s"><v>1</v></c>'
           '<c r="B1" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c>'
           '<c r="C1" t="str"><v>公式结果</v></c>'
           '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>true</v></c><c r="F1" t="b"><v>0</v></c>'
           '<c r="G1" t="e"><v>#REF!</v></c>'
           '<c r="H1" t="d"><v> 2021-08-03T10:30:00 </v></c><c r="I1" t="d"><v>昨天</v></c>'
           '<c r="J1"><v>30000</v></c><c r="K1" t="n"><v>2.5</v></c><c r="L1"/><c r="M1"><v/></c>'
           '<c r="N1" t="s"><v>7</v></c><c r="O1" t="s"><v>x</v></c>'
           "</row>")
    got = cells(workbook(tmp_path / "a.xlsx", row, strings=["<t>第一</t>", '<r><t>文明</t></r><r><t xml:space="preserve"> 城市</t></r>'
                                                                         "<rPh><t>ぶんめい</t></rPh>"]))
    assert got == {
        0: "文明 城市", 1: "内联文本", 2: "公式结果", 3: True, 4: True, 5: False, 6: ErrorValue("#REF!"),
        7: datetime(2021, 8, 3, 10, 30), 8: " 昨天 ".strip(), 9: 30000, 10: 2.5, 11: None, 12: "",
        13: ErrorValue("shared string '7' missing"), 14: ErrorValue("shared string 'x' missing"),
    }
    assert type(got[9]) is int and type(got[10]) is float


def test_an_inline_string_without_text_and_a_string_without_value(tmp_path: Path):
    row = '<row r="1"><c r="A1" t="inlineStr"></c><c r="B1" t="str"/><c r="C1" t="s"/><c r="D1" t="inlineStr"><is><t/></is></c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row)) == {0: None, 1: None, 2: None, 3: ""}


@pytest.mark.parametrize("inner", ["<f>B3*2</f><v>18</v>", '<v>18</v><f t="shared" si="0"/>', "<f>NOW()</f>"])
def test_a_formula_is_a_formula_whatever_it_saved(tmp_path: Path, inner: str):
    row = f'<row r="1"><c r="A1" t="str">{inner}</c><c r="B1">{inner}</c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row)) == {0: FORMULA, 1: FORMULA}
    assert repr(FORMULA) == "FORMULA"


def test_text_in_a_number_cell_and_infinities_stay_text(tmp_path: Path):
    row = '<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>NaN</v></c><c r="C1"><v>Infinity</v></c><c r="D1"><v> 12 </v></c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row)) == {0: "abc", 1: "NaN", 2: "Infinity", 3: 12}


def test_integers_stay_exact_up_to_two_to_the_fifty_third(tmp_path: Path):
    row = (f'<row r="1"><c r="A1"><v>{2**53 - 1}</v></c><c r="B1"><v>{2**53}</v></c><c r="C1"><v>-{2**53 - 1}</v></c>'
           '<c r="D1"><v>1E3</v></c><c r="E1"><v>0.1</v></c></row>')
    got = cells(workbook(tmp_path / "a.xlsx", row))
    assert got == {0: 2**53 - 1, 1: float(2**53), 2: -(2**53 - 1), 3: 1000, 4: 0.1}
    assert [type(got[i]) for i in range(5)] == [int, float, int, int, float]


# -- number formats: percent and dates ------------------------------------------------------------

def formatted(tmp_path: Path, value: str, *xfs: str, custom: dict[str, str | None] | None = None,
              date1904: str | None = None, s: str = "1") -> object:
    row = f'<row r="1"><c r="A1" s="{s}"><v>{value}</v></c></row>'
    return cells(workbook(tmp_path / "a.xlsx", row, style=styles("", *xfs, custom=custom), date1904=date1904))[0]


@pytest.mark.parametrize("fmt, expected", [
    ("0%", 98.0), ("0.00%", 98.0), ('0"%"', 0.98), ("0\\%", 0.98), ('"%"0%', 98.0), ("General", 0.98),
])
def test_percent_formats_scale_the_cell_back_to_what_was_typed(tmp_path: Path, fmt: str, expected: float):
    assert formatted(tmp_path, "0.98", "164", custom={"164": fmt}) == pytest.approx(expected)


def test_builtin_percent_format_nine_and_ten(tmp_path: Path):
    assert formatted(tmp_path, "0.5", "9") == 50.0
    assert formatted(tmp_path, "0.125", "10") == 12.5


@pytest.mark.parametrize("ident, is_date", [
    ("14", True), ("22", True), ("26", False), ("27", True), ("31", True), ("36", True), ("37", False),
    ("49", False), ("50", True), ("55", True), ("58", True), ("59", False),
])
def test_builtin_and_east_asian_date_formats(tmp_path: Path, ident: str, is_date: bool):
    got = formatted(tmp_path, "44411", ident)
    assert got == (datetime(2021, 8, 3) if is_date else 44411)


def test_a_date_serial_in_the_1904_system_and_with_a_time(tmp_path: Path):
    assert formatted(tmp_path, "42949", "14", date1904="1") == datetime(2021, 8, 3)
    assert formatted(tmp_path, "42949", "14", date1904="true") == datetime(2021, 8, 3)
    assert formatted(tmp_path, "44411", "14", date1904="0") == datetime(2021, 8, 3)
    assert formatted(tmp_path, "44411.75", "22") == datetime(2021, 8, 3, 18)
    assert formatted(tmp_path, "0", "14") == datetime(1899, 12, 30)


def test_a_serial_outside_the_calendar_stays_a_number(tmp_path: Path):
    assert formatted(tmp_path, "2958465", "14") == datetime(9999, 12, 31)
    assert formatted(tmp_path, "2958466", "14") == 2958466
    assert formatted(tmp_path, "-1", "14") == -1


def test_a_custom_date_format_and_a_custom_format_without_code(tmp_path: Path):
    assert formatted(tmp_path, "44411", "170", custom={"170": 'yyyy"年"m"月"d"日"'}) == datetime(2021, 8, 3)
    assert formatted(tmp_path, "0.98", "171", custom={"171": None}) == 0.98  # General


@pytest.mark.parametrize("xf, s", [("abc", "1"), ("1234567", "1"), ("9", "2"), ("9", "x"), ("9", "²"), ("9", "")])
def test_a_style_or_format_id_that_is_not_one_means_general(tmp_path: Path, xf: str, s: str):
    assert formatted(tmp_path, "0.5", xf, s=s) == 0.5


def test_style_zero_is_the_default_and_takes_the_first_format(tmp_path: Path):
    row = '<row r="1"><c r="A1"><v>0.5</v></c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row, style=styles("9"))) == {0: 50.0}


# -- rows and columns ------------------------------------------------------------------------------

def test_rows_and_cells_without_references_follow_the_previous_ones(tmp_path: Path):
    rows = ('<row r="1"><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>'
            '<row><c r="B2"><v>22</v></c></row><row r="7"><c r="A7"><v>7</v></c></row><row><c><v>8</v></c></row>')
    assert read(workbook(tmp_path / "a.xlsx", rows)) == [
        (1, {0: 1, 1: 2, 4: 5, 5: 6}), (2, {1: 22}), (7, {0: 7}), (8, {0: 8})]


def test_the_first_row_is_read_whole_and_later_rows_only_in_the_columns_wanted(tmp_path: Path):
    rows = ('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
            '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><v>6</v></c></row>'
            '<row r="3"><c r="C3"><v>9</v></c><x/></row>')
    headers = []

    def wanted(header):
        headers.append(header.number)
        return {0, 2}

    assert read(workbook(tmp_path / "a.xlsx", rows), wanted=wanted) == [
        (1, {0: 1, 1: 2, 2: 3}), (2, {0: 4, 2: 6}), (3, {2: 9})]
    assert headers == [1]


def test_excels_last_column_is_read_and_the_next_refused(tmp_path: Path):
    last = '<row r="1"><c r="XFD1"><v>1</v></c><c r="AA1"><v>2</v></c><c r="Z1"><v>3</v></c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", last)) == {16383: 1, 26: 2, 25: 3}
    past = '<row r="1"><c r="XFE1"><v>1</v></c></row>'
    assert refused(workbook(tmp_path / "b.xlsx", past)) == (
        "xl/worksheets/sheet1.xml: cell reference 'XFE1' is outside an Excel sheet")


@pytest.mark.parametrize("ref", ["a1", "AAAA1", "1", "", "A1B", "Ⅻ1", "A" * 30])
def test_a_cell_reference_that_is_not_one_is_refused(tmp_path: Path, ref: str):
    row = f'<row r="1"><c r="{ref}"><v>1</v></c></row>'
    assert refused(workbook(tmp_path / "a.xlsx", row)) == (
        f"xl/worksheets/sheet1.xml: cell reference {ref[:20]!r} is outside an Excel sheet")


@pytest.mark.parametrize("number", ["0", "-1", "²", "1e3", " 5", "0000000005", "x"])
def test_a_row_number_that_is_not_one_is_refused(tmp_path: Path, number: str):
    row = f'<row r="{number}"><c><v>1</v></c></row>'
    assert refused(workbook(tmp_path / "a.xlsx", row)) == (
        f"xl/worksheets/sheet1.xml: row number {number!r} is outside an Excel sheet (1-1,048,576)")


def test_nine_digits_are_allowed_up_to_the_row_limit(tmp_path: Path):
    assert read(workbook(tmp_path / "a.xlsx", '<row r="000000005"/>'))[0][0] == 5
    assert read(workbook(tmp_path / "b.xlsx", '<row r="100"/>'), max_row_number=100)[0][0] == 100
    assert refused(workbook(tmp_path / "c.xlsx", '<row r="101"/>'), max_row_number=100) == (
        "xl/worksheets/sheet1.xml: row number '101' is outside an Excel sheet (1-100)")


def test_rows_out_of_order_or_twice_are_refused(tmp_path: Path):
    back = '<row r="5"/><row r="3"/>'
    assert refused(workbook(tmp_path / "a.xlsx", back)) == (
        "xl/worksheets/sheet1.xml: row 3 comes after row 5; rows must be in order")
    twice = '<row r="4"/><row r="4"/>'
    assert "row 4 comes after row 4" in refused(workbook(tmp_path / "b.xlsx", twice))
    assert "row 1 comes after row 1" in refused(workbook(tmp_path / "c.xlsx", '<row/><row r="1"/>'))


# -- the parts of the file ---------------------------------------------------------------------------

def test_parts_found_through_their_relationships_wherever_they_are(tmp_path: Path):
    path = tmp_path / "a.xlsx"
    parts = {
        "_rels/.rels": rels(("r9", "officeDocument", "/book/main.xml")),
        "book/main.xml": (f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheets>'
                          '<x:sheet name="举措" r:id="a"/><x:sheet name="数据" r:id="b"/><x:sheet name="外链" r:id="c"/>'
                          '<x:sheet name="缺失" r:id="d"/><x:sheet r:id="a"/><x:sheet name="无号"/></x:sheets></x:workbook>'),
        "book/_rels/main.xml.rels": rels(("a", "worksheet", "parts/one.xml"), ("b", "worksheet", "/book/parts/two.xml"),
                                         ("c", "worksheet", "parts/one.xml"), ("d", "worksheet", "parts/gone.xml"),
                                         ("s", "sharedStrings", "../strings.xml"), external=("c",)),
        "book/parts/one.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>',
        "book/parts/two.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row><c><v>2</v></c></row></sheetData></worksheet>',
        "strings.xml": f'<sst xmlns="{MAIN}"><si><t>共享</t></si></sst>',
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    archive, book = open_workbook(path)
    with archive:
        assert book.sheets == {"举措": "book/parts/one.xml", "数据": "book/parts/two.xml"}
        assert [dict(r.cells) for r in book.rows("举措")] == [{0: "共享"}]
        assert [dict(r.cells) for r in book.rows("数据")] == [{0: 2}]
        assert book.date1904 is False


def test_without_a_package_relationship_the_usual_workbook_part_is_used(tmp_path: Path):
    path = workbook(tmp_path / "a.xlsx", '<row><c><v>1</v></c></row>')
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist() if i.filename != "_rels/.rels"}
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    assert read(path) == [(1, {0: 1})]


def test_a_package_without_a_workbook_part_is_refused(tmp_path: Path):
    path = tmp_path / "文档.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", rels(("rId1", "officeDocument", "word/document.xml")))
        archive.writestr("word/styles.xml", "<styles/>")
    with pytest.raises(UnsafeWorkbook) as caught:
        open_workbook(path)
    assert str(caught.value) == "文档.xlsx has no workbook part; is it an Excel workbook?"


def test_xml_that_is_not_well_formed_is_named(tmp_path: Path):
    path = workbook(tmp_path / "a.xlsx", '<row r="1"><c><v>1</v></row>')
    assert refused(path).startswith("xl/worksheets/sheet1.xml is not well-formed XML (mismatched tag")


def test_a_part_in_a_compression_method_zipfile_cannot_inflate_is_one_clear_error(tmp_path: Path):
    path = workbook(tmp_path / "a.xlsx", '<row><c><v>1</v></c></row>')
    data = bytearray(path.read_bytes())
    name = b"xl/workbook.xml"
    for signature, method_at, name_at in ((b"PK\x03\x04", 8, 30), (b"PK\x01\x02", 10, 46)):
        at = 0
        while (at := data.index(signature, at)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + method_at] = 99  # a method zipfile does not know
                break
            at += 4
    path.write_bytes(bytes(data))
    with pytest.raises(UnsafeWorkbook) as caught:
        open_workbook(path)
    assert str(caught.value).startswith("a.xlsx: not a readable workbook (")


def test_an_element_in_a_row_that_is_not_a_cell_takes_no_column(tmp_path: Path):
    row = '<row r="1"><extLst/><c><v>1</v></c><x:c xmlns:x="urn:other"><v>9</v></x:c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row)) == {0: 1, 1: 9}  # a cell is a cell in any namespace


def test_a_strings_table_of_many_items_is_not_held_to_a_sheets_limits(tmp_path: Path):
    """Shared strings have no rows: their bound is 20 items per row a sheet may hold, not 100 tags per row."""
    strings = [f"<t>第{i}项</t>" for i in range(6_000)]
    assert cells(workbook(tmp_path / "a.xlsx", '<row r="1"><c t="s"><v>5999</v></c></row>', strings=strings)) == {
        0: "第5999项"}


def test_a_sheet_is_held_to_its_row_limits_before_parsing(tmp_path: Path):
    past = workbook(tmp_path / "a.xlsx", '<row r="2000000"><c><v>1</v></c></row>')
    assert refused(past) == ("xl/worksheets/sheet1.xml: row number 2000000 is outside an Excel sheet (1-1,048,576); "
                             "not opened")
    wide = workbook(tmp_path / "b.xlsx", '<row r="1">' + "<c><v>1</v></c>" * 6_000 + "</row>")
    assert refused(wide) == ("xl/worksheets/sheet1.xml holds 24,006 XML items in 1 rows, far more than a curator "
                             "export; not opened")


def test_long_references_are_shown_cut_to_twenty_characters(tmp_path: Path):
    row = f'<row r="{"x" * 30}"><c><v>1</v></c></row>'
    assert refused(workbook(tmp_path / "a.xlsx", row)) == (
        f"xl/worksheets/sheet1.xml: row number {'x' * 20!r} is outside an Excel sheet (1-1,048,576)")
    cell = f'<row r="1"><c t="s"><v>{"9" * 30}</v></c></row>'
    assert cells(workbook(tmp_path / "b.xlsx", cell, strings=["<t>a</t>"])) == {
        0: ErrorValue(f"shared string {'9' * 20!r} missing")}


def test_a_formula_result_saved_as_text_stays_text_even_when_it_looks_like_a_number(tmp_path: Path):
    row = '<row r="1"><c t="str"><v>12</v></c><c t="str"><v>0.5</v></c></row>'
    got = cells(workbook(tmp_path / "a.xlsx", row, style=styles("", "9")))
    assert got == {0: "12", 1: "0.5"} and type(got[0]) is str


def test_other_elements_among_the_cell_styles_take_no_index(tmp_path: Path):
    style = (f'<styleSheet xmlns="{MAIN}"><cellXfs><extLst/><xf numFmtId="0"/><xf numFmtId="9"/><x/>'
             '<xf numFmtId="14"/></cellXfs></styleSheet>')
    row = '<row r="1"><c s="1"><v>0.5</v></c><c s="2"><v>44411</v></c></row>'
    assert cells(workbook(tmp_path / "a.xlsx", row, style=style)) == {0: 50.0, 1: datetime(2021, 8, 3)}


def test_a_format_id_of_six_digits_or_more_is_not_looked_up(tmp_path: Path):
    assert formatted(tmp_path, "44411", "00014") == datetime(2021, 8, 3)
    assert formatted(tmp_path, "44411", "000014") == 44411


def test_the_zip_limits_given_are_the_ones_checked(tmp_path: Path):
    from curator.export.safe_zip import ZipLimits

    path = workbook(tmp_path / "a.xlsx", '<row><c><v>1</v></c></row>')
    with pytest.raises(UnsafeWorkbook, match=r"^a\.xlsx holds 4 files; a workbook has far fewer$"):
        open_workbook(path, zip_limits=ZipLimits(max_members=3))
    archive, book = open_workbook(path, zip_limits=ZipLimits(max_members=4))
    archive.close()
