"""The 团队 menu: 分发任务 (split), 收回 (merge), 一致性 (agreement), 裁决分歧 (adjudication).

The dialogs call the same services as `curator split / merge / agreement`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from curator.services.team import TeamError
from curator.services.team.adjudicate import documents_with_disputes
from curator.services.team.agreement import agreement, measure, project_annotations
from curator.services.team.merge import merge_packages
from curator.services.team.split import parse_annotators, split_project
from curator.ui.adjudicate import AdjudicationView

ALL_TABLES = frozenset({"documents", "spans", "initiatives", "figures", "disputes"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("Team", text)


def install(window) -> None:
    """Add the 团队 menu to the main window."""
    menu = window.menuBar().addMenu(_tr("团队(&T)"))
    menu.addAction(_tr("分发任务…"), lambda: SplitDialog(window).exec())
    menu.addAction(_tr("收回…"), lambda: merge_into_window(window))
    menu.addAction(_tr("一致性…"), lambda: show_agreement(window))
    menu.addSeparator()
    adjudicate = menu.addAction(_tr("裁决分歧…"), lambda: open_adjudication(window))
    adjudicate.setShortcut(QKeySequence("Ctrl+Shift+J"))
    window.actions["adjudicate"] = adjudicate
    window.team_menu = menu


class SplitDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_tr("分发任务"))
        project = window.project
        self.names = QLineEdit()
        self.names.setPlaceholderText(_tr("张三,李四,王五"))
        self.overlap = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, value=0.2, decimals=2)
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=1)
        self.folder = QLineEdit(str(project.path.parent / "任务包") if project.path else "")
        browse = QPushButton(_tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_tr("标注者（逗号分隔）"), self.names)
        form.addRow(_tr("共同标注的比例"), self.overlap)
        form.addRow(_tr("随机种子"), self.seed)
        form.addRow(_tr("输出文件夹"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.split)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("输出文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def split(self, *, force: bool = False) -> None:
        try:
            names = parse_annotators(self.names.text())
            report = split_project(self.window_.project, Path(self.folder.text()), annotators=names,
                                   overlap=self.overlap.value(), seed=self.seed.value(), force=force)
        except TeamError as exc:
            if "--force" in str(exc) and _ask(self, _tr("替换任务包？"), str(exc).replace("; use --force to replace it", "")):
                self.split(force=True)
                return
            QMessageBox.warning(self, _tr("无法分发"), str(exc))
            return
        QMessageBox.information(self, _tr("任务包已生成"), "\n".join(report.lines()))
        self.accept()


def _ask(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text + "\n\n" + _tr("替换这些任务包？")) == QMessageBox.Yes


def merge_into_window(window, paths: list[str] | None = None) -> bool:
    if paths is None:
        start = str(window.project.path.parent) if window.project.path else str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(window, _tr("收回任务包"), start, "curator (*.curator)")
    if not paths:
        return False
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        report = merge_packages(window.project, paths)
    except TeamError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, _tr("未收回"), str(exc))
        return False
    QApplication.restoreOverrideCursor()
    window.session.undo_stack.clear()  # older steps may refer to spans the merge replaced
    window.session.changed.emit(ALL_TABLES)
    window.documents.refresh()
    window.annotator.open_document(window.current_doc)
    window.statusBar().showMessage(report.lines()[-1], 8000)
    QMessageBox.information(window, _tr("已收回"), "\n".join(report.lines()))
    return True


def show_agreement(window) -> None:
    try:
        result = measure(project_annotations(window.project))
    except TeamError as exc:
        QMessageBox.warning(window, _tr("一致性"), str(exc))
        return
    AgreementDialog(window, result.lines() if result.documents else [_tr("还没有两人都标注过的文章（先收回任务包）。")]).exec()


def agreement_of_files(paths: list[str]) -> list[str]:
    return agreement(paths).lines()


class AgreementDialog(QDialog):
    def __init__(self, parent: QWidget, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("一致性"))
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(buttons)
        self.resize(640, 420)


def open_adjudication(window) -> AdjudicationView:
    """The adjudication view on the current document, or on the first one with open disputes."""
    view = getattr(window, "adjudication", None)
    if view is None:
        view = AdjudicationView(window.session, window)
        window.adjudication = view
    doc_id = window.current_doc
    with_disputes = documents_with_disputes(window.project)
    if doc_id not in with_disputes and with_disputes:
        doc_id = with_disputes[0]
        window.show_document(doc_id)
    view.set_document(doc_id)
    view.show()
    view.raise_()
    view.activateWindow()
    return view
