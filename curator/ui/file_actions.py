"""The File menu: new, open, recent, import (in a worker, with reflow offered), export; the language choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from curator.services.importing import ImportResult, import_paths
from curator.store import CorruptProject, ProjectError
from curator.ui.import_dialog import ImportDialog
from curator.ui.import_run import ImportRun
from curator.ui.restore import offer_restore

PROJECT_FILTER = "curator (*.curator)"


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


def import_files(window) -> None:
    """File → 导入: choose, then import in a worker thread with a progress bar and cancel."""
    tr = lambda text: QCoreApplication.translate("FileActions", text)  # noqa: E731
    if window.project.read_only:
        QMessageBox.information(window, tr("导入文章"), tr("项目以只读方式打开，不能导入。"))
        return
    dialog = ImportDialog(window)
    if dialog.exec() != QDialog.Accepted or not dialog.paths:
        return
    start_import(window, dialog.paths, reflow=dialog.reflow.isChecked())


def paste_article(window) -> None:
    """File → 粘贴为新文章 (Ctrl+Shift+V): the clipboard as a new document, after asking its title and source."""
    from curator.services.importing import import_record
    from curator.ui.paste import paste_article as ask

    tr = lambda text: QCoreApplication.translate("FileActions", text)  # noqa: E731
    if window.project.read_only:
        QMessageBox.information(window, tr("粘贴为新文章"), tr("项目以只读方式打开，不能导入。"))
        return
    record = ask(window)
    if record is None:
        return
    try:
        result = import_record(window.project, record, origin=tr("剪贴板"))
    except ProjectError as exc:
        QMessageBox.warning(window, tr("导入失败"), str(exc))
        return
    window.imported(result)
    if result.report.added:
        window.show_document(result.report.added[0])


def start_import(window, paths: list[Path], *, reflow: bool) -> None:
    """Import paths into the window's project off the GUI thread; the window refreshes when done."""
    tr = lambda text: QCoreApplication.translate("FileActions", text)  # noqa: E731
    if window.project.path is None:  # an in-memory project has one connection only: import here
        try:
            window.imported(import_paths(window.project, paths, reflow_text=reflow))
        except ProjectError as exc:
            QMessageBox.warning(window, tr("导入失败"), str(exc))
        return
    run = ImportRun(window.project, list(paths), reflow=reflow, parent=window, done=window.imported,
                    failed=lambda text: QMessageBox.warning(window, tr("导入失败"), text))
    window.import_run = run
    run.start()


def import_message(result: ImportResult) -> str:
    """The one line the status bar shows after an import."""
    report = result.report
    text = QCoreApplication.translate("FileActions", "导入 {0} 篇，{1} 篇已在项目中，{2} 个文件失败").format(
        len(report.added), len(report.duplicates), len(report.problems))
    if result.cancelled:
        text += QCoreApplication.translate("FileActions", "（已取消，其余文件未导入）")
    return text


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
