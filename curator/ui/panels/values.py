"""How fact cells read and parse: pure functions, no Qt."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

UNIT_CHOICES: tuple[str, ...] = (
    "人", "人次", "名", "位", "户", "家", "个", "支", "所", "项", "次", "场", "件", "批",
    "元", "万元", "亿元", "%", "个百分点", "吨", "公斤", "公里", "平方米", "亩", "天", "小时",
)
QUALIFIER_CHOICES: tuple[str, ...] = ("", "超", "超过", "逾", "余", "多", "近", "约", "左右")


class InvalidValue(ValueError):
    """Text that is not a number (args[0] is the text as typed)."""


def format_value(value: Any) -> str:
    """30000.0 -> "30,000"; 1.6 -> "1.6"; None -> ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number):,}"
    return f"{number:,}"


def edit_text(value: Any) -> str:
    """The value as the editor shows it: no thousands separators, no trailing .0."""
    if value is None or value == "":
        return ""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def parse_value(text: str) -> float | None:
    """A number typed by the annotator, read as the suggester reads figures; "" clears the value.

    "30,000", "１.６", " 97 ", "30万", "1.2亿", "3.5万", "三千" are numbers; a unit or qualifier typed
    with it ("超30万人") is read past, and only the value is kept (the unit has its own column).
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not cleaned:
        return None
    try:
        number = float(cleaned.replace(",", ""))
    except ValueError:
        number = _quantity_value(cleaned)
    if number is None or math.isnan(number) or math.isinf(number):
        raise InvalidValue(text.strip())
    return number


def _quantity_value(text: str) -> float | None:
    """The value of text if the whole of it is one quantity (30万, 1.2亿人, 超3万), else None."""
    from curator.core.quantity import QUANTITY_RE, quantity_from_match

    match = QUANTITY_RE.fullmatch(text)
    quantity = quantity_from_match(match) if match else None
    return quantity.value if quantity else None
