"""CSV for the fact tables: UTF-8 with a BOM (so Excel reads Chinese), formula-like text defused."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.export.files import atomic_outputs
from curator.export.sheets import SheetSpec
from curator.export.values import as_number, csv_text, parse_date


@dataclass
class CsvTable:
    path: Path
    spec: SheetSpec
    rows: Iterable[Mapping[str, Any]]


def write_csv(path: str | Path, spec: SheetSpec, rows: Iterable[Mapping[str, Any]], *, overwrite: bool = False) -> int:
    """One table as CSV; return the number of rows."""
    return write_csv_tables([CsvTable(Path(path), spec, rows)], overwrite=overwrite)[0]


def write_csv_tables(tables: Sequence[CsvTable], *, overwrite: bool = False) -> list[int]:
    """Several tables, all written before any is renamed into place (a killed export leaves all old or all new).

    The sheet's columns as CSV: the row id shown; the check and the key (Excel would read 3-12 as a date) left out.
    """
    counts = []
    with atomic_outputs([table.path for table in tables], overwrite=overwrite) as temps:
        for table, temp in zip(tables, temps):
            counts.append(_write(temp, table.spec, table.rows))
    return counts


def _write(temp: Path, spec: SheetSpec, rows: Iterable[Mapping[str, Any]]) -> int:
    columns = [column for column in spec.columns if column.key not in ("check", "key")]
    count = 0
    with temp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([column.header for column in columns])
        for row in rows:
            writer.writerow([_field(column.kind, row.get(column.key)) for column in columns])
            count += 1
    return count


def _field(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind == "number" and not isinstance(value, str):
        return as_number(value)
    if kind == "date":
        day = parse_date(value)
        if day:
            return day.isoformat()
    return csv_text(value)
