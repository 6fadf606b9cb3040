from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.readers import pdf as pdf_reader
from curator.core.readers.pdf import Line, PageLines, read_pdf

OFFICE = Path(__file__).resolve().parent.parent / "data" / "office"
GOLD = (OFFICE / "article.gold.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", ["article.pdf", "article_2col.pdf", "article_3col.pdf"])
def test_pdf_printed_by_libreoffice_reads_as_the_article_paragraph_for_paragraph(name):
    # two columns are read left then right, lines broken by the layout are joined, paragraphs kept
    assert read_pdf(OFFICE / name).text.split("\n") == GOLD


@pytest.mark.parametrize("name", ["article.pdf", "article_2col.pdf", "article_3col.pdf"])
def test_running_header_and_page_numbers_are_dropped(name):
    text = read_pdf(OFFICE / name).text
    assert "文明创建专刊" not in text and "— 1 —" not in text and not text.rstrip().endswith("3")


def test_scanned_pdf_is_refused_naming_its_page_count():
    with pytest.raises(ValueError) as caught:
        read_pdf(OFFICE / "scanned.pdf")
    assert str(caught.value) == "no text layer (3 pages); curator cannot read scanned PDFs yet — OCR it first"


def test_another_line_source_can_stand_in_for_the_text_layer():
    # where OCR will plug in: a function from a page to positioned lines
    def ocr(page) -> PageLines:
        width, height = page.get_size()
        return PageLines(width, height, (Line("扫描页的第一行文字，没有", 90, 700, 522, 712), Line("结束。", 90, 680, 130, 692)))

    assert read_pdf(OFFICE / "scanned.pdf", lines_of=ocr).text == "扫描页的第一行文字，没有结束。\n" * 2 + "扫描页的第一行文字，没有结束。"


def test_lines_in_two_columns_are_read_column_by_column():
    page = PageLines(600, 800, (
        Line("标题横跨两栏的一行文字", 150, 740, 450, 760),
        Line("左栏第一行，文字很长很长", 50, 700, 280, 712), Line("右栏第一行，文字也很长长", 320, 700, 550, 712),
        Line("左栏第二行，文字很长很长", 50, 680, 280, 692), Line("右栏第二行，文字也很长长", 320, 680, 550, 692),
        Line("左栏第三行。", 50, 660, 150, 672), Line("右栏第三行。", 320, 660, 420, 672),
    ))
    assert pdf_reader.paragraphs(pdf_reader.reading_order(page)) == [
        "标题横跨两栏的一行文字", "左栏第一行，文字很长很长左栏第二行，文字很长很长左栏第三行。",
        "右栏第一行，文字也很长长右栏第二行，文字也很长长右栏第三行。"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"hello, not a pdf", r"not a PDF \(it does not start with %PDF\)"),
    (b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", "not a readable PDF"),
])
def test_bad_pdf_is_refused_with_one_reason(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=reason):
        read_pdf(path)


def test_pdf_over_the_page_limit_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 2)
    with pytest.raises(ValueError, match=r"has 3 pages \(limit 2\)"):
        read_pdf(OFFICE / "article.pdf")


def test_pdf_over_the_size_limit_is_refused_before_opening(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PDF_BYTES", 1024)
    with pytest.raises(ValueError, match="over"):
        read_pdf(OFFICE / "article.pdf")


def test_password_protected_pdf_is_refused_saying_so():
    with pytest.raises(ValueError, match="^the PDF is protected by a password; remove it and try again$"):
        read_pdf(OFFICE / "protected.pdf")


def test_pdf_that_reads_too_slowly_is_given_up_with_a_reason(monkeypatch):
    monkeypatch.setattr(pdf_reader, "TIME_BUDGET_S", -1.0)
    with pytest.raises(ValueError, match=r"took over -1 s \(stopped at page 1 of 3\); not read"):
        read_pdf(OFFICE / "article.pdf")


def _blank_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(str(path))
    document.close()
    return path


def _lines(*texts: str):
    """A line source giving each page these lines in its body, each a paragraph of its own (far apart)."""
    def source(page) -> PageLines:
        width, height = page.get_size()
        return PageLines(width, height, tuple(Line(text, 90, 700 - 40 * i, 90 + 12 * len(text), 712 - 40 * i)
                                              for i, text in enumerate(texts)))
    return source


def test_a_one_page_pdf_is_read_and_a_blank_one_named_in_the_singular(tmp_path):
    path = _blank_pdf(tmp_path / "one.pdf", 1)
    assert read_pdf(path, lines_of=_lines("第一段。", "第二段。")).text == "第一段。\n第二段。"
    with pytest.raises(ValueError) as caught:
        read_pdf(path)
    assert str(caught.value) == "no text layer (1 page); curator cannot read scanned PDFs yet — OCR it first"


@pytest.mark.parametrize("texts, readable", [(("12345",), True), (("1234",), False), (("  1234  ",), False),
                                             (("12", "345"), True)])
def test_five_characters_a_page_make_a_text_layer(tmp_path, texts, readable):
    path = _blank_pdf(tmp_path / "two.pdf", 2)
    lines_of = _lines(*texts)
    if readable:
        assert read_pdf(path, lines_of=lines_of).text
    else:
        with pytest.raises(ValueError, match=r"^no text layer \(2 pages\)"):
            read_pdf(path, lines_of=lines_of)


def test_the_page_limit_is_exact(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 3)
    assert read_pdf(OFFICE / "article.pdf").text.split("\n") == GOLD
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 2)
    with pytest.raises(ValueError) as caught:
        read_pdf(OFFICE / "article.pdf")
    assert str(caught.value) == "the PDF has 3 pages (limit 2); split it first"


def test_the_default_page_limit_reads_a_long_bulletin(tmp_path):
    path = _blank_pdf(tmp_path / "long.pdf", 500)
    assert read_pdf(path, lines_of=_lines("每页一段话。")).text.count("每页一段话。") == 500
    path = _blank_pdf(tmp_path / "longer.pdf", 501)
    with pytest.raises(ValueError, match=r"^the PDF has 501 pages \(limit 500\); split it first$"):
        read_pdf(path, lines_of=_lines("每页一段话。"))


def test_the_size_limit_is_exact(monkeypatch):
    size = (OFFICE / "article.pdf").stat().st_size
    monkeypatch.setattr(pdf_reader, "MAX_PDF_BYTES", size)
    assert read_pdf(OFFICE / "article.pdf").text
    monkeypatch.setattr(pdf_reader, "MAX_PDF_BYTES", size - 1)
    with pytest.raises(ValueError) as caught:
        read_pdf(OFFICE / "article.pdf")
    assert str(caught.value).startswith("over ") and str(caught.value).endswith("; split it first")


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\t ", "empty file"),
    (b"hello, not a pdf", "not a PDF (it does not start with %PDF)"),
    (b"x" * 1024 + b"%PDF-1.4\n", "not a PDF (it does not start with %PDF)"),  # only the first 1024 bytes count
    (b"x" * 1020 + b"%PDF-1.4\n", "not a PDF (it does not start with %PDF)"),  # the mark must end in them
])
def test_what_is_not_a_pdf_is_named_exactly(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        read_pdf(path)
    assert str(caught.value) == reason


def test_a_pdf_after_some_junk_is_still_a_pdf(tmp_path):
    good = _blank_pdf(tmp_path / "one.pdf", 1).read_bytes()
    (tmp_path / "junk.pdf").write_bytes(b"x" * 1000 + good)
    assert read_pdf(tmp_path / "junk.pdf", lines_of=_lines("第一段话结束。")).text == "第一段话结束。"


def test_a_damaged_pdf_names_pdfiums_reason(tmp_path):
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    with pytest.raises(ValueError) as caught:
        read_pdf(path)
    assert str(caught.value).startswith("not a readable PDF (Failed to load document")


def test_a_folder_named_pdf_is_named_a_folder(tmp_path):
    (tmp_path / "a.pdf").mkdir()
    with pytest.raises(ValueError, match="^is a folder$"):
        read_pdf(tmp_path / "a.pdf")


class Clock:
    def __init__(self, *times: float) -> None:
        self.times = list(times)

    def __call__(self) -> float:
        return self.times.pop(0) if len(self.times) > 1 else self.times[0]


def test_the_time_budget_is_checked_before_each_page(tmp_path, monkeypatch):
    path = _blank_pdf(tmp_path / "three.pdf", 3)
    monkeypatch.setattr(pdf_reader, "TIME_BUDGET_S", 10.0)
    monkeypatch.setattr(pdf_reader.time, "monotonic", Clock(0, 0, 5, 10))  # the third page starts at the budget
    assert read_pdf(path, lines_of=_lines("第一段话结束。")).text.count("第一段话结束。") == 3
    monkeypatch.setattr(pdf_reader.time, "monotonic", Clock(0, 0, 5, 10.5))
    with pytest.raises(ValueError) as caught:
        read_pdf(path, lines_of=_lines("第一段话结束。"))
    assert str(caught.value) == "reading its text took over 10 s (stopped at page 3 of 3); not read"


def test_the_default_time_budget():
    assert pdf_reader.TIME_BUDGET_S == 120.0


def test_headers_footers_and_page_numbers_are_dropped_across_pages(tmp_path):
    path = _blank_pdf(tmp_path / "two.pdf", 2)
    numbers = iter(range(1, 3))

    def source(page) -> PageLines:
        n = next(numbers)
        return PageLines(595, 842, (Line("文明创建专刊", 90, 800, 300, 812), Line(f"第{n}页的正文。", 90, 700, 300, 712),
                                    Line(f"— {n} —", 280, 30, 320, 42)))

    assert read_pdf(path, lines_of=source).text == "第1页的正文。第2页的正文。"  # the paragraph goes on over the page
