"""The one Excel writer: a workbook for officials, streamed in openpyxl's write-only mode.

Rows arrive as iterables of plain dicts and go to disk as they come, so memory does not
grow with the number of rows. Styles are built once per sheet and shared by every cell
that wears them. No text ever becomes a formula: a string that starts like one is
written as a text cell with a quote prefix (openpyxl would otherwise write any string
starting with "=" as a formula).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

from curator.export.files import atomic_output, part_path

try:  # openpyxl writes through lxml when it is installed, which reports a full disk as SerialisationError
    from lxml.etree import SerialisationError
except ImportError:  # pragma: no cover - without lxml, write errors are OSErrors already
    class SerialisationError(Exception):  # type: ignore[no-redef]
        pass
from curator.export.sheets import SUMMARY_TITLE, SheetSpec
from curator.export.values import DATE_FORMAT, as_number, cell_text, formula_like, number_format, parse_date

LINE_HEIGHT = 15  # points per line of 11 pt text
ROW_PADDING = 4  # points above the first line; without it LibreOffice clips the last line
MAX_ROW_HEIGHT = 409  # Excel's limit
PAPER_A4 = 9  # paperSize code in the file format
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(name="等线", bold=True, color="FFFFFF")
TITLE_FONT = Font(name="等线", bold=True, size=16)
SECTION_FONT = Font(name="等线", bold=True, size=12, color="1F4E78")
BODY_FONT = Font(name="等线")
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(bottom=THIN)


@dataclass(frozen=True)
class PlaceCount:
    place: str
    documents: int
    initiatives: int
    figures: int


@dataclass(frozen=True)
class SummaryData:
    places: Sequence[PlaceCount] = ()
    labels: Sequence[tuple[str, int]] = ()  # (label title, spans)
    statuses: Sequence[tuple[str, int]] = ()  # (status title, documents)
    notes: Sequence[tuple[str, str]] = ()  # (what, value): export time, filters
    project: str = ""  # named in every page's footer


@dataclass
class SheetRows:
    spec: SheetSpec
    rows: Iterable[Mapping[str, Any]]


@dataclass
class WorkbookReport:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # sheet title -> data rows written


def write_workbook(path: str | Path, summary: SummaryData, sheets: Sequence[SheetRows], *,
                   overwrite: bool = False) -> WorkbookReport:
    """Write 汇总 (from summary) and one sheet per SheetRows to path, atomically."""
    report = WorkbookReport(Path(path))
    with atomic_output(path, overwrite=overwrite) as temp:
        book = Workbook(write_only=True)
        spool = functools.partial(_spool_beside, target=Path(path))
        try:
            _write_summary(book, summary, spool)
            for sheet in sheets:
                report.rows[sheet.spec.title] = _write_table(book, sheet.spec, sheet.rows, spool, project=summary.project)
            book.save(temp)
        except BaseException as exc:
            _abandon(book)
            if isinstance(exc, SerialisationError):
                raise _os_error(exc) from exc
            raise
    return report


def _os_error(exc: Exception) -> OSError:
    """lxml's 'IO_ENOSPC' and the like as the OSError they stand for."""
    name = str(exc).rpartition("IO_")[2].split()[0] if "IO_" in str(exc) else "EIO"
    code = getattr(errno, name if name.startswith("E") else f"E{name}", errno.EIO)
    return OSError(code, os.strerror(code))


def _abandon(book: Workbook) -> None:
    """Stop the half-written sheets' streams and remove their temporary files."""
    for ws in book.worksheets:
        writer = getattr(ws, "_writer", None)
        for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
            with contextlib.suppress(Exception):
                stream.close()  # the XML writer objects to closing mid-element; nothing is kept anyway
        if writer is not None and isinstance(writer.out, str):
            with contextlib.suppress(OSError):
                os.remove(writer.out)
            with contextlib.suppress(ValueError):
                ALL_TEMP_FILES.remove(writer.out)


def _spool_beside(ws: Any, *, target: Path) -> None:
    """Stream the sheet into a temporary file beside the target, not into TMPDIR.

    openpyxl spools each write-only sheet to TMPDIR and removes it only at exit, so a killed
    export left tens of MB there; beside the target, the next export removes it (files.py).
    Call it after the columns are set up and before the first row (the writer starts with them).
    """
    spool = str(part_path(target, f".sheet{len(ws.parent.worksheets)}"))
    ALL_TEMP_FILES.append(spool)  # openpyxl's cleanup after saving expects it listed
    ws._writer = WorksheetWriter(ws, out=spool)
    ws._writer.write_top()


# -- the data sheets -------------------------------------------------------------------------

class _Styles:
    """StyleArrays built once per sheet; a cell takes one by reference (cells never change them)."""

    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._cache: dict[tuple, Any] = {}

    def get(self, *, wrap: bool = False, quote: bool = False, fmt: str | None = None, header: bool = False) -> Any:
        key = (wrap, quote, fmt, header)
        if key not in self._cache:
            cell = WriteOnlyCell(self._ws)
            cell.font = HEADER_FONT if header else BODY_FONT
            if header:
                cell.fill = HEADER_FILL
                cell.border = HEADER_BORDER
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif wrap:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            else:
                cell.alignment = Alignment(vertical="top")
            if quote:
                cell.quotePrefix = True
            if fmt:
                cell.number_format = fmt
            self._cache[key] = cell._style
        return self._cache[key]


def _write_table(book: Workbook, spec: SheetSpec, rows: Iterable[Mapping[str, Any]], spool: Any, *,
                 project: str = "") -> int:
    ws = book.create_sheet(spec.title)
    styles = _Styles(ws)
    for index, column in enumerate(spec.columns, start=1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    ws.freeze_panes = "A2"
    _print_setup(ws, project=project, landscape=True)
    ws.print_title_rows = "1:1"  # the header row on every printed page
    # openpyxl writes each cell of a row before it takes the next, so one cell per column is
    # refilled for every row: no per-cell objects, no type guessing (it would make "=..." a formula).
    ws._values_to_row = _placed
    cells = [WriteOnlyCell(ws) for _ in spec.columns]
    spool(ws)
    header_style = styles.get(header=True)
    header = [_fill(cell, column.header, "s", header_style) for cell, column in zip(cells, spec.columns)]
    header_lines = _lines(header, [(index, column.width) for index, column in enumerate(spec.columns)])
    if header_lines > 1:  # narrow columns wrap their header
        ws.row_dimensions[1] = {"ht": str(LINE_HEIGHT * header_lines + 2), "customHeight": "1"}
    ws.append(header)
    ws.row_dimensions.pop(1, None)
    fillers = [(cell, column.key, _filler(styles, column.kind)) for cell, column in zip(cells, spec.columns)]
    wrapped = [(index, column.width) for index, column in enumerate(spec.columns) if column.kind == "wrap"]
    heights = ws.row_dimensions
    count = 0
    for row in rows:
        filled = [fill(cell, row.get(key), row) for cell, key, fill in fillers]
        lines = _lines(filled, wrapped)
        if lines > 1:  # neither Excel nor LibreOffice reliably fits wrapped rows when opening a file
            heights[count + 2] = {"ht": str(min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + ROW_PADDING)), "customHeight": "1"}
        ws.append(filled)
        heights.pop(count + 2, None)  # written: keep nothing per row
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{count + 1}"
    return count


def _lines(cells: Sequence[WriteOnlyCell | None], wrapped: Sequence[tuple[int, float]]) -> int:
    """Lines the tallest wrapped cell of a row needs; a CJK character is two column-width units."""
    most = 1
    for index, width in wrapped:
        cell = cells[index]
        if cell is not None and cell.data_type == "s":
            text = cell._value
            units = (len(text.encode("utf-8")) + len(text)) // 2  # 1 for ASCII, 2 for CJK, cheaply
            most = max(most, -(-units // max(1, int(width) - 2)) + text.count("\n"))
    return most


def _placed(cells: Sequence[WriteOnlyCell | None], row_idx: int) -> Iterator[WriteOnlyCell]:
    for col_idx, cell in enumerate(cells, start=1):
        if cell is not None:
            cell.row, cell.column = row_idx, col_idx
            yield cell


def _fill(cell: WriteOnlyCell, value: Any, data_type: str, style: Any) -> WriteOnlyCell:
    cell._value, cell.data_type, cell._style = value, data_type, style
    return cell


def _filler(styles: _Styles, kind: str):
    """A function (cell, value, row) -> the cell filled for this kind of column, or None when empty."""
    plain, wrapped = styles.get(), styles.get(wrap=True)
    quoted, quoted_wrapped = styles.get(quote=True), styles.get(wrap=True, quote=True)
    dated = styles.get(fmt=DATE_FORMAT)
    text_style, quoted_style = (wrapped, quoted_wrapped) if kind == "wrap" else (plain, quoted)

    def text(cell: WriteOnlyCell, value: Any, row: Mapping[str, Any]) -> WriteOnlyCell | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, (int, float)):
            return _fill(cell, value, "n", plain)
        value = _clean(str(value))
        # "s": verbatim text, never a formula; the quote prefix keeps it text when edited in Excel.
        return _fill(cell, value, "s", quoted_style if formula_like(value) else text_style)

    if kind == "number":
        def number(cell: WriteOnlyCell, value: Any, row: Mapping[str, Any]) -> WriteOnlyCell | None:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                value = as_number(value)
                return _fill(cell, value, "n", styles.get(fmt=number_format(value, row.get("unit") or "")))
            return text(cell, value, row)
        return number
    if kind == "date":
        def date_cell(cell: WriteOnlyCell, value: Any, row: Mapping[str, Any]) -> WriteOnlyCell | None:
            day = parse_date(value)
            return _fill(cell, day, "d", dated) if day else text(cell, value, row)
        return date_cell
    return text


def _styled(ws: Any, value: Any, style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    cell._style = style
    return cell


def _clean(value: str) -> str:
    """Only characters XML can carry, and no more than a cell holds (cut with a visible mark)."""
    return cell_text(value)


def _print_setup(ws: Any, *, project: str, landscape: bool) -> None:
    """A4, one page wide (as many pages down as needed), a footer naming project, sheet and page."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4  # inches; more of the page for the columns
    ws.page_margins.top, ws.page_margins.bottom, ws.page_margins.footer = 0.6, 0.7, 0.3
    ws.print_options.horizontalCentered = True
    # & starts a code in header and footer text (&A sheet, &P page, &N pages): a literal & is &&.
    ws.oddFooter.left.text = _clean(project).replace("&", "&&")[:100]
    ws.oddFooter.center.text = "&A"
    ws.oddFooter.right.text = "第 &P 页，共 &N 页"
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 9


# -- 汇总 ------------------------------------------------------------------------------------

def _write_summary(book: Workbook, summary: SummaryData, spool: Any) -> None:
    ws = book.create_sheet(SUMMARY_TITLE)
    styles = _Styles(ws)
    for letter, width in zip("ABCD", (22, 12, 12, 12)):
        ws.column_dimensions[letter].width = width
    _print_setup(ws, project=summary.project, landscape=False)
    spool(ws)
    header, body = styles.get(header=True), styles.get()
    title_style = _font_style(ws, TITLE_FONT)
    section_style = _font_style(ws, SECTION_FONT)
    row_no = 0

    def put(values: Sequence[Any], style: Any = body) -> None:
        nonlocal row_no
        cells = []
        for value in values:
            if isinstance(value, str) and value:
                value = _clean(value)
            cell = _styled(ws, value, style)
            if formula_like(value):
                cell.data_type = "s"
            cells.append(cell)
        ws.append(cells)
        row_no += 1

    put(["文明城市创建标注成果汇总"], title_style)
    for what, value in summary.notes:
        put([what, value])
    put([])
    put(["按地点统计"], section_style)
    put(["地点", "文章数", "举措数", "数据数"], header)
    place_first = row_no + 1
    for item in summary.places:
        put([item.place or "未注明", item.documents, item.initiatives, item.figures])
    place_last = row_no
    # Each document is counted once, under its own place, so every column adds up to its 合计.
    put(["合计", *(sum(getattr(p, name) for p in summary.places) for name in ("documents", "initiatives", "figures"))],
        header)
    for heading, columns, items in (
        ("按标签统计", ["标签", "标注数"], summary.labels),
        ("按审核状态统计", ["审核状态", "文章数"], summary.statuses),
    ):
        put([])
        put([heading], section_style)
        put(columns, header)
        for name, count in items:
            put([name, count])
    if summary.places:
        ws.add_chart(_place_chart(ws, place_first, place_last), f"A{row_no + 2}")


def _font_style(ws: Any, font: Font) -> Any:
    cell = WriteOnlyCell(ws)
    cell.font = font
    return cell._style


def _place_chart(ws: Any, first: int, last: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.title = "各地举措与数据数量"
    chart.y_axis.title = "条数"
    chart.x_axis.title = "地点"
    chart.add_data(Reference(ws, min_col=3, max_col=4, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # places top-down, in the table's order
    chart.x_axis.delete = chart.y_axis.delete = False  # else recent Excel hides the axes
    chart.legend.position = "b"
    chart.height = max(7.5, 0.6 * (last - first + 1) + 3)
    chart.width = 16
    return chart
