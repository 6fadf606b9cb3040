"""Hostile input to `curator import`: offsets that must not shift, files that must not hang or
eat memory, JSONL shapes that must give one line, folders that cannot be read (issue 10)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.core.importing import read_file, read_path
from curator.core.normalise import SplitCharacter, normalise, normalise_with_map
from curator.store import Project

CLI = [sys.executable, "-m", "curator"]


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def stored(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def write_jsonl(path: Path, *objects: object) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


# -- 1. offsets follow the normalisation ------------------------------------------------------

def test_crlf_text_keeps_its_span_on_the_same_characters(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", {"text": "第一行\r\n注册志愿者超3万人", "spans": [[7, 10, "org"]]})
    project = tmp_path / "p.curator"
    result = run_cli("import", str(project), str(source))
    assert result.returncode == 0, result.stderr
    assert stored(project, "SELECT text FROM spans") == [("志愿者",)]


@pytest.mark.parametrize("text, start, end, expected", [
    ("\ufeff志愿者超3万人", 5, 8, "3万人"),  # a leading BOM
    ("一\r二\r三志愿者", 5, 8, "志愿者"),  # old Mac line ends (same length)
    ("cafe\u0301 志愿者", 6, 9, "志愿者"),  # NFD: é is two code points before, one after
    ("\ufeff第一行\r\n\r\n𠮷😀注册志愿者", 10, 15, "注册志愿者"),
])
def test_every_normalisation_moves_the_offsets(tmp_path, text, start, end, expected):
    source = write_jsonl(tmp_path / "a.jsonl", {"text": text, "spans": [[start, end, "org"]]})
    (article,) = read_file(source).articles
    (span,) = article.spans
    assert article.text[span["start"]:span["end"]] == expected


def test_a_span_inside_a_combined_character_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", {"text": "cafe\u0301志愿者", "spans": [[4, 6, "org"]]})
    problem = read_file(source).problem
    assert problem is not None and "line 1" in problem.reason and "combines" in problem.reason


def test_a_span_of_only_a_removed_carriage_return_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", {"text": "一\r\n二", "spans": [[1, 2, "org"]]})
    assert "normalisation removes" in read_file(source).problem.reason


def test_reflow_never_shifts_an_annotated_text(tmp_path):
    text = "注册志愿者超3万人参与文明实践活动并开展\n志愿服务活动一千多场次取得良好效果\n" * 3
    source = write_jsonl(tmp_path / "a.jsonl", {"text": text, "spans": [[0, 5, "org"]]})
    (article,) = read_file(source, reflow_text=True).articles
    assert article.text == text and article.text[0:5] == "注册志愿者"


_PIECES = list("ab志愿\r\n\ufeff𠮷😀é") + ["e\u0301", "\u0301", "\u1100\u1161", "\r\n"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_TEXT, max_size=4))
def test_position_map_agrees_with_normalising_each_piece(parts):
    """Where the map gives positions, the piece between them is that piece normalised."""
    text = "".join(parts)
    new, position = normalise_with_map(text)
    assert new == normalise(text)
    assert position(0) == 0 and position(len(text)) == len(new)
    cuts = [0]
    for part in parts:
        cuts.append(cuts[-1] + len(part))
    mapped = []
    for cut in cuts:
        try:
            mapped.append((cut, position(cut)))
        except SplitCharacter:
            continue
    assert [n for _, n in mapped] == sorted(n for _, n in mapped)
    for (a, na), (b, nb) in zip(mapped, mapped[1:]):
        piece = text[a:b]
        if text[a - 1:a + 1] == "\r\n" or text[b - 1:b + 1] == "\r\n":
            continue  # a cut between \r and \n: the \n belongs to neither side alone
        expected = normalise(piece) if a == 0 else normalise("x" + piece)[1:] if piece.startswith("\ufeff") else normalise(piece)
        assert new[na:nb] == expected


# -- 5, 6, 8: no hang, bounded memory --------------------------------------------------------

def test_a_fifo_named_txt_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("标题\n正文", encoding="utf-8")
    result = run_cli("import", str(tmp_path / "p.curator"), str(fifo), str(tmp_path / "ok.txt"), timeout=30)
    assert result.returncode == 1
    assert "x.txt: not a regular file" in result.stderr and "imported 1 document" in result.stderr


def test_dev_zero_behind_a_symlink_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    batch = read_file(link)
    assert batch.problem is not None and "not a regular file" in batch.problem.reason


def _max_rss_mb(code: str) -> float:
    # VmHWM: this process's own peak (ru_maxrss would include the forking pytest's peak)
    peak = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"
    script = f"import sys\n{code}\nprint({peak})"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return float(result.stdout.strip().splitlines()[-1])


def _docx(path: Path, document_xml: bytes, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def test_a_small_docx_that_unpacks_to_millions_of_characters_is_refused(tmp_path):
    para = b"<w:p><w:r><w:t>" + "文明".encode() * 2000 + b"</w:t></w:r></w:p>"
    path = _docx(tmp_path / "bomb.docx", W + para * 5000 + b"</w:body></w:document>")
    assert path.stat().st_size < 1_000_000
    batch = read_file(path)
    assert batch.problem is not None and "not opened" in batch.problem.reason


def test_a_docx_with_a_huge_picture_is_read_without_loading_it(tmp_path):
    para = b"<w:p><w:r><w:t>" + "注册志愿者超3万人".encode() + b"</w:t></w:r></w:p>"
    path = _docx(tmp_path / "photo.docx", W + para + b"</w:body></w:document>",
                 {"word/media/image1.png": bytes(300 * 1024 * 1024)})
    rss = _max_rss_mb(f"from pathlib import Path\nfrom curator.core.importing import read_file\n"
                      f"b = read_file(Path({str(path)!r}))\nassert b.articles[0].text == '注册志愿者超3万人', b")
    assert rss < 200


def test_docx_text_limit_holds_after_unzipping(tmp_path, monkeypatch):
    from curator.core.readers import limits

    monkeypatch.setattr(limits, "MAX_CHARS", 1000)
    monkeypatch.setattr("curator.core.readers.docx.MAX_CHARS", 1000)
    para = b"<w:p><w:r><w:t>" + "一二三四五六七八九十".encode() + b"</w:t></w:r></w:p>"
    path = _docx(tmp_path / "long.docx", W + para * 200 + b"</w:body></w:document>")
    assert "over 20 MB" in read_file(path).problem.reason


def test_docx_tables_and_nested_paragraphs_are_read(tmp_path):
    body = (b"<w:p><w:r><w:t>\xe6\xa0\x87\xe9\xa2\x98</w:t></w:r></w:p>"
            b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    path = _docx(tmp_path / "t.docx", W + body + b"</w:body></w:document>")
    assert read_file(path).articles[0].text == "标题\nA\tB"


def test_a_20_mb_one_line_article_imports_in_bounded_memory(tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("文明实践站志愿服务" * (19 * 1024 * 1024 // 27), encoding="utf-8")
    rss = _max_rss_mb(
        "from pathlib import Path\nfrom curator.core.importing import read_path\nfrom curator.store import Project\n"
        f"p = Project.open(Path({str(tmp_path / 'p.curator')!r}))\n"
        f"r = p.import_batches(read_path(Path({str(article)!r})))\nassert len(r.added) == 1, r.problems\np.close()")
    assert rss < 600  # it was 716 MB (and 1.86 GB before that)


# -- 9, 10: JSONL shapes --------------------------------------------------------------------

BAD_LINES = [
    ('{"text": "好的", "spans": [[0, 1e400, "org"]]}', "whole number"),
    ('{"text": "好的", "spans": [[0, 0.9, "org"]]}', "whole number"),
    ('{"text": "好的", "spans": [[false, 1, "org"]]}', "whole number"),
    ("[" * 3000 + "]" * 3000, "nested too deeply"),
    ('{"text": "好的", "figures": [{"value": {"a": 1}}]}', "value must be a number"),
    ('{"text": "好的", "figures": [{"value": 1000000000000000000000000000000}]}', "out of range"),
    ('{"text": "好的", "figures": [{"value": "abc"}]}', "value must be a number"),
    ('{"text": "好的", "figures": [{"value": NaN}]}', "NaN"),
    ('{"text": "好的", "initiatives": "abc"}', "must be a list"),
    ('{"text": "好的", "figures": [1]}', "must be an object"),
    ('{"text": "好的", "spans": [[0, 1, "org", {"id": 1}]], "figures": [{"span_ids": 5}]}', "span_ids"),
    ('{"text": "好的", "spans": [[0, 1, "org", {"id": [1]}]]}', "id must be"),
    ('{"text": "好的", "spans": [[0, 1, "org", {"origin": {"x": 1}}]]}', "origin"),
    ('{"text": "好的", "spans": [[0, 1, "org", {"id": 1}], [1, 2, "org", {"id": 1}]]}', "appears twice"),
    ('{"text": "好的", "spans": [[0, 1, "org"]], "figures": [{"span_ids": [7]}]}', "does not have"),
    ('{"text": "好的", "title": {"t": 1}}', "must be a string"),
    ('{"text": "好的", "spans": [[0, 1, ""]]}', "label must be"),
    ('{"text": "好的", "spans": [[0, 1, "org", "attrs"]]}', "attributes must be an object"),
]


@pytest.mark.parametrize("line, reason", BAD_LINES)
def test_jsonl_shapes_give_one_line_naming_the_line_and_later_files_import(tmp_path, line, reason):
    bad = tmp_path / "a.jsonl"
    bad.write_text('{"text": "第一篇"}\n' + line + "\n", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("标题\n正文", encoding="utf-8")
    project = tmp_path / "p.curator"
    result = run_cli("import", str(project), str(bad), str(good))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "line 2" in errors[0] and reason in errors[0], result.stderr
    assert stored(project, "SELECT title FROM documents") == [("标题",)]  # nothing of a.jsonl stays


def test_a_good_jsonl_line_keeps_its_figure_and_links(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", {
        "text": "注册志愿者超3万人", "spans": [[5, 9, "figure", {"id": "s1"}]],
        "figures": [{"id": 1, "indicator": "注册志愿者", "value": 30000, "span_ids": ["s1"]}]})
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches(read_path(source))
        assert not report.problems
        (figure,) = project.facts("figures")
        (span,) = project.spans(report.added[0])
    assert figure["value"] == 30000 and figure["span_ids"] == [span.id] and span.text == "超3万人"


def test_a_large_jsonl_file_is_streamed_and_one_bad_line_keeps_nothing(tmp_path, monkeypatch):
    from curator.core.readers import limits

    monkeypatch.setattr(limits, "MAX_BYTES", 2000)
    monkeypatch.setattr("curator.core.importing.MAX_BYTES", 2000)
    lines = [json.dumps({"text": f"第{i}篇文章，注册志愿者超3万人。"}, ensure_ascii=False) for i in range(200)]
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = read_file(big)
    assert not isinstance(batch.articles, tuple)  # streamed, not read whole
    with Project.open(tmp_path / "p.curator") as project:
        assert len(project.import_batches([batch]).added) == 200
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(lines[:150]) + "\n{oops\n", encoding="utf-8")
    with Project.open(tmp_path / "q.curator") as project:
        report = project.import_batches(read_path(broken))
        assert report.added == [] and "line 151" in str(report.problems[0])
        assert project.document_count() == 0


# -- 13: folders and paths ---------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folders_are_named_and_the_rest_imports(tmp_path):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text("标题\n正文", encoding="utf-8")
    (root / "nosearch").mkdir()
    (root / "nosearch" / "b.txt").write_text("标题二\n正文", encoding="utf-8")
    (root / "ok.txt").write_text("标题三\n正文", encoding="utf-8")
    (root / "locked").chmod(0)
    (root / "nosearch").chmod(0o444)
    try:
        result = run_cli("import", str(tmp_path / "p.curator"), str(root))
    finally:
        (root / "locked").chmod(0o755)
        (root / "nosearch").chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "locked: cannot read this folder" in result.stderr
    assert "b.txt: cannot read it" in result.stderr
    assert stored(tmp_path / "p.curator", "SELECT title FROM documents") == [("标题三",)]


def test_unreadable_folder_as_reported_by_the_walk(tmp_path, monkeypatch):
    """The same for root (who can read any folder): the walk's error is one line, never a traceback."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "ok.txt").write_text("标题\n正文", encoding="utf-8")
    real_scandir = os.scandir

    def refusing(path="."):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    batches = list(read_path(root))
    problems = [str(b.problem) for b in batches if b.problem]
    assert problems == [f"{root / 'sub'}: cannot read this folder (Permission denied); skipped"]
    assert [a.title for b in batches for a in b.articles] == ["标题"]


def test_one_missing_path_among_several_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文", encoding="utf-8")
    result = run_cli("import", str(tmp_path / "p.curator"), str(tmp_path / "missing.txt"), str(tmp_path / "a.txt"))
    assert result.returncode == 1
    assert "missing.txt: no such file or folder" in result.stderr and "imported 1 document" in result.stderr


def test_a_newline_in_a_file_name_stays_on_one_error_line(tmp_path):
    odd = tmp_path / "bad\nname.txt"
    odd.write_bytes(b"")
    result = run_cli("import", str(tmp_path / "p.curator"), str(odd))
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bad\\nname.txt: empty file" in errors[0]


# -- 14: mixed encodings ----------------------------------------------------------------------

def test_a_file_mixing_gbk_and_big5_is_refused_not_stored_as_mojibake(tmp_path):
    data = ("格尔木市开展新时代文明实践活动。\n" * 5).encode("gbk") + "註冊志願者超過三萬人，文明城市。\n".encode("big5")
    (tmp_path / "mixed.txt").write_bytes(data)
    problem = read_file(tmp_path / "mixed.txt").problem
    assert problem is not None and "mixes encodings" in problem.reason and "line 6" in problem.reason


@pytest.mark.parametrize("line, reason", BAD_LINES)
def test_jsonl_shapes_are_refused_in_process(tmp_path, line, reason):
    bad = tmp_path / "a.jsonl"
    bad.write_text('{"text": "第一篇"}\n' + line + "\n", encoding="utf-8")
    batch = read_file(bad)
    assert batch.articles == () and batch.problem is not None
    assert batch.problem.reason.startswith("line 2") or "line 2" in batch.problem.reason
    assert reason in batch.problem.reason


@pytest.mark.parametrize("item", [
    [0, 2, "org", {"id": "a", "origin": "suggested", "annotator": "张三", "value": 3}],
    [0, 2, "org", {"id": 7, "created": "2024-01-01"}],
])
def test_good_span_attributes_are_kept(tmp_path, item):
    source = write_jsonl(tmp_path / "a.jsonl", {"text": "好的", "spans": [item]})
    (article,) = read_file(source).articles
    (span,) = article.spans
    assert {k: v for k, v in span.items() if k not in ("start", "end", "label")} == {
        k: (float(v) if k == "value" else v) for k, v in item[3].items()}


def test_a_figure_may_name_an_initiative_of_its_line(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", {
        "text": "开展光盘行动，参与3万人", "spans": [[2, 6, "initiative", {"id": 1}], [9, 12, "figure", {"id": 2}]],
        "initiatives": [{"id": "i", "name": "光盘行动", "span_ids": [1]}],
        "figures": [{"value": 30000, "initiative_id": "i", "span_ids": [2], "edited": 1}]})
    (article,) = read_file(source).articles
    assert article.figures[0]["initiative_id"] == "i" and article.figures[0]["value"] == 30000.0
    bad = write_jsonl(tmp_path / "b.jsonl", {"text": "好的", "figures": [{"initiative_id": "zz"}]})
    assert "initiative 'zz'" in read_file(bad).problem.reason


@pytest.mark.parametrize("text", ["abc", "志愿者\r\n", "\ufeff志愿", "e\u0301", "\r", "一\r\r\n二", ""])
def test_normalise_with_map_gives_normalise(text):
    new, position = normalise_with_map(text)
    assert new == normalise(text)
    assert position(len(text)) == len(new)
    with pytest.raises(ValueError):
        position(len(text) + 1)
    with pytest.raises(ValueError):
        position(-1)


# -- the JSONL reader's corners (what a mutation run found untested) -------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "gbk"])
def test_jsonl_in_utf16_or_gbk_is_read_whole_when_small(tmp_path, encoding):
    lines = ['{"text": "第一篇，注册志愿者超3万人"}', "", '{"text": "第二篇", "spans": [[0, 2, "org"]]}']
    path = tmp_path / "a.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding))
    articles = read_file(path).articles
    assert [a.text for a in articles] == ["第一篇，注册志愿者超3万人", "第二篇"]
    assert [a.line for a in articles] == [1, 3] and articles[1].spans[0]["end"] == 2


def test_a_gbk_line_after_utf8_lines_is_read_with_the_whole_file(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "第一篇"}\n'.encode("gbk") + '{"text": "第二篇"}\n'.encode("gbk"))
    assert [a.line for a in read_file(path).articles] == [1, 2]


def test_a_jsonl_line_over_the_limit_is_named(tmp_path, monkeypatch):
    from curator.core.readers import limits

    monkeypatch.setattr("curator.core.readers.jsonl.MAX_BYTES", 100)
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "短"}\n' + json.dumps({"text": "长" * 200}, ensure_ascii=False) + "\n", encoding="utf-8")
    problem = read_file(path).problem
    assert problem is not None and "line 2 is over 20 MB" in problem.reason


def test_a_bom_on_the_first_jsonl_line_is_skipped_and_non_utf8_in_a_large_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"text": "第一篇"}\n'.encode())
    assert [a.text for a in read_file(path).articles] == ["第一篇"]
    from curator.core.readers import jsonl

    monkeypatch.setattr(jsonl, "MAX_BYTES", 30)
    big = tmp_path / "b.jsonl"
    big.write_bytes('{"text": "一"}\n'.encode() + '{"text": "第二篇文章"}\n'.encode("gbk"))
    with pytest.raises(ValueError, match="line 2 is not UTF-8"):
        list(jsonl.read_jsonl(big))


@pytest.mark.parametrize("value, ok", [(1e15, True), (-1e15, True), (10**15, True), (10**15 + 1, False),
                                       (1.5e15, False), (float("inf"), False), (0, True), (None, True)])
def test_a_figure_value_range(value, ok):
    from curator.core.readers.jsonl import _value

    if ok:
        assert _value(value) == (None if value is None else float(value))
    else:
        with pytest.raises(ValueError, match="out of range"):
            _value(value)


@pytest.mark.parametrize("fields, reason", [
    ({"figures": [{"indicator": 5}]}, '"indicator" must be a string, not a number'),
    ({"initiatives": [{"name": ["x"]}]}, '"name" must be a string, not a list'),
    ({"initiatives": [{"id": 1}, {"id": 1}]}, 'row id 1 appears twice in "initiatives"'),
    ({"initiatives": [{"id": True}]}, 'a row id in "initiatives" must be a number or a string, not true/false'),
    ({"figures": [{"edited": 2}]}, '"edited" must be 0 or 1'),
    ({"figures": [{"span_ids": [{"a": 1}]}]}, 'a span id in "span_ids" must be a number or a string, not an object'),
    ({"figures": [{"initiative_id": 1.5}]}, '"initiative_id" must be a number or a string'),
    ({"spans": [[0, 1, "org", {"annotator": 3}]]}, '"annotator" must be a string, not a number'),
    ({"spans": [[0, 1, "org", {"created": {}}]]}, '"created" must be a string, not an object'),
    ({"spans": [[0, 1, "org", {"origin": "robot"}]]}, "origin must be one of manual, suggested, propagated"),
    ({"spans": [[0, 1, "org", {"value": "3"}]]}, "value must be a number or null"),
    ({"spans": [[0, 3, "org"]]}, "span 0-3 is outside the text (2 characters)"),
    ({"spans": [[1, 1, "org"]]}, "span 1-1 is outside the text"),
    ({"spans": [[0, 1, "x" * 101]]}, "label must be a name of 1 to 100 characters"),
    ({"spans": [[0, 1, " "]]}, "label must be a name"),
    ({"spans": [[0, 1, 7]]}, "label must be a name"),
    ({"spans": "abc"}, '"spans" must be a list'),
    ({"label": {"a": 1}}, '"label" must be a list'),
    ({"spans": [[0, 1]]}, "a span must be [start, end, label]"),
    ({"spans": [(0, 1, "org", {}, 5)]}, "a span must be [start, end, label]"),
    ({"published": 2024}, '"published" must be a string, not a number'),
    ({"status": None, "place": None}, None),
])
def test_every_field_is_checked(fields, reason):
    from curator.core.readers.jsonl import parse_line

    line = json.dumps({"text": "好的", **fields}, ensure_ascii=False)
    if reason is None:
        record = parse_line(line, 4)
        assert record.status == "" and record.place == "" and record.line == 4
        return
    with pytest.raises(ValueError) as caught:
        parse_line(line, 4)
    assert str(caught.value).startswith("line 4: ") and reason in str(caught.value)


@pytest.mark.parametrize("line", ["", "   ", "\t"])
def test_blank_jsonl_lines_are_skipped(line):
    from curator.core.readers.jsonl import parse_line

    assert parse_line(line, 1) is None


def test_doccano_label_column_is_read_as_spans():
    from curator.core.readers.jsonl import parse_line

    record = parse_line('{"text": "格尔木市", "label": [[0, 4, "place"]]}', 1)
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 4, "place")]
    both = parse_line('{"text": "格尔木市", "spans": [[0, 2, "place"]], "label": [[0, 4, "place"]]}', 1)
    assert [(s.start, s.end) for s in both.spans] == [(0, 2)]  # curator's own column wins


def test_the_byte_limit_is_exact(tmp_path, monkeypatch):
    from curator.core.readers import limits

    monkeypatch.setattr(limits, "MAX_BYTES", 13)
    (tmp_path / "at.txt").write_bytes("标题\n正文".encode())  # 13 bytes: accepted
    (tmp_path / "over.txt").write_bytes("标题\n正文a".encode())  # 14: refused
    assert read_file(tmp_path / "at.txt").articles[0].text == "标题\n正文"
    assert read_file(tmp_path / "over.txt").problem.reason == "over 20 MB (0.0 MB); split it first"
    assert limits.read_bounded(tmp_path / "at.txt", 13) == "标题\n正文".encode()
    with pytest.raises(limits.TooLarge, match="over 20 MB"):
        limits.read_bounded(tmp_path / "at.txt", 12)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    from curator.core.readers import limits

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 10)
    real_stat = limits.check_regular
    monkeypatch.setattr(limits, "check_regular", lambda p: (real_stat(p), path.write_bytes(b"x" * 30))[0])
    with pytest.raises(limits.TooLarge, match="over 20 MB; split it first"):
        limits.read_bounded(path, 20)


def test_what_is_not_a_regular_file_is_named_in_process(tmp_path):
    from curator.core.readers import limits

    os.mkfifo(tmp_path / "pipe.txt")
    assert read_file(tmp_path / "pipe.txt").problem.reason == "not a regular file (a pipe, device or socket); nothing read"
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ValueError, match="^is a folder$"):
        limits.check_regular(tmp_path / "dir.txt")
    assert limits.size_text(3 * 1048576) == "3.0 MB"
