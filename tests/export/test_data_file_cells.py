"""JSONL and CSV files for data people, written from hand-made rows and read back byte for byte.

test_export_data_files.py exports a whole project; these call the writers (curator/export/jsonl.py,
csvfile.py) with a few rows, so each field's form is checked alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from curator.export.csvfile import CsvTable, write_csv, write_csv_tables
from curator.export.files import TargetExists
from curator.export.jsonl import write_jsonl
from curator.export.sheets import FIGURES, INITIATIVES, Column, SheetSpec

DOCS = [
    {"text": "格尔木市志愿者超3万人。", "title": "标题一", "spans": [[0, 4, "place", {"id": 1, "origin": "manual"}]]},
    {"text": "第二篇", "title": "=1+1", "spans": []},
]


# -- JSONL ---------------------------------------------------------------------------------------------

def test_jsonl_is_one_compact_object_a_line_in_utf8(tmp_path: Path):
    path = tmp_path / "文章.jsonl"
    assert write_jsonl(path, iter(DOCS)) == 2
    raw = path.read_bytes()
    assert raw == (json.dumps(DOCS[0], ensure_ascii=False, separators=(",", ":")) + "\n"
                   + json.dumps(DOCS[1], ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    assert b'"text":"\xe6\xa0\xbc' in raw and b", " not in raw and b"\r" not in raw
    assert [json.loads(line) for line in raw.decode("utf-8").splitlines()] == DOCS


def test_jsonl_of_no_documents_is_an_empty_file(tmp_path: Path):
    path = tmp_path / "空.jsonl"
    assert write_jsonl(path, []) == 0
    assert path.read_bytes() == b""


def test_jsonl_keeps_a_line_break_inside_a_text_escaped(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [{"text": "第一行\n第二行\r\n第三行\u2028"}])
    assert path.read_text(encoding="utf-8").count("\n") == 1
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == "第一行\n第二行\r\n第三行\u2028"


def test_jsonl_replaces_a_file_only_when_asked(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TargetExists):
        write_jsonl(path, DOCS)
    assert path.read_text(encoding="utf-8") == "old"
    assert write_jsonl(path, DOCS, overwrite=True) == 2
    assert path.read_text(encoding="utf-8").startswith('{"text":"格尔木市')


# -- CSV -----------------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_has_a_bom_the_headers_and_one_line_a_row_without_key_and_check(tmp_path: Path):
    path = tmp_path / "数据.csv"
    rows = [{"key": "3-7", "indicator": "志愿者", "value": 30000.0, "unit": "人", "id": 7, "check": "abc.def",
             "as_of": "2021年8月3日", "evidence": "一句，有逗号"}]
    assert write_csv(path, FIGURES, rows) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 2  # csv's own line ends, never doubled
    header, line = read_csv(path)
    expected = [c.header for c in FIGURES.columns if c.key not in ("key", "check")]
    assert header == expected and "编号" not in header and "校验(勿改)" not in header and "行号(勿改)" in header
    values = dict(zip(header, line))
    assert (values["指标"], values["数值"], values["单位"], values["行号(勿改)"]) == ("志愿者", "30000", "人", "7")
    assert (values["日期"], values["证据原句"], values["限定"]) == ("2021-08-03", "一句，有逗号", "")


@pytest.mark.parametrize("value, field", [
    (30000.0, "30000"), (2.5, "2.5"), (0, "0"), (None, ""), ("约3万", "约3万"), ("=1+2", "'=1+2"), ("", ""),
    (-4.0, "-4"), (2**60 * 1.0, str(float(2**60))),
])
def test_a_number_column_holds_the_number_as_typed(tmp_path: Path, value, field: str):
    path = write_one(tmp_path, Column("v", "数值", 8, "number"), value)
    assert read_csv(path)[1] == [field]


@pytest.mark.parametrize("value, field", [
    ("2021-08-03", "2021-08-03"), ("2021/8/3", "2021-08-03"), (dt.date(2021, 8, 3), "2021-08-03"),
    (dt.datetime(2021, 8, 3, 10), "2021-08-03"), ("2021年9月", "2021年9月"), ("-2021", "'-2021"), (None, ""),
])
def test_a_date_column_holds_an_iso_day_or_the_text(tmp_path: Path, value, field: str):
    path = write_one(tmp_path, Column("d", "日期", 14, "date"), value)
    assert read_csv(path)[1] == [field]


@pytest.mark.parametrize("value, field", [
    ("=1+2", "'=1+2"), ("+SUM(1)", "'+SUM(1)"), ("-2+3", "'-2+3"), ("@A1", "'@A1"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("a=1", "a=1"), (5, "5"), (None, ""), ("多行\n文本", "多行\n文本"),
])
def test_a_text_column_defuses_what_a_spreadsheet_would_run(tmp_path: Path, value, field: str):
    path = write_one(tmp_path, Column("t", "文本", 14, "wrap"), value)
    assert read_csv(path)[1] == [field]


def write_one(tmp_path: Path, column: Column, value) -> Path:
    path = tmp_path / "one.csv"
    write_csv(path, SheetSpec("表", (column,)), [{column.key: value}])
    return path


def test_several_tables_are_written_together_and_counted(tmp_path: Path):
    a, b = tmp_path / "举措.csv", tmp_path / "数据.csv"
    counts = write_csv_tables([CsvTable(a, INITIATIVES, [{"name": "甲"}, {"name": "乙"}]), CsvTable(b, FIGURES, [])])
    assert counts == [2, 0]
    assert [row[0] for row in read_csv(a)] == ["举措名称", "甲", "乙"]
    assert len(read_csv(b)) == 1


def test_csv_replaces_files_only_when_asked(tmp_path: Path):
    path = tmp_path / "数据.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TargetExists):
        write_csv(path, FIGURES, [{"indicator": "x"}])
    assert path.read_text(encoding="utf-8") == "old"
    assert write_csv(path, FIGURES, [{"indicator": "x"}], overwrite=True) == 1
    assert read_csv(path)[1][0] == "x"
