"""Fact rows pre-filled from their evidence: the nearest place, the figure's value, the initiative's name."""

from __future__ import annotations

import pytest

from curator.core.facts import fact_row, figure_row, initiative_row, nearest_place
from curator.core.model import Document, Span

#       0         1         2         3
#       0123456789012345678901234567890123456789
TEXT = "北京市朝阳区开展光盘行动，志愿者超3万人参与，上海市普陀区也参加。"
DOC = Document(id=1, title="t", text=TEXT, place="全国", published="2024-05-01")


def span(text: str, label: str, *, span_id: int, occurrence: int = 0, attrs=None) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(id=span_id, doc_id=1, start=start, end=start + len(text), label=label, text=text, attrs=attrs or {})


FIGURE = span("超3万人", "figure", span_id=1)
BEIJING = span("北京市", "place", span_id=2)
CHAOYANG = span("朝阳区", "place", span_id=3)
SHANGHAI = span("上海市", "place", span_id=4)
PUTUO = span("普陀区", "place", span_id=5)
ORG = span("志愿者", "org", span_id=6)


@pytest.mark.parametrize(("spans", "expected"), [
    ([BEIJING, CHAOYANG, SHANGHAI, PUTUO], "朝阳区"),  # the nearest before wins over anything after
    ([CHAOYANG, BEIJING], "朝阳区"),  # nearest by position, not by list order
    ([BEIJING, PUTUO, SHANGHAI], "北京市"),  # before beats after, even a closer one after
    ([PUTUO, SHANGHAI], "上海市"),  # none before: the nearest after
    ([SHANGHAI, PUTUO], "上海市"),
    ([ORG], "全国"),  # no place span: the document's place
    ([], "全国"),
])
def test_nearest_place(spans, expected):
    assert nearest_place(DOC, FIGURE, spans) == expected


def test_nearest_place_without_any_place_is_empty():
    assert nearest_place(Document(id=1, title="t", text=TEXT), FIGURE, [ORG]) == ""


def test_a_place_span_overlapping_the_figure_is_neither_before_nor_after():
    inside = Span(id=9, doc_id=1, start=FIGURE.start + 1, end=FIGURE.end + 2, label="place", text="x")
    touching_before = Span(id=10, doc_id=1, start=FIGURE.start - 3, end=FIGURE.start, label="place", text="者前")
    touching_after = Span(id=11, doc_id=1, start=FIGURE.end, end=FIGURE.end + 2, label="place", text="参与")
    assert nearest_place(DOC, FIGURE, [inside]) == "全国"
    assert nearest_place(DOC, FIGURE, [inside, touching_before]) == "者前"  # ends where the figure starts
    assert nearest_place(DOC, FIGURE, [inside, touching_after]) == "参与"  # starts where the figure ends


def test_a_place_span_is_not_its_own_nearest_place():
    assert nearest_place(DOC, SHANGHAI, [SHANGHAI]) == "全国"
    assert nearest_place(DOC, SHANGHAI, [SHANGHAI, PUTUO]) == "普陀区"


def test_figure_row_is_filled_from_the_quantity_and_the_document():
    row = figure_row(DOC, FIGURE, fact_id=7, doc_spans=[BEIJING, CHAOYANG])
    assert row == {"id": 7, "doc_id": 1, "indicator": row["indicator"], "value": 30000.0, "unit": "人",
                   "qualifier": "超", "place": "朝阳区", "as_of": "2024-05-01", "initiative_id": None,
                   "span_ids": [1], "edited": 0}
    assert isinstance(row["indicator"], str)


def test_figure_row_takes_the_span_attributes_over_the_parsed_quantity():
    attrs = {"indicator": "志愿者人数", "value": 31000.0, "unit": "名", "qualifier": "约"}
    row = figure_row(DOC, span("超3万人", "figure", span_id=1, attrs=attrs), fact_id=7)
    assert (row["indicator"], row["value"], row["unit"], row["qualifier"], row["place"]) == (
        "志愿者人数", 31000.0, "名", "约", "全国")


def test_figure_row_of_text_without_a_number_has_no_value():
    row = figure_row(DOC, span("光盘行动", "figure", span_id=1), fact_id=2)
    assert (row["value"], row["unit"], row["qualifier"]) == (None, "", "")


def test_figure_row_without_a_published_date_has_an_empty_as_of():
    doc = Document(id=1, title="t", text=TEXT)
    assert figure_row(doc, FIGURE, fact_id=1)["as_of"] == ""


def test_initiative_row_strips_quotes_and_spaces_from_the_name():
    doc = Document(id=3, title="t", text=" “光盘行动” 开展", place="格尔木市")
    initiative = Span(id=4, doc_id=3, start=0, end=7, label="initiative", text=" “光盘行动” ")
    assert initiative_row(doc, initiative, fact_id=5) == {
        "id": 5, "doc_id": 3, "name": "光盘行动", "category": "", "place": "格尔木市", "organisation": "",
        "note": "", "span_ids": [4], "edited": 0}


def test_fact_row_chooses_the_table_by_label_and_refuses_others():
    assert "value" in fact_row(DOC, FIGURE, fact_id=1)
    assert "name" in fact_row(DOC, span("光盘行动", "initiative", span_id=3), fact_id=1)
    with pytest.raises(ValueError, match="'place' has no fact table"):
        fact_row(DOC, BEIJING, fact_id=1)


def test_initiative_name_keeps_latin_letters_at_its_edges():
    doc = Document(id=3, title="t", text="推进“X光行动X”")
    initiative = Span(id=4, doc_id=3, start=2, end=9, label="initiative", text="“X光行动X”")
    assert initiative_row(doc, initiative, fact_id=5)["name"] == "X光行动X"


def test_a_suggested_place_is_not_a_figures_place():
    suggested = Span(id=8, doc_id=1, start=CHAOYANG.start, end=CHAOYANG.end, label="place", text="朝阳区",
                     origin="suggested")
    assert nearest_place(DOC, FIGURE, [BEIJING, suggested]) == "北京市"
    assert nearest_place(DOC, FIGURE, [suggested]) == "全国"


@pytest.mark.parametrize(("text", "place"), [
    ("青海省格尔木市开展活动\n正文", "格尔木市"),  # the county over its province
    ("西宁市 格尔木市\n", "格尔木市"),  # county level over prefecture level
    ("德令哈市，格尔木市，格尔木市\n", "格尔木市"),  # among equals the most frequent
    ("格尔木市，德令哈市\n", "格尔木市"),  # then the first
    ("德令哈市，格尔木市\n", "德令哈市"),
    ("格尔木开展活动\n", "格尔木市"),  # the full name
    ("标题\n\n第一段西宁市\n第二段格尔木市", "西宁市"),  # only the title and the first paragraph
    ("标题\n西宁市" + "字" * 395 + "格尔木市", "西宁市"),  # at most LEAD_CHARS characters of them
    ("德令哈市，格尔木市，格尔木市，德令哈市\n", "德令哈市"),  # a tie goes to the first named
    ("标题 副标题\n格尔木市开展", "格尔木市"),  # a space does not end the title line
    ("没有地名\n正文", ""),
    ("湖州德清县开展文明创建\n", "德清县"),  # a city's stem alone is no division: the names after it still count
    ("标题\n" + "字" * 393 + "格尔木市", "格尔木市"),  # title, one line break, the name's last character the 400th
])
def test_document_place(text, place):
    from curator.core.facts import document_place

    assert document_place(text) == place
