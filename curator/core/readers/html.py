"""Web pages as browsers save them (.html, .htm, .mhtml): headline, date, source URL and body paragraphs.

The bytes decide the encoding: strict UTF-8 first, then the charset the page declares if it
decodes cleanly, then curator.core.encoding.decode (GBK pages that say UTF-8 are common).
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

from curator.core.encoding import DecodeError, decode
from curator.core.readers.limits import check_size
from curator.core.records import RawRecord

MHTML_SUFFIXES = (".mhtml", ".mht")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}


@dataclass(frozen=True)
class Page:
    """A web page's HTML as text, and the address its container names (mhtml, a saved-from comment)."""

    html: str
    url: str = ""


def page_of(data: bytes, *, name: str) -> Page:
    """Decode a saved page (unpacking an .mhtml first); ValueError with a reason otherwise."""
    check_size(len(data))
    if not data.strip():
        raise ValueError("empty file")
    if name.lower().endswith(MHTML_SUFFIXES) or data[:2048].lstrip().lower().startswith((b"from:", b"mime-version:")):
        return _mhtml_page(data)
    html = decode_html(data)
    saved = _SAVED_FROM.search(html[:4096])
    return Page(html, saved.group(1) if saved else "")


def decode_html(data: bytes, declared: str = "") -> str:
    """Text of HTML bytes, the bytes trusted over what the page declares.

    Valid UTF-8 is UTF-8. Otherwise the declared charset if it decodes cleanly (Western ones
    only after detection: Chinese sites often declare ISO-8859-1 over GBK), then detection,
    then UTF-8 with a few bad bytes replaced (a page cut in the middle of a character).
    """
    text = _decoded(data, "utf-8-sig")
    if text is not None:
        return text
    found = _META_CHARSET.search(data[:8192])
    charsets = [_ALIASES.get(c.lower(), c.lower()) for c in (declared, found.group(1).decode("ascii") if found else "") if c]
    for charset in charsets:
        if charset.replace("-", "").replace("_", "") in _WESTERN:
            break  # detection first
        text = _decoded(data, charset)
        if text is not None and "\ufffd" not in text:
            return text
    try:
        return decode(data)[0]
    except DecodeError as exc:
        reason = str(exc)
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 1000):
        return text
    raise ValueError(f"not a readable web page ({reason})")


_WESTERN = frozenset({"iso88591", "latin1", "windows1252", "cp1252", "usascii", "ascii"})


def _decoded(data: bytes, charset: str) -> str | None:
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _mhtml_page(data: bytes) -> Page:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    url = str(message.get("Snapshot-Content-Location") or message.get("Content-Location") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        return Page(decode_html(payload, part.get_content_charset() or ""), url or str(part.get("Content-Location") or ""))
    raise ValueError("not a web page archive (.mhtml) with an HTML part")


@dataclass(frozen=True)
class Extracted:
    """What a page says about its article."""

    title: str
    published: str
    source: str
    paragraphs: tuple[str, ...]


_BR = re.compile(r"<br\s*/?>", re.I)
_BREAK = "\u2029"  # stands for <br> through the extractor, which drops <br> tags
_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li tr td th table section article blockquote ul ol dd dt pre center".split())
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0003ffff]"
_CJK_WRAP = re.compile(rf"(?<={_CJK})[ \t]*\n\s*(?={_CJK})")  # a line wrap in the HTML source: no space in Chinese
# page furniture that sits inside the article's element on many sites; only short lines are judged
_FURNITURE = re.compile(
    r"责任编辑|责编[:：]|ICP\s*[备证]|公网安备|网站标识码|版权所有|Copyright\s*(©|&copy;|\(c\))|扫一扫|分享到|分享让更多人看到"
    r"|打印本页|关闭窗口|【\s*(打印|关闭|纠错|我要纠错|收藏|字号|字体)|^\s*(字号|字体)\s*[:：]|视频加载中|您的浏览器不支持"
    r"|^[【（(\[]?\s*(编辑|校对|审核|值班编辑|终审|初审|复审|监制|签发)\s*[:：]"
    r"|^(上一篇|下一篇)\s*[:：]|^(上一页|下一页|首页|尾页|第\s*\d+\s*页|\d+|[\s|]+)+$|^(来源|信息来源|稿源)\s*[:：]\S{0,20}$",
    re.I,
)
_FURNITURE_MAX = 60
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_TITLE_TAIL = re.compile(r"\s*[_|\-–—]+\s*[^_|\-–—]{1,30}$")


def extract(html: str, *, url: str = "") -> Extracted:
    """The article of a page: GNE finds the body, title and date; curator drops furniture lines and finds the URL."""
    import lxml.html
    from gne import GeneralNewsExtractor  # imports lxml: only when a page is read
    from lxml.etree import ParserError

    if not html.strip():
        raise ValueError("empty web page")
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError) as exc:
        raise ValueError(f"not a readable web page ({exc})") from None
    _prune(root)
    elements = sum(1 for _ in root.iter())
    if elements > MAX_ELEMENTS:
        raise ValueError(f"too large a page ({elements} elements after menus and link lists are left out; "
                         f"limit {MAX_ELEMENTS}); save the article alone")
    pruned = lxml.html.tostring(root, encoding="unicode")
    try:
        found = GeneralNewsExtractor().extract(_BR.sub(_BREAK, pruned), with_body_html=True)
    except Exception as exc:  # noqa: BLE001 - GNE raises bare exceptions of many kinds on odd pages
        raise ValueError(f"no article found in the page ({type(exc).__name__})") from None
    title = _clean_title(str(found.get("title") or ""), page_title=" ".join(root.xpath("//title//text()")))
    paragraphs = [p for p in _paragraphs(str(found.get("body_html") or "")) if not _is_furniture(p)]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ValueError("no article text found in the page")
    source = _url(root) or url
    published = (_declared_date(root) or _date_near_headline(root, title) or _date_in_url(source)
                 or _date(str(found.get("publish_time") or "")))
    return Extracted(title, published, source, tuple(paragraphs))


MAX_ELEMENTS = 30_000  # about 10 s of GNE on this machine; article pages have a few thousand
_NEVER_TEXT = ("script", "style", "noscript", "iframe", "form", "select", "textarea", "button", "svg", "canvas",
               "object", "embed", "template")
_LIST_TAGS = ("ul", "ol", "dl", "table", "div")


def _prune(root) -> None:  # noqa: ANN001 - an lxml element
    """Leave out what is never the article before GNE weighs every node (its cost grows with the page).

    Scripts, forms and the like go, and lists that are nearly all links (menus, related articles,
    rankings): GNE would reject them anyway, after much work.
    """
    import lxml.etree

    lxml.etree.strip_elements(root, *_NEVER_TEXT, lxml.etree.Comment, with_tail=False)
    for element in reversed(list(root.iter(*_LIST_TAGS))):  # inner lists first: a page's wrapper is judged without them
        if element.getparent() is None:
            continue
        links = element.xpath(".//a")
        if len(links) < 3:
            continue
        text = len(_SPACES.sub("", element.text_content()))
        linked = sum(len(_SPACES.sub("", a.text_content())) for a in links)
        if text and linked / text > 0.8 and not _has_prose(element):
            element.drop_tree()


_SPACES = re.compile(r"\s+")
_PROSE = 40  # characters of unlinked text in one piece: a sentence of the article, not a menu


def _has_prose(element) -> bool:  # noqa: ANN001 - an lxml element
    for text in element.xpath(".//text()"):
        if len(text.strip()) >= _PROSE:
            parent = text.getparent()
            if parent is None or parent.tag != "a" or text.is_tail:
                return True
    return False


def _paragraphs(body_html: str) -> list[str]:
    import lxml.html

    if not body_html.strip():
        return []
    parts: list[str] = []

    def walk(node) -> None:  # noqa: ANN001 - an lxml element
        block = isinstance(node.tag, str) and node.tag.lower() in _BLOCKS
        if block:
            parts.append(_BREAK)
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(_BREAK)

    walk(lxml.html.fragment_fromstring(body_html, create_parent="div"))
    lines = []
    for raw in "".join(parts).split(_BREAK):
        line = re.sub(r"[ \t\r\n\xa0]+", " ", _CJK_WRAP.sub("", raw)).strip(" \u3000\u2003\u2002")
        if line:
            lines.append(line)
    return lines


def _is_furniture(line: str) -> bool:
    return len(line) <= _FURNITURE_MAX and bool(_FURNITURE.search(line))


def _clean_title(title: str, *, page_title: str = "") -> str:
    """The headline; a site's name after it is cut only when the headline is the page's <title>."""
    title = re.sub(r"\s+", " ", title).strip()
    if title != re.sub(r"\s+", " ", page_title).strip():
        return title
    while _TITLE_TAIL.search(title) and len(_TITLE_TAIL.sub("", title)) >= 6:
        title = _TITLE_TAIL.sub("", title)
    return title


def _date(text: str) -> str:
    match = _DATE.search(text)
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


_LOOSE_DATE = re.compile(r"((?:19|20)\d\d)\D{1,4}?(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)-?(\d\d)[/-]?(\d\d)[/_]|/t((?:19|20)\d\d)(\d\d)(\d\d)_")


def _date_near_headline(root, title: str) -> str:  # noqa: ANN001 - an lxml element
    """The date in the byline after the headline, else just before it (新华网 writes <em>2023</em> <em>07</em>/<em>12</em>).

    Only the text right around the headline is searched: a page's header often shows today's date.
    """
    if not title:
        return ""
    for heading in root.xpath("//h1|//h2|//h3|//b|//strong"):
        if title[:10] not in heading.text_content():
            continue
        after = _visible(heading.xpath("following::text()"))[:300]
        before = _visible(heading.xpath("preceding::text()"))[-300:]
        for pattern in (_DATE, _LOOSE_DATE):
            found = pattern.search(after) or next(reversed(list(pattern.finditer(before))), None)
            if found:
                return _date("-".join(found.groups()))
        return ""
    return ""


def _visible(texts: list) -> str:
    kept = (t for t in texts if t.getparent() is None or t.getparent().tag not in ("script", "style", "title"))
    return re.sub(r"\s+", " ", " ".join(kept))


def _declared_date(root) -> str:  # noqa: ANN001 - an lxml element
    """The date the page declares: meta tags (PubDate of the 政府网站 standard too), JSON-LD, <time>."""
    from gne.extractor import TimeExtractor

    extractor = TimeExtractor()
    for method in (extractor.extract_from_meta, extractor.extract_from_json_ld, extractor.extract_from_time_tag):
        found = _date(str(method(root) or ""))
        if found:
            return found
    return ""


def _date_in_url(url: str) -> str:
    match = _URL_DATE.search(url)
    if not match:
        return ""
    groups = [g for g in match.groups() if g]
    return _date("-".join(groups))


def _url(root) -> str:  # noqa: ANN001 - an lxml element
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content',
                  '//meta[@name="Url" or @name="url" or @name="URL"]/@content'):
        for value in root.xpath(xpath):
            if str(value).strip().startswith(("http://", "https://")):
                return str(value).strip()
    return ""


def record_of(found: Extracted) -> RawRecord:
    """The headline as the first line, then the body paragraphs, one a line."""
    lines = [found.title, *found.paragraphs] if found.title else list(found.paragraphs)
    return RawRecord(text="\n".join(lines), title=found.title, source=found.source, published=found.published)


def read_html(data: bytes, *, name: str) -> RawRecord:
    """A saved web page (.html, .htm, .mhtml) as one document; ValueError with a reason otherwise."""
    page = page_of(data, name=name)
    return record_of(extract(page.html, url=page.url))
