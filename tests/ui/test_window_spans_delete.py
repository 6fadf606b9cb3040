"""Issue 11 item 13: Delete in the 标注 panel does what Delete in the article does (one use case):
a suggestion is rejected and remembered, and a hand-edited fact row is asked about first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from curator.core.edits import propose_spans
from curator.services import annotating
from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


@pytest.fixture
def spans_tab(window, qtbot):
    window.show_document(ASTRAL_DOC)
    window.tabs.setCurrentWidget(window.panels.spans)
    return window


def _press_delete_on_row(qtbot, window, text: str) -> None:
    panel = window.panels.spans
    model = panel.view.model()
    qtbot.waitUntil(lambda: any(model.index(r, 1).data() == text for r in range(model.rowCount())))
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == text)
    rect = panel.view.visualRect(model.index(row, 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.keyClick(panel.view, Qt.Key_Delete)


def test_deleting_a_suggestion_in_the_spans_panel_records_a_rejection(spans_tab, qtbot, project_path):
    project = spans_tab.project
    start = TEXT.index("格尔木市")
    spans_tab.session.apply(propose_spans("建议", project.document(ASTRAL_DOC), [(start, start + 4, "place", {})],
                                          first_id=project.next_id("spans"), source="rules"))
    _press_delete_on_row(qtbot, spans_tab, "格尔木市")
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]
    assert rows(project_path, "SELECT doc_id, start, end, label FROM rejections") == [(ASTRAL_DOC, start, start + 4, "place")]


@pytest.mark.parametrize("answer, left", [(QMessageBox.No, 1), (QMessageBox.Yes, 0)])
def test_deleting_the_evidence_of_a_hand_edited_fact_asks_first(spans_tab, qtbot, project_path, monkeypatch, answer, left):
    start = TEXT.index("3万人")
    select_with_keyboard(qtbot, spans_tab.article, TEXT, start, start + 3)
    qtbot.keyClick(spans_tab.article, Qt.Key_2)
    (figure_id,), = rows(project_path, "SELECT id FROM figures")
    spans_tab.session.apply(annotating.edit_cell(spans_tab.project, "figures", figure_id, "indicator", "参与人数",
                                                 annotator="测试"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or answer)
    spans_tab.tabs.setCurrentWidget(spans_tab.panels.spans)
    _press_delete_on_row(qtbot, spans_tab, "3万人")
    assert asked and "人工修改" in asked[0]
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(left,)]
    assert rows(project_path, "SELECT COUNT(*) FROM figures") == [(left,)]
