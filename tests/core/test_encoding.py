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
