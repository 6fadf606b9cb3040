"""The article of a web page: GNE (built for Chinese news pages) finds the body, curator cleans around it.

Before GNE: scripts, forms and link lists (menus, related articles) are left out, which also
bounds GNE's work. After it: an article of one paragraph per container is taken whole, page
furniture inside the article (editor lines, share and print links, pagers) is dropped, and
the date and address come from curator.core.readers.html_meta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curator.core.readers.html_meta import declared_date, declared_title, published_date, source_url


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
    r"|^(上一篇|下一篇)\s*[:：]|^(上一页|下一页|首页|尾页|第\s*\d+\s*页|\d+|[\s|]+)+$|^(来源|信息来源|稿源)\s*[:：]\s*\S{0,20}$",
    re.I,
)
_FURNITURE_MAX = 60
_TITLE_TAIL = re.compile(r"\s*[_|\-–—]+\s*[^_|\-–—]{1,30}$")


def extract(html: str, *, url: str = "") -> Extracted:
    """The article of a page: GNE finds the body, title and date; curator drops furniture lines and finds the URL."""
    import lxml.html
    import gne.utils
    from gne import GeneralNewsExtractor  # imports lxml: only when a page is read
    from lxml.etree import ParserError

    if not html.strip():
        raise ValueError("empty web page")
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError) as exc:
        raise ValueError(f"not a readable web page ({exc})") from None
    gne.utils.config.clear()  # GNE reads a .gne file in the working folder at import: pages read the same anywhere
    declared, headline = declared_date(root, html), declared_title(root)  # JSON-LD lives in scripts, pruned next
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
    title = headline or _clean_title(str(found.get("title") or ""), page_title=" ".join(root.xpath("//title//text()")))
    paragraphs = _paragraphs(str(found.get("body_html") or ""))
    if len(paragraphs) <= 2:
        paragraphs = _with_alike_siblings(root, paragraphs) or paragraphs
    paragraphs = [p for p in paragraphs if not _is_furniture(p)]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ValueError("no article text found in the page")
    source = source_url(root) or url
    published = published_date(root, title=title, source=source, declared=declared,
                               found=str(found.get("publish_time") or ""))
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


def _with_alike_siblings(root, paragraphs: list[str]) -> list[str] | None:  # noqa: ANN001 - an lxml element
    """The whole article when GNE chose one paragraph's container among many alike ones.

    GNE keeps the densest node; an article written one paragraph per container (WeChat's
    <section>s) then comes out as its longest paragraph. When that node has at least three
    siblings of its tag and class holding prose, their parent is the article.
    """
    import lxml.html

    if not paragraphs:
        return None
    anchor = paragraphs[0][:8]
    hits = root.xpath("//text()[contains(., $anchor)]", anchor=anchor)
    if not hits:
        return None
    node = hits[0].getparent()
    tail = _SPACES.sub("", paragraphs[-1])[-8:]
    while node is not None and tail not in _SPACES.sub("", node.text_content()):
        node = node.getparent()
    if node is None:
        return None
    own = _SPACES.sub("", node.text_content())
    while node.getparent() is not None and _SPACES.sub("", node.getparent().text_content()) == own:
        node = node.getparent()  # up through wrappers that add nothing (section > p > span)
    parent = node.getparent()
    if parent is None:
        return None
    alike = [child for child in parent if child.tag == node.tag and child.get("class") == node.get("class")
             and child is not node and _has_prose(child)]
    if len(alike) < 3:
        return None
    return _paragraphs(_BR.sub(_BREAK, lxml.html.tostring(parent, encoding="unicode")))


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
