"""A web page's publication date and address, from what it declares before what it shows.

Dates: meta tags, JSON-LD and <time> (through GNE's TimeExtractor), a timestamp in a script
(WeChat), the byline beside the headline, the address (/2023-07/12/, t20230802_), and last
GNE's date from the text. A page's header often shows today's date: only the text right
around the headline is searched.
"""

from __future__ import annotations

import re

_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


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


_STAMP = re.compile(r"""\b(?:ct|create_time|publish_time)\s*=\s*["']?(1\d{9})["']?""")


def script_date(html: str) -> str:
    """The publication time a page keeps only in a script (WeChat articles: var ct = "1691031000"), Beijing time."""
    import datetime

    found = _STAMP.search(html)
    if not found:
        return ""
    moment = datetime.datetime.fromtimestamp(int(found.group(1)), datetime.timezone(datetime.timedelta(hours=8)))
    return moment.date().isoformat()


def _date_in_url(url: str) -> str:
    match = _URL_DATE.search(url)
    if not match:
        return ""
    groups = [g for g in match.groups() if g]
    return _date("-".join(groups))


def source_url(root) -> str:  # noqa: ANN001 - an lxml element
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content',
                  '//meta[@name="Url" or @name="url" or @name="URL"]/@content'):
        for value in root.xpath(xpath):
            if str(value).strip().startswith(("http://", "https://")):
                return str(value).strip()
    return ""


def declared_date(root, html: str) -> str:  # noqa: ANN001 - an lxml element
    """The date the page declares (meta, JSON-LD, <time>, a script's timestamp); read before scripts are left out."""
    return _declared_date(root) or script_date(html)


def declared_title(root) -> str:  # noqa: ANN001 - an lxml element
    """The headline the page declares: the 政府网站 ArticleTitle meta, else JSON-LD's headline."""
    from gne.extractor import TitleExtractor

    for value in root.xpath('//meta[@name="ArticleTitle"]/@content'):
        if len(str(value).strip()) >= 4:
            return re.sub(r"\s+", " ", str(value)).strip()
    return re.sub(r"\s+", " ", TitleExtractor().extract_by_json_ld(root)).strip()


def published_date(root, *, title: str, source: str, declared: str, found: str) -> str:  # noqa: ANN001
    """The page's publication date as YYYY-MM-DD, or ""."""
    return declared or _date_near_headline(root, title) or _date_in_url(source) or _date(found)
