"""Asking who is annotating: a small dialog at first start and under 设置 → 标注人…."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def annotator_dialog(parent: QWidget, current: str, chosen: Callable[[str], None]) -> QInputDialog:
    """Open (without blocking: start-up goes on behind it) a dialog asking for the annotator's name;
    chosen(name) is called with the stripped name when the user confirms a non-empty one."""
    tr = lambda text: QCoreApplication.translate("Identity", text)  # noqa: E731
    dialog = QInputDialog(parent)
    dialog.setObjectName("annotatorDialog")
    dialog.setWindowTitle(tr("标注人"))
    dialog.setLabelText(tr("您的名字（记在您做的每一条标注和修改上，导出时列在“标注人”一栏）："))
    dialog.setTextEchoMode(QLineEdit.Normal)
    dialog.setTextValue(current)
    dialog.setOkButtonText(tr("确定"))
    dialog.setCancelButtonText(tr("以后再说"))

    def done(text: str) -> None:
        if text.strip():
            chosen(text.strip())

    dialog.textValueSelected.connect(done)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
