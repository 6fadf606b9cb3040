"""The 举措 / 数据 tables: in-place editing through the delegates, undo, links, sorting, evidence."""

from __future__ import annotations

import pytest
from conftest import double_click, tag, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from curator.ui.panels.facts import FactTablePanel

FIGURES = ("超3万人", "12个", "5场", "2500份")
COLUMN = {"indicator": 0, "value": 1, "unit": 2, "qualifier": 3, "place": 4, "as_of": 5, "initiative_id": 6}


@pytest.fixture
def tagged(store, doc_id):
    tag(store, doc_id, "格尔木市", "place")
    initiatives = {name: tag(store, doc_id, name, "initiative") for name in ("光盘行动", "文明交通劝导")}
    figures = {piece: tag(store, doc_id, piece, "figure") for piece in FIGURES}
    return initiatives, figures


@pytest.fixture
def figures_panel(qtbot, session, doc_id, tagged):
    panel = FactTablePanel(session, "figures")
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.set_document(doc_id)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def proxy_row(panel, fact_id: int) -> int:
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2) == fact_id:
            return row
    raise AssertionError(f"fact {fact_id} not shown")


def open_editor(qtbot, panel, fact_id: int, column: str):
    index = panel.proxy.index(proxy_row(panel, fact_id), COLUMN[column] if panel.table == "figures" else column)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    return index, editor_of(panel.view)


def editor_of(view):
    """The open cell editor (a child of the viewport), whether or not the window has focus."""
    editors = [w for w in view.viewport().findChildren(QWidget) if w.parent() is view.viewport() and w.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def type_and_enter(qtbot, editor, text: str) -> None:
    target = editor.lineEdit() if isinstance(editor, QComboBox) and editor.isEditable() else editor
    target.selectAll()
    type_text(qtbot, target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits and closes the editor through a queued call


def test_value_typed_into_the_cell_is_saved_marked_edited_and_undone(qtbot, figures_panel, session, store, tagged):
    fact_id = tagged[1]["超3万人"].fact_id
    assert store.row("figures", fact_id)["value"] == 30000
    index, editor = open_editor(qtbot, figures_panel, fact_id, "value")
    assert isinstance(editor, QLineEdit) and editor.text() == "30000"  # no separators, no .0 to fight with
    type_and_enter(qtbot, editor, "32000")

    row = store.row("figures", fact_id)
    assert row["value"] == 32000 and row["edited"] == 1
    assert index.data() == "32,000"
    assert figures_panel.proxy.headerData(index.row(), Qt.Orientation.Vertical) == "✎"

    session.undo_stack.undo()
    row = store.row("figures", fact_id)
    assert row["value"] == 30000 and row["edited"] == 0
    assert figures_panel.proxy.index(proxy_row(figures_panel, fact_id), 1).data() == "30,000"


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "很多", "30万人参加", "五一"])
def test_a_value_that_is_not_a_number_is_refused_with_a_message(qtbot, figures_panel, session, store, tagged, typed):
    fact_id = tagged[1]["超3万人"].fact_id
    before = store.row("figures", fact_id)
    _, editor = open_editor(qtbot, figures_panel, fact_id, "value")
    with qtbot.waitSignal(figures_panel.message) as blocker:
        type_and_enter(qtbot, editor, typed)
    assert store.row("figures", fact_id) == before
    assert session.undo_stack.count() == 0
    assert typed in blocker.args[0] and "数字" in blocker.args[0]
    assert figures_panel.status.isVisible() and "数字" in figures_panel.status.text()


@pytest.mark.parametrize(("typed", "value"), [
    ("30万", 300_000), ("1.2亿", 120_000_000), ("１２３", 123), ("12,500", 12_500), ("3.5万", 35_000),
    ("三千", 3000), ("30万人", 300_000), ("超3.2万", 32_000),
])
def test_a_quantity_typed_as_in_the_text_is_read_as_the_suggester_reads_it(qtbot, figures_panel, store, tagged,
                                                                           typed, value):
    fact_id = tagged[1]["超3万人"].fact_id
    before = store.row("figures", fact_id)
    _, editor = open_editor(qtbot, figures_panel, fact_id, "value")
    assert "30万" in editor.placeholderText() and "单位" in editor.toolTip()
    type_and_enter(qtbot, editor, typed)
    row = store.row("figures", fact_id)
    assert row["value"] == value and row["edited"] == 1
    assert (row["unit"], row["qualifier"]) == (before["unit"], before["qualifier"])  # only the value is filled


def test_value_cells_read_without_trailing_zero_and_with_thousands_separators(figures_panel, tagged):
    values = {figures_panel.proxy.index(proxy_row(figures_panel, f.fact_id), 1).data()
              for f in tagged[1].values()}
    assert values == {"30,000", "12", "5", "2,500"}


def test_unit_is_picked_from_suggestions_or_typed_freely(qtbot, figures_panel, session, store, tagged):
    fact_id = tagged[1]["12个"].fact_id
    _, editor = open_editor(qtbot, figures_panel, fact_id, "unit")
    assert isinstance(editor, QComboBox) and editor.isEditable()
    assert {"人", "人次", "万元", "%"} <= {editor.itemText(i) for i in range(editor.count())}
    type_and_enter(qtbot, editor, "座")  # not in the list: free text is allowed
    assert store.row("figures", fact_id)["unit"] == "座"
    session.undo_stack.undo()
    assert store.row("figures", fact_id)["unit"] == "个"


def test_figure_is_linked_to_an_initiative_of_this_document(qtbot, figures_panel, session, store, tagged):
    initiatives, figures = tagged
    fact_id = figures["超3万人"].fact_id
    index, editor = open_editor(qtbot, figures_panel, fact_id, "initiative_id")
    assert isinstance(editor, QComboBox) and not editor.isEditable()
    names = [editor.itemText(i) for i in range(editor.count())]
    assert names[1:] == ["光盘行动", "文明交通劝导"]  # (无) first, then this document's initiatives
    editor.setCurrentIndex(names.index("文明交通劝导"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()

    assert store.row("figures", fact_id)["initiative_id"] == initiatives["文明交通劝导"].fact_id
    assert index.data() == "文明交通劝导"
    initiative = store.row("initiatives", initiatives["文明交通劝导"].fact_id)
    from curator.core.edits import set_cell

    session.apply(set_cell("initiatives", initiative, "name", "文明交通劝导行动"))
    assert figures_panel.proxy.index(index.row(), 6).data() == "文明交通劝导行动"  # follows the rename

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert store.row("figures", fact_id)["initiative_id"] is None
    assert figures_panel.proxy.index(index.row(), 6).data() == ""


def test_unlinking_chooses_none(qtbot, figures_panel, store, session, tagged):
    initiatives, figures = tagged
    fact_id = figures["12个"].fact_id
    session.apply(__import__("curator.core.edits", fromlist=["set_cell"]).set_cell(
        "figures", store.row("figures", fact_id), "initiative_id", initiatives["光盘行动"].fact_id))
    _, editor = open_editor(qtbot, figures_panel, fact_id, "initiative_id")
    assert editor.currentText() == "光盘行动"
    editor.setCurrentIndex(0)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert store.row("figures", fact_id)["initiative_id"] is None


def test_clicking_the_value_header_sorts_numerically(qtbot, figures_panel):
    header = figures_panel.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + __import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(
                         header.sectionViewportPosition(1) + 10, 5))
    shown = [figures_panel.proxy.index(r, 1).data() for r in range(figures_panel.proxy.rowCount())]
    assert shown in (["5", "12", "2,500", "30,000"], ["30,000", "2,500", "12", "5"])


def test_filter_box_keeps_matching_rows(qtbot, figures_panel):
    type_text(qtbot, figures_panel.filter, "份")
    assert figures_panel.proxy.rowCount() == 1
    assert figures_panel.proxy.index(0, 1).data() == "2,500"
    assert figures_panel.count.text() == "1 / 4 行"
    figures_panel.filter.clear()
    assert figures_panel.proxy.rowCount() == 4


def test_double_click_asks_for_the_evidence_in_code_points(qtbot, figures_panel, store, doc_id, tagged):
    text = store.document(doc_id).text
    start = text.index("2500份")
    assert len(text[:start].encode("utf-16-le")) // 2 != start  # astral characters come before it
    row = proxy_row(figures_panel, tagged[1]["2500份"].fact_id)
    rect = figures_panel.view.visualRect(figures_panel.proxy.index(row, 0))
    with qtbot.waitSignal(figures_panel.evidence_requested) as blocker:
        double_click(qtbot, figures_panel.view, rect.center())
    assert blocker.args == [start, start + len("2500份")]
    assert figures_panel.view.state() != figures_panel.view.State.EditingState  # double-click does not edit


def test_select_rows_for_span_selects_the_citing_row(figures_panel, tagged):
    figure = tagged[1]["5场"]
    figures_panel.select_rows_for_span(figure.span_id)
    rows = figures_panel.view.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole + 2) for r in rows] == [figure.fact_id]
    assert figures_panel.view.currentIndex().row() == rows[0].row()


def test_a_cell_edit_updates_in_place_and_keeps_the_selection(qtbot, figures_panel, store, session, tagged):
    fact_id = tagged[1]["12个"].fact_id
    figures_panel.select_rows_for_span(tagged[1]["12个"].span_id)
    from curator.core.edits import set_cell

    with qtbot.assertNotEmitted(figures_panel.model.modelReset):
        session.apply(set_cell("figures", store.row("figures", fact_id), "indicator", "志愿服务站"))
    rows = figures_panel.view.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole + 2) for r in rows] == [fact_id]
    assert rows[0].siblingAtColumn(0).data() == "志愿服务站"


def test_initiatives_panel_edits_a_name_and_ignores_figure_changes(qtbot, session, store, doc_id, tagged):
    panel = FactTablePanel(session, "initiatives")
    qtbot.addWidget(panel)
    panel.set_document(doc_id)
    panel.show()
    qtbot.waitExposed(panel)
    assert [panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == ["名称", "类别", "地点", "机构", "备注"]
    fact_id = tagged[0]["光盘行动"].fact_id
    index = panel.proxy.index(proxy_row(panel, fact_id), 1)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    type_and_enter(qtbot, editor_of(panel.view), "节约粮食")
    assert store.row("initiatives", fact_id)["category"] == "节约粮食"

    calls = []
    panel.model.refresh = lambda: calls.append(1)
    figure = tagged[1]["5场"].fact_id
    from curator.core.edits import set_cell

    session.apply(set_cell("figures", store.row("figures", figure), "unit", "次"))
    assert calls == []


def test_figures_panel_headers_are_chinese(figures_panel):
    headers = [figures_panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["指标", "数值", "单位", "限定", "地点", "时间", "关联举措"]


@pytest.mark.parametrize("width", [460, 900])
def test_the_name_column_is_never_squeezed_under_the_others(qtbot, session, doc_id, tagged, width):
    panel = FactTablePanel(session, "initiatives")
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.set_document(doc_id)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.view.horizontalHeader()
    assert header.sectionSize(0) >= panel.view.fontMetrics().horizontalAdvance("注册志愿者人数")
    if width == 900:  # room enough: the name takes what the others leave, no sideways scrolling
        assert sum(header.sectionSize(c) for c in range(header.count())) <= panel.view.viewport().width()
