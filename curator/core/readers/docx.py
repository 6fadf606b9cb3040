"""Word .docx: the paragraphs of word/document.xml (tables included), read with bounds.

python-docx loads every part of the package into memory (a 4 GB picture included) and
builds the whole tree, so a small crafted file could become gigabytes. Here the zip's
directory is checked first and only the main document part is streamed, paragraph by
paragraph, stopping once the text passes the article limit.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import iterparse

from curator.core.readers.limits import MAX_CHARS, TooLarge, check_regular, size_text
from curator.core.records import RawRecord

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN = "word/document.xml"
MAX_MEMBERS = 5000
MAX_PART = 512 * 1024 * 1024  # unpacked bytes of word/document.xml
MAX_RATIO = 200  # unpacked / packed for the document part
MAX_FILE = 200 * 1024 * 1024  # packed .docx (pictures make them large)


def read_docx(path: Path) -> list[RawRecord]:
    size = check_regular(path)
    if size > MAX_FILE:
        raise TooLarge(f"over {size_text(MAX_FILE)} ({size_text(size)}); split it first")
    try:
        with zipfile.ZipFile(path) as archive:
            info = _main_part(archive)
            with archive.open(info) as part:
                text = _paragraphs(part)
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not a readable .docx ({exc})") from None
    except ParseError as exc:
        raise ValueError(f"not a readable .docx (its document part is not XML: {exc})") from None
    except RuntimeError as exc:  # an encrypted member
        raise ValueError(f"not a readable .docx ({exc})") from None
    return [RawRecord(text=text)]


def _main_part(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValueError(f"not a readable .docx (it holds {len(members)} files)")
    try:
        info = archive.getinfo(_MAIN)
    except KeyError:
        raise ValueError(f"not a readable .docx (no {_MAIN}; is it a Word document?)") from None
    if info.flag_bits & 0x1:
        raise ValueError("the .docx is encrypted; remove the password and try again")
    inflates = info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    if info.file_size > MAX_PART or inflates:
        raise TooLarge(f"its text part unpacks to {size_text(info.file_size)} from {size_text(info.compress_size)}; "
                       "not opened (limit 20 MB of text)")
    return info


def _paragraphs(part) -> str:
    lines: list[str] = []
    current: list[str] = []
    total = 0
    depth = 0  # paragraphs nest (a text box inside a paragraph): one line per outermost paragraph
    for event, element in iterparse(part, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_W}p":
                depth += 1
            continue
        if tag == f"{_W}t":
            current.append(element.text or "")
            total += len(element.text or "")
        elif tag == f"{_W}tab":
            current.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            current.append("\n")
        elif tag == f"{_W}p":
            depth -= 1
            if depth == 0:
                lines.append("".join(current))
                current = []
                total += 1
            element.clear()
        if total > MAX_CHARS:
            raise TooLarge("its text is over 20 MB; split it first")
    return "\n".join(lines)
