"""Organisation suggestions: named bodies (市公安局交警支队, 区委宣传部, 团市委, 金枫社工志愿服务队).

Two shapes:
- a government or party body: a level (市, 区, 县 …) or a place name, then one or more body
  words (公安局, 交警支队, 宣传部, 文明办, 人大常委会 …): 市公安局交警支队, 吴兴区委宣传部,
  金峰路街道办事处; a few bodies stand alone (文明委, 交警支队, 党中央, 团市委);
- a named body: a name, then a body word that needs one (志愿服务队, 协会, 学院, 中学, 医院,
  公司, 领导小组 …): 邻里守望志愿服务队, 湖州师范学院, 株洲市第二中学. The name runs back to the
  nearest verb, particle or punctuation and must not be generic (专业志愿服务队, 各中小学).
A level with 委 before 书记 is a title, not a body (市委书记); a count before it is no name (17个工作组).
"""

from __future__ import annotations

import re

from curator.core.suggest import Suggestion
from curator.core.suggest.lexicon import cut, frequency, word_tag
from curator.core.suggest.patterns import words_pattern
from curator.core.suggest.places import find_places
from curator.core.suggest.squeeze import squeeze

__all__ = ["suggest_orgs"]

_DEPARTMENTS = (
    "公安", "民政", "住建", "住房和城乡建设", "城管", "城市管理", "综合行政执法", "教体", "教育", "卫健", "卫生健康", "文旅",
    "文化和旅游", "文广旅", "交通运输", "交通", "财政", "人社", "人力资源和社会保障", "自然资源", "生态环境", "市场监管",
    "市场监督管理", "商务", "农业农村", "水利", "应急管理", "司法", "税务", "统计", "审计", "体育", "科技", "工信",
    "退役军人事务", "医保", "林业", "环保", "规划", "国土", "气象", "信访", "民宗", "数据", "机关事务管理",
)
_UNITS = tuple(sorted({
    *(d + "局" for d in _DEPARTMENTS), *(d + "厅" for d in _DEPARTMENTS), "公安分局", "分局", "交警支队", "交警大队",
    "派出所", "宣传部", "组织部", "统战部", "政法委", "纪委", "监委", "文明办", "创城办", "创文办", "文明委", "网信办",
    "妇联", "总工会", "团委", "科协", "残联", "文联", "工商联", "红十字会", "党委", "党工委", "党支部", "党总支",
    "人大常委会", "人大", "政协", "人民政府", "政府", "办事处", "融媒体中心", "新时代文明实践中心", "志愿服务指导中心",
    "理论学习中心组", "理论中心组", "人民法院", "人民检察院", "法院", "检察院", "消防救援支队", "消防救援大队", "团市委", "团区委", "团县委",
}, key=len, reverse=True))
_UNIT = words_pattern(_UNITS)
_LEVEL = "[省市州区县镇乡]"
_ALONE = re.compile(r"党中央|中共中央|国务院|中央文明委|中央文明办|中国共产党|中宣部|团中央|全国总工会|全国妇联|文明委|交警支队|团[市区县]委")
# 市公安局交警支队西工大队: body words, then optionally a named squad of the last one
_GOV_START = "".join(sorted({unit[0] for unit in _UNITS} | set("省市州区县镇乡")))
_GOV = re.compile(rf"(?=[{_GOV_START}])(?P<level>{_LEVEL}委?)?(?P<units>(?:{_UNIT})+)(?:[\u4e00-\u9fff]{{2}}(?:大队|中队|支队|分局|所))?")
_LEVEL_ONLY = re.compile(rf"{_LEVEL}委(?!书记|副书记|常委|委员|[\u4e00-\u9fff]*书记)")
_NAMED_SUFFIX = re.compile(words_pattern((
    "志愿服务队", "志愿者协会", "志愿服务协会", "志愿者服务队", "志愿队", "服务队", "艺术团", "协会", "学会", "联合会",
    "商会", "基金会", "师范学院", "理工学院", "职业技术学院", "学院", "大学", "中学", "小学", "幼儿园", "医院",
    "卫生院", "公司", "集团", "银行", "日报", "晚报", "报社", "电视台", "工作领导小组", "领导小组", "工作组",
    "指挥部", "联盟",
)))
_BREAK = re.compile(
    r".*(?:[\s，。；：！？、“”‘’《》（）()「」…·,.;:!?0-9０-９]|打造|组建|成立|建立|设立|组织|联合|依托|通过|发挥|参与|"
    r"参加|加入|邀请|走进|来到|带领|推动|开展|是|由|在|于|和|与|及|的|为|对|向|将|把|被|让|从|等|个|支|家|名|所|还|也|都|就|"
    r"并|已|下设|纳入|担任|其中|包括|以及|督导|优化|完善|加强|推进|深化|健全|了)",
    re.S,
)
_GENERIC = re.compile(
    r"^(?:专业|特色|各|该|这|那|本|全市|全区|全县|全省|各级|各类|基层|社区|村|志愿|文明实践|党员|青年|巾帼|职工|企业|"
    r"新时代|其他|相关|有关|多个|多支|一支|每|大|小|中|总|分|专项)+$"
)
_MAX_NAME = 14


def suggest_orgs(text: str) -> list[Suggestion]:
    sq = squeeze(text)
    found = find_orgs(sq.text)
    spans = [(sq.span(s, e), score) for (s, e), score in _outermost(found)]
    return [Suggestion("org", s, e, text[s:e], {"score": score}) for (s, e), score in spans]


def find_orgs(text: str) -> dict[tuple[int, int], float]:
    """(start, end) -> score of the bodies named in text (already squeezed)."""
    place_end = {e: s for s, e in find_places(text)}
    found: dict[tuple[int, int], float] = {}
    for m in _ALONE.finditer(text):
        found[m.span()] = 0.9
    for m in _GOV.finditer(text):
        span = _government(text, m, place_end)
        if span:
            found[span] = 0.9
    for m in re.finditer(r"委", text):  # 吴兴区委宣传部 / 市委 / 区委: a place or level, then 委
        _level_body(text, m.start(), place_end, found)
    place_start = {s for s, _ in find_places(text)}
    for m in _NAMED_SUFFIX.finditer(text):
        span = _named(text, m, place_start)
        if span:
            found.setdefault(span, 0.8)
    return found


def _government(text: str, m: re.Match[str], place_end: dict[int, int]) -> tuple[int, int] | None:
    units = m.start("units")
    level = m["level"]
    if units in place_end and not level:
        return place_end[units], m.end()
    if level and len(level) == 1 and units in place_end:  # 江阳区 + 新时代文明实践中心
        return place_end[units], m.end()
    if level and _starts_word(text, m.start()):
        return m.start(), m.end()
    if not level and _stands_alone(m["units"]):
        return m.start(), m.end()
    return None


def _starts_word(text: str, pos: int) -> bool:
    """A level character that ends a word instead (社区, 小区, 城市, 超市) does not start a body."""
    return pos == 0 or frequency(text[pos - 1:pos + 1]) < 50


_NEEDS_PREFIX = frozenset({"政府", "人民政府", "党委", "党工委", "党支部", "党总支", "人大", "政协", "团委", "分局",
                           "办事处", "融媒体中心", "新时代文明实践中心", "纪委", "监委", "法院", "检察院"})


def _stands_alone(units: str) -> bool:
    return units in ("文明委", "交警支队", "交警大队", "创城办", "文明办", "志愿服务指导中心") or units.startswith("团")


def _level_body(text: str, pos: int, place_end: dict[int, int], found: dict[tuple[int, int], float]) -> None:
    before = place_end.get(pos)
    if before is not None and text[pos - 1] in "市区县州省":
        start = before
    elif pos > 0 and text[pos - 1] in "市区县州省" and _LEVEL_ONLY.match(text, pos - 1) and _starts_word(text, pos - 1):
        start = pos - 1
        if pos > 1 and text[pos - 2] == "团":
            return
    else:
        return
    m = _GOV.match(text, pos + 1)
    end = m.end() if m and not m["level"] else pos + 1
    if end == pos + 1 and re.match(r"(?:副)?书记|常委|委员", text[end:end + 3]):
        return
    found.setdefault((start, end), 0.9)


def _named(text: str, m: re.Match[str], place_start: set[int]) -> tuple[int, int] | None:
    start, end = m.span()
    if end < len(text) and text[end] in "生员长部”":  # 大学生, 服务队员, 协会长, a quoted kind of body
        return None
    window = text[max(0, start - _MAX_NAME):start]
    cut = _BREAK.match(window)
    name = window[cut.end():] if cut else window
    inner = None
    for inner in _NAMED_SUFFIX.finditer(name):  # 领导小组爱国卫生运动工作组: two bodies side by side
        pass
    if inner is not None:
        name = name[inner.end():]
    name = _drop_leading_verbs(name)
    first = start - len(name)
    at_place = next((i for i in range(first, start) if i in place_start), first)
    name = name[at_place - first:]
    if len(name) < 2 or _GENERIC.match(name):
        return None
    return start - len(name), end


def _drop_leading_verbs(name: str) -> str:
    """用好用活青藏公路建设指挥部 -> 青藏公路建设指挥部 (two verbs in a row are no name; 创建…小组 is)."""
    words = cut(name, hmm=False)
    verbs = 0
    while verbs < len(words) and word_tag(words[verbs]) in ("v", "vd", "vn", "d", "ad", "p", "a"):
        verbs += 1
    return name[sum(map(len, words[:verbs])):] if verbs >= 2 else name


def _outermost(found: dict[tuple[int, int], float]) -> list[tuple[tuple[int, int], float]]:
    """Drop a span inside a longer one (交警支队 inside 市公安局交警支队)."""
    keys = sorted(found, key=lambda k: (k[0], -k[1]))
    kept: list[tuple[int, int]] = []
    for key in keys:
        if kept and key[0] >= kept[-1][0] and key[1] <= kept[-1][1]:
            continue
        kept.append(key)
    return [(k, found[k]) for k in kept]
