"""The Edit builders, row by row: what the undo stack names and what store.apply receives."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from curator.core.edits import (
    Edit, RowChange, accept_suggestion, combine, delete_span, now_iso, propose_spans, reject_suggestion,
    set_cell, set_rows, set_status, tag_span,
)
from curator.core.model import Document, Span

TEXT = "格尔木市开展光盘行动，志愿者超3万人参与。"
DOC = Document(id=3, title="t", text=TEXT, place="青海省", published="2024-05-01", status="todo")
NOW = "2024-05-02T10:00:00+00:00"


def span_row(**fields) -> dict:
    row = {"id": 7, "doc_id": 3, "start": 0, "end": 4, "label": "place", "text": "格尔木市", "attrs": {},
           "origin": "manual", "annotator": "", "created": NOW, "updated": NOW}
    return {**row, **fields}


# -- Edit and RowChange -----------------------------------------------------------------------------

def test_a_row_change_freezes_its_rows_and_inverts():
    change = RowChange("spans", None, {"id": 1, "x": 2})
    assert isinstance(change.after, MappingProxyType) and change.row_id == 1
    assert isinstance(RowChange("spans", {"id": 1}, None).before, MappingProxyType)
    assert change.inverse() == RowChange("spans", {"id": 1, "x": 2}, None)
    assert RowChange("spans", {"id": 5}, None).row_id == 5
    with pytest.raises(ValueError, match="^a row change needs a before or an after$"):
        RowChange("spans", None, None)


def test_an_edit_inverts_in_reverse_order_and_keeps_its_label():
    a, b = RowChange("spans", None, {"id": 1}), RowChange("figures", {"id": 2, "v": 1}, {"id": 2, "v": 3})
    edit = Edit("标注 数据", [a, b])
    assert edit.changes == (a, b) and edit.tables == frozenset({"spans", "figures"})
    assert edit.inverse() == Edit("标注 数据", (b.inverse(), a.inverse()))
    assert edit and not Edit("nothing", ())


def test_combine_joins_changes_under_one_label():
    a, b = Edit("a", (RowChange("spans", None, {"id": 1}),)), Edit("b", (RowChange("spans", None, {"id": 2}),))
    assert combine("推广", [a, Edit("", ()), b]) == Edit("推广", a.changes + b.changes)


def test_now_iso_is_utc_to_the_second():
    stamp = now_iso()
    assert stamp.endswith("+00:00") and len(stamp) == len("2024-05-02T10:00:00+00:00")


# -- tagging --------------------------------------------------------------------------------------------

def test_tag_span_of_an_entity_is_one_span_row():
    edit = tag_span(DOC, 0, 4, "place", span_id=7, label_title="地点", now=NOW)
    assert edit == Edit("标注 地点", (RowChange("spans", None, span_row()),))


def test_tag_span_passes_origin_annotator_and_attrs_through():
    edit = tag_span(DOC, 0, 4, "place", span_id=7, origin="propagated", annotator="李", attrs={"k": 1}, now=NOW)
    assert edit.label == "标注 place"
    assert dict(edit.changes[0].after) == span_row(origin="propagated", annotator="李", attrs={"k": 1})


def test_tag_span_stamps_now_when_not_told():
    row = tag_span(DOC, 0, 4, "place", span_id=7).changes[0].after
    assert row["created"] == row["updated"] and row["created"].endswith("+00:00")


def test_tag_span_of_a_figure_adds_its_fact_row():
    start = TEXT.index("超3万人")
    edit = tag_span(DOC, start, start + 4, "figure", span_id=8, fact_id=2, now=NOW)
    assert [c.table for c in edit.changes] == ["spans", "figures"]
    figure = edit.changes[1].after
    assert (figure["id"], figure["value"], figure["unit"], figure["span_ids"], figure["place"]) == (2, 30000.0, "人", [8], "青海省")
    assert len(tag_span(DOC, start, start + 4, "figure", span_id=8, now=NOW).changes) == 1  # no fact id: no row


def test_tag_span_fills_the_place_from_the_spans_given():
    place = Span(id=1, doc_id=3, start=0, end=4, label="place", text="格尔木市")
    start = TEXT.index("光盘行动")
    edit = tag_span(DOC, start, start + 4, "initiative", span_id=9, fact_id=1, doc_spans=[place], now=NOW)
    assert edit.changes[1].after["place"] == "格尔木市" and edit.changes[1].after["name"] == "光盘行动"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (4, 2), (0, len(TEXT) + 1)])
def test_tag_span_outside_the_text_is_refused(start, end):
    with pytest.raises(ValueError, match=f"span {start}-{end} is outside the document \\(length {len(TEXT)}\\)"):
        tag_span(DOC, start, end, "place", span_id=1)


def test_tag_span_up_to_the_last_character_is_allowed():
    assert tag_span(DOC, len(TEXT) - 1, len(TEXT), "place", span_id=1).changes[0].after["text"] == "。"


# -- deleting ----------------------------------------------------------------------------------------------

SPAN = Span(id=7, doc_id=3, start=0, end=4, label="place", text="格尔木市", created=NOW, updated=NOW)


def test_delete_span_drops_rows_citing_only_it_and_trims_the_others():
    only = {"id": 1, "doc_id": 3, "span_ids": [7]}
    shared = {"id": 2, "doc_id": 3, "span_ids": [5, 7]}
    unrelated = {"id": 3, "doc_id": 3, "span_ids": [5]}
    later = {"id": 4, "doc_id": 3, "span_ids": [7]}
    edit = delete_span(SPAN, facts=[("figures", unrelated), ("figures", only), ("figures", shared), ("figures", later)],
                       label_title="地点")
    assert edit == Edit("删除 地点", (
        RowChange("figures", only, None),
        RowChange("figures", shared, {**shared, "span_ids": [5]}),
        RowChange("figures", later, None),
        RowChange("spans", SPAN.row(), None),
    ))
    assert delete_span(SPAN).label == "删除 place"


def test_deleting_an_initiative_unlinks_only_its_own_figures():
    initiative = {"id": 1, "doc_id": 3, "span_ids": [7]}
    own = {"id": 5, "doc_id": 3, "initiative_id": 1, "span_ids": [8]}
    other = {"id": 6, "doc_id": 3, "initiative_id": 2, "span_ids": [9]}
    initiative_two = {"id": 1, "doc_id": 3, "initiative_id": 1, "span_ids": [9]}  # an initiatives row with the key
    edit = delete_span(SPAN, facts=[("initiatives", initiative), ("figures", own), ("figures", other),
                                    ("initiatives", initiative_two)])
    assert edit.changes == (
        RowChange("figures", own, {**own, "initiative_id": None}),
        RowChange("initiatives", initiative, None),
        RowChange("spans", SPAN.row(), None),
    )


def test_deleting_a_figure_span_unlinks_nothing():
    figure = {"id": 1, "doc_id": 3, "initiative_id": 4, "span_ids": [7]}
    sibling = {"id": 2, "doc_id": 3, "initiative_id": 1, "span_ids": [8]}
    edit = delete_span(SPAN, facts=[("figures", figure), ("figures", sibling)])
    assert edit.changes == (RowChange("figures", figure, None), RowChange("spans", SPAN.row(), None))


# -- cells, rows, status ------------------------------------------------------------------------------------

def test_set_cell_marks_a_fact_row_edited():
    row = {"id": 1, "value": 3.0, "edited": 0}
    assert set_cell("figures", row, "value", 4.0) == Edit("修改 value", (RowChange("figures", row, {"id": 1, "value": 4.0, "edited": 1}),))
    assert set_cell("figures", row, "value", 4.0, label="改数").label == "改数"
    plain = {"id": 1, "name": "a"}
    assert set_cell("labels", plain, "name", "b").changes[0].after == {"id": 1, "name": "b"}


def test_set_cell_to_the_same_value_is_an_empty_edit():
    assert set_cell("figures", {"id": 1, "value": 3.0}, "value", 3.0) == Edit("修改 value", ())
    assert set_cell("figures", {"id": 1, "value": 3.0}, "value", 3.0, label="x") == Edit("x", ())
    assert set_cell("figures", {"id": 1}, "unit", None) == Edit("修改 unit", ())  # a missing cell is None


def test_the_id_cannot_be_edited():
    with pytest.raises(ValueError, match="^the id of a row cannot be edited$"):
        set_cell("figures", {"id": 1}, "id", 2)


def test_set_rows_keeps_only_real_changes():
    pairs = [({"id": 1, "v": 1}, {"id": 1, "v": 2}), ({"id": 2, "v": 1}, {"id": 2, "v": 1})]
    assert set_rows("导入修改", "figures", pairs) == Edit("导入修改", (RowChange("figures", {"id": 1, "v": 1}, {"id": 1, "v": 2}),))


def test_set_status():
    assert set_status(DOC, "done") == Edit("更改状态", (RowChange("documents", {"id": 3, "status": "todo"},
                                                                  {"id": 3, "status": "done"}),))
    assert set_status(DOC, "done", label="状态：已完成").label == "状态：已完成"
    assert set_status(DOC, "todo") == Edit("更改状态", ())
    assert set_status(DOC, "todo", label="x") == Edit("x", ())
    with pytest.raises(ValueError, match="^unknown status 'finished'; expected one of todo, in_progress, done, reviewed$"):
        set_status(DOC, "finished")


# -- suggestions ------------------------------------------------------------------------------------------------

def test_propose_spans_numbers_from_first_id_and_records_the_source():
    edit = propose_spans("建议", DOC, [(0, 4, "place", {}), (14, 18, "figure", {"value": 30000.0})],
                         first_id=20, source="rules", now=NOW)
    assert edit == Edit("建议", (
        RowChange("spans", None, span_row(id=20, origin="suggested", attrs={"source": "rules"})),
        RowChange("spans", None, span_row(id=21, start=14, end=18, label="figure", text=TEXT[14:18],
                                          origin="suggested", attrs={"value": 30000.0, "source": "rules"})),
    ))
    stamped = propose_spans("建议", DOC, [(0, 4, "place", {})], first_id=1, source="spread").changes[0].after
    assert stamped["created"] == stamped["updated"] and stamped["created"].endswith("+00:00")


def suggestion(source: str, **fields) -> Span:
    return Span.from_row(span_row(origin="suggested", attrs={"source": source}, annotator="机器", **fields))


@pytest.mark.parametrize(("source", "origin"), [("spread", "propagated"), ("rules", "manual"), ("import", "manual")])
def test_accepting_a_suggestion_sets_its_origin_by_where_it_came_from(source, origin):
    span = suggestion(source)
    edit = accept_suggestion(DOC, span, annotator="李", label_title="地点", now="later")
    assert edit == Edit("接受 地点", (RowChange("spans", span.row(), {**span.row(), "origin": origin, "annotator": "李",
                                                                        "updated": "later"}),))


def test_accepting_keeps_the_suggestions_annotator_when_none_is_given_and_stamps_now():
    after = accept_suggestion(DOC, suggestion("rules")).changes[0].after
    assert after["annotator"] == "机器" and after["updated"].endswith("+00:00") and after["updated"] != NOW
    assert accept_suggestion(DOC, suggestion("rules")).label == "接受 place"


def test_accepting_a_figure_suggestion_adds_its_fact_row_from_the_accepted_span():
    start = TEXT.index("超3万人")
    span = suggestion("spread", start=start, end=start + 4, label="figure", text=TEXT[start:start + 4])
    place = Span(id=1, doc_id=3, start=0, end=4, label="place", text="格尔木市")
    edit = accept_suggestion(DOC, span, fact_id=5, doc_spans=[place], now=NOW)
    assert [c.table for c in edit.changes] == ["spans", "figures"]
    figure = edit.changes[1].after
    assert (figure["id"], figure["value"], figure["span_ids"], figure["place"]) == (5, 30000.0, [7], "格尔木市")
    assert len(accept_suggestion(DOC, span, now=NOW).changes) == 1  # no fact id: no fact row
    place_suggestion = suggestion("rules")
    assert len(accept_suggestion(DOC, place_suggestion, fact_id=5).changes) == 1  # a place has no fact table


def test_only_a_suggestion_can_be_accepted_or_rejected():
    manual = Span.from_row(span_row())
    with pytest.raises(ValueError, match="^only a suggestion can be accepted$"):
        accept_suggestion(DOC, manual)
    with pytest.raises(ValueError, match="^only a suggestion can be rejected$"):
        reject_suggestion(manual, rejection_id=1)


def test_rejecting_removes_the_span_and_remembers_where_it_was():
    span = suggestion("rules")
    assert reject_suggestion(span, rejection_id=4, label_title="地点") == Edit("拒绝 地点", (
        RowChange("spans", span.row(), None),
        RowChange("rejections", None, {"id": 4, "doc_id": 3, "start": 0, "end": 4, "label": "place"}),
    ))
    assert reject_suggestion(span, rejection_id=4).label == "拒绝 place"


def test_set_cell_records_who_edited_a_fact_row():
    row = {"id": 1, "value": 3.0, "edited": 0, "edited_by": ""}
    assert set_cell("figures", row, "value", 4.0, by="李").changes[0].after == {
        "id": 1, "value": 4.0, "edited": 1, "edited_by": "李"}
    assert set_cell("figures", row, "value", 4.0).changes[0].after["edited_by"] == ""
    assert "edited_by" not in set_cell("figures", {"id": 1, "value": 3.0, "edited": 0}, "value", 4.0).changes[0].after
    by_wang = {"id": 1, "value": 3.0, "edited": 1, "edited_by": "王"}
    assert set_cell("figures", by_wang, "value", 4.0).changes[0].after["edited_by"] == ""  # the last editor, unnamed
    older = {"id": 1, "value": 3.0, "edited": 0}  # a row from before edited_by existed
    assert set_cell("figures", older, "value", 4.0, by="李").changes[0].after["edited_by"] == "李"


def test_fill_places_gives_a_place_only_to_rows_without_one():
    from curator.core.edits import fill_places

    empty, none, placed = {"id": 1, "place": ""}, {"id": 2}, {"id": 3, "place": "西宁市"}
    assert fill_places("格尔木市", [("figures", empty), ("initiatives", none), ("figures", placed)]) == [
        RowChange("figures", empty, {"id": 1, "place": "格尔木市"}),
        RowChange("initiatives", none, {"id": 2, "place": "格尔木市"}),
    ]


def test_set_document_place():
    from curator.core.edits import set_document_place

    assert set_document_place(DOC, "格尔木市") == RowChange("documents", {"id": 3, "place": "青海省"},
                                                           {"id": 3, "place": "格尔木市"})
