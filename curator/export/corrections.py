"""Corrections coming back: reading a returned workbook safely and comparing it with stored rows.

Only the editable columns of 举措 and 数据 count (see sheets.py). A row is matched by its
hidden 行号, and trusted only when
- its visible cells are the ones exported with that 行号: the visible 编号 names it, and the
  hidden 校验's first part is a digest of the visible 编号, 文章标题 and 证据原句 (a sort of the
  visible columns alone, or 行号 and 校验 pasted onto another row, fails this); and
- the 校验's second part still equals the stored row's digest: otherwise the row changed in
  curator after the export, and applying the sheet would silently undo that.
Such rows, and any that cannot be matched, are reported, never guessed.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from curator.export.returned import DAMAGED, FORMULA, ErrorValue, ReadLimits, ReadRow, Workbook, open_workbook
from curator.export.safe_zip import UnsafeWorkbook, ZipLimits
from curator.export.sheets import FACT_SHEETS, IDENTITY_KEYS, ROW_CHECK, ROW_ID, ROW_KEY, Column, SheetSpec
from curator.export.values import as_number, cell_text, parse_date, percent_format

__all__ = ["FORMULA", "percent_format", "read_returned", "row_check", "row_key", "diff_row", "parse_row_id"]
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer


@dataclass(frozen=True)
class SheetRow:
    sheet: str
    number: int  # the row number Excel shows
    values: Mapping[str, Any]  # column key -> cell value, for the columns the sheet has


@dataclass(frozen=True)
class CellChange:
    table: str
    row_id: int
    column: str
    header: str
    old: Any
    new: Any
    sheet: str
    sheet_row: int

    def __str__(self) -> str:
        return f"{self.sheet} 第{self.sheet_row}行 {self.header}: {_show(self.old)} -> {_show(self.new)}"


@dataclass(frozen=True)
class Unmatched:
    sheet: str
    sheet_row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet} 第{self.sheet_row}行: {self.reason}"


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(空)"
    if isinstance(value, float):
        return f"{as_number(value):,}"
    return repr(value) if isinstance(value, str) and not value.strip() else str(value)


# -- the check written into the hidden column -------------------------------------------------

def row_key(row: Mapping[str, Any]) -> str:
    """The visible 编号 of a fact row: its document and its own id."""
    return f"{row['doc_id']}-{row['id']}"


def row_check(spec: SheetSpec, row: Mapping[str, Any]) -> str:
    """identity.values: digests of the row's visible identity cells and of its editable values."""
    return f"{_identity_check(row)}.{_values_check(spec, row)}"


def _identity_check(cells: Mapping[str, Any]) -> str:
    """A digest of the 编号, 文章标题 and 证据原句 cells as the sheet shows them (id and key included)."""
    values = [_identity_text(cells.get(key)) for key in IDENTITY_KEYS]
    return _digest([_identity_text(cells.get("id")), *values], size=5)


def _identity_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(cell_text(str(value)).split())  # spacing is not identity; spreadsheets may trim it


def _values_check(spec: SheetSpec, row: Mapping[str, Any]) -> str:
    return _digest([_canonical(column, row.get(column.key)) for column in spec.columns if column.editable], size=6)


def _digest(values: list[Any], *, size: int) -> str:
    text = json.dumps(values, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size).hexdigest()


def _canonical(column: Column, value: Any) -> Any:
    if column.kind == "number":
        if value is None or value == "":
            return None
        return as_number(value) if _is_number(value) else str(value)  # a stored text such as "abc" stays text
    if column.kind == "date":
        day = parse_date(value)
        return day.isoformat() if day else (value or "")
    return "" if value is None else value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# -- reading the workbook ---------------------------------------------------------------------

def read_returned(path: str | Path, *, limits: ZipLimits = ZipLimits(),
                  read_limits: ReadLimits = ReadLimits()) -> dict[str, list[SheetRow]]:
    """Rows of the 举措 and 数据 sheets of a returned workbook, every size bounded before parsing.

    A cell holding a formula is FORMULA (refused later), whatever result it saved.
    """
    archive, book = open_workbook(path, zip_limits=limits, limits=read_limits)
    try:
        with archive:
            found = {spec.title: list(_sheet_rows(book, spec)) for spec in FACT_SHEETS if spec.title in book.sheets}
    except DAMAGED as exc:
        # A damaged member shows only when it is inflated (a bad CRC, a truncated stream).
        raise UnsafeWorkbook(f"{Path(path).name}: not a readable workbook ({exc})") from None
    if not found:
        raise UnsafeWorkbook(f"{Path(path).name} has neither a 举措 nor a 数据 sheet; is it a curator export?")
    return found


def _sheet_rows(book: Workbook, spec: SheetSpec) -> Iterator[SheetRow]:
    by_header = {column.header: column for column in spec.columns}
    positions: dict[str, int] = {}

    def wanted(header: ReadRow) -> set[int]:
        for index, value in sorted(header.cells.items()):
            name = str(value).strip() if value is not None else ""
            if name in by_header and by_header[name].key not in positions:
                positions[by_header[name].key] = index
        return set(positions.values())

    rows = book.rows(spec.title, wanted)
    header = next(rows, None)
    if header is None or header.number != 1 or ROW_ID.key not in positions:
        raise UnsafeWorkbook(f"sheet {spec.title} has no {ROW_ID.header} column; corrections need it to find each row")
    for row in rows:
        values = {key: row.cells.get(index) for key, index in positions.items()}
        if any(value not in (None, "") for value in values.values()):
            yield SheetRow(spec.title, row.number, values)


# -- comparing with the store -----------------------------------------------------------------

_ROW_ID = re.compile(r"\s*([0-9]{1,19})\s*")


def parse_row_id(value: Any) -> int:
    """The stored row id a 行号 cell names; ValueError (with the reason) for anything else."""
    if value is None or value == "":
        raise ValueError(f"no row id ({ROW_ID.header}) in this row")
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and (found := _ROW_ID.fullmatch(value)):  # ASCII digits only: not ① or ²
        number = int(found.group(1))
    if number is None or not 0 < number <= MAX_ROW_ID:
        raise ValueError(f"{ROW_ID.header} {_show(value)[:30]} is not a row number of curator's")
    return number


def row_id_of(row: SheetRow) -> int | None:
    try:
        return parse_row_id(row.values.get(ROW_ID.key))
    except ValueError:
        return None


def duplicate_ids(rows: list[SheetRow]) -> set[int]:
    counts = Counter(row_id_of(row) for row in rows)
    return {row_id for row_id, n in counts.items() if row_id is not None and n > 1}


def diff_row(spec: SheetSpec, row: SheetRow, stored: Mapping[str, Any]) -> tuple[list[CellChange], Unmatched | None]:
    """The cell changes that turn stored into what the sheet row says, or why the row is refused."""
    def refused(reason: str) -> tuple[list[CellChange], Unmatched]:
        return [], Unmatched(spec.title, row.number, reason)

    for column in spec.columns:
        value = row.values.get(column.key)
        if value is FORMULA:
            return refused(f"{column.header}: the cell holds a formula; type the value itself")
        if isinstance(value, ErrorValue):
            return refused(f"{column.header}: the cell holds an error ({value.code}); type the value itself")
    check = str(row.values.get(ROW_CHECK.key) or "").strip()
    if not check:
        return refused(f"the {ROW_CHECK.header} cell is empty; the row cannot be trusted")
    identity, _, values_check = check.partition(".")
    if not values_check:
        return refused(f"the {ROW_CHECK.header} cell is not one curator wrote (an older export?); export again")
    if ROW_KEY.key not in row.values:
        return refused(f"the sheet has no {ROW_KEY.header} column, which shows that a row's cells still belong "
                       "together; export again and keep it")
    if _identity_text(row.values[ROW_KEY.key]) != row_key(stored):
        return refused(f"its {ROW_KEY.header} {_show(row.values[ROW_KEY.key])} is not the {ROW_KEY.header} of "
                       f"{ROW_ID.header} {stored['id']} ({row_key(stored)}): were some columns sorted or pasted on "
                       "their own? Nothing of this row is applied")
    if identity != _identity_check({**row.values, "id": stored["id"], "key": row.values.get(ROW_KEY.key)}):
        return refused(f"its 文章标题 or 证据原句 is not what was exported with {ROW_ID.header} {stored['id']}: were "
                       "some columns sorted on their own, or a hidden cell copied from another row? Nothing of this "
                       "row is applied")
    changes = []
    for column in spec.columns:
        if not column.editable or column.key not in row.values:
            continue
        old = stored.get(column.key)
        if isinstance(old, str) and _identity_text(row.values[column.key]) == _identity_text(old):
            continue  # a text kept in a number column (imported so) and returned untouched
        try:
            new = _parse(column, row.values[column.key])
        except ValueError as exc:
            return refused(f"{column.header}: {exc}")
        if not _same(column, old, new):
            changes.append(CellChange(spec.table, int(stored["id"]), column.key, column.header, old, new, spec.title, row.number))
    if changes and values_check != _values_check(spec, stored):
        # Changed in curator since the export: the sheet's untouched cells would undo that. (A row
        # whose cells all equal the store, e.g. corrections already applied, has nothing to do.)
        return refused("this row was changed in curator after the workbook was exported; export again and redo it there")
    return changes, None


def _parse(column: Column, value: Any) -> Any:
    """A cell's value as the store keeps it in this column."""
    if column.kind == "number":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            try:
                number = float(str(value).strip().replace(",", "").replace("，", ""))
            except ValueError:
                raise ValueError(f"{value!r} is not a number") from None
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a number")
        return number
    if column.kind == "date":
        if value is None:
            return ""
        day = parse_date(value)
        return day.isoformat() if day else str(value).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        value = value.isoformat()
    return str(value).strip()


def _same(column: Column, old: Any, new: Any) -> bool:
    if column.kind == "number":
        if old is None or new is None:
            return old is None and new is None
        return _number_text(old) == _number_text(new)
    if column.kind == "date":
        old_day, new_day = parse_date(old), parse_date(new)
        if old_day and new_day:
            return old_day == new_day
    return str(old or "").strip() == str(new or "").strip()


def _number_text(value: Any) -> str:
    """A number at the 15 significant digits a spreadsheet keeps (so 30000 -> 30010 is a change)."""
    return f"{float(value):.15g}" if _is_number(value) else str(value).strip()
