"""The indicator of a figure: the shortest phrase naming what it counts (注册志愿者, 污水处理达标率).

A count followed by its noun (5个专项工作组, 1200名在职党员, 3.5万小时志愿服务) is named by that
noun; otherwise, and always for rates (%), by the clause before the figure, trimmed of leading
verbs, adverbs, places and scope words (我市共有, 实现, 建成, 全市, 各类). A phrase never crosses a
clause boundary (an ASCII full stop used as one included) and is trimmed at jieba's word
edges, never at a fixed length. When neither side names anything (a headline such as
12.5万人参与), the verb after the figure is the indicator.
"""

from __future__ import annotations

import re

from curator.core.suggest.lexicon import fast_cut as cut
from curator.core.suggest.patterns import words_pattern

__all__ = ["propose_indicator"]

_PARENS = re.compile(r"[（(][^（()）]{0,12}[)）]")
_CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:!?、…]|(?<![0-9０-９])\.|\.(?![0-9０-９])")
_WHITESPACE = re.compile(r"\s+")  # OCR breaks lines inside words: 志\n愿服务队
_QUOTE_MARKS = re.compile(r"[“”\"「」『』《》‘’]")
_ORDINAL = re.compile(r"^第[0-9一二三四五六七八九十百]+[届批次期轮]")
_LEADING = tuple(sorted({
    "截至目前", "截至", "目前", "其中", "全市", "全县", "全区", "全省", "全州", "全镇", "全乡", "各类", "各级",
    "已", "共有", "共计", "累计", "拥有", "现有", "先后", "共", "有", "达", "达到", "建立", "建成",
    "招募", "开展", "该", "创建", "编发", "印发", "发放", "编印", "高质量", "办好", "此外", "同时", "今年", "去年",
    "年内", "全年", "新增", "实现", "我市", "我区", "我县", "本市", "全体", "广大", "就", "还", "又", "再", "均", "都",
}, key=len, reverse=True))
_TRAILING = tuple(sorted({
    "达", "达到", "已达", "共", "共有", "共计", "累计", "总计", "合计", "为", "有", "约", "超", "近", "逾",
    "超过", "的", "等", "了", "已", "将", "突破", "达到了", "增至", "增加", "增长", "提高到", "提升至", "保持",
    "就", "已经", "还", "都", "也", "又", "均", "总",
}, key=len, reverse=True))
# Words that end the noun after a count: the predicate starts there.
_FOLLOWING_STOP = frozenset({
    "对照", "纳入", "承包", "报名", "主动", "积极", "纷纷", "作为", "同心", "成为", "开展", "参与", "常态化", "共",
    "获得", "获", "实行", "实施", "进行", "提供", "得到", "完成", "覆盖", "投入", "受益", "具体", "以上", "以下",
    "左右", "分别", "均", "已", "全部", "正在", "被", "在", "和", "与", "及", "到", "让", "使", "向", "为", "将", "把",
    "对", "从", "于", "由", "是", "有", "用于", "带动", "走进", "深入", "奔赴", "前往", "加入", "自发", "定期",
    "参加", "重现", "申报", "共同", "一起", "实现", "达到", "建立", "形成", "惠及", "累计", "先后", "相继", "持续",
    "每年", "每月", "日均", "等", "常态", "常年", "长期", "下沉", "来到", "进入", "投身", "坚守", "活跃", "穿梭",
    "值守", "上岗", "报到", "签约", "入驻", "受理", "办理", "也", "都", "还", "就", "并", "又", "再", "同时", "上", "中", "里", "内", "下",
})
# Verbs a clause before a figure begins with: the indicator starts after the last of them.
_ACTION_VERBS = frozenset({
    "提升改造", "改造提升", "改造", "提升", "新建", "建设", "建成", "设置", "组建", "举办", "开展", "招募", "培训",
    "发放", "征订", "投入", "完成", "打造", "成立", "创建", "实现", "建立", "共有", "拥有", "现有", "带头", "播出",
    "播放", "印发", "刊发", "张贴", "编发", "编印", "评出", "评选出", "查处", "调处", "认领", "修订", "签订",
    "覆盖", "惠及", "累计", "突破", "达到", "设立", "新增", "开设", "开通", "推出", "组织", "培育", "选树",
    "选出", "评选", "劝导", "撰写", "录制", "拍摄", "创作", "制作", "编写", "发布", "推送", "收集", "征集", "捐赠",
    "募集", "筹集", "种植", "栽种", "清运", "回收", "排查", "化解", "救助", "慰问", "走访", "帮扶", "举行",
})
_DESCRIPTIVE = re.compile(r"[而很更最较]")
_LEADING_VERBS = ("获得", "获", "入选", "参与", "参加")
_GENERIC = frozenset({"全国", "全省", "全市", "县", "区", "市", "省", "规模", "总数", "数量", "人数", "总量", "其中", "全年",
                      "累计", "合计", "总计", "共计", "目前", "今年", "去年"})
_MEASURES = frozenset({"规模", "总数", "数量", "人数", "总量"})  # generic alone, fine after a topic: 活动规模
_MAX_CHARS = 12
_WINDOW = 40


def propose_indicator(text: str, start: int, end: int, *, prev_end: int = 0) -> str:
    """Words naming what a figure counts: 注册志愿者超3万人 -> 注册志愿者, 5个专项工作组 -> 专项工作组."""
    is_rate = text[start:end].rstrip("以上下左右").endswith(("%", "％", "‰", "百分点"))
    if not is_rate:
        noun = _following_noun(text, end)
        if noun and noun not in _GENERIC:
            return noun
    before = _clause_before(text, start, prev_end)
    if before and before not in _GENERIC:
        return before
    if before in _MEASURES:
        topic = _topic_before(text, start, prev_end)
        if topic:
            return topic + before
    return _following_verb(text, end) or before


def _tail(text: str, end: int) -> str:
    tail = _QUOTE_MARKS.sub("", _WHITESPACE.sub("", text[end:end + 24]))
    return _CLAUSE_SPLIT.split(tail, maxsplit=1)[0]


def _following_noun(text: str, end: int) -> str:
    tail = _tail(text, end)
    for verb in _LEADING_VERBS:
        if tail.startswith(verb):
            tail = tail[len(verb):]
            break
    words: list[str] = []
    for word in cut(tail):
        if word in _FOLLOWING_STOP or not word[0].isalpha() or word[0] in "（(":
            break
        if word == "的":  # 19个重点领域的问题 -> 重点领域; 9处小而精致的口袋公园 -> 口袋公园
            head = "".join(words)
            if len(head) >= 3 and not _DESCRIPTIVE.search(head):
                break
            words = []
            continue
        words.append(word)
    return _ORDINAL.sub("", _fit(words))


def _following_verb(text: str, end: int) -> str:
    tail = _tail(text, end)
    return next((verb for verb in _LEADING_VERBS if tail.startswith(verb)), "")


def _clause_before(text: str, start: int, prev_end: int) -> str:
    window = _WHITESPACE.sub("", text[max(prev_end, start - _WINDOW):start])
    clause = _CLAUSE_SPLIT.split(_PARENS.sub("", window))[-1]
    clause = _QUOTE_MARKS.sub("", clause).rpartition("的")[2].rpartition("等")[2]
    clause = _strip_words(clause)
    words = [w for w in cut(clause) if w not in ("各类", "各级", "各")]
    verbs = [i for i, w in enumerate(words) if w in _ACTION_VERBS and len("".join(words[i + 1:])) >= 2]
    if verbs:  # after the last verb that leaves a name: 设置文明交通劝导岗 -> 文明交通劝导岗, not 岗
        words = words[verbs[-1] + 1:]
    return _ORDINAL.sub("", _strip_words(_fit(words, from_end=True)))


def _topic_before(text: str, start: int, prev_end: int) -> str:
    """The first word of the clause before the measure's clause: 活动覆盖全县，规模达3000人 -> 活动."""
    window = _WHITESPACE.sub("", text[max(prev_end, start - _WINDOW):start])
    clauses = [c for c in _CLAUSE_SPLIT.split(_PARENS.sub("", window)) if c]
    if len(clauses) < 2:
        return ""
    words = cut(_strip_words(_QUOTE_MARKS.sub("", clauses[-2])))
    first = words[0] if words else ""
    return first if len(first) >= 2 and first not in _GENERIC and first not in _ACTION_VERBS else ""


def _fit(words: list[str], *, from_end: bool = False) -> str:
    """The words joined, dropping whole words from the far end beyond _MAX_CHARS characters."""
    words = list(words)
    while len("".join(words)) > _MAX_CHARS and len(words) > 1:
        words.pop(0 if from_end else -1)
    return "".join(words)


_LEADING_RE = re.compile(f"^(?:{words_pattern(_LEADING)})+(?=.)", re.S)
_TRAILING_RE = re.compile(f"(?:{words_pattern(_TRAILING)})+$")


def _strip_words(clause: str) -> str:
    """Scope words, verbs and adverbs off both ends (我市共有 -> "", 累计 -> ""), one character kept;
    a word that only ends like one stays whole (行为 is not 行 + 为)."""
    while True:
        stripped = _LEADING_RE.sub("", clause)
        m = _TRAILING_RE.search(stripped)
        if m and m.start() > 0 and not _cuts_a_word(stripped, m.start()):
            stripped = stripped[:m.start()]
        if stripped == clause:
            return clause
        clause = stripped


def _cuts_a_word(text: str, pos: int) -> bool:
    """Whether pos falls inside the last word of text (as the backward cut sees it)."""
    edge = len(text)
    for word in reversed(cut(text)):
        edge -= len(word)
        if edge <= pos:
            return edge < pos
