"""An import in a worker thread: its own connection to the project file, a progress dialog, cancel.

SQLite connections belong to one thread, so the worker opens its own (Project.worker_connection);
the progress dialog is modal, so no edit is made in the window while the import writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator.services.importing import ImportResult, import_paths
from curator.store import Project, ProjectError


class ImportWorker(QThread):
    progressed = Signal(int, int)  # files read, files in all
    succeeded = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, project: Project, paths: list[Path], *, reflow: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._paths = paths
        self._reflow = reflow
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            own = self._project.worker_connection()
        except ProjectError as exc:
            self.failed.emit(str(exc))
            return
        try:
            result = import_paths(own, self._paths, reflow_text=self._reflow,
                                  progress=self.progressed.emit, cancelled=lambda: self._cancelled)
        except ProjectError as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            own.close()


class ImportRun(QObject):
    """One import: the worker, its progress dialog, and done(result) or failed(text) on the GUI thread."""

    def __init__(self, project: Project, paths: list[Path], *, reflow: bool, parent: QWidget,
                 done: Callable[[ImportResult], None], failed: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._project = project
        self._done = done
        self._failed = failed
        self.dialog = QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, 0, parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("导入文章"))
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.worker = ImportWorker(project, paths, reflow=reflow, parent=self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failure)
        self.worker.finished.connect(self._finished)
        self.dialog.canceled.connect(self._cancel)

    def start(self) -> None:
        self.dialog.show()
        self.worker.start()

    def _cancel(self) -> None:
        self.worker.cancel()
        self.dialog.setLabelText(self.tr("正在取消（当前文件导入完后停止）…"))

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.tr("已读取 {0} / {1} 个文件").format(done, total))

    def _succeeded(self, result: ImportResult) -> None:
        self._project.forget_reserved_ids()  # the worker added rows: count ids afresh
        self._done(result)

    def _failure(self, text: str) -> None:
        self._project.forget_reserved_ids()
        self._failed(text)

    def _finished(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
