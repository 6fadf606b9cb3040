from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.core.readers import limits
from curator.core.importing import normalise, read_file, read_path, reflow, title_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_normalise_strips_bom_unifies_line_ends_and_composes():
    assert normalise("\ufeffa\r\nb\rc\u0065\u0301") == "a\nb\nc\u00e9"


def test_title_is_first_non_empty_line_printed_once():
    assert title_of("\n  倾力擦亮瀚海新城倾力擦亮瀚海新城\n正文") == "倾力擦亮瀚海新城"


def test_reflow_joins_column_lines_of_seed_003():
    text = normalise((SEEDS / "003_e4a1ad1086615758.txt").read_text(encoding="utf-8"))
    assert "25420\n\n份" in text
    flowed = reflow(text)
    assert "发放宣传品 25420份，25000 余名群众同心同力" in flowed
    assert "整合资源\n精准对接群众需求" in flowed  # headings stay on their own lines


def test_reflow_keeps_a_doubled_title_once_in_seed_002():
    text = normalise((SEEDS / "002_30a7f78b16fb6951.txt").read_text(encoding="utf-8"))
    flowed = reflow(text)
    assert flowed.startswith("倾力擦亮瀚海新城的幸福底色\n——青海省海西蒙古族藏族自治州格尔木市新一轮全国文明城市创建工作掠影\n")
    assert "离不开祖国未来的栋梁" in flowed


def test_reflow_is_off_by_default():
    batch = read_file(SEEDS / "003_e4a1ad1086615758.txt")
    assert batch.articles[0].text == normalise((SEEDS / "003_e4a1ad1086615758.txt").read_text(encoding="utf-8"))


def test_folder_is_read_recursively_and_skips_other_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("标题一\n正文", encoding="utf-8")
    (tmp_path / "two.txt").write_text("标题二\n正文", encoding="gbk")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    titles = sorted(a.title for batch in read_path(tmp_path) for a in batch.articles)
    assert titles == ["标题一", "标题二"]


def test_jsonl_reads_fields_and_spans(tmp_path):
    line = {"text": "格尔木市注册志愿者超3万人", "title": "T", "source": "青海日报", "published": "2021-08-03",
            "place": "格尔木市", "spans": [[0, 4, "place"], [9, 13, "figure", {"value": 30000}]]}
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n\n", encoding="utf-8")
    (article,) = read_file(path).articles
    assert (article.title, article.source, article.published, article.place) == ("T", "青海日报", "2021-08-03", "格尔木市")
    assert article.spans == ({"start": 0, "end": 4, "label": "place"}, {"start": 9, "end": 13, "label": "figure", "value": 30000})


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"text": "好"}\n{"text": broken}\n', "malformed JSON on line 2"),
        ('{"text": "好"}\n["not", "an", "object"]\n', "line 2 is not an object"),
        ('{"title": "no text"}\n', "line 1 is not an object"),
        ('{"text": "好", "spans": [[0]]}\n', "a span must be"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path, content, reason):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    batch = read_file(path)
    assert batch.articles == () and reason in batch.problem.reason


def test_docx_paragraphs_become_lines(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("格尔木市：文明之花绽放昆仑山下")
    document.add_paragraph("注册志愿者超3万人。")
    document.save(tmp_path / "a.docx")
    (article,) = read_file(tmp_path / "a.docx").articles
    assert article.text == "格尔木市：文明之花绽放昆仑山下\n注册志愿者超3万人。"
    assert article.title == "格尔木市：文明之花绽放昆仑山下"


def test_broken_docx_is_one_clear_problem(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    assert "not a readable .docx" in read_file(tmp_path / "bad.docx").problem.reason


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300), "binary"),
        ("sheet.xls", b"abc", "unsupported file type"),
    ],
)
def test_bad_files_get_one_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    problem = read_file(tmp_path / name).problem
    assert reason in problem.reason and name in str(problem)


def test_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 1000)
    (tmp_path / "big.txt").write_text("文" * 400, encoding="utf-8")
    assert "over 20 MB" in read_file(tmp_path / "big.txt").problem.reason
