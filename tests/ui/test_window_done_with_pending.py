"""Issue 11 item 9: Ctrl+Enter on an article with suggestions pending says how many and offers
全部接受 / 全部拒绝 / 保留 before marking it done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from curator.core.edits import propose_spans
from window_fixtures import ASTRAL_ARTICLE, rows

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


@pytest.fixture
def pending(window, qtbot):
    """Three suggestions in the astral article: two figures and a place."""
    project = window.project
    doc = project.document(ASTRAL_DOC)
    found = [(TEXT.index(t), TEXT.index(t) + len(t), label, {}) for t, label in (
        ("超3万人", "figure"), ("12个", "figure"), ("格尔木市", "place"))]
    window.session.apply(propose_spans("建议", doc, found, first_id=project.next_id("spans", 3), source="rules"))
    window.show_document(ASTRAL_DOC)
    qtbot.waitUntil(lambda: len(window.article.spans()) == 3)
    window.article.setFocus()
    return window


def answer_with(qtbot, button_text: str, seen: list[str], tries: int = 200) -> None:
    """Click button_text in the question box once it is up (it runs its own event loop)."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        if tries:
            QTimer.singleShot(10, lambda: answer_with(qtbot, button_text, seen, tries - 1))
        return
    seen.append(box.text())
    (button,) = [b for b in box.buttons() if b.text() == button_text]
    qtbot.mouseClick(button, Qt.LeftButton)


def _done_and_next(qtbot, window, answer: str) -> list[str]:
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_with(qtbot, answer, seen))
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    return seen


def test_reject_all_rejects_the_pending_suggestions_then_marks_done(pending, qtbot, project_path):
    seen = _done_and_next(qtbot, pending, "全部拒绝")
    assert seen and "3 条建议" in seen[0]
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE doc_id = ?", [ASTRAL_DOC]) == [(0,)]
    assert rows(project_path, "SELECT COUNT(*) FROM rejections WHERE doc_id = ?", [ASTRAL_DOC]) == [(3,)]
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("done",)]
    assert pending.current_doc != ASTRAL_DOC  # and the next unfinished article is open


def test_accept_all_makes_them_annotations_with_their_fact_rows(pending, qtbot, project_path):
    _done_and_next(qtbot, pending, "全部接受")
    assert rows(project_path, "SELECT origin, COUNT(*) FROM spans WHERE doc_id = ? GROUP BY origin", [ASTRAL_DOC]) == [
        ("manual", 3)]
    assert rows(project_path, "SELECT COUNT(*) FROM figures") == [(2,)]
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("done",)]


def test_keep_leaves_them_pending_and_marks_done(pending, qtbot, project_path):
    seen = _done_and_next(qtbot, pending, "保留")
    assert seen and "3 条建议" in seen[0]  # asked first
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE origin = 'suggested' AND doc_id = ?", [ASTRAL_DOC]) == [(3,)]
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("done",)]


def test_cancel_changes_nothing(pending, qtbot, project_path):
    _done_and_next(qtbot, pending, "取消")
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("todo",)]
    assert pending.current_doc == ASTRAL_DOC
