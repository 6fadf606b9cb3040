from __future__ import annotations

import codecs

import pytest

from curator.core.encoding import DecodeError, decode

TRADITIONAL = "格爾木市創建全國文明城市，註冊志願者超過三萬人，志願服務隊三百二十四支。"


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_seed_article_decodes_from_each_encoding(seed_texts, encoding, expected):
    text = seed_texts[0]
    assert decode(text.encode(encoding)) == (text, expected)


def test_gb18030_text_outside_gbk_decodes():
    text = "格尔木市志愿者𠮷祥"  # 𠮷 needs GB18030's four-byte form
    assert decode(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("text", ["格尔木市", "志愿者", "光盘行动", "文明城市", "超3万人"])
def test_short_gbk_is_not_mistaken_for_big5(text):
    assert decode(text.encode("gbk"))[0] == text


@pytest.mark.parametrize("text", [TRADITIONAL, "格爾木市", "志願服務"])
def test_big5_is_not_read_as_gb18030_garbage(text):
    assert decode(text.encode("big5")) == (text, "big5")


def test_short_utf16_without_bom():
    assert decode("格尔木市".encode("utf-16-le"))[0] == "格尔木市"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        bytes(range(256)) * 4,
        b"PK\x03\x04" + bytes(range(256)),
    ],
    ids=["png", "all-bytes", "zip"],
)
def test_binary_is_refused(data):
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


def test_empty_is_refused():
    with pytest.raises(DecodeError, match="empty"):
        decode(b"")


def test_unsupported_encoding_names_what_curator_reads():
    with pytest.raises(DecodeError, match="UTF-8, UTF-16, GBK/GB18030, Big5"):
        decode("Привет, как дела? Это текст в кодировке windows.".encode("cp1251"))


def test_bom_with_invalid_body_is_refused():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfd")


@pytest.mark.parametrize("word", ["街道", "创建", "活动"])
def test_a_tie_between_gbk_and_big5_goes_to_gbk_by_rule(word):
    """These score the same both ways (街道 reads as 誰耋 in Big5): the explicit rank decides, not tuple order."""
    from curator.core.encoding import _common_hanzi, plausibility

    data = word.encode("gbk")
    assert plausibility(data.decode("gb18030"), _common_hanzi()["gb18030"]) == plausibility(
        data.decode("big5"), _common_hanzi()["big5"])
    assert decode(data) == (word, "gb18030")


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_its_bom(encoding):
    text = "格尔木市志愿者"
    bom = codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE
    assert decode(bom + text.encode(encoding)) == (text, "utf-32")


def test_utf32_le_bom_is_not_taken_for_utf16():
    # FF FE 00 00 starts like a UTF-16 LE BOM; read as UTF-16 it would begin with U+0000
    data = codecs.BOM_UTF32_LE + "文明".encode("utf-32-le")
    assert decode(data)[0] == "文明"


def test_utf16_big_endian_with_its_bom():
    assert decode(codecs.BOM_UTF16_BE + "文明城市".encode("utf-16-be")) == ("文明城市", "utf-16")


@pytest.mark.parametrize("data, encoding", [
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "utf-8-sig"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16"),  # a lone surrogate
    (codecs.BOM_UTF32_BE + b"\x00", "utf-32"),
])
def test_a_bom_with_a_body_it_cannot_carry_is_named(data, encoding):
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert str(caught.value) == f"starts with a {encoding} byte-order mark but is not valid {encoding}"


def test_utf16_big_endian_without_a_bom():
    assert decode("格尔木市文明".encode("utf-16-be")) == ("格尔木市文明", "utf-16-be")


def test_utf16_little_endian_without_a_bom_of_odd_length_is_not_utf16():
    data = "格尔木市".encode("utf-16-le") + b"a"
    with pytest.raises(DecodeError):
        decode(data)


def test_three_quarters_plausible_is_enough_and_less_is_refused():
    # 犇 is GBK but not a common (GB2312 level 1) hanzi: 3 of 4 characters plausible
    assert decode("abc犇".encode("gbk")) == ("abc犇", "gb18030")
    with pytest.raises(DecodeError) as caught:
        decode("ab犇".encode("gbk"))  # 2 of 3
    assert str(caught.value) == (
        "cannot read its encoding (it looks like utf_16_be); curator reads UTF-8, UTF-16, GBK/GB18030, Big5")


def test_no_encoding_at_all_is_named_so():
    with pytest.raises(DecodeError) as caught:
        decode(bytes(range(128, 256)) * 3)
    assert str(caught.value) == "cannot read its encoding (no known encoding fits); curator reads UTF-8, UTF-16, GBK/GB18030, Big5"


@pytest.mark.parametrize("text, ok", [
    ("a" * 998 + "\x01\n", True),  # one control character in a thousand is a stray one
    ("a" * 997 + "\x01\x01\n", False),
    ("a" * 1998 + "\x01\x01", True),
    ("a" * 1997 + "\x01\x01\x01", False),
    ("a" * 990 + "\t\n\r\x0c" * 2 + "ab", True),  # tab, line ends and form feed are text
])
def test_control_characters_beyond_one_in_a_thousand_make_a_file_binary(text, ok):
    if ok:
        assert decode(text.encode()) == (text, "utf-8")
    else:
        with pytest.raises(DecodeError) as caught:
            decode(text.encode())
        assert str(caught.value) == "binary file (control bytes), not text"


@pytest.mark.parametrize("text, encoding", [("格" * 999 + "\x01", "gb18030"), ("文" * 999 + "\x01", "utf-16-le")])
def test_a_stray_control_character_in_a_legacy_encoding_is_kept(text, encoding):
    assert decode(text.encode(encoding.replace("gb18030", "gbk"))) == (text, encoding)


def test_control_characters_in_a_legacy_decoding_rule_it_out():
    with pytest.raises(DecodeError) as caught:
        decode(("格" * 998 + "\x01\x01").encode("gbk"))
    assert str(caught.value).startswith("cannot read its encoding (")


@pytest.mark.parametrize("ch, plain", [
    ("a", True), (" ", True), ("\n", True), ("\r", True), ("\t", True), ("~", True), ("\x7f", False), ("\x0b", False),
    ("\x80", False), ("\u00e9", False), ("\u2ffe", False), ("\u3000", True), ("\u3001", True), ("\u303f", True),
    ("\u3040", False), ("\ufeff", False), ("\uff00", True), ("\uff0c", True), ("\uffef", True), ("\ufff0", False),
    ("“", True), ("”", True), ("‘", True), ("’", True), ("…", True), ("—", True), ("·", True), ("–", False),
])
def test_what_counts_as_plain_in_any_encoding(ch, plain):
    from curator.core.encoding import plausibility

    assert plausibility(ch, frozenset()) == (1.0 if plain else 0.0)


def test_plausibility_is_the_share_of_plain_and_common_characters_in_the_first_20000():
    from curator.core.encoding import plausibility

    assert plausibility("", frozenset("文")) == 0.0
    assert plausibility("文明ab", frozenset("文")) == 0.75
    assert plausibility("a" * 20000 + "明" * 20000, frozenset()) == 1.0
    assert plausibility("明" * 19999 + "a" * 20000, frozenset()) == 1 / 20000


def test_the_common_hanzi_are_gb2312_and_big5_level_one():
    from curator.core.encoding import _common_hanzi

    common = _common_hanzi()
    assert len(common["gb18030"]) == 3755 and {"啊", "座", "格", "尔"} <= common["gb18030"]
    assert "犇" not in common["gb18030"] and "亍" not in common["gb18030"]  # level 2 (D8A1)
    assert len(common["big5"]) == 5495 and {"一", "乙", "爾", "國"} <= common["big5"] and "\u9f98" not in common["big5"]
    assert common["utf-16"] == common["gb18030"] | common["big5"]


GOOD = "格尔木市创建全国文明城市，注册志愿者超过三万人，志愿服务队三百二十四支。" * 3


@pytest.mark.parametrize("line, refused", [
    ("鑫淼焱鑫淼焱鑫淼", True),  # eight uncommon hanzi: not this encoding
    ("鑫淼焱鑫淼焱鑫", False),  # seven are too few to judge
    ("志愿者创建文鑫淼焱鑫", False),  # six common of ten: 0.6 is enough
    ("志愿者创建鑫淼焱鑫淼", True),  # five of ten
])
def test_a_line_of_mostly_uncommon_hanzi_is_judged_from_eight_on(line, refused):
    data = (GOOD + "\n" + line + "\n").encode("gbk")
    if not refused:
        assert decode(data) == (GOOD + "\n" + line + "\n", "gb18030")
        return
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert str(caught.value) == ("mixes encodings: most of it reads as GBK/GB18030, but line 2 does not "
                                 "(save the whole file in one encoding, e.g. UTF-8)")


def test_big5_punctuation_in_a_gbk_file_names_its_line():
    data = (GOOD + "\n" + GOOD + "\n").encode("gbk") + "志願，".encode("big5")
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert "most of it reads as GBK/GB18030, but line 3 does not" in str(caught.value)


def test_a_gbk_line_in_a_big5_file_is_named_as_big5():
    data = (TRADITIONAL * 3).encode("big5") + b"\n" + "志愿者创建文明城市".encode("gbk")
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert str(caught.value) == ("mixes encodings: most of it reads as Big5, but line 2 does not "
                                 "(save the whole file in one encoding, e.g. UTF-8)")
