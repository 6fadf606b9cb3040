"""Corrections coming back: reading a returned workbook safely and comparing it with stored rows.

Only the editable columns of 举措 and 数据 count (see sheets.py). A row is matched by its
hidden 行号 and trusted only when its hidden 校验 still equals the stored row's check:
otherwise the row changed in curator after the export, and applying the sheet would
silently undo that. Such rows, and any that cannot be matched, are reported, never guessed.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from curator.export.safe_zip import UnsafeWorkbook, ZipLimits, check_zip
from curator.export.sheets import FACT_SHEETS, ROW_CHECK, ROW_ID, Column, SheetSpec
from curator.export.values import as_number, parse_date


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

def row_check(spec: SheetSpec, row: Mapping[str, Any]) -> str:
    """A short digest of a stored row's editable values (as the sheet would show them)."""
    values = [_canonical(column, row.get(column.key)) for column in spec.columns if column.editable]
    text = json.dumps(values, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def _canonical(column: Column, value: Any) -> Any:
    if column.kind == "number":
        return None if value is None or value == "" else as_number(value)
    if column.kind == "date":
        day = parse_date(value)
        return day.isoformat() if day else (value or "")
    return "" if value is None else value


# -- reading the workbook ---------------------------------------------------------------------

class _NoValue:
    """A formula cell saved without its result (e.g. written by a script, never opened in Excel)."""

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE = _NoValue()


def read_returned(path: str | Path, *, limits: ZipLimits = ZipLimits()) -> dict[str, list[SheetRow]]:
    """Rows of the 举措 and 数据 sheets of a returned workbook: cell values, never formulas.

    A formula's saved result is read as the value; a formula without one is NO_VALUE (refused later).
    """
    check_zip(path, limits)
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        formulas = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UnsafeWorkbook(f"{Path(path).name}: not a readable workbook ({exc})") from None
    try:
        found = {
            spec.title: list(_sheet_rows(values[spec.title], formulas[spec.title], spec))
            for spec in FACT_SHEETS if spec.title in values.sheetnames
        }
    finally:
        values.close()
        formulas.close()
    if not found:
        raise UnsafeWorkbook(f"{Path(path).name} has neither a 举措 nor a 数据 sheet; is it a curator export?")
    return found


def _sheet_rows(ws: Any, ws_formulas: Any, spec: SheetSpec) -> Iterator[SheetRow]:
    rows = zip(ws.iter_rows(), ws_formulas.iter_rows())
    header, _ = next(rows, ((), ()))
    by_header = {column.header: column for column in spec.columns}
    positions = {}
    for index, cell in enumerate(header):
        name = str(cell.value).strip() if cell.value is not None else ""
        if name in by_header:
            positions[by_header[name].key] = index
    if ROW_ID.key not in positions:
        raise UnsafeWorkbook(f"sheet {spec.title} has no {ROW_ID.header} column; corrections need it to find each row")
    for number, (cells, formula_cells) in enumerate(rows, start=2):
        values = {}
        for key, index in positions.items():
            cell = cells[index] if index < len(cells) else None
            formula = formula_cells[index] if index < len(formula_cells) else None
            values[key] = _cell_value(cell, formula)
        if any(value not in (None, "") for value in values.values()):
            yield SheetRow(spec.title, number, values)


def percent_format(fmt: str) -> bool:
    """Whether a number format scales by 100: a % neither quoted ("%") nor escaped (\\%, as LibreOffice saves)."""
    quoted = escaped = False
    for ch in fmt:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "%" and not quoted:
            return True
    return False


def _cell_value(cell: Any, formula: Any) -> Any:
    if cell is None:
        return None
    value = cell.value
    if value is None and getattr(formula, "data_type", None) == "f":
        return NO_VALUE
    fmt = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and percent_format(fmt):
        # Typing "98%" turns the cell into 0.98 with Excel's own percent format; the official meant 98.
        return value * 100
    return value


# -- comparing with the store -----------------------------------------------------------------

def row_id_of(row: SheetRow) -> int | None:
    value = row.values.get(ROW_ID.key)
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def duplicate_ids(rows: list[SheetRow]) -> set[int]:
    counts = Counter(row_id_of(row) for row in rows)
    return {row_id for row_id, n in counts.items() if row_id is not None and n > 1}


def diff_row(spec: SheetSpec, row: SheetRow, stored: Mapping[str, Any]) -> tuple[list[CellChange], Unmatched | None]:
    """The cell changes that turn stored into what the sheet row says, or why the row is refused."""
    check = row.values.get(ROW_CHECK.key)
    if check in (None, ""):
        return [], Unmatched(spec.title, row.number, f"the {ROW_CHECK.header} cell is empty; the row cannot be trusted")
    changes = []
    for column in spec.columns:
        if not column.editable or column.key not in row.values:
            continue
        if row.values[column.key] is NO_VALUE:
            return [], Unmatched(spec.title, row.number, f"{column.header}: a formula without a saved result; type the value")
        try:
            new = _parse(column, row.values[column.key])
        except ValueError as exc:
            return [], Unmatched(spec.title, row.number, f"{column.header}: {exc}")
        old = stored.get(column.key)
        if not _same(column, old, new):
            changes.append(CellChange(spec.table, int(stored["id"]), column.key, column.header, old, new, spec.title, row.number))
    if changes and str(check).strip() != row_check(spec, stored):
        # Changed in curator since the export: the sheet's untouched cells would undo that. (A row
        # whose cells all equal the store, e.g. corrections already applied, has nothing to do.)
        return [], Unmatched(spec.title, row.number,
                             "this row was changed in curator after the workbook was exported; export again and redo it there")
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
        return math.isclose(float(old), float(new), rel_tol=1e-12, abs_tol=1e-12)
    if column.kind == "date":
        old_day, new_day = parse_date(old), parse_date(new)
        if old_day and new_day:
            return old_day == new_day
    return str(old or "").strip() == str(new or "").strip()
