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
