"""Reading articles from files: one reader per format, folders walked, text normalised once.

Readers (curator.core.readers) return RawRecords; `to_article` normalises each text (BOM,
line ends, NFC) and moves the record's span offsets with it (curator.core.normalise), so
offsets a file brings always land on the characters they named. The text never changes
afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from curator.core.encoding import DecodeError
from curator.core.facts import document_place
from curator.core.grams import index_text
from curator.core.normalise import SplitCharacter, normalise, normalise_with_map
from curator.core.readers import formats, limits
from curator.core.readers.docx import read_docx
from curator.core.readers.jsonl import read_jsonl
from curator.core.readers.text import read_text
from curator.core.records import RawRecord

__all__ = ["Article", "Problem", "FileBatch", "READERS", "SUFFIXES", "normalise", "read_path", "read_file",
           "reflow", "title_of", "to_article", "prepared", "MAX_BYTES"]

MAX_BYTES = limits.MAX_BYTES
TITLE_MAX = 120
_TERMINAL = tuple("。！？；：…”’）)」』!?;:")
_STANDALONE = ("——", "◎", "●", "■")
_SURROGATE = re.compile("[\ud800-\udfff]")

Reader = Callable[[Path], Iterable[RawRecord]]
# suffix -> reader; one entry per format (a reader may serve several suffixes)
READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text, "": read_text,
    ".docx": read_docx,
    ".jsonl": read_jsonl,
}
LAZY = frozenset({".jsonl"})  # formats read line by line: a large file is streamed into the import
READERS.update(formats.READERS)  # web pages, PDF, Word through LibreOffice, Label Studio JSON
LAZY |= formats.LAZY
SUFFIXES = tuple(sorted(s for s in READERS if s))


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
    # worked out once as the article is read (`prepared`), else by the store when it needs them
    digest: str = field(default="", repr=False, compare=False)
    grams: str = field(default="", repr=False, compare=False)  # the full-text index's words (core.grams)
    place_guessed: bool = False  # place is the one the text is about (core.facts.document_place), not the file's

    @property
    def sha256(self) -> str:
        return self.digest or hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    """A file (or a line of one) that could not be imported, and why, in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{shown(self.path)}: {self.reason}"


def shown(path: str) -> str:
    """A file name for one line of output: control characters (a newline in a name) escaped."""
    return path if path.isprintable() else "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in path)


@dataclass(frozen=True)
class FileBatch:
    """All articles of one file: imported together or not at all.

    articles is a tuple, or for a large JSONL file an iterator read while importing; a
    ValueError raised by it is that file's problem (nothing of the file stays).
    """

    path: str
    articles: Iterable[Article] = ()
    problem: Problem | None = None
    notes: tuple[str, ...] = field(default=())


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
    """Everything importable under path (a file or a folder, recursively), one batch per file.

    A folder that cannot be read is one problem line; its readable siblings still come.
    """
    name = str(path)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists() or path.is_symlink()
    except OSError as exc:
        yield FileBatch(name, problem=Problem(name, f"cannot read it ({exc.strerror or exc})"))
        return
    if not exists:
        yield FileBatch(name, problem=Problem(name, "no such file or folder"))
        return
    if not is_dir:
        yield read_file(path, reflow_text=reflow_text)
        return
    problems: list[OSError] = []
    for folder, dirs, files in os.walk(path, onerror=problems.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from _folder_problems(problems)
        for file_name in sorted(files):
            child = Path(folder, file_name)
            if child.suffix.lower() in READERS and child.suffix and not file_name.startswith((".", "~$")):
                yield read_file(child, reflow_text=reflow_text)
    yield from _folder_problems(problems)


def _folder_problems(problems: list[OSError]) -> Iterator[FileBatch]:
    while problems:
        exc = problems.pop(0)
        where = str(exc.filename or "")
        yield FileBatch(where, problem=Problem(where, f"cannot read this folder ({exc.strerror or exc}); skipped"))


def read_file(path: Path, *, reflow_text: bool = False) -> FileBatch:
    name = str(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(s for s in SUFFIXES)
        return FileBatch(name, problem=Problem(name, f"unsupported file type {suffix}; curator reads {known}"))
    try:
        records = reader(path)
        articles = (to_article(record, name, reflow_text) for record in records)
        if suffix in LAZY and limits.check_regular(path) > MAX_BYTES:
            return FileBatch(name, articles=_named(articles, name))
        found = tuple(articles)
    except (DecodeError, ValueError) as exc:
        return FileBatch(name, problem=Problem(name, str(exc)))
    except OSError as exc:
        return FileBatch(name, problem=Problem(name, f"cannot read it ({exc.strerror or exc})"))
    if not found:
        return FileBatch(name, problem=Problem(name, "empty file (no text)"))
    return FileBatch(name, articles=found)


def prepared(batch: FileBatch) -> FileBatch:
    """The batch with what the store needs worked out ahead: each article's digest and index words,
    and, for an article the file gave no place, the place its text is about."""
    if batch.problem:
        return batch
    if isinstance(batch.articles, tuple):
        return replace(batch, articles=tuple(map(prepared_article, batch.articles)))
    return replace(batch, articles=map(prepared_article, batch.articles))


def prepared_article(article: Article) -> Article:
    place = article.place or document_place(article.text)
    return replace(article, digest=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
                   grams=index_text(article.text), place=place, place_guessed=place != article.place)


def _named(articles: Iterator[Article], name: str) -> Iterator[Article]:
    """A streamed file's articles; a read error becomes a ValueError the importer reports for the file."""
    try:
        yield from articles
    except OSError as exc:
        raise ValueError(f"cannot read it ({exc.strerror or exc})") from None


def to_article(record: RawRecord, origin: str, reflow_text: bool = False) -> Article:
    """Normalise the record's text and move its spans with it; ValueError when a span cannot move,
    or when a text field holds half of a character (a lone surrogate: JSON allows "\\ud800")."""
    where = f"line {record.line}: " if record.line else ""
    for name, value in (("text", record.text), ("title", record.title), ("source", record.source),
                        ("published", record.published), ("place", record.place)):
        if broken := _SURROGATE.search(value):
            raise ValueError(f"{where}its {name} holds U+{ord(broken.group()):04X}, half of a character, "
                             "not text (a broken \\u escape?)")
    if record.spans:
        text, position = normalise_with_map(record.text)
        spans = []
        for span in record.spans:
            try:
                start, end = position(span.start), position(span.end)
            except SplitCharacter as exc:
                raise ValueError(f"{where}span {span.start}-{span.end}: {exc}") from None
            except ValueError as exc:
                raise ValueError(f"{where}span {span.start}-{span.end}: {exc}") from None
            if start >= end:
                raise ValueError(f"{where}span {span.start}-{span.end} holds only characters normalisation removes")
            spans.append({**span.attrs, "start": start, "end": end, "label": span.label})
        if reflow_text:
            reflow_text = False  # the stored offsets are for this text: an annotated text is kept as it is
    else:
        text, spans = normalise(record.text), []
    if reflow_text:
        text = reflow(text)
    if len(text) > limits.MAX_CHARS:
        raise ValueError(f"{where}its text is over 20 MB; split it first")
    if not text.strip():
        raise ValueError(f"{where}empty (no text)" if where else "empty file (no text)")
    return Article(
        text=text,
        title=record.title.strip()[:TITLE_MAX] or title_of(text),
        origin=f"{origin}:{record.line}" if record.line else origin,
        source=record.source,
        published=record.published,
        place=record.place,
        status=record.status or "todo",
        spans=tuple(spans),
        initiatives=record.initiatives,
        figures=record.figures,
        line=record.line,
    )
