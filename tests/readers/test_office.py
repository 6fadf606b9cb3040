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


def _fake_soffice(tmp_path: Path, body: str) -> str:
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for soffice")
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n" + body)
    fake.chmod(0o755)
    return str(fake)


def test_libreoffice_is_asked_for_a_docx_in_a_folder_of_its_own(tmp_path):
    args = tmp_path / "args"
    # the fake writes the converted file where it is told, as soffice does
    fake = _fake_soffice(tmp_path, f'printf "%s\\n" "$@" > {args}\n'
                                   f'for a; do last="$a"; done\n'
                                   'while [ "$1" != "--outdir" ]; do shift; done\n'
                                   f'cp {OFFICE / "article.docx"} "$2/input.docx"\n')
    path = tmp_path / "通知.RTF"
    path.write_bytes(b"{\\rtf1 hello}")
    [record] = read_office(path, soffice=fake)
    assert record.text.split("\n") == GOLD
    given = args.read_text().splitlines()
    assert given[0].startswith("-env:UserInstallation=file://") and given[0].endswith("/profile")
    assert given[1:7] == ["--headless", "--norestore", "--nologo", "--convert-to", "docx", "--outdir"]
    assert given[7].endswith("/out") and given[8].endswith("/input.rtf") and len(given) == 9


def test_a_conversion_that_writes_nothing_is_named(tmp_path):
    fake = _fake_soffice(tmp_path, "exit 0\n")
    with pytest.raises(ValueError) as caught:
        read_office(OFFICE / "article.doc", soffice=fake)
    assert str(caught.value) == "LibreOffice could not convert it"


def test_the_last_line_libreoffice_wrote_is_the_reason_cut_to_200(tmp_path):
    fake = _fake_soffice(tmp_path, "echo first >&2\necho '" + "x" * 300 + "' >&2\nexit 3\n")
    with pytest.raises(ValueError) as caught:
        read_office(OFFICE / "article.doc", soffice=fake)
    assert str(caught.value) == "LibreOffice could not convert it (" + "x" * 200 + ")"


def test_libreoffice_that_cannot_start_is_named(tmp_path):
    with pytest.raises(ValueError) as caught:
        read_office(OFFICE / "article.doc", soffice=str(tmp_path / "no-soffice"))
    assert str(caught.value) == "cannot start LibreOffice (No such file or directory)"


@pytest.mark.parametrize("name, kind", [("a.rtf", ".rtf"), ("a.WPS", ".wps"), ("noted", ".doc")])
def test_without_libreoffice_the_message_names_the_files_kind(tmp_path, monkeypatch, name, kind):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    path = tmp_path / name
    path.write_bytes(b"  {\\rtf1 x}" if kind == ".rtf" else (OFFICE / "article.doc").read_bytes())
    with pytest.raises(ValueError) as caught:
        read_office(path)
    assert str(caught.value) == (f"needs LibreOffice to read {kind} files: install it (Debian/Ubuntu: apt install "
                                 "libreoffice-writer-nogui; Windows, macOS: libreoffice.org)")


@pytest.mark.parametrize("data, name, message", [
    (b"", "a.doc", "empty file"),
    (b" \n\t", "a.doc", "empty file"),
    (b"plain words", "a.rtf", "not a Word document (it does not start as a .rtf file does)"),
    (b"plain words", "noted", "not a Word document (it does not start as a .doc file does)"),
    (b"x" + b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.doc", "not a Word document (it does not start as a .doc file does)"),
])
def test_what_is_not_a_word_file_is_named(tmp_path, data, name, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ValueError) as caught:
        read_office(path, soffice="/nonexistent/soffice")
    assert str(caught.value) == message


@pytest.mark.parametrize("head", [b"<html>", b"  <HTML lang='zh'>", b"<!DOCTYPE html>", b"<?xml version='1.0'?>",
                                  b"MIME-Version: 1.0\r\n", b"<meta charset='utf-8'>"])
def test_what_starts_like_a_web_page_is_read_as_one(tmp_path, head):
    page = (PAGES / "news_utf8.html").read_bytes()
    body = page[page.lower().index(b"<html"):] if not head.lower().startswith(b"mime") else page
    path = tmp_path / "通知.doc"
    if head.lower().startswith(b"mime"):
        path.write_bytes(head + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + body)
    else:
        path.write_bytes(head + body)
    [record] = read_office(path, soffice="/nonexistent/soffice")
    assert record.title == "格尔木市：文明之花绽放昆仑山下"


def test_libreoffice_is_found_on_the_path_or_where_installers_put_it(monkeypatch):
    found = {"soffice": None, "libreoffice": "/usr/bin/libreoffice"}
    monkeypatch.setattr(office.shutil, "which", lambda name: found[name])
    assert office.find_soffice() == "/usr/bin/libreoffice"
    found["soffice"] = "/usr/bin/soffice"
    assert office.find_soffice() == "/usr/bin/soffice"
    found.update(soffice=None, libreoffice=None)
    monkeypatch.setattr(office.os.path, "isfile", lambda place: place == "/opt/libreoffice/program/soffice")
    assert office.find_soffice() == "/opt/libreoffice/program/soffice"
    monkeypatch.setattr(office.os.path, "isfile", lambda place: False)
    assert office.find_soffice() is None


def test_the_default_time_limit_is_a_minute():
    assert office.TIMEOUT_S == 60.0
    import inspect

    assert inspect.signature(read_office).parameters["timeout"].default == office.TIMEOUT_S
