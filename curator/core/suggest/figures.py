"""Figure suggestions: quantities with a unit, minus dates, ordinals, codes and names.

A figure needs a unit or measure word (so hotlines such as 12345 and bare years never
qualify). Skipped on purpose: numbers after 第 (ordinals), numbers glued to Latin letters
or +/# (codes such as A2O, 1+8+N), numbers inside a short quoted name or a 《》 title
(“15分钟文化圈”, “六个一”), ranges (30%—50%, 3至5人: no single value), and single
Chinese digits that are articles or slogans rather than counts (一场, 一批, 两个维护, 三大工程).
"""

from __future__ import annotations

import re

from curator.core.quantity import QUANTITY_RE, quantity_from_match
from curator.core.suggest import Suggestion
from curator.core.suggest.quotes import Regions, find_quotes, find_titles

__all__ = ["suggest_figures", "propose_indicator"]

_SPACE = " \t\u3000\xa0\n"
_RANGE_MARKS = "-—–~～至到"
_NUMBER_CHARS = "0123456789０１２３４５６７８９%％零〇一二两三四五六七八九十百千万亿"
_CODE_NEIGHBOURS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ+＋#＃/_@]")
_NOT_FIGURE_UNITS = frozenset({"岁"})  # ages (两岁小女孩, 60岁以上) are descriptions, not results
# Single Chinese digits count things only before these measure words; 一 never does.
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
        found.append(Suggestion(
            "figure", start, end, text[start:end],
            {
                "value": quantity.value,
                "unit": quantity.unit,
                "qualifier": quantity.qualifier,
                "indicator": propose_indicator(text, start, end, prev_end=prev_end),
            },
        ))
        prev_end = end
    return found


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
    if before == "第" or _CODE_NEIGHBOURS.match(before or " "):
        return False
    if num_end < len(text) and _CODE_NEIGHBOURS.match(text[num_end]):
        return False
    if num[0] == "0" and len(num) > 1 and num[1] not in ".．":
        return False  # area codes, phone numbers
    if before and before in _RANGE_MARKS and _char_before(text, text.rindex(before, 0, m.start())) in _NUMBER_CHARS:
        return False
    after = m.end()
    while after < len(text) and text[after] in _SPACE:
        after += 1
    if after + 1 < len(text) and text[after] in _RANGE_MARKS and text[after + 1] in _NUMBER_CHARS:
        return False
    if num[0] in "零〇一二两三四五六七八九十百千万亿":
        return _is_chinese_count(m)
    return True


def _is_chinese_count(m: re.Match[str]) -> bool:
    num = m["num"]
    approx = m["a1"] or m["a2"]
    if len(num) > 1 or approx:
        return True
    if num in "十百千万亿零〇一":
        return False  # 千家万户, 万人空巷, 一场, 十分
    return (m["unit"] or "") in _CN_SINGLE_UNITS


# --- indicator -------------------------------------------------------------------------

_PARENS = re.compile(r"[（(][^（()）]{0,12}[)）]")
_CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:!?、…]")
_WHITESPACE = re.compile(r"\s+")  # OCR breaks lines inside words: 志\n愿服务队
_QUOTE_MARKS = re.compile(r"[“”\"「」『』《》‘’]")
_LEADING = tuple(sorted({
    "截至目前", "截至", "目前", "其中", "全市", "全县", "全区", "全省", "全州", "全镇", "各类", "各级",
    "已", "共有", "共计", "累计", "拥有", "现有", "先后", "共", "有", "达", "达到", "建立", "建成",
    "招募", "开展", "该", "创建", "编发", "印发", "发放", "编印", "高质量", "办好", "此外", "同时", "今年", "去年", "年内", "全年", "新增",
}, key=len, reverse=True))
_TRAILING = tuple(sorted({
    "达", "达到", "已达", "共", "共有", "共计", "累计", "总计", "合计", "为", "有", "约", "超", "近", "逾",
    "超过", "的", "等", "了", "已", "将",
}, key=len, reverse=True))
_FOLLOWING_STOP = re.compile(
    r"[，。；：！？,;:!?、…0-9０-９（(]|对照|纳入|承包|报名|主动|积极|纷纷|作为|同心|成为|开展|参与|常态化|共|获得|获|实行|实施|进行|提供|得到|完成|覆盖|"
    r"投入|受益|具体|以上|以下|左右|分别|均|已|全部|正在|被|在|和|与|及"
)
_ACTION_VERBS = re.compile(
    r"提升改造|改造提升|改造|提升|新建|建设|建成|设置|组建|举办|开展|招募|培训|发放|征订|投入|完成|打造|成立|创建"
)
_DESCRIPTIVE = re.compile(r"[而很更最较]")
_LEADING_VERBS = ("获得", "获", "入选", "参与", "参加")
_MAX_INDICATOR = 10


def propose_indicator(text: str, start: int, end: int, *, prev_end: int = 0) -> str:
    """Words naming what a figure counts: 注册志愿者超3万人 -> 注册志愿者, 5个专项工作组 -> 专项工作组.

    A count followed by its noun (5个专项工作组) is named by that noun; otherwise, and
    always for rates (%), by the clause before the figure, trimmed of verbs and scope words.
    """
    if not text[start:end].endswith(("%", "％", "‰", "百分点")):
        noun = _following_noun(text, end)
        if noun:
            return noun
    window = _WHITESPACE.sub("", text[max(prev_end, start - 40):start])
    clause = _CLAUSE_SPLIT.split(_PARENS.sub("", window))[-1]
    clause = _QUOTE_MARKS.sub("", clause).rpartition("的")[2].rpartition("等")[2]
    clause = _strip_words(clause, _LEADING, _TRAILING)
    verb = None
    for verb in _ACTION_VERBS.finditer(clause):
        pass
    if verb is not None and len(clause) - verb.end() >= 2:
        clause = clause[verb.end():]
    return _strip_words(clause, _LEADING, _TRAILING)[-_MAX_INDICATOR:]


def _following_noun(text: str, end: int) -> str:
    tail = _QUOTE_MARKS.sub("", _WHITESPACE.sub("", text[end:end + 30]))
    for verb in _LEADING_VERBS:
        if tail.startswith(verb):
            tail = tail[len(verb):]
            break
    stop = _FOLLOWING_STOP.search(tail)
    noun = tail[:stop.start()] if stop else tail
    head, of, rest = noun.partition("的")
    if of:  # 19个重点领域的问题 -> 重点领域; 9处小而精致的口袋公园 -> 口袋公园
        noun = head if len(head) >= 3 and not _DESCRIPTIVE.search(head) else rest
    return noun[:_MAX_INDICATOR]


def _strip_words(clause: str, leading: tuple[str, ...], trailing: tuple[str, ...]) -> str:
    changed = True
    while changed and clause:
        changed = False
        for word in leading:
            if clause.startswith(word) and len(clause) > len(word):
                clause = clause[len(word):]
                changed = True
                break
        for word in trailing:
            if clause.endswith(word):
                clause = clause[:-len(word)]
                changed = True
                break
    return clause
