"""The 建议 tab in the window: it stays where the reviewer put it, and speaks of the article shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor


def click_span(qtbot, window, span) -> None:
    view = window.article
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._offsets.to_qt(span.start) + 1)
    view.ensureCursorVisible()
    view.setTextCursor(cursor)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center())


@pytest.fixture
def reviewing(window, qtbot):
    """Article 1 with the rules' suggestions, the 建议 tab in front."""
    panel = window.panels.suggestions
    qtbot.mouseClick(window.tabs.tabBar(), Qt.LeftButton, pos=window.tabs.tabBar().tabRect(3).center())
    assert window.tabs.currentWidget() is panel
    with qtbot.waitSignal(panel.run_finished, timeout=20000):
        qtbot.mouseClick(panel.suggest_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.article.counts()[1] > 10)
    return window


def suggestions(window, label: str) -> list:
    return [s for s in window.article.spans() if s.origin == "suggested" and s.label == label]


def test_review_keys_and_clicks_on_suggestions_keep_the_suggestions_tab(reviewing, qtbot):
    window, panel = reviewing, reviewing.panels.suggestions
    for label, key in (("figure", Qt.Key_Return), ("initiative", Qt.Key_Return), ("figure", Qt.Key_Backspace),
                       ("initiative", Qt.Key_Backspace), ("place", Qt.Key_Return)):
        span = suggestions(window, label)[0]
        click_span(qtbot, window, span)
        assert window.tabs.currentWidget() is panel
        assert panel.current_span().id == span.id  # the clicked suggestion is the list's current row
        qtbot.keyClick(window.article, key)
        assert window.tabs.currentWidget() is panel
        assert window.project.spans(window.current_doc, origin="suggested") and span.id not in {
            s.id for s in window.project.spans(window.current_doc, origin="suggested")}
    accepted = next(s for s in window.article.spans() if s.origin == "manual" and s.label == "figure")
    click_span(qtbot, window, accepted)  # an accepted span, while reviewing: still the list
    assert window.tabs.currentWidget() is panel

    text = window.project.document(window.current_doc).text
    start = text.index("钉钉子精神")  # a fresh tag while reviewing: the list stays in front too
    window.article.select(start, start + 5)
    qtbot.keyClick(window.article, Qt.Key_1)
    assert any(s.text == "钉钉子精神" and s.origin == "manual" for s in window.project.spans(window.current_doc))
    assert window.tabs.currentWidget() is panel
    window.tabs.setCurrentWidget(window.panels.spans)  # from another tab, the accepted figure's row comes forward
    click_span(qtbot, window, accepted)
    assert window.tabs.currentWidget() is window.panels.figures
    assert window.panels.figures.view.selectionModel().selectedRows()


def test_the_run_message_does_not_follow_to_the_next_article(reviewing, qtbot):
    window, panel = reviewing, reviewing.panels.suggestions
    assert "新增" in panel.status.text()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key_J)
    assert window.current_doc == 2
    qtbot.waitUntil(lambda: panel.model.doc_id == 2)
    assert panel.status.text() == ""


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_suggestions_list_reads_at_a_glance_on_office_screens(window, qtbot, size):
    from curator.ui.panels.span_model import CONTEXT_ROLE

    window.resize(*size)
    reviewing_window = _review(window, qtbot)
    panel = reviewing_window.panels.suggestions
    view, header = panel.view, panel.view.horizontalHeader()
    shown = [c for c in range(panel.proxy.columnCount()) if not view.isColumnHidden(c)]
    # rules score their suggestions (issue 12), so the 分数 column shows
    assert [panel.proxy.headerData(c, Qt.Horizontal) for c in shown] == ["标签", "建议", "位置", "分数"]
    assert sum(header.sectionSize(c) for c in shown) <= view.viewport().width()  # no header runs over another
    assert header.sectionSize(1) >= 0.5 * view.viewport().width()  # the suggestion, not "…"
    assert view.rowHeight(0) >= 2 * view.fontMetrics().lineSpacing()  # text and reading, then its sentence
    combo = panel.label_filter
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 16
    assert combo.currentText() == f"全部标签（{panel.proxy.rowCount()}）"
    labels = set()
    for row in range(panel.proxy.rowCount()):
        span = panel.model.span_at(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())
        labels.add(span.label)
        assert panel.proxy.index(row, 2).data(), span  # 解读 for every label
        assert panel.proxy.index(row, 3).data() in ["标题"] + [f"第{n}段" for n in range(1, 100)]
        before, text, after = panel.proxy.index(row, 1).data(CONTEXT_ROLE)
        assert text == span.text.replace("\n", " ") and (before or after)
    assert {"figure", "initiative", "place", "doc"} <= labels
    # what the reviewer sees on row 1 (row 0 is selected): the label's colour marks the suggestion in its sentence
    view.scrollToTop()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(panel.proxy.index(1, 1))
    ground = image.pixelColor(rect.right() - 2, rect.top() + 2)
    wash = _over(QColor("#f4b183"), ground)
    colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(rect.left(), rect.right(), 2)
               for y in range(rect.center().y(), rect.bottom(), 2)}
    assert any(max(abs(a - b) for a, b in zip(c, wash.getRgb()[:3])) <= 8 for c in colours), wash.name()


def _over(colour, ground):
    """colour at the delegate's mark alpha laid over ground."""
    from curator.ui.panels.delegates import SuggestionDelegate

    alpha = SuggestionDelegate.MARK_ALPHA / 255
    return QColor(*(round(c * alpha + g * (1 - alpha)) for c, g in (
        (colour.red(), ground.red()), (colour.green(), ground.green()), (colour.blue(), ground.blue()))))


def _review(window, qtbot):
    panel = window.panels.suggestions
    qtbot.mouseClick(window.tabs.tabBar(), Qt.LeftButton, pos=window.tabs.tabBar().tabRect(3).center())
    with qtbot.waitSignal(panel.run_finished, timeout=20000):
        qtbot.mouseClick(panel.suggest_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 10)
    return window
