"""PDF through its text layer (pypdfium2): reading order, columns joined, running headers and page numbers dropped.

A page gives positioned lines (a LineSource: the text layer now, OCR later). Lines that run
across the middle of the page are read in place; runs of lines that keep to one half are read
left column first. Lines are joined into paragraphs by the layout: a paragraph starts at an
indented line or after a line that stops short of the column's right edge (or a wide gap).
"""

from __future__ import annotations

import bisect
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from curator.core.readers.limits import MAX_PDF_BYTES, MAX_PDF_PAGES, check_regular, check_size
from curator.core.records import RawRecord


@dataclass(frozen=True)
class Line:
    """A line of text on a page, in PDF points (origin bottom left)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass(frozen=True)
class PageLines:
    width: float
    height: float
    lines: tuple[Line, ...]


LineSource = Callable[[object], PageLines]  # a pypdfium2 page -> its lines
_MARGIN = 0.09  # share of the page height where running headers and footers live
_PAGE_NUMBER = re.compile(r"^[\s\-—–·•第页Page/of()（）]*\d{1,4}[\s\-—–·•第页/of共()（）\d]*$", re.I)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003ffff“”‘’]")


def text_layer_lines(page) -> PageLines:  # noqa: ANN001 - a pypdfium2 PdfPage
    """The page's text layer as lines, from its characters and their boxes.

    A line ends where pdfium breaks it, or where the next character goes back left or jumps
    over a gutter. Spaces pdfium generates beside Chinese characters (between a CJK and a
    Latin run) are layout, not text: they are dropped.
    """
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        chars = []
        for index, char in enumerate(text[:count]):
            generated = bool(pdfium_c.FPDFText_IsGenerated(textpage.raw, index))
            chars.append((char, generated, textpage.get_charbox(index, loose=True)))
    finally:
        textpage.close()
    return PageLines(width, height, tuple(_lines_of(chars)))


def _lines_of(chars: list[tuple[str, bool, tuple[float, float, float, float]]]) -> list[Line]:
    lines: list[Line] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []

    def close() -> None:
        while current and current[-1][0].isspace():
            current.pop()
        if current:
            boxes = [box for char, box in current if not char.isspace()]
            lines.append(Line("".join(char for char, _ in current).strip(), min(b[0] for b in boxes),
                              min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)))
        current.clear()

    for index, (char, generated, box) in enumerate(chars):
        if char in "\r\n":
            close()
            continue
        if char.isspace():
            beside = chars[index - 1][0] if index else ""
            after = chars[index + 1][0] if index + 1 < len(chars) else ""
            if not current or (generated and (_CJK.match(beside) or _CJK.match(after))):
                continue
            current.append((" ", box))
            continue
        if current:
            last = next((b for c, b in reversed(current) if not c.isspace()), None)
            size = max(box[3] - box[1], 1.0)
            if last is not None and (box[0] < last[0] - size or box[0] - last[2] > 1.5 * size
                                     or box[3] < last[1] or box[1] > last[3]):
                close()
        current.append((char, box))
    close()
    return sorted(lines, key=lambda line: (-round(line.top), line.left))


def gutters(page: PageLines) -> list[float]:
    """x positions between text columns: vertical strips that (almost) no narrow line crosses.

    Narrow lines (under 60% of the text width) show the columns; a centred heading may cross
    a gutter, so a strip crossed by a few of them still counts. A strip is a gutter when at
    least three narrow lines lie on each side of it. A one-column page has none.
    """
    if not page.lines:
        return []
    left = min(line.left for line in page.lines)
    right = max(line.right for line in page.lines)
    narrow = [line for line in page.lines if line.right - line.left < 0.6 * (right - left)]
    if len(narrow) < 6:
        return []
    height = sorted(line.height for line in narrow)[len(narrow) // 2]
    xs = [left + step for step in range(int(right - left) + 1)]
    crossing = [sum(line.left < x < line.right for line in narrow) for x in xs]
    allowed = max(crossing) // 10  # a few centred headings may cross a gutter
    cuts: list[float] = []
    strip_start = None
    for x, count in zip(xs, crossing):
        if count <= allowed and strip_start is None:
            strip_start = x
        elif count > allowed and strip_start is not None:
            if x - strip_start >= 0.5 * height and strip_start > left:
                cuts.append((strip_start + x) / 2)
            strip_start = None
    return [cut for cut in cuts if _supported(cut, narrow)]


def _supported(cut: float, narrow: list[Line]) -> bool:
    return sum(line.right < cut for line in narrow) >= 3 and sum(line.left > cut for line in narrow) >= 3


def reading_order(page: PageLines) -> list[list[Line]]:
    """Blocks of lines in reading order: lines across a gutter in place, runs between them column by column."""
    cuts = gutters(page)
    blocks: list[list[Line]] = []
    run: list[Line] = []

    def flush() -> None:
        columns: dict[int, list[Line]] = {}
        for line in run:
            columns.setdefault(bisect.bisect(cuts, (line.left + line.right) / 2), []).append(line)
        blocks.extend(columns[index] for index in sorted(columns))
        run.clear()

    for line in page.lines:
        if any(line.left < cut < line.right for cut in cuts):
            flush()
            blocks.append([line])
        else:
            run.append(line)
    flush()
    return _merge_blocks(blocks)


def _merge_blocks(blocks: list[list[Line]]) -> list[list[Line]]:
    """Consecutive full-width lines are one block (a one-column page is one block)."""
    merged: list[list[Line]] = []
    for block in blocks:
        if merged and len(block) == 1 and len(merged[-1]) >= 1 and _same_column(merged[-1][-1], block[0]):
            merged[-1].append(block[0])
        else:
            merged.append(list(block))
    return merged


def _same_column(a: Line, b: Line) -> bool:
    return b.top <= a.bottom + 2 * a.height and abs(a.left - b.left) < 4 * a.height


def _furniture(pages: Sequence[PageLines]) -> set[tuple[int, int]]:
    """(page, line) of running headers, footers and page numbers: in the margins, and repeated or a number."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.replace(" ", ""))

    in_margin = {}
    for page_no, page in enumerate(pages):
        for line_no, line in enumerate(page.lines):
            if line.bottom > page.height * (1 - _MARGIN) or line.top < page.height * _MARGIN:
                in_margin[(page_no, line_no)] = line
    repeated = Counter(key(line) for line in in_margin.values())
    return {where for where, line in in_margin.items()
            if _PAGE_NUMBER.match(line.text.strip()) or (len(pages) > 1 and repeated[key(line)] > 1)}


def paragraphs(blocks: list[list[Line]]) -> list[str]:
    """Join lines into paragraphs, across blocks, columns and pages.

    A paragraph starts at a line indented from its block's left edge, after a line that stops
    short of its block's right edge (see _short), after a wide gap, or where the type size changes.
    """
    out: list[str] = []
    previous: tuple[Line, float] | None = None  # the last line and its block's right edge
    for block in blocks:
        left = min(line.left for line in block)
        right = max(line.right for line in block)
        for line in block:
            text = line.text.strip()
            if not text:
                continue
            starts = (previous is None or line.left - left > 0.8 * line.height
                      or _short(previous[0], previous[1], line)
                      or previous[0].bottom - line.top > 1.2 * line.height
                      or abs(line.height - previous[0].height) > 0.25 * previous[0].height)
            if starts or not out:
                out.append(text)
            else:
                out[-1] = _join(out[-1], text)
            previous = (line, right)
    return out


_PARAGRAPH_END = re.compile(r"[。！？…!?][”’」』）)]?$")


_OPEN = "“‘《「『（(【〈"
_CLOSE = "、，。；：！？”’）》」』】〉,.;:!?)"
_WORD = r"(?:[A-Za-z0-9.%+\-/]+|.)"
# what a line breaker keeps together at a line start: opening marks with their character, closing marks after it
_LEADING_CHUNK = re.compile(  # “ ” ‘ ’ glue to both neighbours (UAX #14 class QU)
    rf"^[{_OPEN}]*{_WORD}(?:[{_CLOSE}]*[“”‘’]+[{_OPEN}]*{_WORD})*[{_CLOSE}]*[A-Za-z0-9.%+\-/]*")


def _width_in_em(text: str) -> float:
    return sum(0.55 if ord(char) < 0x2000 else 1.0 for char in text)


def _short(line: Line, right: float, following: Line) -> bool:
    """Does line end its paragraph by stopping short of the right edge?

    Ending a sentence well short of the edge does; otherwise only when the next line's first
    unbreakable chunk (a character and its punctuation, a number) would have fitted in the gap.
    """
    gap = right - line.right
    if gap <= 1.5 * line.height:
        return False
    if _PARAGRAPH_END.search(line.text.rstrip()):
        return True
    chunk = _LEADING_CHUNK.match(following.text.strip())
    return gap > (_width_in_em(chunk.group(0)) + 0.5) * following.height if chunk else True


def _join(head: str, tail: str) -> str:
    """Chinese lines join without a space; Latin words keep one (a hyphen at the break is dropped)."""
    if head.endswith("-") and tail[:1].isalpha():
        return head[:-1] + tail
    if _CJK.search(head[-1:]) or _CJK.search(tail[:1]):
        return head + tail
    return f"{head} {tail}"


def read_pdf(path: Path, *, lines_of: LineSource = text_layer_lines) -> RawRecord:
    """The PDF's text in reading order as one document; ValueError with a reason otherwise."""
    import pypdfium2 as pdfium  # a C library: loaded only when a PDF is read

    size = check_regular(path)
    check_size(size, MAX_PDF_BYTES)
    with path.open("rb") as f:
        head = f.read(1024)
    if not head.strip():
        raise ValueError("empty file")
    if b"%PDF-" not in head:
        raise ValueError("not a PDF (it does not start with %PDF)")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ValueError("the PDF is protected by a password; remove it and try again") from None
        raise ValueError(f"not a readable PDF ({exc})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise ValueError("the PDF has no pages")
        if count > MAX_PDF_PAGES:
            raise ValueError(f"the PDF has {count} pages (limit {MAX_PDF_PAGES}); split it first")
        pages = _all_pages(pdf, count, lines_of)
    finally:
        pdf.close()
    return RawRecord(text=_text(pages, count))


TIME_BUDGET_S = 120.0  # a crafted PDF can make each page slow; a bulletin reads in well under a second a page


def _all_pages(pdf, count: int, lines_of: LineSource) -> list[PageLines]:  # noqa: ANN001 - a PdfDocument
    deadline = time.monotonic() + TIME_BUDGET_S
    pages = []
    for index in range(count):
        if time.monotonic() > deadline:
            raise ValueError(f"reading its text took over {TIME_BUDGET_S:.0f} s (stopped at page {index + 1} of {count}); "
                             "not read")
        pages.append(lines_of(pdf[index]))
    return pages


def _text(pages: list[PageLines], count: int) -> str:
    if sum(len(line.text.strip()) for page in pages for line in page.lines) < 5 * count:
        raise ValueError(f"no text layer ({count} page{'s' if count != 1 else ''}); "
                         "curator cannot read scanned PDFs yet — OCR it first")
    dropped = _furniture(pages)
    kept = [PageLines(page.width, page.height, tuple(line for line_no, line in enumerate(page.lines)
                                                      if (page_no, line_no) not in dropped))
            for page_no, page in enumerate(pages)]
    blocks = [block for page in kept for block in reading_order(page)]
    return "\n".join(paragraphs(blocks))
