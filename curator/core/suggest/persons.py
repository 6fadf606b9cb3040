"""Person suggestions: named persons, found where the text says who they are.

jieba's nr tag alone over-fires (建国, 立新, 格尔木 are nr too), so a name is suggested only
in a context that introduces a person: a role or title right before it (区委书记周立新,
志愿者唐建国, 本报记者 漆世平), a byline (◎ 樊永涛, 本报讯（旦正措）, a line of names), and
then at its other occurrences in the same text. The name itself is a surname from the list
below and one or two more characters, cut where jieba ends the word (or joins the surname
with the next word: 周 + 立新).
"""

from __future__ import annotations

import re

from curator.core.suggest import Suggestion
from curator.core.suggest.lexicon import cut, frequency, word_tag
from curator.core.suggest.patterns import words_pattern
from curator.core.suggest.spread import find_occurrences

__all__ = ["suggest_persons", "SURNAMES"]

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆司卓古吉缪简芦"
    "麦褚娄窦戚岑景宫费卜冷晏席卫米柏瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "佘池查麻苑迟邝旦漆"
)
_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "皇甫", "尉迟", "长孙", "宇文", "司徒", "端木")
_ROLES = (
    "书记", "副书记", "主任", "副主任", "局长", "副局长", "区长", "市长", "县长", "镇长", "乡长", "村长", "州长",
    "省长", "队长", "会长", "董事长", "总经理", "经理", "校长", "院长", "所长", "站长", "主席", "部长", "处长",
    "科长", "社长", "台长", "馆长", "负责人", "记者", "通讯员", "见习记者", "志愿者", "民警", "辅警", "交警",
    "居民", "村民", "老人", "党员", "老党员", "司机", "邮递员", "快递员", "学生", "同学", "教师", "老师", "医生",
    "护士", "员工", "职工", "代表", "网格员", "楷模", "好人", "模范", "市民", "群众", "大学生", "小朋友", "阿姨",
    "大爷", "大妈", "师傅", "退休居民", "退休教师", "环卫工人", "工人", "宣讲员", "讲解员", "社工", "委员",
    "支书", "专干", "组长", "班长", "园长", "理事长", "秘书长", "团长", "指导员", "法官", "检察官", "律师",
)
_ROLE_RE = re.compile(words_pattern(_ROLES) + r"[ \t\u3000\xa0]*(?:\n\s*)?")
_BYLINE_RE = re.compile(r"(?:◎|本报讯|本报[\u4e00-\u9fff]{0,3}讯)[ \t\u3000（(]*(?:(?:记者|通讯员)[ \t\u3000]*)?")
_PAREN_BYLINE_RE = re.compile(r"本报[\u4e00-\u9fff]{0,3}讯[（(](?:记者|通讯员)?[ \t\u3000]*([\u4e00-\u9fff]{2,4})[)）]")
_NAME_LINE_RE = re.compile(r"(?m)^[ \t\u3000]*(?:[\u4e00-\u9fff]{2,3}(?:[ \t\u3000]+|$)){1,4}$")
_SPACE = re.compile(r"\s+")
_NOT_GIVEN = set("的了在是与和及对等也都还就并又再已将把被向从于为以说介表告指认称们")
_WINDOW = 8
_NOT_GIVEN_TAGS = frozenset({"v", "vn", "vd", "p", "c", "u", "uj", "ul", "uz", "r", "m", "q", "f", "x", "y", "zg"})
_COMMON = 300  # a word jieba's dictionary counts this often is a word, whatever its tag (文明 is nr there)


def suggest_persons(text: str) -> list[Suggestion]:
    names: dict[tuple[int, int], float] = {}
    for m in _ROLE_RE.finditer(text):
        _add(names, text, m.end(), 0.85)
    for m in _BYLINE_RE.finditer(text):
        pos = m.end()
        for _ in range(3):  # 通讯员 赵振东 孙倩
            end = _add(names, text, pos, 0.9)
            if end is None:
                break
            pos = end
            while pos < len(text) and text[pos] in " \t\u3000":
                pos += 1
    for m in _PAREN_BYLINE_RE.finditer(text):  # 本报讯（通宣）: a pen name needs no surname
        names.setdefault(m.span(1), 0.9)
    for m in _NAME_LINE_RE.finditer(text):
        parts = m.group().split()
        if len(parts) >= 2 and all(_looks_like_name(p) for p in parts):
            for part in parts:
                start = text.index(part, m.start())
                names.setdefault((start, start + len(part)), 0.8)
    found = dict(names)
    for name in {text[start:end] for start, end in names}:
        for s, e in find_occurrences(text, name):
            found.setdefault((s, e), 0.75)
    return [Suggestion("person", s, e, text[s:e], {"score": score}) for (s, e), score in sorted(found.items())]


def _looks_like_name(word: str) -> bool:
    return ((word[0] in SURNAMES or word[:2] in _COMPOUND) and word_tag(word) in (None, "nr", "nrfg", "nrt")
            and frequency(word) < _COMMON)


def _add(names: dict[tuple[int, int], float], text: str, pos: int, score: float) -> int | None:
    """Adds the name starting at pos (if any); returns its end."""
    span = name_at(text, pos)
    if span is None:
        return None
    names.setdefault(span, score)
    return span[1]


def name_at(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of a personal name starting at pos, or None. OCR whitespace inside is kept."""
    raw = text[pos:pos + _WINDOW + 6]
    if raw[:1].isspace():
        return None  # a name starts at a character; a byline's names end with their line
    squeezed = _SPACE.sub("", raw)[:_WINDOW]
    if not squeezed or (squeezed[0] not in SURNAMES and squeezed[:2] not in _COMPOUND):
        return None
    words = cut(squeezed)
    first = words[0]
    if len(first) == 1 and len(words) > 1 and 1 <= len(words[1]) <= 2 and word_tag(words[1]) not in _NOT_GIVEN_TAGS:
        first += words[1]  # 周 + 立新, 唐 + 建国
    elif len(first) == 1 and len(words) > 1 and len(words[1]) == 2 and words[1][1] in "说讲称道":
        first += words[1][0]  # 李 + 明说: the speech verb glued to the given name
    if not 2 <= len(first) <= 3 and not (len(first) == 4 and first[:2] in _COMPOUND):
        return None
    if any(ch in _NOT_GIVEN for ch in first[1:]) or not _looks_like_name(first):
        return None
    end, taken = pos, 0
    while taken < len(first):  # map the squeezed name back onto the raw text
        if not text[end].isspace():
            taken += 1
        end += 1
    return pos, end
