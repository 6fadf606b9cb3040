"""Initiative names (quoted names next to 活动/行动/工程…, named works) and document titles (《…》).

Spans: an initiative is the text inside the quote marks, without them and without the
活动/行动 word outside the quotes; when a descriptive phrase stands between the quote and the
trigger word, the full name is the span, quote marks included (“XX”文明交通倡导活动). A
document is the text inside 《》, without the brackets. OCR line breaks stay inside the span.

A quoted name is an initiative when
- it ends with a trigger word itself (“光盘行动”, “四汇为民服务工作法”);
- it, or the list of quotes it belongs to (“A”“B”、“C”等, “A”行动、“B”项目建设、“C”), is followed
  by a trigger word, at most a short modifier between (“双报到”活动, …等系列文明实践活动, …三大工程);
- a launching or campaigning verb stands right before it (开展“预约办”, 宣传“公筷公勺”);
- it is a campaign's theme (以“志愿洛阳·文明西工”为主题);
- it is the same name as one of the above elsewhere in the text.
Never: adjectives (“定制式”), names of generic places or objects (“口袋公园”), quotes for emphasis.
Unquoted works and programmes are initiatives when they end in a works word (龙溪港综合治理,
老旧小区改造提升工程, 圣城街示范街建设, 海绵化改造项目建设, …专项整治行动).
"""

from __future__ import annotations

import re

from curator.core.suggest import Suggestion
from curator.core.suggest.quotes import Quote, Regions, find_quotes, find_titles
from curator.core.suggest.squeeze import squeeze

__all__ = ["suggest_initiatives", "suggest_docs"]

_ACTIVITY = ("专项行动", "活动", "行动", "工程", "项目", "计划", "评选", "竞赛", "大赛", "运动", "攻坚战")
_TRIGGERS = (*_ACTIVITY, "工作方法", "工作法", "品牌", "志愿服务", "实践")
_TRIGGER = "|".join(sorted(_TRIGGERS, key=len, reverse=True))
_OWN_TRIGGER = re.compile(r"(?:行动|活动|工程|工作法|攻坚战|运动|工作室|大讲堂)$")
_AFTER = re.compile(
    rf"\s*(?P<deng>等)?\s*(?:[一二三四五六七八九十两0-9]+[大项个])?(?P<gap>[\u4e00-\u9fff\s]{{0,8}}?)"
    rf"(?P<trigger>(?:{_TRIGGER})(?:\s*(?:活动|行动))?)(?!\s*(?:场所|室|中心|阵地|平台|站|经费|部|师|方案|内容|基地))"
)
_GAP_BREAKERS = re.compile(r"的|推动|推进|为|以|在|把|将|对|让|使|通过|形成|构建|成为|是|和|与|打通|促")
_GENERIC_GAP = re.compile(r"系列|主题|文明实践|实践|专项|志愿服务|志愿|品牌|重点|建设|创建|共建|一批|等")
_SPACES = re.compile(r"\s+")
_MAX_CUED = 12  # a name cued only by the verb before it is short; longer quotes are methods or slogans
_BEFORE = re.compile(rf"(?:{_TRIGGER}|开展|实施|推行|启动|举办|推出|深化|宣传|倡导|推动|践行|推广|实行|发起)[\s：:]*$")
_THEME = re.compile(r"\s*为\s*主题")
_LIST_JOINER = re.compile(rf"\s*(?:(?:{_TRIGGER})(?:建设)?)?[\s、和及与]*")
_ADJECTIVE = re.compile(r"式$")
_OBJECT = re.compile(r"(?:公园|空间|小巷|小区|广场|街道|社区|家园|大院)$")
_WORKS = re.compile(r"综合治理|综合整治|改造提升工程|提升改造工程|改造工程|提升工程|改造项目(?:建设)?|示范街建设|专项整治行动|整治行动|专项行动|示范工程")
_WORKS_BREAK = re.compile(
    r".*(?:[，。；：！？、“”‘’《》（）()「」…·,.;:!?0-9０-９]|推进|实施|启动|开展|推动|完成|加快|抓好|做好|开工|建成|的|和|与|及|等|在|对|将|把|是|为|个|项)",
    re.S,
)
_GENERIC_WORKS = re.compile(r"^(?:各类|各项|全面|重点|相关|城乡|城市|全市|全区|全县|该|这些|一批|集中|统筹|深入)+$")
_MAX_WORKS_NAME = 16


def suggest_initiatives(text: str) -> list[Suggestion]:
    titles = Regions([(t.start, t.end) for t in find_titles(text)])
    quotes = [q for q in find_quotes(text) if q.is_name and not titles.contains(q.start)]
    found: dict[tuple[int, int], float] = {}
    names: set[str] = set()
    for group in _quote_lists(text, quotes):
        after = [_trigger_after(text, q) for q in group]
        listed = any(a is not None and not _full_name(a) for a in after)
        for i, quote in enumerate(group):
            name = _SPACES.sub("", quote.text)
            if _ADJECTIVE.search(name) or len(name) < 2:
                continue
            if after[i] is not None and _full_name(after[i]):
                if _SPACES.sub("", after[i]["trigger"]).endswith(_ACTIVITY):
                    found[(quote.start - 1, after[i].end())] = 0.85
                continue
            preceded = _BEFORE.search(text, max(0, quote.start - 9), quote.start - 1) is not None
            if listed or _OWN_TRIGGER.search(name):
                found[(quote.start, quote.end)] = 0.9
            elif i == 0 and preceded and len(name) <= _MAX_CUED and not _OBJECT.search(name):
                found[(quote.start, quote.end)] = 0.75
            elif len(group) == 1 and _THEME.match(text, quote.end + 1) and text[max(0, quote.start - 2):quote.start - 1] == "以":
                found[(quote.start, quote.end)] = 0.7  # 以“…”为主题 names the campaign
            else:
                continue
            names.add(quote.text)
    taken = Regions(list(found))
    for quote in quotes:  # the same name quoted elsewhere
        if quote.text in names and not _OBJECT.search(quote.text) and not taken.contains(quote.start):
            found[(quote.start, quote.end)] = 0.7
    taken = Regions(list(found))
    for span in _works(text, titles):
        if not taken.contains(span[0]) and not taken.contains(span[1] - 1):
            found[span] = 0.8
    return [Suggestion("initiative", s, e, text[s:e], {"score": score}) for (s, e), score in sorted(found.items())]


def suggest_docs(text: str) -> list[Suggestion]:
    return [Suggestion("doc", t.start, t.end, t.text, {"score": 0.95}) for t in find_titles(text)]


def _quote_lists(text: str, quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes that follow one another joined by 、/和/及/与, nothing, or their own trigger: “A”“B”、“C”."""
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


def _trigger_after(text: str, quote: Quote) -> re.Match[str] | None:
    m = _AFTER.match(text, quote.end + 1)
    if m is None or _GAP_BREAKERS.search(m["gap"]):
        return None
    return m


def _full_name(m: re.Match[str]) -> bool:
    """A descriptive phrase between quote and trigger (文明交通倡导) makes it part of the name."""
    return not m["deng"] and len(_GENERIC_GAP.sub("", _SPACES.sub("", m["gap"]))) >= 2


def _works(text: str, titles: Regions) -> list[tuple[int, int]]:
    sq = squeeze(text)
    spans = []
    for m in _WORKS.finditer(sq.text):
        start, end = m.span()
        window = sq.text[max(0, start - _MAX_WORKS_NAME):start]
        cut = _WORKS_BREAK.match(window)
        name = window[cut.end():] if cut else window
        if len(name) < 2 or _GENERIC_WORKS.match(name):  # also a quote right before: the quote is the name
            continue
        span = sq.span(start - len(name), end)
        if not titles.contains(span[0]):
            spans.append(span)
    return spans
