"""Reading the cells of a returned workbook ourselves, with every size bounded before any parsing.

openpyxl fills every gap up to a row's number (`<row r="2000000000">` runs for hours), reads a
formula's cached result as if it were the value, and hands expat huge tokens (quadratic in expat
2.5). Here the zip directory is checked first (safe_zip), then each XML part is pre-scanned as a
byte stream (prescan.py). Only then is it parsed, row by row, keeping nothing but the values of
the columns asked for. A cell with a formula is FORMULA, whatever result it saved; an error cell
is an ErrorValue.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

from curator.export.prescan import BLOCK, ReadLimits, prescan
from curator.export.safe_zip import UnsafeWorkbook, ZipLimits, check_zip
from curator.export.values import percent_format

# What inflating a damaged member raises (a bad CRC, a truncated or corrupt stream, a missing part).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError, KeyError)
MAX_COLUMN = 16_384  # XFD, Excel's last column
# East Asian Excel's built-in date formats (not in openpyxl's table): 27-36 and 50-58.
CJK_DATE_FORMATS = frozenset(range(27, 37)) | frozenset(range(50, 59))


class _Formula:
    def __repr__(self) -> str:
        return "FORMULA"


FORMULA = _Formula()  # a cell holding a formula, cached result or not


@dataclass(frozen=True)
class ErrorValue:
    code: str  # e.g. "#REF!"


@dataclass(frozen=True)
class ReadRow:
    number: int  # the row number Excel shows
    cells: Mapping[int, Any]  # 0-based column -> value, only the columns asked for


# -- parsing ------------------------------------------------------------------------------------

def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attr(element: Element, name: str) -> str | None:
    """An attribute by local name (r:id is {relationships-namespace}id)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _events(archive: zipfile.ZipFile, member: str, limits: ReadLimits, *,
            sheet: bool = False) -> Iterator[tuple[str, Element]]:
    with archive.open(member) as stream:
        prescan(stream, member, limits, sheet=sheet)
    parser = XMLPullParser(events=("start", "end"))
    with archive.open(member) as stream:
        try:
            while block := stream.read(BLOCK):
                parser.feed(block)
                yield from parser.read_events()
            parser.close()
            yield from parser.read_events()
        except ParseError as exc:
            raise UnsafeWorkbook(f"{member} is not well-formed XML ({exc})") from None


def _tree(archive: zipfile.ZipFile, member: str, limits: ReadLimits) -> Element:
    root = None
    for event, element in _events(archive, member, limits):
        if root is None:
            root = element
    if root is None:
        raise UnsafeWorkbook(f"{member} is empty")
    return root


class Workbook:
    """The parts of an open .xlsx that locate sheets and give cells their values."""

    def __init__(self, archive: zipfile.ZipFile, name: str, limits: ReadLimits) -> None:
        self._archive, self._limits = archive, limits
        self._names = set(archive.namelist())
        main = self._target("_rels/.rels", "", "officeDocument") or "xl/workbook.xml"
        if main not in self._names:
            raise UnsafeWorkbook(f"{name} has no workbook part; is it an Excel workbook?")
        folder = posixpath.dirname(main)
        rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
        self._rels = self._relationships(rels, folder)
        book = _tree(archive, main, limits)
        self.sheets: dict[str, str] = {}
        self.date1904 = False
        for element in book.iter():
            tag = _local(element.tag)
            if tag == "sheet":
                target = self._rels.get(_attr(element, "id") or "", ("", ""))[1]
                if element.get("name") and target in self._names:
                    self.sheets[element.get("name")] = target
            elif tag == "workbookPr":
                self.date1904 = element.get("date1904") in ("1", "true")
        self._strings: list[str] | None = None
        self._formats: list[str] | None = None

    def _relationships(self, member: str, folder: str) -> dict[str, tuple[str, str]]:
        """Id -> (type, part name) of a .rels part."""
        if member not in self._names:
            return {}
        found = {}
        for element in _tree(self._archive, member, self._limits).iter():
            if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
                target = element.get("Target") or ""
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                found[element.get("Id") or ""] = ((element.get("Type") or "").rpartition("/")[2], part)
        return found

    def _target(self, rels: str, folder: str, kind: str) -> str | None:
        for rel_kind, part in self._relationships(rels, folder).values():
            if rel_kind == kind:
                return part
        return None

    def _part_of(self, kind: str) -> str | None:
        return next((part for rel_kind, part in self._rels.values() if rel_kind == kind and part in self._names), None)

    @property
    def strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            part = self._part_of("sharedStrings")
            if part:
                self._strings = list(_shared_strings(_events(self._archive, part, self._limits)))
        return self._strings

    @property
    def formats(self) -> list[str]:
        """Number format code of each cell style (cellXfs), by index."""
        if self._formats is None:
            self._formats = []
            part = self._part_of("styles")
            if part:
                self._formats = _cell_formats(_tree(self._archive, part, self._limits))
        return self._formats

    def rows(self, title: str, wanted: Callable[[ReadRow], set[int]] | None = None) -> Iterator[ReadRow]:
        """The sheet's rows in order; the first (header) row whole, later rows only in the columns wanted(header)."""
        part = self.sheets[title]
        strings, formats = self.strings, self.formats
        columns: set[int] | None = None
        number = 0
        sheet_data: Element | None = None
        for event, element in _events(self._archive, part, self._limits, sheet=True):
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    sheet_data = element
                continue
            if tag != "row":
                continue
            number = _row_number(element, number, self._limits, part)
            cells = _row_cells(element, columns, strings, formats, self.date1904, part)
            if sheet_data is not None:
                sheet_data.clear()  # keep no parsed rows
            row = ReadRow(number, cells)
            if columns is None and wanted is not None:
                columns = wanted(row)
            yield row


def _row_number(element: Element, previous: int, limits: ReadLimits, part: str) -> int:
    given = element.get("r")
    if given is None:
        return previous + 1
    if not given.isascii() or not given.isdigit() or len(given) > 9 or not 0 < int(given) <= limits.max_row_number:
        raise UnsafeWorkbook(f"{part}: row number {given[:20]!r} is outside an Excel sheet (1-{limits.max_row_number:,})")
    if int(given) <= previous:
        raise UnsafeWorkbook(f"{part}: row {given} comes after row {previous}; rows must be in order")
    return int(given)


_CELL_REF = re.compile(r"([A-Z]{1,3})[0-9]*")


def _column(ref: str | None, previous: int, part: str) -> int:
    if ref is None:
        return previous + 1
    found = _CELL_REF.fullmatch(ref)
    index = 0
    for letter in found.group(1) if found else "":
        index = index * 26 + ord(letter) - 64
    if not 0 < index <= MAX_COLUMN:
        raise UnsafeWorkbook(f"{part}: cell reference {ref[:20]!r} is outside an Excel sheet")
    return index - 1


def _row_cells(row: Element, columns: set[int] | None, strings: list[str], formats: list[str],
               date1904: bool, part: str) -> dict[int, Any]:
    cells: dict[int, Any] = {}
    index = -1
    for cell in row:
        if _local(cell.tag) != "c":
            continue
        index = _column(cell.get("r"), index, part)
        if columns is None or index in columns:
            cells[index] = _value(cell, strings, formats, date1904)
    return cells


def _value(cell: Element, strings: list[str], formats: list[str], date1904: bool) -> Any:
    kind = cell.get("t", "n")
    value = inline = None
    for child in cell:
        tag = _local(child.tag)
        if tag == "f":
            return FORMULA  # shared, array and DDE formulas included; a cached result is not the official's value
        if tag == "v":
            value = child.text or ""
        elif tag == "is":
            inline = _text_of(child)
    if kind == "inlineStr":
        return inline
    if value is None:
        return None
    if kind == "s":
        try:
            return strings[int(value)]
        except (ValueError, IndexError):
            return ErrorValue(f"shared string {value[:20]!r} missing")
    if kind == "str":
        return value
    if kind == "b":
        return value.strip() in ("1", "true")
    if kind == "e":
        return ErrorValue(value)
    if kind == "d":
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return value
    return _number(value, _format_of(cell, formats), date1904)


def _format_of(cell: Element, formats: list[str]) -> str:
    style = cell.get("s") or "0"
    if style.isascii() and style.isdigit() and int(style) < len(formats):
        return formats[int(style)]
    return "General"


def _number(text: str, fmt: str, date1904: bool) -> Any:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if percent_format(fmt):
        # Typing "98%" turns the cell into 0.98 with Excel's own percent format; the official meant 98.
        return float(number * 100)
    if is_date_format(fmt) and 0 <= number < 2_958_466:  # up to 9999-12-31
        epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
        return epoch + timedelta(days=float(number))
    if number == number.to_integral_value() and abs(number) < 2**53:
        return int(number)
    return float(number)


def _text_of(element: Element) -> str:
    """The text of a string item: its t elements, leaving out phonetic runs (rPh)."""
    parts = []

    def walk(node: Element) -> None:
        for child in node:
            tag = _local(child.tag)
            if tag == "t":
                parts.append(child.text or "")
            elif tag != "rPh":
                walk(child)

    walk(element)
    return "".join(parts)


def _shared_strings(events: Iterator[tuple[str, Element]]) -> Iterator[str]:
    table: Element | None = None
    for event, element in events:
        tag = _local(element.tag)
        if event == "start":
            if tag == "sst":
                table = element
        elif tag == "si":
            yield _text_of(element)
            if table is not None:
                table.clear()


def _cell_formats(styles: Element) -> list[str]:
    custom = {}
    formats: list[str] = []
    for element in styles.iter():
        tag = _local(element.tag)
        if tag == "numFmt":
            custom[element.get("numFmtId")] = element.get("formatCode") or "General"
        elif tag == "cellXfs":
            for xf in element:
                if _local(xf.tag) != "xf":
                    continue
                ident = xf.get("numFmtId") or "0"
                number = int(ident) if ident.isascii() and ident.isdigit() and len(ident) < 6 else 0
                if ident in custom:
                    formats.append(custom[ident])
                elif number in CJK_DATE_FORMATS:
                    formats.append("yyyy-mm-dd")
                else:
                    formats.append(BUILTIN_FORMATS.get(number, "General"))
    return formats


def open_workbook(path: str | Path, *, zip_limits: ZipLimits = ZipLimits(),
                  limits: ReadLimits = ReadLimits()) -> tuple[zipfile.ZipFile, Workbook]:
    """Check path's zip directory, then open its workbook part; the caller closes the ZipFile."""
    path = Path(path)
    check_zip(path, zip_limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeWorkbook(f"{path.name}: not a readable workbook ({exc})") from None
    try:
        return archive, Workbook(archive, path.name, limits)
    except (UnsafeWorkbook, *DAMAGED) as exc:
        archive.close()
        if isinstance(exc, UnsafeWorkbook):
            raise
        raise UnsafeWorkbook(f"{path.name}: not a readable workbook ({exc})") from None
