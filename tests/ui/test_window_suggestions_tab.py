"""The 建议 tab in the window: it stays where the reviewer put it, and speaks of the article shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor


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
