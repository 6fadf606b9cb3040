from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from curator.core.importing import to_article
from curator.core.readers import office
from curator.core.readers.formats import READERS

DATA = Path(__file__).resolve().parent.parent / "data"
CASES = [
    ("pages/news_utf8.html", "格尔木市：文明之花绽放昆仑山下"),
    ("pages/lying_charset.htm", "倾力擦亮瀚海新城的幸福底色"),
    ("pages/saved_chrome.mhtml", "青海省格尔木市文明交通志愿者协会正式揭牌成立"),
    ("office/article.pdf", "格尔木市：文明之花绽放昆仑山下"),
    ("office/article.doc", "格尔木市：文明之花绽放昆仑山下"),
    ("office/article.rtf", "格尔木市：文明之花绽放昆仑山下"),
    ("peers/label_studio_export.json", "格尔木市志愿服务"),
]


@pytest.mark.parametrize(("name", "title"), CASES)
def test_each_format_reads_by_its_suffix_into_an_article(name, title):
    path = DATA / name
    if path.suffix in (".doc", ".rtf") and office.find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    records = list(READERS[path.suffix](path))
    assert to_article(records[0], str(path)).title == title


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_an_empty_file_is_refused_with_one_reason_in_every_format(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(ValueError) as caught:
        list(READERS[suffix](path))
    assert "\n" not in str(caught.value) and str(caught.value)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_a_file_of_another_kind_is_refused_in_every_format(tmp_path, suffix):
    path = tmp_path / f"photo{suffix}"
    shutil.copy(DATA / "office" / "scanned.pdf", path) if suffix != ".pdf" else path.write_bytes(b"\x89PNG\r\n\x1a\n" * 50)
    with pytest.raises(ValueError):
        list(READERS[suffix](path))
