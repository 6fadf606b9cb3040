"""Reading articles from files: .txt (any supported encoding), .docx, .jsonl, folders.

Text is normalised once here (BOM, line ends, NFC) and never changes afterwards.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curator.core.encoding import DecodeError, decode

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".docx", ".jsonl")
TITLE_MAX = 120
_TERMINAL = tuple("。！？；：…”’）)」』!?;:")
_STANDALONE = ("——", "◎", "●", "■")


@dataclass(frozen=True)
class Article:
    """One document to import, with optional annotations (from a curator or doccano JSONL)."""

    text: str
    title: str
    origin: str
    source: str = ""
    published: str = ""
    place: str = ""
    status: str = "todo"
    spans: tuple[dict[str, Any], ...] = ()
    initiatives: tuple[dict[str, Any], ...] = ()
    figures: tuple[dict[str, Any], ...] = ()
    line: int = 0  # line number in a JSONL file, 0 for a whole file

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    """A file (or a line of one) that could not be imported, and why, in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class FileBatch:
    """All articles of one file: imported together or not at all."""

    path: str
    articles: tuple[Article, ...] = ()
    problem: Problem | None = None
    notes: tuple[str, ...] = field(default=())


def normalise(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def title_of(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return _undouble(line.strip())[:TITLE_MAX]
    return ""


def _undouble(line: str) -> str:
    """ "标题标题" or "——副标题副标题" (a heading printed twice by the layout) -> once."""
    if len(line) > 400:
        return line
    for half in range(len(line) // 2, 3, -1):
        if line[-2 * half:-half] == line[-half:]:
            return line[:-half]
    return line


def reflow(text: str) -> str:
    """Repair OCR or newspaper-column layout: join lines broken mid-sentence, drop doubled titles.

    A line that does not end a sentence and is about as long as the page's usual line
    (the median length) was broken by the layout: it is joined to the next line, across
    at most one blank line. Short lines (headings) and the title line stay. A line
    printed twice in a row (or twice on one line) is kept once.
    """
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _undouble(raw.strip())
        if line and lines and line == lines[-1]:
            continue
        lines.append(line)
    widths = _local_widths(lines)
    out: list[str] = []
    last = None  # index in out of the last non-empty line
    for line_no, line in enumerate(lines):
        if not line:
            out.append(line)
            continue
        gap = len(out) - 1 - last if last is not None else 0
        if last is not None and last > _first_line(out) and gap <= 1 and _broken(out[last], widths[line_no], line):
            del out[last + 1:]
            out[last] += line
        else:
            out.append(line)
            last = len(out) - 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _first_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), -1)


def _local_widths(lines: list[str], reach: int = 10) -> list[float]:
    """For each line, the median length of the non-empty lines around it (the column width there)."""
    filled = [i for i, line in enumerate(lines) if line]
    widths = [0.0] * len(lines)
    for k, i in enumerate(filled):
        around = sorted(len(lines[j]) for j in filled[max(0, k - reach):k + reach + 1])
        widths[i] = around[len(around) // 2]
    return widths


def _broken(line: str, width: float, following: str) -> bool:
    if line.endswith(_TERMINAL) or line.startswith(_STANDALONE) or following.startswith(_STANDALONE):
        return False
    return len(line) >= 0.75 * width


def read_path(path: Path, *, reflow_text: bool = False) -> Iterator[FileBatch]:
    """Everything importable under path (a file or a folder, recursively), one batch per file."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in SUFFIXES and not child.name.startswith((".", "~$")):
                yield read_file(child, reflow_text=reflow_text)
        return
    yield read_file(path, reflow_text=reflow_text)


def read_file(path: Path, *, reflow_text: bool = False) -> FileBatch:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return FileBatch(name, problem=Problem(name, f"cannot read it ({exc.strerror or exc})"))
    if size > MAX_BYTES:
        return FileBatch(name, problem=Problem(name, f"over 20 MB ({size / 1048576:.1f} MB); split it first"))
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            articles = [_article(_docx_text(path), name, {}, reflow_text)]
        elif suffix == ".jsonl":
            articles = list(_jsonl_articles(path.read_bytes(), name, reflow_text))
        elif suffix in (".txt", ".text", ".md", ""):
            text, _encoding = decode(path.read_bytes())
            articles = [_article(text, name, {}, reflow_text)]
        else:
            return FileBatch(name, problem=Problem(name, f"unsupported file type {suffix}; curator reads .txt, .docx and .jsonl"))
    except (DecodeError, ValueError) as exc:
        return FileBatch(name, problem=Problem(name, str(exc)))
    except OSError as exc:
        return FileBatch(name, problem=Problem(name, f"cannot read it ({exc.strerror or exc})"))
    return FileBatch(name, articles=tuple(articles))


def _article(text: str, origin: str, fields: dict[str, Any], reflow_text: bool, line: int = 0) -> Article:
    text = normalise(text)
    if reflow_text:
        text = reflow(text)
    if not text.strip():
        raise ValueError("empty file (no text)")
    return Article(
        text=text,
        title=str(fields.get("title") or title_of(text)),
        origin=origin,
        source=str(fields.get("source") or ""),
        published=str(fields.get("published") or ""),
        place=str(fields.get("place") or ""),
        status=str(fields.get("status") or "todo"),
        spans=tuple(_spans_of(fields)),
        initiatives=tuple(fields.get("initiatives") or ()),
        figures=tuple(fields.get("figures") or ()),
        line=line,
    )


def _spans_of(fields: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Spans as [start, end, label] or [start, end, label, {attrs}] (doccano's "label" key too)."""
    for item in fields.get("spans") or fields.get("label") or ():
        if not isinstance(item, (list, tuple)) or len(item) < 3:
            raise ValueError(f"a span must be [start, end, label], got {item!r}")
        start, end, label = item[:3]
        extra = dict(item[3]) if len(item) > 3 and isinstance(item[3], dict) else {}
        yield {"start": int(start), "end": int(end), "label": str(label), **extra}


def _jsonl_articles(data: bytes, origin: str, reflow_text: bool) -> Iterator[Article]:
    text, _encoding = decode(data)
    for number, line in enumerate(normalise(text).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"malformed JSON on line {number} ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ValueError(f"line {number} is not an object with a \"text\" string")
        try:
            yield _article(obj["text"], f"{origin}:{number}", obj, reflow_text, number)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"line {number}: {exc}") from None


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document as DocxDocument  # python-docx is slow to import; only when needed
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    try:
        document = DocxDocument(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise ValueError(f"not a readable .docx ({exc})") from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
