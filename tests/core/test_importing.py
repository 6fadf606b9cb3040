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


# --- titles ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, title", [
    ("格尔木市格尔木市", "格尔木市"),  # a heading printed twice, four characters or more
    ("志愿者志愿者", "志愿者志愿者"),  # three are too few to tell from a real word
    ("——文明城市创建文明城市创建", "——文明城市创建"),
    ("标题：文明城市创建文明城市创建", "标题：文明城市创建"),
    ("文明城市创建", "文明城市创建"),
    ("ab" * 100 + "ab" * 100, "ab" * 100),  # 400 characters: still judged
])
def test_a_doubled_heading_is_kept_once(line, title):
    assert title_of(line) == title[:120]
    assert reflow(f"{line}\n正文。") == f"{title}\n正文。"


def test_a_line_over_400_characters_is_not_searched_for_doubling():
    line = "文明城市创建" * 67  # 402 characters, doubled in halves
    assert title_of(line) == line[:120]
    assert reflow(line) == line


def test_the_title_is_the_first_filled_line_cut_to_120_characters():
    line = "".join(chr(0x4E00 + i) for i in range(130))
    assert title_of("  \n\n" + line + "\n二") == line[:120]
    assert title_of("") == "" and title_of(" \n \n") == ""


# --- reflow ------------------------------------------------------------------------------------------

WIDE = "一二三四五六七八九十"  # a column ten characters wide
OTHER = ["十九八七六五四三二一", "甲乙丙丁戊己庚辛壬癸", "癸壬辛庚己戊丁丙乙甲", "子丑寅卯辰巳午未申酉", "酉申未午巳辰卯寅丑子"]


def test_lines_broken_by_the_column_are_joined_but_not_the_title():
    text = "\n".join(["标题十个字也不结束", WIDE, OTHER[0], "结尾。", OTHER[1], "第二段结束。"])
    assert reflow(text) == f"标题十个字也不结束\n{WIDE}{OTHER[0]}结尾。\n{OTHER[1]}第二段结束。"


@pytest.mark.parametrize("width, joined", [(8, True), (7, False)])
def test_a_line_of_three_quarters_of_the_column_or_more_was_broken(width, joined):
    # the column is 10 wide (the median line): 7.5 characters or more fill it
    lines = ["标题", *(line[:9] + "。" for line in OTHER[:2]), WIDE[:width], "下一行。", *(line[:9] + "。" for line in OTHER[2:])]
    flowed = reflow("\n".join(lines)).split("\n")
    assert (WIDE[:width] + "下一行。" in flowed) is joined


@pytest.mark.parametrize("end", list("。！？；：…”’）)」』!?;:"))
def test_a_line_that_ends_a_sentence_is_not_joined(end):
    text = "\n".join(["标题", WIDE, OTHER[0][:-1] + end, "下一段。"])
    assert reflow(text) == f"标题\n{WIDE}{OTHER[0][:-1]}{end}\n下一段。"


@pytest.mark.parametrize("mark", ["——", "◎", "●", "■"])
def test_lines_starting_with_a_standalone_mark_stay_on_their_own(mark):
    text = "\n".join(["标题", WIDE, f"{mark}{OTHER[0]}", OTHER[1] + "。"])
    assert reflow(text) == f"标题\n{WIDE}\n{mark}{OTHER[0]}\n{OTHER[1]}。"


def test_lines_are_joined_across_one_blank_line_but_not_two():
    assert reflow("\n".join(["标题", WIDE, "", OTHER[0] + "。"])) == f"标题\n{WIDE}{OTHER[0]}。"
    assert reflow("\n".join(["标题", WIDE, "", "", OTHER[0] + "。"])) == f"标题\n{WIDE}\n\n{OTHER[0]}。"


def test_a_line_printed_twice_in_a_row_is_kept_once_and_blank_runs_shrink():
    assert reflow("\n\n标题\n\n\n\n" + WIDE + "。\n" + WIDE + "。\n\n") == f"标题\n\n{WIDE}。"
    assert reflow(f"标题\n{WIDE}。\n\n{WIDE}。") == f"标题\n{WIDE}。\n\n{WIDE}。"  # not in a row: both kept


def test_the_column_width_is_the_median_of_the_lines_near_each_line():
    # twelve short lines, then fourteen long ones: the short ones fill their column, though most lines are long
    short = [chr(0x4E00 + 4 * i) + chr(0x4E01 + 4 * i) + chr(0x4E02 + 4 * i) + chr(0x4E03 + 4 * i) for i in range(12)]
    short[-1] += "。"
    long = ["".join(chr(0x5000 + 20 * i + k) for k in range(20)) + "。" for i in range(14)]
    flowed = reflow("\n".join(["标题", *short, *long])).split("\n")
    assert flowed == ["标题", "".join(short), *long]


# --- reading files and folders -------------------------------------------------------------------------

def test_a_name_with_control_characters_is_shown_on_one_line(tmp_path):
    from curator.core.importing import Problem, shown

    assert shown("a\nb\tc.txt") == "a\\nb\\tc.txt" and shown("普通.txt") == "普通.txt"
    assert str(Problem("a\nb.txt", "empty file")) == "a\\nb.txt: empty file"


def test_what_a_folder_walk_reads(tmp_path):
    for name in ["b.txt", "a.TXT", "c.md", "d.jsonl", ".hidden.txt", "~$draft.docx", "README", "photo.jpg"]:
        (tmp_path / name).write_text('{"text": "正文"}' if name.endswith("jsonl") else "正文", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "e.txt").write_text("正文", encoding="utf-8")
    names = [Path(batch.path).relative_to(tmp_path).as_posix() for batch in read_path(tmp_path)]
    assert names == ["a.TXT", "b.txt", "c.md", "d.jsonl", "z/e.txt"]


def test_a_file_without_a_suffix_is_read_as_text_when_named(tmp_path):
    (tmp_path / "README").write_text("标题\n正文", encoding="utf-8")
    [batch] = read_path(tmp_path / "README")
    assert batch.articles[0].text == "标题\n正文"


def test_a_missing_path_and_a_broken_link_are_named(tmp_path):
    [missing] = read_path(tmp_path / "nothing.txt")
    assert str(missing.problem) == f"{tmp_path / 'nothing.txt'}: no such file or folder"
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    [broken] = read_path(tmp_path / "link.txt")
    assert broken.problem.reason == "cannot read it (No such file or directory)"


def test_a_path_that_cannot_be_looked_at_is_named(tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", refuse)
    [batch] = read_path(tmp_path / "a.txt")
    assert batch.problem.reason == "cannot read it (Permission denied)"


def test_an_unsupported_file_names_what_curator_reads(tmp_path):
    (tmp_path / "sheet.xls").write_bytes(b"abc")
    assert read_file(tmp_path / "sheet.xls").problem.reason == (
        "unsupported file type .xls; curator reads .doc, .docx, .htm, .html, .json, .jsonl, .md, .mht, .mhtml, .pdf, "
        ".rtf, .text, .txt, .wps")


def test_a_read_error_is_named_with_its_reason(tmp_path, monkeypatch):
    from curator.core import importing

    def fail(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setitem(importing.READERS, ".txt", fail)
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    assert read_file(tmp_path / "a.txt").problem.reason == "cannot read it (Input/output error)"


def test_a_large_jsonl_file_is_streamed_and_a_read_error_in_it_is_a_value_error(tmp_path, monkeypatch):
    from curator.core import importing

    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "一"}\n{"text": "二"}\n', encoding="utf-8")
    monkeypatch.setattr(importing, "MAX_BYTES", path.stat().st_size)
    assert isinstance(read_file(path).articles, tuple)  # at the limit: read at once
    monkeypatch.setattr(importing, "MAX_BYTES", path.stat().st_size - 1)
    batch = read_file(path)
    assert not isinstance(batch.articles, tuple) and [a.text for a in batch.articles] == ["一", "二"]

    def failing(path):
        yield from ()
        raise OSError(5, "Input/output error")

    monkeypatch.setitem(importing.READERS, ".jsonl", failing)
    with pytest.raises(ValueError) as caught:
        list(read_file(path).articles)
    assert str(caught.value) == "cannot read it (Input/output error)"


def test_a_file_with_nothing_in_it_is_named_empty(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n\n", encoding="utf-8")
    assert read_file(tmp_path / "a.jsonl").problem.reason == "empty file (no text)"


# --- records into articles -------------------------------------------------------------------------------

def test_an_article_takes_the_records_fields_and_a_title_from_its_text():
    from curator.core.importing import to_article
    from curator.core.records import RawRecord

    article = to_article(RawRecord(text="\ufeff标题\r\n正文", source="s", published="p", place="pl",
                                   initiatives=({"a": 1},), figures=({"b": 2},)), "a.txt")
    assert (article.text, article.title, article.origin, article.status, article.line) == (
        "标题\n正文", "标题", "a.txt", "todo", 0)
    assert (article.source, article.published, article.place, article.initiatives, article.figures) == (
        "s", "p", "pl", ({"a": 1},), ({"b": 2},))
    import hashlib
    assert article.sha256 == hashlib.sha256("标题\n正文".encode()).hexdigest()
    named = to_article(RawRecord(text="正文", title="  " + "题" * 130 + " ", status="done", line=3), "a.jsonl")
    assert (named.title, named.status, named.origin, named.line) == ("题" * 120, "done", "a.jsonl:3", 3)


def test_spans_move_with_normalisation_and_keep_their_attributes():
    from curator.core.importing import to_article
    from curator.core.records import RawRecord, RawSpan

    record = RawRecord(text="\ufeff一\r\n格尔木", spans=(RawSpan(4, 7, "place", {"id": 1, "start": 99}),), line=2)
    article = to_article(record, "a.jsonl", reflow_text=True)
    assert article.text == "一\n格尔木"  # annotated: not reflowed
    assert article.spans == ({"id": 1, "start": 2, "end": 5, "label": "place"},)


@pytest.mark.parametrize("text, start, end, line, message", [
    ("e\u0301x", 1, 3, 2, "line 2: span 1-3: position 1 falls inside characters that Unicode normalisation combines"),
    ("ab", 0, 5, 2, "line 2: span 0-5: position 5 is outside the text (2 characters)"),
    ("a\r\nb", 1, 2, 4, "line 4: span 1-2 holds only characters normalisation removes"),
    ("a\r\nb", 1, 2, 0, "span 1-2 holds only characters normalisation removes"),
    ("\ufeffab", 0, 1, 0, "span 0-1 holds only characters normalisation removes"),
])
def test_a_span_that_cannot_move_is_named(text, start, end, line, message):
    from curator.core.importing import to_article
    from curator.core.records import RawRecord, RawSpan

    with pytest.raises(ValueError) as caught:
        to_article(RawRecord(text=text, spans=(RawSpan(start, end, "x"),), line=line), "a.jsonl")
    assert str(caught.value) == message


def test_an_empty_text_is_named_by_its_line():
    from curator.core.importing import to_article
    from curator.core.records import RawRecord

    for line, message in ((5, "line 5: empty (no text)"), (0, "empty file (no text)")):
        with pytest.raises(ValueError) as caught:
            to_article(RawRecord(text=" \r\n ", line=line), "a.jsonl")
        assert str(caught.value) == message


def test_the_text_limit_is_exact_after_normalising(monkeypatch):
    from curator.core.importing import to_article
    from curator.core.records import RawRecord

    monkeypatch.setattr(limits, "MAX_CHARS", 5)
    assert to_article(RawRecord(text="一二三\r\n四"), "a.txt").text == "一二三\n四"  # 6 read, 5 kept
    with pytest.raises(ValueError) as caught:
        to_article(RawRecord(text="一二三四五六", line=2), "a.jsonl")
    assert str(caught.value) == "line 2: its text is over 20 MB; split it first"


def test_reflow_applies_to_a_plain_text_when_asked():
    from curator.core.importing import to_article
    from curator.core.records import RawRecord

    text = "\n".join(["标题", WIDE, WIDE + "。"])
    assert to_article(RawRecord(text=text), "a.txt", reflow_text=True).text == f"标题\n{WIDE}{WIDE}。"
    assert to_article(RawRecord(text=text), "a.txt").text == text


def test_a_title_keeps_its_spaces():
    assert title_of("格尔木市 文明城市\n正文") == "格尔木市 文明城市"


def test_a_line_of_exactly_three_quarters_of_the_column_was_broken():
    column = ["甲乙丙丁戊己庚。", "辛壬癸子丑寅卯。", "辰巳午未申酉戌。", "亥天地玄黄宇宙。"]  # eight wide
    text = "\n".join(["标题", column[0], column[1], "六个字的行文", "续。", column[2], column[3]])
    assert "六个字的行文续。" in reflow(text).split("\n")  # 6 = 0.75 x 8


def test_reflow_goes_on_after_a_doubled_line_and_keeps_the_texts_own_characters():
    assert reflow("标题\nA。\nA。\nB。") == "标题\nA。\nB。"
    assert reflow("X标题X\n正文X") == "X标题X\n正文X"


def test_a_name_with_a_backslash_and_a_control_character_is_shown_once_escaped():
    from curator.core.importing import shown

    assert shown("C:\\新闻\n稿.txt") == "C:\\新闻\\n稿.txt"


def test_each_batch_and_problem_names_its_file(tmp_path):
    (tmp_path / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("标题\n正文", encoding="utf-8")
    for name in ("bad.jsonl", "empty.jsonl", "good.txt"):
        [batch] = read_path(tmp_path / name)
        assert batch.path == str(tmp_path / name)
        if batch.problem:
            assert batch.problem.path == str(tmp_path / name)
        else:
            assert batch.articles[0].origin == str(tmp_path / name)
    [missing] = read_path(tmp_path / "none.txt")
    assert missing.path == missing.problem.path == str(tmp_path / "none.txt")


def test_a_read_error_and_an_unlookable_path_name_their_file(tmp_path, monkeypatch):
    from curator.core import importing

    def fail(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setitem(importing.READERS, ".txt", fail)
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    batch = read_file(tmp_path / "a.txt")
    assert batch.path == batch.problem.path == str(tmp_path / "a.txt")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", refuse)
    [batch] = read_path(tmp_path / "a.txt")
    assert batch.path == batch.problem.path == str(tmp_path / "a.txt")


def test_a_folder_the_walk_cannot_name_is_reported_without_a_name(tmp_path, monkeypatch):
    from curator.core import importing

    def walk(path, onerror):
        onerror(PermissionError(13, "Permission denied"))
        return iter(())

    monkeypatch.setattr(importing.os, "walk", walk)
    [batch] = read_path(tmp_path)
    assert batch.path == "" and str(batch.problem) == ": cannot read this folder (Permission denied); skipped"


def test_reflow_is_passed_down_to_each_file(tmp_path):
    text = "\n".join(["标题", WIDE, OTHER[0] + "。"])
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert read_file(tmp_path / "a.txt", reflow_text=True).articles[0].text == f"标题\n{WIDE}{OTHER[0]}。"
    [batch] = read_path(tmp_path / "a.txt", reflow_text=True)
    assert batch.articles[0].text == f"标题\n{WIDE}{OTHER[0]}。"
    [batch] = read_path(tmp_path, reflow_text=True)
    assert batch.articles[0].text == f"标题\n{WIDE}{OTHER[0]}。"
    [batch] = read_path(tmp_path)
    assert batch.articles[0].text == text
