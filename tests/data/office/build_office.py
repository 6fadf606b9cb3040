"""Build the PDF and Word fixtures from a sample article: python tests/data/office/build_office.py

Needs LibreOffice (soffice). Writes article.docx (one column), article_2col.docx and article_3col.docx (columns),
both with a running header and page numbers in the footer, then asks LibreOffice for
article.pdf, article_2col.pdf, article_3col.pdf, article.doc and article.rtf, and renders scanned.pdf (page images, no text).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from curator.core.importing import normalise, reflow  # noqa: E402

HEADER = "青海日报 · 文明创建专刊"
SEED = "000_a4d19c64646bffd5.txt"


def article() -> tuple[str, list[str]]:
    text = reflow(normalise((ROOT / "seeds" / SEED).read_text(encoding="utf-8")))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[0], lines[1:]


def page_number_field(paragraph) -> None:  # noqa: ANN001
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def make_docx(path: Path, *, columns: int) -> None:
    title, body = article()
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    page_number_field(footer)
    footer.add_run(" —")
    heading = document.add_paragraph(title)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].font.size = Pt(18)
    if columns > 1:  # the headline spans the page; the body flows in columns from a continuous section
        document.add_section(0)  # WD_SECTION.CONTINUOUS
        cols = document.sections[-1]._sectPr.xpath("./w:cols")
        element = cols[0] if cols else OxmlElement("w:cols")
        element.set(qn("w:num"), str(columns))
        element.set(qn("w:space"), "425")
        if not cols:
            document.sections[-1]._sectPr.append(element)
    for paragraph in body:
        document.add_paragraph(paragraph).paragraph_format.first_line_indent = Pt(24)
    document.save(str(path))


def convert(source: Path, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(HERE), str(source)], check=True, capture_output=True, timeout=120)


def make_protected(target: Path) -> None:
    """A one-line PDF that opens only with a password (LibreOffice's export filter options)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "protected.docx"
        document = Document()
        document.add_paragraph("格尔木市文明城市创建")
        document.save(str(source))
        options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                   '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                        options, "--outdir", folder, str(source)], check=True, capture_output=True, timeout=120)
        shutil.copy(Path(folder) / "protected.pdf", target)


def make_scanned(source: Path, target: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    for index in range(len(pdf)):
        bitmap = pdf[index].render(scale=0.6, grayscale=True)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        width, height = pdf[index].get_size()
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page = out.new_page(width, height)
        page.insert_obj(image)
        page.gen_content()
    out.save(str(target))


def main() -> None:
    if not shutil.which("soffice"):
        sys.exit("needs LibreOffice (soffice)")
    title, body = article()
    (HERE / "article.gold.txt").write_text("\n".join([title, *body, ""]), encoding="utf-8")
    make_docx(HERE / "article.docx", columns=1)
    make_docx(HERE / "article_2col.docx", columns=2)
    convert(HERE / "article.docx", "pdf")
    convert(HERE / "article_2col.docx", "pdf")
    make_docx(HERE / "article_3col.docx", columns=3)
    convert(HERE / "article_3col.docx", "pdf")
    (HERE / "article_3col.docx").unlink()
    convert(HERE / "article.docx", "doc")
    convert(HERE / "article.docx", "rtf")
    make_scanned(HERE / "article.pdf", HERE / "scanned.pdf")
    make_protected(HERE / "protected.pdf")
    (HERE / "article_2col.docx").unlink()


if __name__ == "__main__":
    main()
