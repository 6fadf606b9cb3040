"""File > Export: which documents, places and labels; where; then the export runs off the GUI thread.

The last choice is remembered. An existing file is replaced only after asking.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from curator.core.model import STATUSES
from curator.services.exporting import ExportError, ExportOptions, ExportSummary, TargetExists, export, places
from curator.store import Project, ProjectError
from curator.ui.session import Session
from curator.ui.settings import Settings
from curator.ui.texts import status_title

FILTERS = "Excel 工作簿 (*.xlsx);;JSONL (*.jsonl);;CSV (*.csv)"


class _ExportJob(QObject):
    """Runs one export on its own read-only connection, in a worker thread."""

    finished = Signal(object)  # ExportSummary or an error message

    def __init__(self, project_path: Path, target: Path, options: ExportOptions, overwrite: bool) -> None:
        super().__init__()
        self.args = (project_path, target, options, overwrite)

    def run(self) -> None:
        project_path, target, options, overwrite = self.args
        self.finished.emit(_exported(lambda: _export_from(project_path, target, options, overwrite)))


def _export_from(project_path: Path, target: Path, options: ExportOptions, overwrite: bool) -> ExportSummary:
    with Project.open(project_path, read_only=True) as reader:
        return export(reader, target, options, overwrite=overwrite)


def _exported(run) -> object:
    """run()'s ExportSummary, or the exception it raised: any kind, so the dialog never stays disabled."""
    try:
        return run()
    except Exception as exc:  # shown to the user by _finished, never swallowed
        return exc


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportSummary

    def __init__(self, session: Session, parent: QWidget | None = None, *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出"))
        self.project = session.project
        self.settings = settings or Settings()
        self._running: list[tuple[QThread, _ExportJob]] = []
        self.summary: ExportSummary | None = None
        self._build()
        self._restore()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("导出到"), row)

        self.status_boxes = {status: QCheckBox(status_title(status)) for status in STATUSES}
        form.addRow(self.tr("文章状态"), _row(self.status_boxes.values()))
        self.place_combo = QComboBox()
        self.place_combo.setEditable(True)
        self.place_combo.addItem(self.tr("全部地点"), None)
        for place in places(self.project):
            self.place_combo.addItem(place, place)
        form.addRow(self.tr("地点"), self.place_combo)
        self.label_boxes = {label.name: QCheckBox(label.title) for label in self.project.labels()}
        form.addRow(self.tr("标签"), _row(self.label_boxes.values()))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.note = QLabel(self.tr("Excel 工作簿含 汇总、举措、数据、标注、文章 五张表；每个数字都附有原文句子。"))
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导出"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.path_edit.text(), FILTERS,
                                              options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path if Path(path).suffix else path + ".xlsx")

    # -- options -------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        statuses = {s for s, box in self.status_boxes.items() if box.isChecked()}
        labels = {name for name, box in self.label_boxes.items() if box.isChecked()}
        place = self.place_combo.currentText().strip()
        return ExportOptions(
            statuses=None if len(statuses) in (0, len(self.status_boxes)) else statuses,
            place=None if place == self.place_combo.itemText(0) else place or None,
            labels=None if len(labels) in (0, len(self.label_boxes)) else labels,
        )

    def set_options(self, options: ExportOptions) -> None:
        for status, box in self.status_boxes.items():
            box.setChecked(options.statuses is None or status in options.statuses)
        for name, box in self.label_boxes.items():
            box.setChecked(options.labels is None or name in options.labels)
        if options.place:
            self.place_combo.setCurrentText(options.place)
        else:
            self.place_combo.setCurrentIndex(0)

    def _restore(self) -> None:
        try:
            remembered = json.loads(self.settings.value("export/options", "{}"))
        except ValueError:
            remembered = {}
        self.set_options(ExportOptions.from_dict(remembered))
        default = Path.home() / f"{self.project.path.stem if self.project.path else 'curator'}.xlsx"
        self.path_edit.setText(self.settings.value("export/path", str(default)))

    def _remember(self) -> None:
        self.settings.set_value("export/options", json.dumps(self.options().to_dict(), ensure_ascii=False))
        self.settings.set_value("export/path", self.path_edit.text())

    # -- running -------------------------------------------------------------------------

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def start(self, *, overwrite: bool = False) -> None:
        target = self.target()
        if not self.path_edit.text().strip():
            QMessageBox.warning(self, self.tr("导出"), self.tr("请选择导出文件。"))
            return
        self._remember()
        if self.project.path is None:  # an in-memory project has no file a worker could open
            self._finished(self._run_here(target, overwrite))
            return
        self._busy(True)
        job = _ExportJob(self.project.path, target, self.options(), overwrite)
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.finished.connect(self._finished)
        job.finished.connect(thread.quit, Qt.DirectConnection)  # quit() is thread-safe; no GUI round trip
        # Both stay referenced until the thread has ended: a job freed while its thread still returns
        # from run() crashed the process (the next export used to drop the previous job).
        self._running.append((thread, job))
        thread.finished.connect(self._ended)  # queued to this (GUI) thread: the thread has ended by then
        thread.start()

    def _ended(self) -> None:
        ended = self.sender()
        for running in [r for r in self._running if r[0] is ended or r[0].isFinished()]:
            running[0].wait()  # it is returning from finished(): a moment at most
            self._running.remove(running)
            running[1].deleteLater()
            running[0].deleteLater()

    def running(self) -> int:
        """How many export threads have not ended yet."""
        return len(self._running)

    def _run_here(self, target: Path, overwrite: bool) -> object:
        return _exported(lambda: export(self.project, target, self.options(), overwrite=overwrite))

    def wait(self) -> None:
        """Block until every running export has finished (for tests and closing)."""
        for thread, _job in list(self._running):
            thread.wait()

    def done(self, result: int) -> None:
        # A thread destroyed while it runs aborts the process (the dialog owns it): let a running export finish.
        self.wait()
        super().done(result)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons.setEnabled(not busy)

    def _finished(self, result: object) -> None:
        self._busy(False)
        if isinstance(result, TargetExists):
            answer = QMessageBox.question(
                self, self.tr("文件已存在"), self.tr("{0} 已存在。要替换它吗？").format(self.target().name),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer == QMessageBox.Yes:
                self.start(overwrite=True)
            return
        if isinstance(result, (ExportError, ProjectError, OSError)):
            QMessageBox.warning(self, self.tr("导出失败"), str(result))
            return
        if isinstance(result, Exception):  # a bug: say what it was, the dialog stays usable
            QMessageBox.warning(self, self.tr("导出失败"), self.tr("导出时出现意外错误：{0}: {1}").format(
                type(result).__name__, result))
            return
        self.summary = result
        self.exported.emit(result)
        self.accept()


def _row(widgets) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder
