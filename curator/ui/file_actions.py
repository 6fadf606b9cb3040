"""The File menu: new, open, recent, import (with reflow), export; and the language choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QMenu, QMessageBox,
    QPushButton, QVBoxLayout, QWidget,
)

from curator.core.importing import SUFFIXES, read_path
from curator.store import CorruptProject, ProjectError
from curator.ui.restore import offer_restore

PROJECT_FILTER = "curator (*.curator)"
ALL_TABLES = frozenset({"documents", "spans", "initiatives", "figures"})


def new_project(window) -> None:
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("FileActions", "新建项目"), str(Path.home() / "新项目.curator"), PROJECT_FILTER)
    if path:
        path = Path(path) if path.endswith(".curator") else Path(path + ".curator")
        _open(window, path)


def open_project(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("FileActions", "打开项目"), str(Path.home()), PROJECT_FILTER)
    if path:
        _open(window, Path(path))


def fill_recent_menu(window, menu: QMenu) -> None:
    menu.clear()
    current = window.project.path.resolve() if window.project.path else None
    recent = [p for p in window.settings.recent_projects() if p != current]
    for path in recent:
        action = menu.addAction(path.name, lambda p=path: _open(window, p))
        action.setToolTip(str(path))
        action.setEnabled(path.exists())
    if not recent:
        menu.addAction(QCoreApplication.translate("FileActions", "（没有）")).setEnabled(False)


def _open(window, path: Path) -> None:
    if window.open_project is None:
        return
    try:
        window.open_project(path)
    except CorruptProject as exc:
        if offer_restore(exc, window):
            _open(window, path)
    except ProjectError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("FileActions", "无法打开项目"), str(exc))


class ImportDialog(QDialog):
    """Choose files or a folder, and whether to rejoin lines broken by OCR or newspaper columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入文章"))
        self.paths: list[Path] = []
        self.chosen = QListWidget()
        pick_files = QPushButton(self.tr("选择文件…"))
        pick_folder = QPushButton(self.tr("选择文件夹…"))
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        self.reflow = QCheckBox(self.tr("重排断行（OCR 或报纸分栏造成的换行）"))
        hint = QLabel(self.tr("支持 .txt（各种编码）、.docx、.jsonl；文件夹会包括子文件夹。"))
        hint.setStyleSheet("color: #777;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
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
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.chosen.clear()
        self.chosen.addItems([str(p) for p in self.paths])
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.paths))

    def _pick_files(self) -> None:
        pattern = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择文件"), str(Path.home()), f"{pattern}")
        if files:
            self.set_paths([Path(f) for f in files])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"), str(Path.home()))
        if folder:
            self.set_paths([Path(folder)])


def import_paths(window, paths: list[Path], *, reflow: bool) -> str:
    """Import into the window's project; a one-line report for the user."""
    project = window.project
    batches = (batch for path in paths for batch in read_path(path, reflow_text=reflow))
    report = project.import_batches(batches)
    window.session.changed.emit(ALL_TABLES)  # imports are not undoable edits, but widgets refresh the same way
    text = QCoreApplication.translate("FileActions", "导入 {0} 篇，{1} 篇已在项目中，{2} 个文件失败").format(
        len(report.added), len(report.duplicates), len(report.problems))
    if report.problems:
        QMessageBox.warning(window, QCoreApplication.translate("FileActions", "部分文件未能导入"), "\n".join(str(p) for p in report.problems[:20]))
    if report.added and window.current_doc is None:
        window.show_document(report.added[0])
    return text


def import_files(window) -> None:
    if window.project.read_only:
        QMessageBox.information(window, QCoreApplication.translate("FileActions", "导入文章"), QCoreApplication.translate("FileActions", "项目以只读方式打开，不能导入。"))
        return
    dialog = ImportDialog(window)
    if dialog.exec() != QDialog.Accepted or not dialog.paths:
        return
    try:
        text = import_paths(window, dialog.paths, reflow=dialog.reflow.isChecked())
    except ProjectError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("FileActions", "导入失败"), str(exc))
        return
    window.statusBar().showMessage(text, 10000)


def export(window) -> None:
    from curator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.session, window, settings=window.settings)
    dialog.exported.connect(lambda summary: window.statusBar().showMessage(
        QCoreApplication.translate("FileActions", "已导出：{0}").format("、".join(str(p) for p in summary.paths)), 8000))
    dialog.exec()


def import_corrections(window) -> None:
    """Pick a returned workbook, show what it would change, apply it as one undoable edit."""
    from curator.export.safe_zip import UnsafeWorkbook
    from curator.services.exporting import plan_corrections
    from curator.ui.corrections_dialog import CorrectionsDialog

    tr = lambda text: QCoreApplication.translate("FileActions", text)  # noqa: E731
    path, _ = QFileDialog.getOpenFileName(window, tr("导入修改"), str(Path.home()), "Excel (*.xlsx)")
    if not path:
        return
    try:
        plan = plan_corrections(window.project, path)
    except (UnsafeWorkbook, OSError, ValueError) as exc:
        QMessageBox.warning(window, tr("无法读取工作簿"), str(exc))
        return
    CorrectionsDialog(window.session, plan, Path(path), window).exec()


def fill_language_menu(window, menu: QMenu) -> None:
    current = window.settings.language()
    for code, name in (("zh", "中文（简体）"), ("en", "English")):
        action = menu.addAction(name, lambda c=code: _set_language(window, c))
        action.setCheckable(True)
        action.setChecked(code == current)


def _set_language(window, code: str) -> None:
    window.settings.set_language(code)
    QMessageBox.information(window, QCoreApplication.translate("FileActions", "界面语言"), QCoreApplication.translate("FileActions", "界面语言将在下次启动时更改。"))
