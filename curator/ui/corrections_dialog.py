"""File > Import corrections: what a returned workbook would change, shown before one undoable edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from curator.services.exporting import CorrectionPlan, corrections_edit
from curator.ui.session import Session


class CorrectionsDialog(QDialog):
    """Lists old -> new per cell and the rows that could not be matched; 应用 applies them as one edit."""

    def __init__(self, session: Session, plan: CorrectionPlan, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = plan
        self.setWindowTitle(self.tr("导入修改：{0}").format(source.name))
        summary = QLabel(self.tr("读取 {0} 行；{1} 处修改；{2} 行无法匹配（不会猜测，保持不变）。").format(
            plan.rows_read, len(plan.changes), len(plan.unmatched)))
        summary.setWordWrap(True)
        listing = QPlainTextEdit("\n".join(plan.lines()) or self.tr("没有需要修改的内容。"))
        listing.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Apply).setText(self.tr("应用修改"))
        self.buttons.button(QDialogButtonBox.Apply).setEnabled(bool(plan) and not session.read_only)
        self.buttons.button(QDialogButtonBox.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(listing, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def apply(self) -> bool:
        """Apply every change as one edit (Ctrl+Z undoes it whole)."""
        applied = self.session.apply(corrections_edit(self.plan))
        if applied:
            self.accept()
        return applied
