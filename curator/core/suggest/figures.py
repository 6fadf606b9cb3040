"""Figure suggestions: quantities with a unit, minus dates, ordinals, codes and names.

A figure needs a unit or measure word (so hotlines such as 12345 and bare years never
qualify). Skipped on purpose: numbers after 第 (ordinals), numbers glued to Latin letters
or +/# (codes such as A2O, 1+8+N), numbers inside a short quoted name or a 《》 title
(“15分钟文化圈”, “六个一”), ranges (30%—50%, 3至5人: no single value), and single
Chinese digits that are articles or slogans rather than counts (一场, 一批, 两个维护, 三大工程).
"""

from __future__ import annotations

import re

from curator.core.quantity import QUANTITY_RE, Quantity, quantity_from_match
from curator.core.suggest import Suggestion
from curator.core.suggest.indicators import propose_indicator
from curator.core.suggest.lexicon import frequency
from curator.core.suggest.quotes import Regions, find_quotes, find_titles

__all__ = ["suggest_figures", "propose_indicator"]

_SPACE = " \t\u3000\xa0\n"
_RANGE_MARKS = "-—–~～至到"
_NUMBER_CHARS = "0123456789０１２３４５６７８９%％零〇一二两三四五六七八九十百千万亿"
_CODE_NEIGHBOURS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ+＋#＃/_@]")
# ages (两岁小女孩, 60岁以上) are descriptions, not results; 15床 is a bed number
_NOT_FIGURE_UNITS = frozenset({"岁", "床"})
_RANK_UNITS = frozenset({"名", "位", "强"})  # 前三名, 前10位: a rank
_STREET_AFTER = re.compile(r"[ \t]*(?:胡同|巷|弄|号院|号楼|里(?![程面]))")  # 北三条胡同: part of a street name
# Single Chinese digits count things only before these measure words; 一 never does.
_CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_CN_SINGLE_UNITS = frozenset({
    "项", "名", "人", "支", "家", "件", "次", "场次", "条", "处", "座", "所", "户", "册",
    "吨", "万元", "元", "批次", "位", "篇", "部",
})


def suggest_figures(text: str) -> list[Suggestion]:
    quoted = Regions(
        [(q.start, q.end) for q in find_quotes(text) if q.is_name]
        + [(t.start, t.end) for t in find_titles(text)]
    )
    found: list[Suggestion] = []
    prev_end = 0
    for m in QUANTITY_RE.finditer(text):
        if not m["unit"] and not m["pct"]:
            continue
        if not _is_figure(text, m, quoted):
            continue
        quantity = quantity_from_match(m)
        if quantity is None:
            continue
        start, end = m.span()
        if m["cmp"] == "约" and _ends_a_word(text, start + 1):
            start = m.start("pct") if m["pct"] else m.start("num")  # 村规民约82份: 约 ends a word
            quantity = Quantity(quantity.value, quantity.unit, m["a1"] or m["a2"] or m["around"] or "")
        found.append(Suggestion(
            "figure", start, end, text[start:end],
            {
                "value": quantity.value,
                "unit": quantity.unit,
                "qualifier": quantity.qualifier,
                "indicator": propose_indicator(text, start, end, prev_end=prev_end),
                "score": 0.85 if m["num"][0] in _CN_NUMERALS else 0.95,
            },
        ))
        prev_end = end
    return found


def _ends_a_word(text: str, end: int) -> bool:
    """约 closing a word (村规民约, 公约) is no "about"; 大约 still is."""
    return any(frequency(text[end - n:end]) for n in (2, 3, 4) if end - n >= 0 and text[end - n:end] != "大约")


def _char_before(text: str, pos: int) -> str:
    while pos > 0 and text[pos - 1] in _SPACE:
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _is_figure(text: str, m: re.Match[str], quoted: Regions) -> bool:
    num = m["num"]
    num_start, num_end = m.span("num")
    if m["unit"] in _NOT_FIGURE_UNITS:
        return False
    if quoted.contains(num_start):
        return False
    before = _char_before(text, m.start())
    if before in ("第", "每") or _CODE_NEIGHBOURS.match(before or " "):
        return False  # ordinals, per-capita bases (每万人口, 每10万人)
    if before in "前后" and before and m["unit"] in _RANK_UNITS:
        return False
    if _STREET_AFTER.match(text, m.end()) or (before and before in "东西南北" and num[0] in _CN_NUMERALS):
        return False
    if num_end < len(text) and _CODE_NEIGHBOURS.match(text[num_end]):
        return False
    if num[0] == "0" and len(num) > 1 and num[1] not in ".．":
        return False  # area codes, phone numbers
    if before and before in _RANGE_MARKS and _is_number_char(_char_before(text, text.rindex(before, 0, m.start()))):
        return False
    mark = _skip_spaces(text, m.end())
    if mark < len(text) and text[mark] in _RANGE_MARKS:
        other = _skip_spaces(text, mark + 1)
        if _is_number_char(text[other:other + 1]):
            return False  # 30%—50%, 30% — 50%: the first end of a range
    if num[0] in "零〇一二两三四五六七八九十百千万亿":
        return _is_chinese_count(m)
    return True


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos


def _is_number_char(ch: str) -> bool:
    return bool(ch) and ch in _NUMBER_CHARS  # "" (the text's start) is in every string


def _is_chinese_count(m: re.Match[str]) -> bool:
    num = m["num"]
    approx = m["a1"] or m["a2"]
    if len(num) > 1 or approx:
        return True
    if num in "十百千万亿" and m["cmp"]:
        return True  # 超万名, 近千次
    if num in "十百千万亿零〇一":
        return False  # 千家万户, 万人空巷, 一场, 十分
    return (m["unit"] or "") in _CN_SINGLE_UNITS
