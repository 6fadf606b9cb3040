"""File → 粘贴为新文章 (Ctrl+Shift+V) in the window: the clipboard becomes a stored document."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from window_fixtures import rows


def test_ctrl_shift_v_makes_a_document_from_the_clipboard(qtbot, window, project_path):
    # setText, not setMimeData: a QMimeData handed to the clipboard is freed by Qt and again by Python at exit
    QApplication.clipboard().setText("市文明办发布倡议\r\n全市注册志愿者超3万人，开展“光盘行动”。")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), dialog
        dialog.accept()

    QTimer.singleShot(200, answer)
    qtbot.keyClick(window, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    found = rows(project_path, "SELECT title, text FROM documents WHERE title = ?", ["市文明办发布倡议"])
    assert found == [("市文明办发布倡议", "市文明办发布倡议\n全市注册志愿者超3万人，开展“光盘行动”。")]
    assert window.annotator.doc.title == "市文明办发布倡议"
