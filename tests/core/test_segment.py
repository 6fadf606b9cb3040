from __future__ import annotations

import pytest

from curator.core.segment import snap, snap_to_quotes, snap_to_words


def fixed_words(*words: str):
    """A tokenizer that splits text into the given words (then single characters)."""

    def tokenize(text: str):
        i = 0
        while i < len(text):
            for word in words:
                if text.startswith(word, i):
                    yield word, i, i + len(word)
                    i += len(word)
                    break
            else:
                yield text[i], i, i + 1
                i += 1

    return tokenize


TEXT = "持续推进《全国文明城市测评体系》各项指标，开展“光盘行动”和“志愿红”活动。"


@pytest.mark.parametrize(
    ("piece", "offset", "length", "expected"),
    [
        ("文明城市", 1, 2, "文明城市"),  # inside one word
        ("文明城市", 0, 4, "文明城市"),  # already a word
        ("测评体系", 1, 2, "测评体系"),  # crosses two words
        ("各项指标", 0, 1, "各项"),
    ],
)
def test_snap_to_words_widens_to_whole_words(piece, offset, length, expected):
    start = TEXT.index(piece) + offset
    tokenize = fixed_words("文明", "城市", "测评", "体系", "各项", "指标")
    s, e = snap_to_words(TEXT, start, start + length, tokenize=tokenize)
    assert TEXT[s:e] == expected


def test_snap_to_words_drops_edge_whitespace():
    text = "共有 12 个社区"
    s, e = snap_to_words(text, 2, 7, tokenize=fixed_words("12", "社区"))
    assert text[s:e] == "12 个"  # leading space dropped; 个 is a word of its own


def test_snap_to_words_only_reads_the_line_of_the_selection():
    seen = []

    def tokenize(text):
        seen.append(text)
        return [(ch, i, i + 1) for i, ch in enumerate(text)]

    text = "第一行\n第二行文字\n第三行"
    snap_to_words(text, 5, 6, tokenize=tokenize)
    assert seen == ["第二行文字"]


def test_snap_to_words_with_jieba_keeps_offsets_after_astral_characters():
    text = "𠮷😀格尔木市持续推进全国文明城市创建"
    start = text.index("明城")
    s, e = snap_to_words(text, start, start + 2)
    assert text[s:e].startswith("文明") and text[s:e].endswith("城市")


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("光盘", "“光盘行动”"),
        ("光盘行动", "“光盘行动”"),
        ("“光盘", "“光盘行动”"),
        ("文明城市", "《全国文明城市测评体系》"),
        ("志愿红", "“志愿红”"),
    ],
)
def test_snap_to_quotes_widens_to_the_enclosing_quote(piece, expected):
    start = TEXT.index(piece)
    s, e = snap_to_quotes(TEXT, start, start + len(piece))
    assert TEXT[s:e] == expected


@pytest.mark.parametrize("piece", ["各项指标", "行动”和“志愿", "持续推进"])
def test_snap_to_quotes_leaves_unquoted_or_crossing_selections(piece):
    start = TEXT.index(piece)
    assert snap_to_quotes(TEXT, start, start + len(piece)) == (start, start + len(piece))


def test_snap_to_quotes_picks_the_innermost_of_nested_quotes():
    text = "印发《关于开展“文明餐桌”行动的通知》"
    start = text.index("餐桌")
    s, e = snap_to_quotes(text, start, start + 2)
    assert text[s:e] == "“文明餐桌”"


def test_snap_to_quotes_does_not_cross_lines():
    text = "“标题\n正文”"
    assert snap_to_quotes(text, 1, 3) == (1, 3)


def test_snap_applies_words_then_quotes():
    start = TEXT.index("盘")
    s, e = snap(TEXT, start, start + 1, words=True, quotes=False, tokenize=fixed_words("光盘", "行动"))
    assert TEXT[s:e] == "光盘"
    s, e = snap(TEXT, start, start + 1, words=True, quotes=True, tokenize=fixed_words("光盘", "行动"))
    assert TEXT[s:e] == "“光盘行动”"
    assert snap(TEXT, start, start + 1, words=False, quotes=False) == (start, start + 1)
