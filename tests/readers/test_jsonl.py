"""curator's JSONL: every rule a line can break gives one exact message naming the line; good lines keep every field."""

from __future__ import annotations

import json

import pytest

from curator.core.readers import jsonl
from curator.core.readers.jsonl import parse_line, read_jsonl
from curator.core.readers.limits import TooLarge


def refusal(fields: dict | None = None, *, line: str | None = None, number: int = 4) -> str:
    text = line if line is not None else json.dumps({"text": "好的", **(fields or {})}, ensure_ascii=False)
    with pytest.raises(ValueError) as caught:
        parse_line(text, number)
    return str(caught.value)


@pytest.mark.parametrize("line, message", [
    ('{"text": "好"', "malformed JSON on line 4 (Expecting ',' delimiter)"),
    ('{"text": NaN}', "malformed JSON on line 4 (NaN is not a number JSON allows)"),
    ('{"text": "好", "v": -Infinity}', "malformed JSON on line 4 (-Infinity is not a number JSON allows)"),
    ("[" * 100000 + "]" * 100000, "malformed JSON on line 4 (nested too deeply)"),
    ('["text"]', 'line 4 is not an object with a "text" string'),
    ('{"text": 5}', 'line 4 is not an object with a "text" string'),
    ('{"title": "无正文"}', 'line 4 is not an object with a "text" string'),
])
def test_a_line_that_is_not_a_document_is_named(line, message):
    assert refusal(line=line) == message


@pytest.mark.parametrize("fields, message", [
    ({"title": 5}, '"title" must be a string, not a number'),
    ({"source": 1.5}, '"source" must be a string, not a number'),
    ({"published": True}, '"published" must be a string, not true/false'),
    ({"place": ["格尔木"]}, '"place" must be a string, not a list'),
    ({"status": {}}, '"status" must be a string, not an object'),
    ({"spans": {"a": 1}}, '"spans" must be a list of [start, end, label]'),
    ({"label": "place"}, '"label" must be a list of [start, end, label]'),
    ({"spans": [[0, 1]]}, "a span must be [start, end, label] or [start, end, label, {attributes}], got [0, 1]"),
    ({"spans": [[0, 1, "a", {}, 5]]},
     "a span must be [start, end, label] or [start, end, label, {attributes}], got [0, 1, 'a', {}, 5]"),
    ({"spans": ["0,1,a"]}, "a span must be [start, end, label] or [start, end, label, {attributes}], got '0,1,a'"),
    ({"spans": [["0", 1, "a"]]}, "a span's start must be a whole number, not '0'"),
    ({"spans": [[0, 1.0, "a"]]}, "a span's end must be a whole number, not 1.0"),
    ({"spans": [[False, 1, "a"]]}, "a span's start must be a whole number, not False"),
    ({"spans": [[0, 1, ""]]}, "a span's label must be a name of 1 to 100 characters, not ''"),
    ({"spans": [[0, 1, None]]}, "a span's label must be a name of 1 to 100 characters, not None"),
    ({"spans": [[-1, 1, "a"]]}, "span -1-1 is outside the text (2 characters)"),
    ({"spans": [[1, 1, "a"]]}, "span 1-1 is outside the text (2 characters)"),
    ({"spans": [[1, 0, "a"]]}, "span 1-0 is outside the text (2 characters)"),
    ({"spans": [[0, 3, "a"]]}, "span 0-3 is outside the text (2 characters)"),
    ({"spans": [[0, 1, "a", None]]}, "a span's attributes must be an object, not null"),
    ({"spans": [[0, 1, "a", [1]]]}, "a span's attributes must be an object, not a list"),
    ({"spans": [[0, 1, "a", {"id": 1.5}]]}, "a span's id must be a number or a string, not a number"),
    ({"spans": [[0, 1, "a", {"id": None}]]}, "a span's id must be a number or a string, not null"),
    ({"spans": [[0, 1, "a", {"id": "x"}], [1, 2, "b", {"id": "x"}]]}, "span id 'x' appears twice"),
    ({"spans": [[0, 1, "a", {"origin": "auto"}]]}, "a span's origin must be one of manual, suggested, propagated, not 'auto'"),
    ({"spans": [[0, 1, "a", {"updated": 3}]]}, '"updated" must be a string, not a number'),
    ({"spans": [[0, 1, "a", {"origin": 3}]]}, '"origin" must be a string, not a number'),
    ({"spans": [[0, 1, "a", {"value": "3"}]]}, "a figure's value must be a number or null, not '3'"),
    ({"spans": [[0, 1, "a", {"value": True}]]}, "a figure's value must be a number or null, not True"),
    ({"spans": [[0, 1, "a", {"value": 2e15}]]}, "a figure's value is out of range (2000000000000000.0)"),
    ({"initiatives": {"id": 1}}, '"initiatives" must be a list of objects'),
    ({"figures": "x"}, '"figures" must be a list of objects'),
    ({"initiatives": [5]}, 'each of "initiatives" must be an object, not a number'),
    ({"figures": [None]}, 'each of "figures" must be an object, not null'),
    ({"figures": [{"id": [1]}]}, 'a row id in "figures" must be a number or a string, not a list'),
    ({"figures": [{"id": "f"}, {"id": "f"}]}, "row id 'f' appears twice in \"figures\""),
    ({"initiatives": [{"category": 1}]}, '"category" must be a string, not a number'),
    ({"initiatives": [{"organisation": 1}]}, '"organisation" must be a string, not a number'),
    ({"initiatives": [{"note": 1}]}, '"note" must be a string, not a number'),
    ({"initiatives": [{"place": 1}]}, '"place" must be a string, not a number'),
    ({"figures": [{"unit": 1}]}, '"unit" must be a string, not a number'),
    ({"figures": [{"qualifier": 1}]}, '"qualifier" must be a string, not a number'),
    ({"figures": [{"place": 1}]}, '"place" must be a string, not a number'),
    ({"figures": [{"as_of": 1}]}, '"as_of" must be a string, not a number'),
    ({"figures": [{"span_ids": "s1"}]}, '"span_ids" must be a list of span ids, not a string'),
    ({"figures": [{"span_ids": ["s1"]}]}, "a row of \"figures\" cites span id 's1', which the line does not have"),
    ({"initiatives": [{"span_ids": [0]}]}, "a row of \"initiatives\" cites span id 0, which the line does not have"),
    ({"figures": [{"edited": "yes"}]}, "\"edited\" must be 0 or 1, not 'yes'"),
    ({"figures": [{"edited": 2}]}, '"edited" must be 0 or 1, not 2'),
    ({"figures": [{"value": "3"}]}, "a figure's value must be a number or null, not '3'"),
    ({"figures": [{"value": -1e16}]}, "a figure's value is out of range (-1e+16)"),
    ({"figures": [{"initiative_id": "i"}]}, "a figure names initiative 'i', which the line does not have"),
    ({"figures": [{"initiative_id": True}]}, '"initiative_id" must be a number or a string, not true/false'),
    ({"initiatives": [{"name": "光盘"}], "figures": [{"initiative_id": None}, {"initiative_id": 0}]},
     "a figure names initiative 0, which the line does not have"),  # a row without an id cannot be named
])
def test_each_rule_has_its_message(fields, message):
    assert refusal(fields) == f"line 4: {message}"


def test_a_long_bad_value_is_cut_to_200_characters():
    message = refusal({"spans": [["x" * 500, 1, "a"]]})
    assert message.startswith("line 4: a span's start must be a whole number, not 'xxx")
    assert len(message) == len("line 4: ") + 200


@pytest.mark.parametrize("fields", [
    {"spans": [[0, 1, "a" * 500]]}, {"spans": [[0] * 300]}, {"spans": [[0, 1, "a", {"origin": "o" * 300}]]},
    {"spans": [[0, 1, "a", {"value": "9" * 300}]]}, {"figures": [{"edited": "e" * 300}]},
    {"spans": [[0, "1" * 300, "a"]]}, {"figures": [{"value": 10 ** 300}]},
])
def test_every_message_quoting_a_value_is_cut_to_200_characters(fields):
    assert len(refusal(fields)) == len("line 4: ") + 200


def test_a_label_of_a_hundred_characters_is_a_name():
    record = parse_line(json.dumps({"text": "好的", "spans": [[0, 2, "a" * 100]]}), 1)
    assert record.spans[0].label == "a" * 100
    assert refusal({"spans": [[0, 2, "a" * 101]]}).startswith("line 4: a span's label must be a name of 1 to 100")


def test_a_good_line_keeps_every_field():
    line = {
        "text": "格尔木市开展光盘行动，参与3万人", "title": "标题", "source": "青海日报", "published": "2021-08-03",
        "place": "格尔木市", "status": "done",
        "spans": [[0, 4, "place"], [6, 10, "initiative", {"id": "s", "origin": "suggested", "annotator": "张三",
                                                           "created": "2024-01-01", "updated": "2024-01-02"}],
                  [13, 16, "figure", {"value": 30000}]],
        "initiatives": [{"id": 1, "name": "光盘行动", "category": "文明", "span_ids": ["s"], "edited": 1}],
        "figures": [{"id": "f", "value": 30000, "unit": "人", "initiative_id": 1, "span_ids": ["#2", "s"],
                     "edited": False, "extra": [1]}],
    }
    record = parse_line(json.dumps(line, ensure_ascii=False), 7)
    assert (record.text, record.title, record.source, record.published, record.place, record.status, record.line) == (
        line["text"], "标题", "青海日报", "2021-08-03", "格尔木市", "done", 7)
    assert [(s.start, s.end, s.label, s.attrs) for s in record.spans] == [
        (0, 4, "place", {}), (6, 10, "initiative", line["spans"][1][3]), (13, 16, "figure", {"value": 30000.0})]
    assert record.initiatives == tuple(line["initiatives"])
    assert record.figures == ({**line["figures"][0], "value": 30000.0},)
    assert isinstance(record.figures[0]["value"], float)


def test_spans_without_an_id_are_cited_by_their_place():
    line = {"text": "好的文明", "spans": [[0, 1, "a"], [1, 2, "b", {"id": 9}], [2, 4, "c"]],
            "figures": [{"span_ids": ["#0", 9, "#2"]}]}
    assert parse_line(json.dumps(line), 1).figures[0]["span_ids"] == ["#0", 9, "#2"]
    line["figures"] = [{"span_ids": ["#1"]}]  # the second span has an id of its own
    assert refusal(line) == "line 4: a row of \"figures\" cites span id '#1', which the line does not have"


def test_missing_and_null_fields_are_empty():
    record = parse_line('{"text": "好", "title": null, "spans": null, "initiatives": null, "figures": []}', 2)
    assert (record.title, record.spans, record.initiatives, record.figures) == ("", (), (), ())
    assert parse_line('{"text": "好", "spans": [[0, 1, "a", {"value": null}]]}', 1).spans[0].attrs == {"value": None}
    assert parse_line('{"text": "好", "figures": [{"value": null, "edited": null}]}', 1).figures == (
        {"value": None, "edited": None},)


def test_the_edited_flag_may_be_0_1_or_a_boolean():
    for edited in (0, 1, True, False):
        assert parse_line(json.dumps({"text": "好", "figures": [{"edited": edited}]}), 1).figures[0]["edited"] == edited


def test_a_doccano_relation_line_goes_to_the_doccano_reader():
    line = {"text": "格尔木市", "entities": [{"id": 1, "start_offset": 0, "end_offset": 4, "label": "place"}]}
    record = parse_line(json.dumps(line), 3)
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 4, "place")] and record.line == 3
    with_spans = parse_line(json.dumps({**line, "spans": []}), 3)
    assert with_spans.spans == ()  # curator's own column: "entities" is not read
    with_label = parse_line(json.dumps({**line, "label": [[0, 2, "org"]]}), 3)
    assert [(s.start, s.end, s.label) for s in with_label.spans] == [(0, 2, "org")]


# --- the file ---------------------------------------------------------------------------------------

def write(tmp_path, data: bytes, name: str = "a.jsonl"):
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


def test_lines_are_numbered_from_one_and_blank_ones_skipped(tmp_path):
    path = write(tmp_path, b'{"text": "one"}\n\n  \n{"text": "four"}\r\n{"text": "five"}')
    assert [(r.text, r.line) for r in read_jsonl(path)] == [("one", 1), ("four", 4), ("five", 5)]


def test_a_bom_is_skipped_on_the_first_line_only(tmp_path):
    path = write(tmp_path, b'\xef\xbb\xbf{"text": "one"}\n\xef\xbb\xbf{"text": "two"}\n')
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(path))
    assert str(caught.value).startswith("malformed JSON on line 2 (")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_bom_is_read_whole(tmp_path, encoding):
    text = '{"text": "第一篇"}\n{"text": "第二篇"}\n'
    path = write(tmp_path, text.encode(encoding))
    assert [(r.text, r.line) for r in read_jsonl(path)] == [("第一篇", 1), ("第二篇", 2)]


def test_a_utf8_file_with_a_bom_and_a_nul_in_its_first_bytes_is_read_as_utf8(tmp_path):
    path = write(tmp_path, b'\xef\xbb\xbf\x00{"text": "x"}\n')
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(path))
    assert str(caught.value).startswith("malformed JSON on line 1 (")


def test_a_line_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_BYTES", 30)
    at = '{"text": "' + "x" * 18 + '"}'  # 30 bytes, then its line end
    assert len(at.encode()) == 30
    for end in ("\n", "\r\n"):
        path = write(tmp_path, (at + end + '{"text": "y"}\n').encode())
        assert [r.text for r in read_jsonl(path)] == ["x" * 18, "y"]
    path = write(tmp_path, ('{"text": "y"}\n' + at).encode())  # the last line, without a line end
    assert [r.text for r in read_jsonl(path)] == ["y", "x" * 18]
    over = '{"text": "' + "x" * 19 + '"}'
    for end in ("\n", "\r\n", ""):
        path = write(tmp_path, ('{"text": "y"}\n' + over + end).encode())
        with pytest.raises(TooLarge) as caught:
            list(read_jsonl(path))
        assert str(caught.value) == "line 2 is over 20 MB; one article may not be larger"


def test_a_long_line_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_BYTES", 30)
    path = write(tmp_path, ('{"text": "' + "x" * 1000 + '"}\n').encode())
    with pytest.raises(TooLarge, match="^line 1 is over 20 MB; one article may not be larger$"):
        list(read_jsonl(path))


def test_a_non_utf8_line_in_a_small_file_rereads_the_file_in_its_encoding(tmp_path):
    path = write(tmp_path, '{"text": "第一篇"}\n{"text": "第二篇"}\n{"text": "第三篇"}\n'.encode("gbk"))
    assert [(r.text, r.line) for r in read_jsonl(path)] == [("第一篇", 1), ("第二篇", 2), ("第三篇", 3)]
    later = write(tmp_path, b'{"text": "one"}\n' + '{"text": "第二篇文章内容"}\n'.encode("gbk"), "b.jsonl")
    assert [(r.text, r.line) for r in read_jsonl(later)] == [("one", 1), ("第二篇文章内容", 2)]  # line 1 once
    mixed = write(tmp_path, '{"text": "一"}\n'.encode() + '{"text": "第二篇文章内容"}\n'.encode("gbk"), "c.jsonl")
    with pytest.raises(ValueError, match="^cannot read its encoding"):
        list(read_jsonl(mixed))


def test_a_non_utf8_line_in_a_large_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_BYTES", 40)
    path = write(tmp_path, b'{"text": "1"}\n{"text": "2"}\n' + '{"text": "第三篇"}\n'.encode("gbk"))
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(path))
    assert str(caught.value) == "line 3 is not UTF-8; JSONL files are read as UTF-8"
    monkeypatch.setattr(jsonl, "MAX_BYTES", path.stat().st_size)  # at the limit: small enough to read whole
    assert [r.line for r in read_jsonl(path)] == [1, 2, 3]


def test_a_large_utf16_file_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, '{"text": "第一篇"}\n'.encode("utf-16"))
    monkeypatch.setattr(jsonl, "MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(TooLarge) as caught:
        list(read_jsonl(path))
    assert str(caught.value) == "over 20 MB and not UTF-8; save it as UTF-8 first"
    monkeypatch.setattr(jsonl, "MAX_BYTES", path.stat().st_size)
    assert [r.text for r in read_jsonl(path)] == ["第一篇"]


def test_a_file_in_no_encoding_is_named_by_the_decoder(tmp_path):
    path = write(tmp_path, b"\xff\xfe" + b"\x00\xd8")  # a UTF-16 BOM, then a lone surrogate
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(path))
    assert str(caught.value) == "starts with a utf-16 byte-order mark but is not valid utf-16"


def test_a_bad_line_in_a_reread_file_is_named_by_its_number(tmp_path):
    path = write(tmp_path, '{"text": "第一篇"}\n\n{"text": 3}\n'.encode("utf-16"))
    with pytest.raises(ValueError, match='^line 3 is not an object with a "text" string$'):
        list(read_jsonl(path))


def test_the_limits_of_the_format():
    assert (jsonl.MAX_LABEL, jsonl.MAX_VALUE) == (100, 1e15)


@pytest.mark.parametrize("data", [
    "\ufeff格尔木".encode("utf-16-le"), "\ufeff格尔木".encode("utf-16-be"),  # a BOM, then no NUL in the first bytes
    '{"text": "第一篇"}\n'.encode("utf-16-le"),  # no BOM: NULs beside ASCII
])
def test_a_large_utf16_file_is_refused_whatever_its_first_characters(tmp_path, monkeypatch, data):
    monkeypatch.setattr(jsonl, "MAX_BYTES", len(data) - 1)
    with pytest.raises(TooLarge) as caught:
        list(read_jsonl(write(tmp_path, data)))
    assert str(caught.value) == "over 20 MB and not UTF-8; save it as UTF-8 first"


def test_a_nul_after_a_utf8_bom_is_a_malformed_line_even_in_a_large_file(tmp_path, monkeypatch):
    path = write(tmp_path, b'\xef\xbb\xbf\x00{"text": "x"}\n{"text": "y"}\n')
    monkeypatch.setattr(jsonl, "MAX_BYTES", 20)
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(path))
    assert str(caught.value).startswith("malformed JSON on line 1 (")


@pytest.mark.parametrize("data, message", [
    (b'{"text": "x"}\n{"text": "\x00"}\n', "malformed JSON on line 2 (Invalid control character at)"),
    (b'  \t \x00\n{"text": "x"}\n', "malformed JSON on line 1 (Expecting value)"),
])
def test_a_nul_byte_past_the_first_four_is_a_malformed_line_not_utf16(tmp_path, data, message):
    with pytest.raises(ValueError) as caught:
        list(read_jsonl(write(tmp_path, data)))
    assert str(caught.value) == message
