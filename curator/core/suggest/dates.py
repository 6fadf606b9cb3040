"""Date suggestions: days, months, years and named periods (2023年7月29日, 8月初, 上世纪六十年代).

A date is a calendar point or period a reader can place: 2023年, 2023年7月, 7月29日, 8月初,
去年3月 (a relative year with a month), 上世纪六十年代. Not dates: 今年以来, 近年来, 去年 on its
own (relative only), durations (3年), ranges (2021—2023年), numbers glued to longer digit runs
(20202020年), and dates inside a 《》 title (part of the document's name).
"""

from __future__ import annotations

import re

from curator.core.suggest import Suggestion
from curator.core.suggest.quotes import Regions, find_titles

__all__ = ["suggest_dates"]

_S = r"[ \t\u3000\xa0]*(?:\n[ \t\u3000\xa0]*){0,2}"  # OCR whitespace, as in figures
_YEAR = rf"(?<![0-9０-９])(?:19|20)[0-9]{{2}}{_S}年|[〇零一二三四五六七八九]{{4}}{_S}年"
_MONTH = rf"(?<![0-9０-９.])(?:1[0-2]|0?[1-9]){_S}月"
_DAY = rf"(?<![0-9０-９.])(?:3[01]|[12][0-9]|0?[1-9]){_S}[日号]"
_PART = r"(?:初|中旬|上旬|下旬|底|末|中)"
_YEAR_PART = r"(?:初|底|末|上半年|下半年|年初|年底)"
_RELATIVE = r"(?:今年|去年|前年|明年|当年)"
DATE_RE = re.compile(
    r"(?=[0-9〇零一二三四五六七八九今去前明当上本世])"  # where a date can start: lets the engine skip ahead
    rf"(?:(?P<full>(?:{_YEAR})(?:{_S}(?:{_MONTH}(?:{_S}{_DAY}|{_PART})?|{_YEAR_PART}))?)"
    rf"|(?P<rel>{_RELATIVE}{_S}{_MONTH}(?:{_S}{_DAY}|{_PART})?)"
    rf"|(?P<md>{_MONTH}(?:{_S}{_DAY}|{_PART})?)"
    rf"|(?P<era>(?:上|本)?世纪[一二三四五六七八九十]+十?年代|[一二三四五六七八九]十年代))"
)
_RANGE_BEFORE = re.compile(r"[0-9０-９年月日][ \t]*[—\-–~～至到][ \t]*$")  # 2021—2023年, not 截至6月
_RANGE_AFTER = re.compile(r"[ \t]*[—\-–~～至到][ \t]*[0-9０-９]")
_SCORES = {"full": 0.95, "rel": 0.85, "md": 0.9, "era": 0.85}


def suggest_dates(text: str) -> list[Suggestion]:
    titles = Regions([(t.start, t.end) for t in find_titles(text)])
    found = []
    for m in DATE_RE.finditer(text):
        start, end = m.span()
        kind = m.lastgroup or "full"
        if titles.contains(start) or _is_range(text, start, end):
            continue
        if kind == "md" and not _is_month_date(text, m):
            continue
        found.append(Suggestion("date", start, end, text[start:end], {"score": _SCORES[kind]}))
    return found


def _is_range(text: str, start: int, end: int) -> bool:
    return bool(_RANGE_BEFORE.search(text, max(0, start - 4), start)) or bool(_RANGE_AFTER.match(text, end))


def _is_month_date(text: str, m: re.Match[str]) -> bool:
    """A month or day not counted or ranked: 第3月, 每月1日 and 3个月 (no match) are not dates."""
    before = text[m.start() - 1] if m.start() else ""
    return not before or (before not in "第每" and not before.isdigit())
