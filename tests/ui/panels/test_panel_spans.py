"""The spans panel: every span of the document, activation shows it, Delete removes it (undoably)."""

from __future__ import annotations

import pytest
from conftest import double_click, tag, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from curator.core.edits import propose_spans
from curator.ui.panels.span_model import SPAN_ID_ROLE
from curator.ui.panels.spans import SpansPanel


@pytest.fixture
def tagged(store, doc_id):
    return {
        "place": tag(store, doc_id, "格尔木市", "place"),
        "initiative": tag(store, doc_id, "光盘行动", "initiative"),
        "figure": tag(store, doc_id, "超3万人", "figure"),
    }


@pytest.fixture
def panel(qtbot, session, doc_id, tagged):
    panel = SpansPanel(session)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.set_document(doc_id)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def row_of(panel, span_id: int) -> int:
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, 0).data(SPAN_ID_ROLE) == span_id:
            return row
    raise AssertionError(f"span {span_id} not shown")


def shown(panel) -> list[list[str]]:
    return [[panel.proxy.index(r, c).data() for c in range(4)] for r in range(panel.proxy.rowCount())]


def test_lists_every_span_with_label_title_swatch_text_position_and_origin(panel, store, doc_id, tagged):
    text = store.document(doc_id).text
    start = text.index("超3万人")
    assert ["数据", "超3万人", f"{start}–{start + 4}", "手动"] in shown(panel)
    assert [panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["标签", "文本", "位置", "来源"]
    swatch = panel.proxy.index(row_of(panel, tagged["figure"].span_id), 0).data(Qt.ItemDataRole.DecorationRole)
    assert swatch == QColor("#9dc3e6")
    assert panel.count.text() == "3 个"


def test_suggestions_are_listed_as_such_and_new_spans_appear(panel, session, store, doc_id):
    doc = store.document(doc_id)
    start = doc.text.index("12个")
    session.apply(propose_spans("建议", doc, [(start, start + 3, "figure", {})], first_id=store.next_id("spans"), source="rules"))
    assert ["数据", "12个", f"{start}–{start + 3}", "建议"] in shown(panel)
    assert panel.count.text() == "4 个"


def test_activating_a_span_asks_for_it_in_code_points(qtbot, panel, store, doc_id, tagged):
    text = store.document(doc_id).text
    start = text.index("光盘行动")
    index = panel.proxy.index(row_of(panel, tagged["initiative"].span_id), 1)
    with qtbot.waitSignal(panel.evidence_requested) as blocker:
        double_click(qtbot, panel.view, panel.view.visualRect(index).center())
    assert blocker.args == [start, start + 4]
    panel.view.setCurrentIndex(panel.proxy.index(row_of(panel, tagged["place"].span_id), 0))
    with qtbot.waitSignal(panel.evidence_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [text.index("格尔木市"), text.index("格尔木市") + 4]


def test_delete_key_removes_the_span_and_its_fact_and_undo_brings_both_back(qtbot, panel, session, store, doc_id, tagged):
    figure = tagged["figure"]
    panel.view.selectRow(row_of(panel, figure.span_id))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [s.id for s in store.spans(doc_id)] == [tagged["place"].span_id, tagged["initiative"].span_id]
    assert store.facts("figures", doc_id=doc_id) == []
    assert figure.span_id not in [panel.proxy.index(r, 0).data(SPAN_ID_ROLE) for r in range(panel.proxy.rowCount())]

    session.undo_stack.undo()
    assert figure.span_id in [s.id for s in store.spans(doc_id)]
    assert [f["id"] for f in store.facts("figures", doc_id=doc_id)] == [figure.fact_id]
    assert panel.proxy.rowCount() == 3


def test_deleting_several_spans_is_one_undo_step(qtbot, panel, session, store, doc_id, tagged):
    panel.view.selectAll()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert store.spans(doc_id) == [] and store.facts("initiatives", doc_id=doc_id) == []
    session.undo_stack.undo()
    assert len(store.spans(doc_id)) == 3 and len(store.facts("initiatives", doc_id=doc_id)) == 1


def test_filter_box_matches_label_titles_and_text(qtbot, panel):
    type_text(qtbot, panel.filter, "举措")
    assert [row[1] for row in shown(panel)] == ["光盘行动"]
    assert panel.count.text() == "1 / 3 个"


def test_sorting_by_position_is_numeric(qtbot, panel, store, doc_id):
    tag(store, doc_id, "5场", "figure")
    tag(store, doc_id, "𠮷祥社区", "place")  # at offset 0: "0–4" must come before "1xx–..."
    panel.model.refresh()
    panel.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    starts = [int(row[2].split("–")[0]) for row in shown(panel)]
    assert starts == sorted(starts) and starts[0] == 0


def test_refreshes_only_for_span_and_label_changes(panel, session, store, doc_id, tagged):
    from curator.core.edits import set_cell

    calls = []
    panel.model.refresh = lambda: calls.append(1)
    session.apply(set_cell("figures", store.row("figures", tagged["figure"].fact_id), "unit", "名"))
    assert calls == []
