"""Quantities written in Chinese news text: "超3万人", "25000 余名", "三千余人", "１.６万次", "97%".

One grammar serves both the annotator's selection (`parse_quantity`) and the figure
suggester (`curator.core.suggest.figures`), so a suggested span always parses back to the
value it was suggested with.

A figure reads: optional comparator (超过, 超, 逾, 近, 约), the number (ASCII or full-width
digits, or Chinese numerals converted by cn2an), approximators (余, 多) before or after a
multiplier (十, 百, 千, 万, 亿), the unit or measure word, and an optional trailing 左右.
OCR-like whitespace, up to two line breaks, may stand between the parts; the parsed unit
never contains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = ["Quantity", "parse_quantity", "QUANTITY_RE", "UNITS", "quantity_from_match"]


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    qualifier: str


# Longest first, so that 人次 wins over 人 and 条次 over 条.
UNITS: tuple[str, ...] = tuple(sorted({
    "人次", "人", "名", "位", "户次", "户", "家", "个百分点", "个月", "个小时", "个", "支", "所",
    "座", "处", "条次", "条", "项", "件次", "件", "次", "场次", "场", "批次", "批", "期", "册",
    "本", "份", "张", "块", "面", "封", "台", "辆次", "辆", "艘", "架次", "架", "棵", "株", "盆",
    "吨", "公斤", "千克", "克", "斤", "千米", "公里", "平方公里", "平方米", "平米", "立方米",
    "米", "亩", "公顷", "元", "美元", "小时", "分钟", "天", "周", "间", "套", "栋", "幢", "层",
    "盏", "根", "组", "队", "类", "种", "篇次", "篇", "部", "幅", "首", "门", "站", "倍", "岁",
    "课时", "学时", "车次", "床", "%", "％", "‰", "㎡", "余次", "大类", "大项", "起", "步", "字", "宗", "例", "趟",
    "只", "头",
}, key=lambda u: (-len(u), u)))

_SP = r"[ \t\u3000\xa0]*(?:\n[ \t\u3000\xa0]*){0,2}"  # OCR whitespace, at most two line breaks
# A number may follow an ASCII full stop used as a sentence end (58个.320名), not a decimal point.
_ARABIC = r"(?<![0-9０-９])(?<![0-9０-９][.．])[0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９])"
_ARABIC_GROUPED = r"(?<![0-9０-９.．,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN = rf"(?<![{_CN_CHARS}])[{_CN_CHARS}]+"
_COMPARATORS = ("超过", "超", "逾", "近", "约")

# 最近/附近 are not "nearly"; 节约/制约/预约… are not "about".
_CMP = r"(?P<cmp>超过|超|逾|(?<![最附])近|(?<![节制预签契邀相特])约)"

QUANTITY_RE = re.compile(
    # a charset lookahead first lets the regex engine skip to where a figure can start (6x faster)
    rf"(?=[超逾近约百0-9０-９{_CN_CHARS}])"
    rf"(?:{_CMP}{_SP})?"
    rf"(?P<pct>百分之)?"
    rf"(?P<num>{_ARABIC_GROUPED}|{_ARABIC}|{_CN})"
    rf"(?:{_SP}(?P<a1>余|多))?"
    rf"(?:{_SP}(?P<mult>[十百千万亿]{{1,2}}))?"
    rf"(?:{_SP}(?P<a2>余|多))?"
    rf"(?:{_SP}(?P<unit>{'|'.join(map(re.escape, UNITS))})(?<!周(?=年))(?P<also>[（(]次[)）])?)?"
    rf"(?:{_SP}(?P<around>左右|以上))?"
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_CN_DIGITS_ONLY = re.compile(r"[零〇一二两三四五六七八九]+")
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


@lru_cache(maxsize=4096)
def cn_number(numeral: str) -> Decimal | None:
    """Value of a Chinese numeral such as 三千, 百, 二十一, 两万; None for digit strings like 五一."""
    if _CN_DIGITS_ONLY.fullmatch(numeral) and len(numeral) > 1:
        return None  # 五一, 三三两两, 二〇二三: names, idioms or years, not amounts
    if numeral[0] in "百千万亿":
        numeral = "一" + numeral
    import cn2an  # lazily: its import costs ~0.1 s

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value))


def _arabic_number(text: str) -> Decimal | None:
    try:
        return Decimal(text.translate(_FULLWIDTH).replace(",", ""))
    except InvalidOperation:
        return None


def number_value(numeral: str) -> Decimal | None:
    if numeral[0] in _CN_CHARS:
        return cn_number(numeral)
    return _arabic_number(numeral)


def quantity_from_match(m: re.Match[str]) -> Quantity | None:
    """The Quantity a QUANTITY_RE match denotes, or None if its numeral is not a number."""
    value = number_value(m["num"])
    if value is None:
        return None
    mult = m["mult"]
    if mult:
        for ch in mult:
            value *= _MULTIPLIERS[ch]
    unit = (m["unit"] or "").translate(_FULLWIDTH) + (m["also"] or "")  # 300余场（次） keeps its unit
    if m["pct"]:
        unit = unit or "%"
    qualifier = m["cmp"] or m["a1"] or m["a2"] or m["around"] or ""
    if qualifier == "超过":
        qualifier = "超"
    return Quantity(float(value), unit, qualifier)


def parse_quantity(text: str) -> Quantity | None:
    """Parse a figure span's text, e.g. "超3万人" -> Quantity(30000.0, "人", "超").

    Surrounding words are ignored ("注册志愿者超3万人" parses too); the first number that
    converts wins, preferring one followed by a unit. None if there is no number.
    """
    first: Quantity | None = None
    for m in QUANTITY_RE.finditer(text):
        quantity = quantity_from_match(m)
        if quantity is None:
            continue
        if quantity.unit:
            return quantity
        if first is None:
            first = quantity
    return first
