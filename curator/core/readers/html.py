"""Web pages as browsers save them (.html, .htm, .mhtml): headline, date, source URL and body paragraphs.

This module turns the file's bytes into a page (unpacking an .mhtml) and the page's article
(curator.core.readers.html_article) into a record. The bytes decide the encoding: strict UTF-8 first, then the charset the page declares if it
decodes cleanly, then curator.core.encoding.decode (GBK pages that say UTF-8 are common).
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

from curator.core.encoding import DecodeError, decode
from curator.core.readers.html_article import Extracted, extract
from curator.core.readers.limits import check_size
from curator.core.records import RawRecord

__all__ = ["Page", "page_of", "decode_html", "extract", "record_of", "read_html"]

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


def record_of(found: Extracted) -> RawRecord:
    """The headline as the first line, then the body paragraphs, one a line."""
    lines = [found.title, *found.paragraphs] if found.title else list(found.paragraphs)
    return RawRecord(text="\n".join(lines), title=found.title, source=found.source, published=found.published)


def read_html(data: bytes, *, name: str) -> RawRecord:
    """A saved web page (.html, .htm, .mhtml) as one document; ValueError with a reason otherwise."""
    page = page_of(data, name=name)
    return record_of(extract(page.html, url=page.url))
