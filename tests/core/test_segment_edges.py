"""Snapping at the edges: the text's first and last characters, whitespace, line ends, the quote reach, nesting."""

from __future__ import annotations

import pytest

from curator.core.segment import QUOTE_REACH, snap, snap_to_quotes, snap_to_words


def characters(text: str):
    return [(ch, i, i + 1) for i, ch in enumerate(text)]


def words(*known: str):
    """A tokenizer knowing these words (else single characters)."""

    def tokenize(text: str):
        i = 0
        while i < len(text):
            word = next((w for w in known if text.startswith(w, i)), text[i])
            yield word, i, i + len(word)
            i += len(word)

    return tokenize


def lines_read(text: str, start: int, end: int) -> list[str]:
    seen: list[str] = []

    def tokenize(piece: str):
        seen.append(piece)
        return characters(piece)

    snap_to_words(text, start, end, tokenize=tokenize)
    return seen


# -- words --------------------------------------------------------------------------------------------

def test_a_selection_at_the_start_or_the_end_of_the_text_is_snapped():
    assert snap_to_words("文明城市", 0, 1, tokenize=words("文明", "城市")) == (0, 2)
    assert snap_to_words("文明城市", 3, 4, tokenize=words("文明", "城市")) == (2, 4)


def test_edge_whitespace_goes_one_character_at_a_time():
    assert snap_to_words(" 文明城", 0, 3, tokenize=characters) == (1, 3)
    assert snap_to_words("文明 城市", 0, 3, tokenize=characters) == (0, 2)
    assert snap_to_words("文明\u3000\u3000城", 1, 4, tokenize=characters) == (1, 2)


def test_a_selection_of_only_whitespace_comes_back_empty():
    assert snap_to_words("a   b", 1, 3, tokenize=characters) == (3, 3)


def test_only_the_selections_own_line_is_tokenised():
    assert lines_read("一\n二\n三四五", 5, 6) == ["三四五"]  # the last of several line breaks before it
    assert lines_read("\n文明城", 1, 2) == ["文明城"]  # a line break at the very start
    assert lines_read("文明\n二\n三", 0, 1) == ["文明"]  # the first line break after it
    assert lines_read("第一行\n第二行文字", 5, 6) == ["第二行文字"]  # no line break after it: to the text's end


def test_word_offsets_on_a_later_line_are_the_texts():
    assert snap_to_words("第一行\n文明城市", 5, 6, tokenize=words("文明", "城市")) == (4, 6)
    assert snap_to_words("第一行\n文明城市", 6, 7, tokenize=words("文明", "城市")) == (6, 8)


def test_jieba_is_used_without_its_hmm_guesses():
    text = "青海格尔木市凝心聚力绘好文明"
    start = text.index("凝")
    assert snap_to_words(text, start, start + 1) == (start, start + 1)  # HMM would make 凝心 a word


def test_snap_uses_the_tokenizer_it_is_given():
    text = "光盘行动"
    assert snap(text, 1, 2, words=True, quotes=False, tokenize=words("盘行")) == (1, 3)


# -- quotes --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("“光盘”行动", 0, 3, (0, 4)),  # from the text's first character
    ("“光盘行动”", 2, 3, (0, 6)),  # the opening mark is the text's first character
    ("“光盘”", 2, 3, (0, 4)),  # the closing mark right after the selection
    ("开展“光盘行动”", 5, 8, (2, 8)),  # up to the text's last character
    ("“光盘”", 1, 4, (0, 4)),  # the selection ends with the closing mark
    ("“”好", 0, 1, (0, 2)),  # an empty quote
    ("《“光盘”》", 1, 5, (1, 5)),  # a whole inner quote stays itself
    ("《“光盘”和》", 1, 6, (0, 7)),  # past the inner quote: the outer one
    ("“光盘”和行", 1, 5, (1, 5)),  # crossing the closing mark: unchanged
    ("光盘”行动“", 1, 2, (1, 2)),  # marks the wrong way round: unchanged
])
def test_snap_to_quotes_edges(text, start, end, expected):
    assert snap_to_quotes(text, start, end) == expected


def test_an_empty_selection_is_left_alone():
    assert snap_to_quotes("“光盘行动”", 2, 2) == (2, 2)


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("“外“内”外”", 5, (0, 7)),  # after a nested quote of the same marks
    ("“外“内”外”", 1, (0, 7)),  # before it
    ("“外“内“深”内”外”", 9, (0, 11)),  # two levels deep
    ("“外“内“深”内”外”", 1, (0, 11)),
    ("《外《内》外》", 5, (0, 7)),
])
def test_nested_quotes_of_the_same_marks_are_counted(text, start, expected):
    assert snap_to_quotes(text, start, start + 1) == expected


def test_a_quote_is_snapped_to_up_to_quote_reach_characters():
    inside = "“" + "字" * (QUOTE_REACH - 1) + "”"
    assert snap_to_quotes(inside, 1, 2) == (0, len(inside))
    too_long = "“" + "字" * QUOTE_REACH + "”"
    assert snap_to_quotes(too_long, 1, 2) == (1, 2)
