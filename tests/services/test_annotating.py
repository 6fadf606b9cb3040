"""The annotator's actions on a real project file, as the window and `curator tag` both call them:
tagging (with its fact row, place and status), deleting, status, next document, fact cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.core.edits import propose_spans, tag_span
from curator.core.importing import read_path
from curator.services import annotating
from curator.store import Project

LEAD = "格尔木市简报\n格尔木市新建文明实践站12个，志愿者超3万人。海西州表彰了“文明家庭”。"
NOWHERE = "社区简报\n志愿者在河西街道开展活动12场。"


@pytest.fixture
def store(tmp_path: Path):
    lines = [{"text": LEAD}, {"text": NOWHERE}, {"text": "第三篇\n正文。", "status": "done"}]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                        encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as project:
        assert project.import_batches(read_path(tmp_path / "docs.jsonl")).added == [1, 2, 3]
        yield project


def where(text: str, part: str) -> tuple[int, int]:
    start = text.index(part, text.index("\n"))
    return start, start + len(part)


def tag(project: Project, doc_id: int, part: str, label: str, **options) -> annotating.Tagged:
    text = project.document(doc_id).text
    return annotating.tag(project, doc_id, *where(text, part), label, annotator="甲", **options)


def test_a_figure_gets_its_row_the_documents_place_and_the_document_is_being_annotated(store):
    tagged = tag(store, 1, "3万人", "figure")
    assert tagged.edit.label == "标注 数据" and not tagged.problem and not tagged.duplicate
    assert (tagged.span.text, tagged.span.annotator, tagged.span.origin) == ("3万人", "甲", "manual")
    store.apply(tagged.edit)
    (row,) = store.facts("figures")
    assert (row["value"], row["unit"], row["place"], row["span_ids"]) == (30000, "人", "格尔木市", [tagged.span.id])
    assert store.document(1).place == "格尔木市" and store.document(1).status == "in_progress"
    assert store.span(tagged.span.id) == tagged.span
    store.apply(tagged.edit.inverse())  # one undo step takes all of it back
    assert store.facts("figures") == [] and store.spans(1) == []
    assert (store.document(1).place, store.document(1).status) == ("", "todo")


def test_a_figure_in_a_document_about_no_place_has_none(store):
    tagged = tag(store, 2, "12场", "figure")
    store.apply(tagged.edit)
    assert store.facts("figures")[0]["place"] == "" and store.document(2).place == ""
    assert {c.table for c in tagged.edit.changes} == {"spans", "figures", "documents"}


def test_a_label_without_a_fact_table_touches_neither_facts_nor_the_place(store):
    tagged = tag(store, 1, "文明实践站", "org")
    assert [c.table for c in tagged.edit.changes] == ["spans", "documents"]
    store.apply(tagged.edit)
    assert store.document(1).place == "" and store.document(1).status == "in_progress"


def test_a_place_fills_the_fact_rows_without_one_and_the_nearest_place_is_a_figures(store):
    store.apply(tag(store, 2, "12场", "figure").edit)
    placed = tag(store, 2, "河西街道", "place")
    store.apply(placed.edit)
    assert store.facts("figures")[0]["place"] == "河西街道"
    store.apply(tag(store, 1, "海西州", "place").edit)
    store.apply(tag(store, 1, "3万人", "figure").edit)
    assert store.facts("figures", doc_id=1)[0]["place"] == "海西州"  # the accepted place span beats the lead's


def test_a_suggested_place_is_not_a_place_for_the_facts(store):
    doc = store.document(2)
    store.apply(propose_spans("建议", doc, [(*where(doc.text, "河西街道"), "place", {})],
                              first_id=store.next_id("spans"), source="rules"))
    suggestion = store.spans(2)[0]
    assert annotating.place_changes(store, suggestion) == []
    store.apply(tag(store, 2, "12场", "figure").edit)
    assert store.facts("figures")[0]["place"] == ""


def test_only_a_todo_document_changes_status(store):
    store.apply(annotating.change_status(store, 1, "done"))
    tagged = tag(store, 1, "海西州", "place")
    assert [c.table for c in tagged.edit.changes] == ["spans"]
    store.apply(tagged.edit)
    assert store.document(1).status == "done"
    assert tag(store, 3, "正文", "org").edit.changes[-1].table == "spans"


def test_words_and_quotes_widen_the_selection(store):
    text = store.document(1).text
    start, end = where(text, "实践站")
    snapped = annotating.tag(store, 1, start + 1, end - 1, "org", annotator="甲", words=True)
    assert snapped.span.text == "实践"  # jieba: 实践 | 站
    quoted = annotating.tag(store, 1, *where(text, "文明家庭"), "initiative", annotator="甲", quotes=True)
    assert quoted.span.text == "“文明家庭”"
    plain = annotating.tag(store, 1, start + 1, end - 1, "org", annotator="甲")
    assert plain.span.text == "践"


def test_unknown_labels_and_characters_outside_the_text_are_refused(store):
    with pytest.raises(ValueError, match=r"unknown label 'thing'; labels: initiative, figure, place, org"):
        annotating.tag(store, 1, 0, 2, "thing", annotator="甲")
    length = len(store.document(1).text)
    for start, end in ((length - 1, length + 1), (-1, 2), (3, 3), (5, 4)):
        refused = annotating.tag(store, 1, start, end, "org", annotator="甲")
        assert refused.problem == f"span {start}-{end} is outside the document (length {length})"
        assert not refused.edit and refused.span is None and not refused.duplicate
    last = annotating.tag(store, 1, length - 1, length, "org", annotator="甲")
    assert not last.problem and last.span.end == length
    first = annotating.tag(store, 1, 0, 1, "org", annotator="甲")
    assert not first.problem and first.span.start == 0


def test_the_same_characters_and_label_twice_are_refused_with_a_message(store):
    first = tag(store, 1, "海西州", "place")
    store.apply(first.edit)
    again = tag(store, 1, "海西州", "place")
    start, end = first.span.start, first.span.end
    assert again.problem == f"characters {start}-{end} are already tagged place" and again.duplicate
    assert not tag(store, 1, "海西州", "org").problem  # another label on the same text is fine


def test_a_copy_of_another_document_is_not_used_for_this_one(store):
    other = store.document(2)
    text = store.document(1).text
    tagged = annotating.tag(store, 1, *where(text, "海西州"), "place", annotator="甲", doc=other)
    assert tagged.span.text == "海西州" and tagged.span.doc_id == 1
    mine = store.document(1)
    assert annotating.tag(store, 1, *where(text, "海西州"), "place", annotator="甲", doc=mine).span.text == "海西州"


def test_spreading_is_for_initiatives_places_organisations_and_people(store):
    assert [annotating.spreads(label) for label in ("initiative", "place", "org", "person", "figure", "date")] == [
        True, True, True, True, False, False]
    figure = tag(store, 1, "3万人", "figure")
    store.apply(figure.edit)
    assert not annotating.spread(store, figure.span)
    place = tag(store, 1, "格尔木市", "place")
    store.apply(place.edit)
    spread = annotating.spread(store, place.span)
    assert spread.label == "推广 格尔木市"
    assert [c.after["start"] for c in spread.changes] == [0]  # the title's, not the tagged one again


def test_deleting_an_annotation_takes_the_fact_row_it_alone_was_evidence_for(store):
    tagged = tag(store, 1, "3万人", "figure")
    store.apply(tagged.edit)
    other = tag(store, 1, "12个", "figure")
    store.apply(other.edit)
    deletion = annotating.delete(store, tagged.span)
    assert not deletion.needs_confirmation and deletion.edit.label == "删除 数据"
    store.apply(deletion.edit)
    assert [row["span_ids"] for row in store.facts("figures")] == [[other.span.id]]


def test_deleting_a_suggestion_rejects_it(store):
    doc = store.document(1)
    store.apply(propose_spans("建议", doc, [(*where(doc.text, "海西州"), "place", {})],
                              first_id=store.next_id("spans"), source="rules"))
    (suggestion,) = store.spans(1)
    deletion = annotating.delete(store, suggestion)
    assert deletion.edit.label == "拒绝 地点" and not deletion.needs_confirmation
    store.apply(deletion.edit)
    assert store.spans(1) == [] and store.rejections(1) == {(suggestion.start, suggestion.end, "place")}


def test_an_edited_row_that_does_not_cite_the_span_asks_nothing(store):
    tagged = tag(store, 1, "3万人", "figure")
    store.apply(tagged.edit)
    other = tag(store, 1, "12个", "figure")
    store.apply(other.edit)
    row = next(r for r in store.facts("figures") if r["span_ids"] == [other.span.id])
    store.apply(annotating.edit_cell(store, "figures", row["id"], "unit", "座", annotator="乙"))
    assert not annotating.delete(store, tagged.span).needs_confirmation
    assert annotating.delete(store, other.span).needs_confirmation


def test_a_status_change_is_named_after_the_status(store):
    edit = annotating.change_status(store, 1, "reviewed")
    assert edit.label == "状态：已审核"
    assert annotating.change_status(store, 1, "done", label="完成").label == "完成"
    store.apply(edit)
    assert store.document(1).status == "reviewed"
    with pytest.raises(ValueError, match="unknown status"):
        annotating.change_status(store, 1, "finished")


def test_next_unfinished_starts_at_the_first_and_never_returns_the_current_one(store):
    assert annotating.next_unfinished(store, None) == 1
    assert annotating.next_unfinished(store, 99) == 1
    assert annotating.next_unfinished(store, 1) == 2
    assert annotating.next_unfinished(store, 2) == 1
    assert annotating.next_unfinished(store, 3) == 1
    store.apply(annotating.change_status(store, 2, "in_progress"))
    assert annotating.next_unfinished(store, 1) == 2  # in progress is unfinished too
    store.apply(annotating.change_status(store, 2, "done"))
    assert annotating.next_unfinished(store, 1) is None
    assert annotating.next_unfinished(store, 3) == 1


def test_a_cell_typed_by_hand_marks_the_row_edited_by_the_annotator(store):
    store.apply(tag(store, 1, "3万人", "figure").edit)
    (row,) = store.facts("figures")
    edit = annotating.edit_cell(store, "figures", row["id"], "value", 31000, annotator="乙")
    assert edit.label == "修改 value"
    store.apply(edit)
    (row,) = store.facts("figures")
    assert (row["value"], row["edited"], row["edited_by"]) == (31000, 1, "乙")
    assert annotating.edit_cell(store, "figures", row["id"], "unit", "名", annotator="乙", label="单位").label == "单位"


def test_label_titles_fall_back_to_the_name(store):
    assert annotating.label_title(store, "figure") == "数据"
    assert annotating.label_title(store, "nothing") == "nothing"


def test_with_document_place_keeps_a_place_already_given(store):
    doc = store.document(1)
    inferred, changes = annotating.with_document_place(store, doc)
    assert inferred.place == "格尔木市" and len(changes) == 1
    store.apply(tag_span(doc, *where(doc.text, "海西州"), "place", span_id=store.next_id("spans")))
    kept, none = annotating.with_document_place(store, inferred)
    assert kept is inferred and none == []
    bare, nothing = annotating.with_document_place(store, store.document(2))
    assert bare.place == "" and nothing == []


def test_next_unfinished_goes_on_from_the_current_document_not_from_the_first(store):
    store.apply(annotating.change_status(store, 3, "in_progress"))  # 1 todo, 2 todo, 3 in progress
    assert annotating.next_unfinished(store, 1) == 2
    assert annotating.next_unfinished(store, 2) == 3
    store.apply(annotating.change_status(store, 2, "done"))
    assert annotating.next_unfinished(store, 1) == 3
    assert annotating.next_unfinished(store, 3) == 1


def test_a_delete_waiting_for_confirmation_is_an_empty_step(store):
    tagged = tag(store, 1, "3万人", "figure")
    store.apply(tagged.edit)
    (row,) = store.facts("figures")
    store.apply(annotating.edit_cell(store, "figures", row["id"], "unit", "名", annotator="乙"))
    waiting = annotating.delete(store, tagged.span)
    assert waiting.needs_confirmation and waiting.edit.changes == () and waiting.edit.label == ""
