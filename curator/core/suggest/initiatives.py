"""Initiative names (quoted names next to 活动/行动/工程…) and document titles (《…》).

Spans: an initiative is the text inside the quote marks, without them and without the
活动/行动 word outside the quotes; a document is the text inside 《》, without the
brackets. OCR line breaks inside a quote or title stay inside the span.

A quoted name is an initiative when
- it ends with a trigger word itself (“光盘行动”, “四汇为民服务工作法”);
- it, or the list of quotes it belongs to (“A”“B”、“C”等), is followed by a short
  modifier and a trigger word (“双报到”活动, “A”“B”等系列文明实践活动, …三大工程);
- it is preceded by a trigger word or a launching verb (开展“预约办”).
Quotes for emphasis (“志愿红”, “颜值”) have none of these and are not suggested.
"""

from __future__ import annotations

import re

from curator.core.suggest import Suggestion
from curator.core.suggest.quotes import Quote, Regions, find_quotes, find_titles

__all__ = ["suggest_initiatives", "suggest_docs"]

_TRIGGERS = (
    "专项行动", "工作方法", "工作法", "攻坚战", "活动", "行动", "工程", "品牌", "计划", "项目", "机制",
    "模式", "制度", "运动", "志愿服务",
)
_TRIGGER = "|".join(_TRIGGERS)
# Inside the quotes only the unmistakable ones count: “金枫制度” is wordplay, “光盘行动” is not.
_OWN_TRIGGER = re.compile(r"(?:行动|活动|工程|工作法|攻坚战|运动|工作室|大讲堂)$")
# What may stand between a quote list and its trigger word: 等, 系列, 三大, 志愿服务…
_AFTER = re.compile(
    rf"\s*(?:等)?\s*(?:[一二三四五六七八九十两0-9]+[大项个])?(?P<gap>[\u4e00-\u9fff]{{0,6}}?)(?:{_TRIGGER})"
)
_GAP_BREAKERS = re.compile(r"的|推动|推进|为|以|在|把|将|对|让|使|通过|形成|构建|提升|成为|是|和|与")
_BEFORE = re.compile(rf"(?:{_TRIGGER}|开展|实施|推行|启动|举办|推出|深化)[\s：:]*$")
_LIST_JOINER = re.compile(r"[\s、和及与]*")


def suggest_initiatives(text: str) -> list[Suggestion]:
    titles = Regions([(t.start, t.end) for t in find_titles(text)])
    quotes = [q for q in find_quotes(text) if q.is_name and not titles.contains(q.start)]
    found: list[Suggestion] = []
    for group in _quote_lists(text, quotes):
        followed = _followed_by_trigger(text, group[-1])
        for i, quote in enumerate(group):
            preceded = _BEFORE.search(text, max(0, quote.start - 9), quote.start - 1) is not None
            if followed or _OWN_TRIGGER.search(quote.text) or (i == 0 and preceded):
                found.append(Suggestion("initiative", quote.start, quote.end, quote.text, {}))
    return found


def suggest_docs(text: str) -> list[Suggestion]:
    return [Suggestion("doc", t.start, t.end, t.text, {}) for t in find_titles(text)]


def _quote_lists(text: str, quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes that follow one another joined only by 、/和/及/与 or nothing: “A”“B”、“C”."""
    groups: list[list[Quote]] = []
    for quote in quotes:
        if groups:
            last = groups[-1][-1]
            between = text[last.end + 1:quote.start - 1]
            if _LIST_JOINER.fullmatch(between):
                groups[-1].append(quote)
                continue
        groups.append([quote])
    return groups


def _followed_by_trigger(text: str, quote: Quote) -> bool:
    m = _AFTER.match(text, quote.end + 1)
    return m is not None and not _GAP_BREAKERS.search(m["gap"])
