"""CSV for the fact tables: UTF-8 with a BOM (so Excel reads Chinese), formula-like text defused."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from curator.export.files import atomic_output
from curator.export.sheets import SheetSpec
from curator.export.values import as_number, csv_text, parse_date


def write_csv(path: str | Path, spec: SheetSpec, rows: Iterable[Mapping[str, Any]], *, overwrite: bool = False) -> int:
    """The sheet's columns (the row id shown; the check and the key, which Excel would read as a date, left out)."""
    columns = [column for column in spec.columns if column.key not in ("check", "key")]
    count = 0
    with atomic_output(path, overwrite=overwrite) as temp:
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
