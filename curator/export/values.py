"""Cell values for spreadsheets: formula-injection guards, dates, number formats."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

# A cell starting with one of these can be read as a formula by Excel, LibreOffice or a CSV import.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PERCENT_UNITS = frozenset({"%", "％"})

NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#"
# The cell keeps the number as written (97 stays 97) and shows a literal % after it, so an
# official who types 98 over it means 98%, not 9800%.
PERCENT_FORMAT = '0"%"'
PERCENT_DECIMAL_FORMAT = '0.0#"%"'
DATE_FORMAT = 'yyyy"年"m"月"d"日"'

MAX_CELL_CHARS = 32767  # Excel's limit for one cell
TRUNCATED = "…（截断）"  # ends a text cut to fit one cell, so no reader takes it for the whole text
# Characters XML 1.0 cannot carry (as openpyxl refuses them).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")


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


def formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def cell_text(value: str) -> str:
    """A text as a cell holds it: only characters XML can carry, cut with a visible mark past 32,767."""
    if not value.isprintable():
        value = _ILLEGAL.sub("", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - len(TRUNCATED)] + TRUNCATED
    return value


def csv_text(value: Any) -> Any:
    """OWASP CSV injection: a text field that could start a formula gets a leading '."""
    return "'" + value if formula_like(value) else value


def parse_date(value: Any) -> date | None:
    """'2021-08-03', '2021/8/3', '2021年8月3日', '2021-08-03T10:00' -> a date; anything else -> None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    found = _DATE.match(value)
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def number_format(value: float, unit: str = "") -> str:
    integral = float(value).is_integer()
    if unit in PERCENT_UNITS:
        return PERCENT_FORMAT if integral else PERCENT_DECIMAL_FORMAT
    return NUMBER_FORMAT if integral else DECIMAL_FORMAT


def as_number(value: Any) -> int | float | None:
    """A stored figure value as the number a cell should hold (30000.0 -> 30000)."""
    if value is None or value == "":
        return None
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number
