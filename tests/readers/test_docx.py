"""Word .docx read with bounds: each guard exact at its limit, each refusal one message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from curator.core.readers import docx
from curator.core.readers.docx import read_docx
from curator.core.readers.limits import TooLarge

W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
END = b"</w:body></w:document>"


def _docx(path: Path, body: bytes, *, extra: dict[str, bytes] | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", W + body + END)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _para(*runs: str) -> bytes:
    return b"<w:p><w:r>" + b"".join(f"<w:t>{run}</w:t>".encode() for run in runs) + b"</w:r></w:p>"


def _refusal(path: Path, kind: type[Exception] = ValueError) -> str:
    with pytest.raises(kind) as caught:
        read_docx(path)
    return str(caught.value)


def test_paragraphs_tabs_and_breaks_keep_their_places(tmp_path):
    body = (_para("格尔木市", "志愿者") + b"<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t>"
            b"<w:cr/><w:t>D</w:t><w:t/></w:r></w:p>" + b"<w:p/>" + _para("完"))
    [record] = read_docx(_docx(tmp_path / "a.docx", body))
    assert record.text == "格尔木市志愿者\nA\tB\nC\nD\n\n完"
    assert (record.title, record.spans, record.line) == ("", (), 0)


def test_a_paragraph_inside_a_paragraph_stays_on_its_line(tmp_path):
    body = (b"<w:p><w:r><w:t>before </w:t></w:r><w:r><w:txbxContent>" + _para("boxed") +
            b"</w:txbxContent></w:r><w:r><w:t> after</w:t></w:r></w:p>" + _para("next"))
    [record] = read_docx(_docx(tmp_path / "a.docx", body))
    assert record.text == "before boxed after\nnext"


def test_text_of_exactly_the_limit_is_read_and_one_character_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx, "MAX_CHARS", 10)
    # each paragraph counts its characters and one for its line end: 5 + 1 + 3 + 1 = 10
    [record] = read_docx(_docx(tmp_path / "ok.docx", _para("12345") + _para("678")))
    assert record.text == "12345\n678"
    assert _refusal(_docx(tmp_path / "big.docx", _para("12345") + _para("6789")), TooLarge) == (
        "its text is over 20 MB; split it first")
    assert _refusal(_docx(tmp_path / "run.docx", _para("12345678901")), TooLarge) == (
        "its text is over 20 MB; split it first")  # refused inside the paragraph, before it ends


def test_a_file_not_a_zip_is_named(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    assert _refusal(tmp_path / "bad.docx") == "not a readable .docx (File is not a zip file)"


def test_a_zip_without_a_document_part_is_named(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as z:
        z.writestr("word/other.xml", "<x/>")
    assert _refusal(tmp_path / "a.docx") == "not a readable .docx (no word/document.xml; is it a Word document?)"


def test_a_document_part_that_is_not_xml_is_named(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document>unclosed")
    message = _refusal(tmp_path / "a.docx")
    assert message.startswith("not a readable .docx (its document part is not XML: ") and message.endswith(")")


def test_an_encrypted_document_part_is_named(tmp_path):
    path = _docx(tmp_path / "a.docx", _para("secret"))
    data = bytearray(path.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" bit in both headers of every member
        at = data.find(header)
        while at >= 0:
            flags = at + (6 if header == b"PK\x03\x04" else 8)
            data[flags] |= 0x1
            at = data.find(header, at + 4)
    path.write_bytes(bytes(data))
    assert _refusal(path) == "the .docx is encrypted; remove the password and try again"


def test_the_number_of_members_is_bounded_exactly(tmp_path, monkeypatch):
    monkeypatch.setattr(docx, "MAX_MEMBERS", 3)
    ok = _docx(tmp_path / "ok.docx", _para("文明"), extra={"word/styles.xml": b"<x/>"})  # 3 members
    assert read_docx(ok)[0].text == "文明"
    many = _docx(tmp_path / "many.docx", _para("文明"), extra={"word/styles.xml": b"<x/>", "word/a.xml": b"<x/>"})
    assert _refusal(many) == "not a readable .docx (it holds 4 files)"


def test_the_packed_file_size_is_bounded_exactly(tmp_path, monkeypatch):
    path = _docx(tmp_path / "photo.docx", _para("文明"), extra={"word/media/image1.png": bytes(1572864)},
                 compression=zipfile.ZIP_STORED)
    size = path.stat().st_size
    monkeypatch.setattr(docx, "MAX_FILE", size)
    assert read_docx(path)[0].text == "文明"
    monkeypatch.setattr(docx, "MAX_FILE", size - 1)
    assert _refusal(path, TooLarge) == "over 1.5 MB (1.5 MB); split it first"
    monkeypatch.setattr(docx, "MAX_FILE", 1048576)
    assert _refusal(path, TooLarge) == "over 1.0 MB (1.5 MB); split it first"


def test_the_default_bounds():
    assert (docx.MAX_MEMBERS, docx.MAX_PART, docx.MAX_RATIO, docx.MAX_FILE) == (
        5000, 512 * 1024 * 1024, 200, 200 * 1024 * 1024)


def _filler(size: int) -> bytes:
    """A document part of exactly size bytes that packs very small (a long run of one character)."""
    head, tail = W + b"<w:p><w:r><w:t>", b"</w:t></w:r></w:p>" + END
    return head + b"a" * (size - len(head) - len(tail)) + tail


def _raw_docx(path: Path, part: bytes, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("word/document.xml", part)
    return path


def test_a_part_that_inflates_over_200_times_is_not_opened_once_over_a_megabyte(tmp_path):
    at_mb = _raw_docx(tmp_path / "mb.docx", _filler(1 << 20))  # packs about 1000 times, but only 1 MB: read
    assert len(read_docx(at_mb)[0].text) > 1_000_000
    over = _raw_docx(tmp_path / "over.docx", _filler((1 << 20) + 1))
    info = zipfile.ZipFile(over).getinfo("word/document.xml")
    assert _refusal(over, TooLarge) == (
        f"its text part unpacks to 1.0 MB from {info.compress_size / 1048576:.1f} MB; not opened (limit 20 MB of text)")


def test_a_part_that_packs_less_than_the_ratio_is_read_even_over_a_megabyte(tmp_path, monkeypatch):
    path = _raw_docx(tmp_path / "stored.docx", _filler(2 << 20), zipfile.ZIP_STORED)  # ratio 1
    assert len(read_docx(path)[0].text) > 2_000_000
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    monkeypatch.setattr(docx, "MAX_RATIO", info.file_size / info.compress_size)  # exactly at the ratio: read
    assert len(read_docx(path)[0].text) > 2_000_000
    packed = _raw_docx(tmp_path / "packed.docx", _filler(2 << 20))
    info = zipfile.ZipFile(packed).getinfo("word/document.xml")
    monkeypatch.setattr(docx, "MAX_RATIO", info.file_size / info.compress_size)
    assert len(read_docx(packed)[0].text) > 2_000_000
    monkeypatch.setattr(docx, "MAX_RATIO", info.file_size / info.compress_size - 0.01)
    assert "not opened" in _refusal(packed, TooLarge)


def test_the_unpacked_part_is_bounded_exactly(tmp_path, monkeypatch):
    path = _raw_docx(tmp_path / "a.docx", _filler(5000), zipfile.ZIP_STORED)
    monkeypatch.setattr(docx, "MAX_PART", 5000)
    assert len(read_docx(path)[0].text) > 4000
    monkeypatch.setattr(docx, "MAX_PART", 4999)
    assert _refusal(path, TooLarge) == "its text part unpacks to 0.0 MB from 0.0 MB; not opened (limit 20 MB of text)"


def test_a_folder_named_docx_is_named_a_folder(tmp_path):
    (tmp_path / "a.docx").mkdir()
    assert _refusal(tmp_path / "a.docx") == "is a folder"
