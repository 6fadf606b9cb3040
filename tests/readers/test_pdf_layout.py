"""PDF layout, from positioned characters and lines: lines, columns, reading order, furniture, paragraphs.

Pages are built from made-up boxes (PDF points, origin bottom left), so that each rule is met
exactly at its bound: where a line breaks, where a gutter is, which margin line is furniture,
where a paragraph starts.
"""

from __future__ import annotations

import pytest

from curator.core.readers import pdf
from curator.core.readers.pdf import Line, PageLines, gutters, paragraphs, reading_order

NL = ("\n", False, (0.0, 0.0, 0.0, 0.0))


def row(text: str, x: float, bottom: float = 0, *, generated: str = "", size: float = 10):
    """Characters side by side, each size wide and high; those at the indexes in `generated` are pdfium's."""
    return [(c, str(i) in generated.split(), (x + i * size, bottom, x + (i + 1) * size, bottom + size))
            for i, c in enumerate(text)]


# --- characters into lines ------------------------------------------------------------------------

def test_a_line_break_ends_a_line_and_lines_come_top_down():
    lines = pdf._lines_of(row("cd", 0, -20) + [NL] + row("ab", 0) + [("\r", False, (0, 0, 0, 0))] + row("e", 0, -40))
    assert lines == [Line("ab", 0, 0, 20, 10), Line("cd", 0, -20, 20, -10), Line("e", 0, -40, 10, -30)]


def test_lines_at_about_the_same_height_are_ordered_left_to_right():
    lines = pdf._lines_of(row("right", 300, 0.4) + [NL] + row("left", 0, 0))
    assert [line.text for line in lines] == ["left", "right"]


def test_a_line_box_spans_its_characters_but_not_its_spaces():
    chars = row("a", 0, 5) + [(" ", False, (10, -50, 90, 90))] + row("b", 20, 0, size=12)
    assert pdf._lines_of(chars) == [Line("a b", 0, 0, 32, 15)]


@pytest.mark.parametrize("x, lines", [(35, ["abcd"]), (36, ["ab", "cd"])])
def test_a_gap_over_one_and_a_half_characters_is_a_gutter(x, lines):
    assert [line.text for line in pdf._lines_of(row("ab", 0) + row("cd", x))] == lines


@pytest.mark.parametrize("x, lines", [(10, ["abcd"]), (9, ["cd", "ab"])])
def test_going_back_left_by_more_than_a_character_ends_the_line(x, lines):
    # the second run starts under the first one's last character (10) or further left
    chars = row("ab", 10) + row("cd", x)
    assert sorted(line.text for line in pdf._lines_of(chars)) == sorted(lines)
    assert len(pdf._lines_of(chars)) == len(lines)


@pytest.mark.parametrize("bottom, lines", [(10, 1), (10.5, 2), (-10, 1), (-10.5, 2)])
def test_a_character_above_or_below_the_last_one_starts_a_line(bottom, lines):
    assert len(pdf._lines_of(row("ab", 0) + row("cd", 20, bottom))) == lines


def test_a_letter_x_is_text_not_a_line_break():
    assert [line.text for line in pdf._lines_of(row("aXb", 0))] == ["aXb"]


@pytest.mark.parametrize("x, lines", [(135, 1), (136, 2)])
def test_the_gap_is_measured_in_character_heights_wherever_the_line_is(x, lines):
    # ten-high characters at 100 points up: a gap of 15 is within a line, 16 is a gutter
    assert len(pdf._lines_of(row("ab", 100, 100) + row("cd", x, 100))) == lines


def test_a_flat_box_counts_as_one_point_high():
    chars = [("a", False, (0, 0, 10, 0)), ("b", False, (11.4, 0, 20, 0)), ("c", False, (21.6, 0, 30, 0))]
    assert [line.text for line in pdf._lines_of(chars)] == ["ab", "c"]


def test_spaces_at_the_ends_of_a_line_are_dropped():
    chars = [(" ", False, (0, 0, 5, 10))] + row("ab", 10) + [(" ", False, (30, 0, 35, 10)), ("\t", False, (35, 0, 40, 10))]
    assert pdf._lines_of(chars) == [Line("ab", 10, 0, 30, 10)]
    assert pdf._lines_of([(" ", False, (0, 0, 5, 10))]) == []


def test_spaces_pdfium_makes_up_beside_chinese_are_dropped_and_others_kept():
    assert [line.text for line in pdf._lines_of(row("文 明", 0, generated="1"))] == ["文明"]
    assert [line.text for line in pdf._lines_of(row("a 明", 0, generated="1"))] == ["a明"]
    assert [line.text for line in pdf._lines_of(row("文 a", 0, generated="1"))] == ["文a"]
    assert [line.text for line in pdf._lines_of(row("a b", 0, generated="1"))] == ["a b"]
    assert [line.text for line in pdf._lines_of(row("文 明", 0))] == ["文 明"]  # a space in the text is text
    assert [line.text for line in pdf._lines_of(row("文 ", 0, generated="1") + row("b", 20))] == ["文b"]


def test_a_generated_space_at_the_end_of_the_text_is_dropped():
    assert [line.text for line in pdf._lines_of(row("ab ", 0, generated="2"))] == ["ab"]
    assert [line.text for line in pdf._lines_of(row(" ab", 0, generated="0"))] == ["ab"]


@pytest.mark.parametrize("ch", ["“", "”", "‘", "’", "，", "。", "\u3001", "\u303f", "\uff01", "\u2e80", "\u9fff", "\uf900",
                                "𠮷"])
def test_what_counts_as_chinese_beside_a_made_up_space(ch):
    assert [line.text for line in pdf._lines_of(row(f"a {ch}", 0, generated="1"))] == [f"a{ch}"]


@pytest.mark.parametrize("ch", ["é", "\u2e7f", "\ua000", "\ufb00", "1"])
def test_what_does_not_count_as_chinese(ch):
    assert [line.text for line in pdf._lines_of(row(f"a {ch}", 0, generated="1"))] == [f"a {ch}"]


# --- columns --------------------------------------------------------------------------------------

def column(x: float, right: float, count: int = 3, top: float = 712, text: str = "栏里的文字很长很长很长") -> list[Line]:
    return [Line(text, x, top - 12 - 20 * i, right, top - 20 * i) for i in range(count)]


def page(*lines: Line, width: float = 600, height: float = 800) -> PageLines:
    return PageLines(width, height, tuple(lines))


def test_two_columns_have_one_gutter_midway_between_them():
    assert gutters(page(*column(50, 280), *column(320, 550))) == [300.5]


def test_three_columns_have_two_gutters():
    assert gutters(page(*column(50, 200), *column(220, 370), *column(390, 540))) == [210.5, 380.5]


@pytest.mark.parametrize("start, cuts", [(286, [283.5]), (285, [283.0]), (284, [])])
def test_a_gutter_is_at_least_half_a_line_high_wide(start, cuts):
    # lines are 12 high: a strip of 6 points between the columns is a gutter, 5 is not
    assert gutters(page(*column(50, 280), *column(start, 510))) == cuts


def test_the_gutter_width_is_half_the_median_line_height():
    # three lines 10 high, three 20 high: the median is 20, so a gap of 7 is no gutter
    short = [Line("左栏文字", 50, 700 - 30 * i, 280, 710 - 30 * i) for i in range(3)]
    tall = [Line("右栏文字", 287, 600 - 30 * i, 510, 620 - 30 * i) for i in range(3)]
    assert gutters(page(*short, *tall)) == []
    taller = [Line("右栏文字", 291, 600 - 30 * i, 510, 620 - 30 * i) for i in range(3)]  # a gap of 11
    assert gutters(page(*short, *taller)) == [286.0]


def test_a_page_without_lines_or_with_few_narrow_ones_has_no_gutter():
    assert gutters(page()) == []
    assert gutters(page(*column(50, 280, 3), *column(320, 550, 2))) == []
    assert gutters(page(*column(50, 280, 5), *column(320, 550, 1))) == []  # six, but one on the right
    assert gutters(page(*column(50, 280, 4), *column(320, 550, 2))) == []


def test_lines_over_sixty_percent_of_the_text_width_do_not_show_columns():
    narrow = [Line("通栏", 50, 500 - 20 * i, 349, 512 - 20 * i) for i in range(6)]  # 299 of 500 wide: narrow
    assert gutters(page(*column(50, 280), *column(320, 550), *narrow)) == []
    wider = [Line("通栏", 50, 500 - 20 * i, 350, 512 - 20 * i) for i in range(6)]  # 300 of 500: not narrow
    assert gutters(page(*column(50, 280), *column(320, 550), *wider)) == [300.5]


def test_a_heading_may_cross_a_gutter_that_many_lines_keep_to():
    heading = Line("小标题", 282, 750, 318, 762)
    lines = [*column(50, 280, 10), *column(320, 550, 10)]
    assert gutters(page(heading, *lines)) == [300.5]  # one crossing of ten lines is allowed
    assert gutters(page(heading, *column(50, 280, 9), *column(320, 550, 9))) == []


def test_lines_across_the_gutter_are_read_in_place_and_the_columns_left_first():
    title = Line("横跨两栏的标题行文字", 150, 740, 450, 760)
    below = Line("横跨两栏的结语行文字", 150, 600, 450, 612)
    left, right = column(50, 280, text="左栏"), column(320, 550, text="右栏")
    blocks = reading_order(page(title, *[line for pair in zip(right, left) for line in pair], below))
    assert blocks == [[title], left, right, [below]]


def test_a_one_column_page_is_one_block_in_its_order():
    lines = column(50, 550, 4)
    assert reading_order(page(*lines)) == [lines]


def test_full_width_lines_one_under_another_are_one_block():
    # between two column runs, three full-width lines close together are read as one block
    left, right = column(50, 280, top=712), column(320, 550, top=712)
    wide = [Line("通栏文字", 50, 640 - 14 * i, 550, 652 - 14 * i) for i in range(3)]
    left2, right2 = column(50, 280, top=590), column(320, 550, top=590)
    blocks = reading_order(page(*left, *right, *wide, *left2, *right2))
    assert blocks == [left, right, wide, left2, right2]


@pytest.mark.parametrize("top, left, same", [
    (90, 0, True), (120, 0, True), (120.1, 0, False),  # not more than two line heights above the last one's bottom
    (90, 39.9, True), (90, 40, False), (90, -39.9, True), (90, -40, False),  # left edges under four heights apart
])
def test_what_is_the_same_column(top, left, same):
    above = Line("上", 0, 100, 300, 110)  # ten high
    assert pdf._same_column(above, Line("下", left, top - 10, 300 + left, top)) is same


# --- running headers, footers and page numbers ----------------------------------------------------

def test_margin_lines_that_are_page_numbers_or_repeat_are_furniture():
    pages = [page(Line("文明创建专刊 第 1 期", 50, 750, 300, 762), Line("正文第一页", 50, 600, 300, 612),
                  Line("— 1 —", 280, 40, 320, 52)),
             page(Line("文明创建专刊 第2期", 50, 750, 300, 762), Line("正文第二页", 50, 600, 300, 612),
                  Line("只在这一页的脚注", 50, 40, 300, 52))]
    assert pdf._furniture(pages) == {(0, 0), (0, 2), (1, 0)}


def test_on_a_single_page_only_a_page_number_in_a_margin_is_furniture():
    one = page(Line("文明创建专刊", 50, 750, 300, 762), Line("12", 50, 600, 300, 612), Line("第3页", 280, 40, 320, 52))
    assert pdf._furniture([one]) == {(0, 2)}


@pytest.mark.parametrize("bottom, top, margin", [
    (728.1, 740, True), (728, 740, False),  # the top 9 % of an 800-point page
    (60, 71.9, True), (60, 72, False),  # the bottom 9 %
])
def test_the_margins_are_nine_percent_of_the_page_height(bottom, top, margin):
    assert pdf._furniture([page(Line("7", 50, bottom, 60, top))]) == ({(0, 0)} if margin else set())


@pytest.mark.parametrize("text", ["— 1 —", "第3页", "Page 2 of 5", "12", "(3)", "- 12 -", "1/3", "·7·", "（4）", "page 9"])
def test_page_numbers_in_a_margin(text):
    assert pdf._furniture([page(Line(text, 50, 40, 300, 52))]) == {(0, 0)}


@pytest.mark.parametrize("text", ["2023年7月", "第三页", "p. 3", "共5页 第2页", "12345a"])
def test_what_is_not_a_page_number(text):
    assert pdf._furniture([page(Line(text, 50, 40, 300, 52))]) == set()


def test_on_a_single_page_a_line_in_both_margins_is_not_taken_for_a_running_header():
    one = page(Line("文明创建专刊", 50, 750, 300, 762), Line("正文", 50, 400, 300, 412), Line("文明创建专刊", 50, 40, 300, 52))
    assert pdf._furniture([one]) == set()


def test_a_margin_line_seen_once_in_a_long_document_stays():
    pages = [page(Line("第一页的页脚说明", 50, 40, 300, 52)), page(Line("正文", 50, 400, 300, 412))]
    assert pdf._furniture(pages) == set()


def test_the_same_words_in_the_body_are_not_furniture():
    pages = [page(Line("文明创建专刊", 50, 750, 300, 762), Line("文明创建专刊", 50, 400, 300, 412)),
             page(Line("文明创建专刊", 50, 750, 300, 762))]
    assert pdf._furniture(pages) == {(0, 0), (1, 0)}


# --- paragraphs -----------------------------------------------------------------------------------

def lines_at(*specs: tuple[str, float, float, float, float]) -> list[Line]:
    return [Line(*spec) for spec in specs]


def test_lines_of_a_paragraph_are_joined_and_an_indent_starts_one():
    block = lines_at(("第一段第一行文字很长很长", 50, 700, 300, 710), ("第一段结束。", 50, 685, 120, 695),
                     ("第二段缩进了两个字", 70, 670, 300, 680), ("第二段第二行", 50, 655, 300, 665))
    assert paragraphs([block]) == ["第一段第一行文字很长很长第一段结束。", "第二段缩进了两个字第二段第二行"]


@pytest.mark.parametrize("indent, joined", [(8, True), (8.1, False)])
def test_an_indent_of_more_than_eight_tenths_of_a_line_height(indent, joined):
    block = lines_at(("第一行", 50, 700, 300, 710), ("第二行", 50 + indent, 685, 300, 695))
    assert paragraphs([block]) == (["第一行第二行"] if joined else ["第一行", "第二行"])


@pytest.mark.parametrize("gap, joined", [(12, True), (12.1, False)])
def test_a_gap_of_more_than_one_and_a_fifth_line_heights(gap, joined):
    block = lines_at(("第一行", 50, 700, 300, 710), ("第二行", 50, 700 - gap - 10, 300, 700 - gap))
    assert paragraphs([block]) == (["第一行第二行"] if joined else ["第一行", "第二行"])


@pytest.mark.parametrize("height, joined", [(12.5, True), (12.6, False), (7.5, True), (7.4, False)])
def test_a_change_of_type_size_over_a_quarter(height, joined):
    block = lines_at(("第一行", 50, 700, 300, 710), ("第二行", 50, 698 - height, 300, 698))
    assert paragraphs([block]) == (["第一行第二行"] if joined else ["第一行", "第二行"])


def test_a_paragraph_goes_on_across_blocks_and_a_blank_line_is_skipped():
    left = lines_at(("左栏第一行文字很长很长", 50, 700, 280, 710), ("   ", 50, 690, 280, 700),
                    ("左栏第二行没有结束", 50, 685, 280, 695))
    right = lines_at(("接着写到右栏。", 320, 700, 400, 710))
    assert paragraphs([left, right]) == ["左栏第一行文字很长很长左栏第二行没有结束接着写到右栏。"]
    assert paragraphs([]) == [] and paragraphs([lines_at(("  ", 0, 0, 10, 10))]) == []


@pytest.mark.parametrize("right, ends", [(285, False), (284.9, True)])
def test_a_sentence_end_short_of_the_edge_by_more_than_one_and_a_half_heights(right, ends):
    line = Line("这句话结束了。", 50, 700, right, 710)
    assert pdf._short(line, 300, Line("下", 50, 685, 60, 695)) is ends


LONG_WORD = Line("abcdefghijklmnopqrstuvwxyz", 50, 685, 300, 695)  # 14.3 em: would never have fitted in the gap


@pytest.mark.parametrize("text", ["结束了。", "结束了！", "结束了？", "结束了…", "end!", "end?", "结束了。”", "结束了。’",
                                  "结束了。」", "结束了。』", "结束了。）", "结束了。)", "结束了。  "])
def test_what_ends_a_sentence(text):
    assert pdf._short(Line(text, 50, 700, 200, 710), 300, LONG_WORD) is True


@pytest.mark.parametrize("text", ["没有结束，", "没有结束", "结束了。”。”x", "结束了。.", "  结束了。x", "end."])
def test_what_does_not_end_a_sentence(text):
    # short of the edge by 100, but the next line's first word would not have fitted there
    assert pdf._short(Line(text, 50, 700, 200, 710), 300, LONG_WORD) is False


def test_a_chunk_that_exactly_fills_the_gap_would_not_have_fitted():
    big = Line("文", 50, 670, 300, 690)  # 20 high: (1 + 0.5) * 20 = 30
    assert pdf._short(Line("没有结束", 50, 700, 270, 710), 300, big) is False
    assert pdf._short(Line("没有结束", 50, 700, 269.9, 710), 300, big) is True


@pytest.mark.parametrize("following, fits_over", [
    ("文明", 1.0), ("“文明”", 2.0), ("2023年", 2.2), ("《通知》要求", 2.0), ("(1)是", 1.65), ("50%的人", 1.65),
    ("“好”、“坏”", 7.0), ("，字", 1.0),
])
def test_a_line_ends_its_paragraph_when_the_next_lines_first_chunk_would_have_fitted(following, fits_over):
    # a line without a sentence end, short of the edge: the chunk (in em) plus half an em must fit in the gap
    need = (fits_over + 0.5) * 10
    nxt = Line(following, 50, 685, 300, 695)
    assert pdf._short(Line("没有结束", 50, 700, 300 - need - 0.1, 710), 300, nxt) is True
    assert pdf._short(Line("没有结束", 50, 700, 300 - need + 0.1, 710), 300, nxt) is False


def test_the_next_lines_height_sets_the_width_of_its_chunk():
    big = Line("文", 50, 680, 300, 700)  # 20 high: needs (1 + 0.5) * 20 = 30
    assert pdf._short(Line("没有结束", 50, 700, 300 - 29, 710), 300, big) is False
    assert pdf._short(Line("没有结束", 50, 700, 300 - 31, 710), 300, big) is True


def test_width_in_em():
    assert pdf._width_in_em("") == 0
    assert pdf._width_in_em("ab文") == pytest.approx(2.1)
    assert pdf._width_in_em("\u1fff\u2000") == pytest.approx(1.55)


@pytest.mark.parametrize("head, tail, joined", [
    ("inter-", "national", "international"), ("2020-", "2021", "2020- 2021"), ("文明", "city", "文明city"),
    ("city", "文明", "city文明"), ("city", "of", "city of"), ("文-", "明", "文明"), ("a-", "文", "a文"),
    ("“", "x", "“x"), ("x", "”", "x”"), ("文a", "b", "文a b"), ("a", "b文", "a b文"), ("A-", "b2", "Ab2"),
])
def test_lines_are_joined_without_a_space_beside_chinese(head, tail, joined):
    assert pdf._join(head, tail) == joined
