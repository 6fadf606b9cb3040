"""导入文章: choose files or a folder; when a text looks line-broken, offer reflow with a preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from curator.core.importing import SUFFIXES
from curator.services.importing import ReflowPreview, reflow_offer


class ImportDialog(QDialog):
    """Choose files or a folder, and whether to rejoin lines broken by OCR or newspaper columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入文章"))
        self.paths: list[Path] = []
        self.preview: ReflowPreview | None = None
        self.chosen = QListWidget()
        pick_files = QPushButton(self.tr("选择文件…"))
        pick_folder = QPushButton(self.tr("选择文件夹…"))
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        self.reflow = QCheckBox(self.tr("重排断行（OCR 或报纸分栏造成的换行）"))
        hint = QLabel(self.tr("支持 .txt（各种编码）、.docx、.doc/.wps/.rtf（需 LibreOffice）、网页 .html/.mhtml、.pdf、"
                                ".jsonl、Label Studio 与 doccano 导出；文件夹会包括子文件夹。"))
        hint.setStyleSheet("color: #777;")
        self.preview_box = self._preview_box()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        picks = QHBoxLayout()
        picks.addWidget(pick_files)
        picks.addWidget(pick_folder)
        picks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(picks)
        layout.addWidget(self.chosen)
        layout.addWidget(hint)
        layout.addWidget(self.reflow)
        layout.addWidget(self.preview_box)
        layout.addWidget(self.buttons)
        self.resize(640, 420)

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("这篇文章看起来有断行"))
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.before = QPlainTextEdit(readOnly=True)
        self.after = QPlainTextEdit(readOnly=True)
        for view in (self.before, self.after):
            view.setLineWrapMode(QPlainTextEdit.WidgetWidth)
            view.setMaximumHeight(140)
        grid = QGridLayout(box)
        grid.addWidget(self.preview_note, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("原文（前几行）")), 1, 0)
        grid.addWidget(QLabel(self.tr("重排后")), 1, 1)
        grid.addWidget(self.before, 2, 0)
        grid.addWidget(self.after, 2, 1)
        box.hide()
        return box

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.chosen.clear()
        self.chosen.addItems([str(p) for p in self.paths])
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.paths))
        self._offer_reflow(reflow_offer(self.paths))

    def _offer_reflow(self, preview: ReflowPreview | None) -> None:
        """A line-broken text: reflow is ticked, and the first lines are shown as they are and as they would be."""
        self.preview = preview
        self.preview_box.setVisible(preview is not None)
        if preview is None:
            return
        self.preview_note.setText(self.tr("{0} 的许多行在句子中间断开。建议重排断行（可以取消勾选）。").format(preview.path.name))
        self.before.setPlainText("\n".join(preview.before))
        self.after.setPlainText("\n".join(preview.after))
        self.reflow.setChecked(True)

    def _pick_files(self) -> None:
        pattern = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择文件"), str(Path.home()), f"{pattern}")
        if files:
            self.set_paths([Path(f) for f in files])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"), str(Path.home()))
        if folder:
            self.set_paths([Path(folder)])
