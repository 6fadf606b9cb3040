"""The new readers behind the import registry, into a real project file (as the lead will wire them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from curator.core import importing
from curator.core.readers import formats, office
from curator.store import Project

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def registry(monkeypatch):
    for suffix, reader in formats.READERS.items():
        monkeypatch.setitem(importing.READERS, suffix, reader)
    monkeypatch.setattr(importing, "LAZY", importing.LAZY | formats.LAZY)


def test_a_folder_of_pages_pdfs_and_exports_imports_with_titles_dates_sources_and_spans(registry, tmp_path):
    folder = tmp_path / "收到的文章"
    folder.mkdir()
    for name in ("pages/gov_gbk.html", "pages/saved_chrome.mhtml", "office/article_2col.pdf",
                 "peers/label_studio_export.json"):
        shutil.copy(DATA / name, folder / Path(name).name)
    (folder / "scanned.pdf").write_bytes((DATA / "office" / "scanned.pdf").read_bytes())
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(importing.read_path(folder))
        assert [str(problem).split(": ", 1)[1] for problem in report.problems] == [
            "no text layer (3 pages); curator cannot read scanned PDFs yet — OCR it first"]
        docs = {d.title: project.document(d.id) for d in project.documents()}
        page = docs["提升“硬件” 完善“软件”"]
        assert (page.published, page.source) == ("2023-07-15", "http://www.geermu.gov.cn/html/2023/0715/4521.html")
        assert docs["青海省格尔木市文明交通志愿者协会正式揭牌成立"].published == "2023-09-18"
        assert "格尔木市：文明之花绽放昆仑山下" in docs
        tasks = docs["格尔木市志愿服务"]
        spans = project.spans(tasks.id)
        assert [(s.text, s.label, s.origin, s.annotator) for s in spans] == [
            ("格尔木市", "地点", "manual", "wang@example.org"), ("3万人", "数据", "manual", "wang@example.org"),
            ("3万人", "数据", "suggested", "rules-v2")]
        assert spans[2].attrs.get("score") == 0.87
        crlf = next(d for d in docs.values() if d.text.startswith("第一行"))
        assert [s.text for s in project.spans(crlf.id)] == ["志愿服务队"]


@pytest.mark.skipif(office.find_soffice() is None, reason="LibreOffice is not installed")
def test_a_doc_imports_through_libreoffice(registry, tmp_path):
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(importing.read_path(DATA / "office" / "article.doc"))
        assert not report.problems
        [summary] = project.documents()
        assert project.document(summary.id).text == (DATA / "office" / "article.gold.txt").read_text(encoding="utf-8").strip("\n")
