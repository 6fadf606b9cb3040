from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from curator.core.readers import office
from curator.core.readers.office import read_office

OFFICE = Path(__file__).resolve().parent.parent / "data" / "office"
PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
GOLD = (OFFICE / "article.gold.txt").read_text(encoding="utf-8").splitlines()
needs_soffice = pytest.mark.skipif(office.find_soffice() is None, reason="LibreOffice is not installed")


@needs_soffice
@pytest.mark.parametrize("name", ["article.doc", "article.rtf", "article.wps"])
def test_word_file_saved_by_libreoffice_reads_paragraph_for_paragraph(tmp_path, name):
    path = tmp_path / name
    shutil.copy(OFFICE / ("article.doc" if name.endswith(".wps") else name), path)  # WPS 文字 writes Word's binary format
    assert [r.text.split("\n") for r in read_office(path)] == [GOLD]


def test_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(ValueError) as caught:
        read_office(OFFICE / "article.doc")
    assert str(caught.value).startswith(
        "needs LibreOffice to read .doc files: install it (Debian/Ubuntu: apt install libreoffice-writer-nogui")


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for soffice")
def test_conversion_that_hangs_is_killed_at_the_time_limit(tmp_path):
    marker = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\n(sleep 300; echo late) &\necho $! > {marker}\nsleep 300\n")
    fake.chmod(0o755)
    with pytest.raises(ValueError, match="LibreOffice took over 1 s to convert it; not read"):
        read_office(OFFICE / "article.doc", soffice=str(fake), timeout=1)
    child = int(marker.read_text())
    for _ in range(50):  # the whole group was killed: the child too
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the converter's child process survived")


def test_failed_conversion_gives_one_reason(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for soffice")
    with pytest.raises(ValueError, match=r"LibreOffice could not convert it \(Error: source file could not be loaded\)"):
        read_office(OFFICE / "article.doc", soffice=str(fake))


def test_file_that_is_not_a_word_document_is_refused_before_libreoffice(tmp_path):
    path = tmp_path / "notes.doc"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(ValueError, match=r"not a Word document \(it does not start as a .doc file does\)"):
        read_office(path, soffice="/nonexistent/soffice")


def test_doc_that_is_really_a_web_page_is_read_as_one(tmp_path):
    path = tmp_path / "通知.doc"
    shutil.copy(PAGES / "news_utf8.html", path)
    [record] = read_office(path, soffice="/nonexistent/soffice")
    assert record.title == "格尔木市：文明之花绽放昆仑山下" and record.published == "2023-07-12"


def test_doc_that_is_really_a_docx_is_read_as_one(tmp_path):
    path = tmp_path / "article.doc"
    shutil.copy(OFFICE / "article.docx", path)
    assert [r.text.split("\n") for r in read_office(path, soffice="/nonexistent/soffice")] == [GOLD]
