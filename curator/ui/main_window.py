"""The annotation window: wiring only. Document list | article | fact panels, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from curator.core.model import STATUSES
from curator.services import annotating
from curator.ui import file_actions, window_menus
from curator.ui.annotate import Annotator
from curator.ui.article_view import ArticleView
from curator.ui.document_list import DocumentList
from curator.ui.label_bar import LabelBar
from curator.ui.message_bar import message_bar
from curator.ui.identity import annotator_dialog
from curator.ui.panels_factory import Panels, make_panels, panel_titles
from curator.ui.session import Session
from curator.ui.settings import Settings
from curator.ui.texts import STATUS_COLORS, status_title

LIST_REFRESH_MS = 150
BACKUP_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, session: Session, *, settings: Settings | None = None,
                 open_project: Callable[[Path], None] | None = None, panels_later: bool = False) -> None:
        super().__init__()
        self.session = session
        self.project = session.project
        self.settings = settings or Settings()
        self.open_project = open_project
        self.current_doc: int | None = None
        self.import_run = None  # the import in progress, if any
        session.set_annotator(self.settings.annotator())

        self.documents = DocumentList()
        self.article = ArticleView()
        self.article.set_labels(self.project.labels())
        self.label_bar = LabelBar()
        self.label_bar.set_labels(self.project.labels())
        self.annotator = Annotator(session, self.article, self)
        self.panels: Panels | None = None if panels_later else make_panels(session, self)
        self._list_timer = QTimer(self, singleShot=True, interval=LIST_REFRESH_MS, timeout=self._refresh_list)
        self._panel_timer = QTimer(self, singleShot=True, interval=0, timeout=self._sync_panels)
        self._panel_docs: dict[int, int | None] = {}
        self._closing = False
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._connect()

        self.documents.set_project(self.project)
        self._update_progress()
        self._backup_timer = QTimer(self, interval=BACKUP_CHECK_MS, timeout=self.check_backups)
        self._backup_timer.start()
        QTimer.singleShot(0, self.check_backups)
        self._restore()
        self._update_title()

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.read_only_bar = message_bar(self._read_only_text())
        self.read_only_bar.setVisible(self.project.read_only)
        self.backup_bar = message_bar("")
        self.backup_bar.hide()
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_bar)
        column.addWidget(self.backup_bar)
        column.addWidget(self.label_bar)
        column.addWidget(self.article, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        if self.panels is not None:
            for panel, title in zip(self.panels.all(), panel_titles()):
                self.tabs.addTab(panel, title)
        self.tabs.currentChanged.connect(lambda _index: self._sync_panels())
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.documents)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.tabs)
        for index, stretch in enumerate((1, 3, 2)):  # a wider screen widens the list and panels too (建议 needs it)
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([230, 640, 470])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        screen = self.screen().availableGeometry()  # 1366×768 office screens: never taller than the screen
        self.resize(min(1340, screen.width()), min(820, screen.height() - 40))

    def _build_actions(self) -> None:
        window_menus.build(self)

    def _add(self, menu, name: str, text: str, slot, *, widget: QWidget | None = None) -> QAction:
        return window_menus.add_action(self, menu, name, text, slot, widget=widget)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.doc_counts = QLabel()
        self.progress = QLabel()
        self.lock_label = QLabel(self.tr("只读") if self.project.read_only else "")
        self.lock_label.setStyleSheet("color: #b05000; font-weight: bold;")
        for widget in (self.lock_label, self.doc_counts, self.progress):
            widget.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(widget)

    def _connect(self) -> None:
        self.documents.document_chosen.connect(self.show_document)
        self.label_bar.label_chosen.connect(self._tag)
        self.article.span_clicked.connect(self._on_span_clicked)
        self.session.changed.connect(self._on_changed)
        self.session.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.annotator.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.annotator.document_changed.connect(self._update_status_actions)
        self.annotator.spans_shown.connect(self._update_counts)
        self.annotator.spans_changed_elsewhere.connect(self._list_timer.start)
        self._connect_panels()

    def _connect_panels(self) -> None:
        panels = self.panels
        if panels is None:
            return
        say = lambda text: self.statusBar().showMessage(text, 4000)  # noqa: E731
        for panel in panels.facts.values():
            panel.evidence_requested.connect(self.article.flash)
            panel.message.connect(say)
        panels.spans.evidence_requested.connect(self.article.flash)
        panels.spans.span_focused.connect(self.article.set_selected_span)  # the row Delete removes
        panels.suggestions.evidence_requested.connect(self.article.flash)
        panels.suggestions.message.connect(say)
        panels.suggestions.suggestion_focused.connect(self._on_suggestion_focused)

    def install_panels(self) -> None:
        """Put the panels in the tabs (start-up builds them after the first paint)."""
        if self.panels is not None:
            return
        self.panels = make_panels(self.session, self)
        blocker = self.tabs.blockSignals(True)
        for panel, title in zip(self.panels.all(), panel_titles()):
            self.tabs.addTab(panel, title)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(blocker)
        self._connect_panels()
        self._panel_docs.clear()
        self._sync_panels()

    # -- imports -------------------------------------------------------------------------

    def imported(self, result) -> None:
        """An import finished: every widget re-reads, labels it brought can be tagged at once."""
        from curator.core.model import FACT_TABLE_NAMES

        self.import_run = None
        self.session.changed.emit(frozenset({"documents", "spans", "labels", *FACT_TABLE_NAMES}))
        if result.labels_added:
            self.refresh_labels()
        report = result.report
        if report.problems:
            QMessageBox.warning(self, self.tr("部分文件未能导入"), "\n".join(str(p) for p in report.problems[:20]))
        if report.added and self.current_doc is None:
            self.show_document(report.added[0])
        self.statusBar().showMessage(file_actions.import_message(result), 10000)

    def refresh_labels(self) -> None:
        """The project's labels changed (an import brought new ones): the bar, the article, tagging."""
        labels = self.project.labels()
        self.article.set_labels(labels)
        self.label_bar.set_labels(labels)
        self.annotator.refresh_labels()

    # -- the annotator -------------------------------------------------------------------

    def ask_annotator_if_unknown(self) -> None:
        """First start: ask who is annotating (a work package already knows)."""
        if not self.session.annotator_fixed and not self.settings.annotator():
            self.change_annotator()

    def change_annotator(self) -> None:
        """设置 → 标注人…: the name every span and edit made here carries."""
        if self.session.annotator_fixed:
            self.statusBar().showMessage(self.tr("这是 {0} 的工作包：其中的修改都记在 {0} 名下。").format(
                self.session.annotator), 8000)
            return
        annotator_dialog(self, self.settings.annotator(), self.set_annotator)

    def set_annotator(self, name: str) -> None:
        self.settings.set_annotator(name)
        self.session.set_annotator(name)
        self.statusBar().showMessage(self.tr("标注人：{0}").format(name), 6000)

    # -- documents -----------------------------------------------------------------------

    def show_document(self, doc_id: int | None) -> None:
        if doc_id == self.current_doc and self.annotator.doc is not None:
            return
        self.current_doc = doc_id
        self.annotator.open_document(doc_id)
        self.documents.select_document(doc_id)
        self._panel_timer.start()  # after the article is painted
        self.settings.set_last_document(self.project.path, doc_id)
        self._update_status_actions()
        self._update_counts()
        self._update_title()

    def _step(self, step: int) -> None:
        target = self.documents.neighbour(self.current_doc, step)
        if target is not None:
            self.show_document(target)

    def _done_and_next(self) -> None:
        if self.current_doc is None:
            return
        if not self.annotator.mark_done(self):
            return
        target = annotating.next_unfinished(self.project, self.current_doc)
        if target is None:
            self.statusBar().showMessage(self.tr("所有文章都已完成。"), 6000)
            return
        self.show_document(target)

    def _focus_search(self) -> None:
        self.documents.search_box.setFocus(Qt.ShortcutFocusReason)
        self.documents.search_box.selectAll()

    # -- tagging -------------------------------------------------------------------------

    def _tag(self, label_name: str) -> None:
        span = self.annotator.tag_selection(label_name)
        if span is not None:
            self.article.setFocus(Qt.OtherFocusReason)
            if self.tabs.currentWidget() is not self.panels.suggestions:  # while reviewing, the list stays
                self._select_fact_rows(span.id)

    def _delete_span(self) -> None:
        self.annotator.delete_selected_span(self)

    def _on_span_clicked(self, span_id: int) -> None:
        """An accepted 举措/数据 span brings its rows forward; a suggestion, or any click while 建议 is in front, keeps the tab."""
        span = self.article.span(span_id)
        current = self.tabs.currentWidget()
        if span is not None and span.origin != "suggested" and current is not self.panels.suggestions:
            self._select_fact_rows(span_id)
        elif hasattr(current, "select_rows_for_span"):
            current.select_rows_for_span(span_id)

    def _select_fact_rows(self, span_id: int) -> None:
        span = self.article.span(span_id)
        tab = self.panels.for_label(span.label) if span is not None and self.panels is not None else None
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
        self._sync_panels()
        if tab is not None:
            tab.select_rows_for_span(span_id)

    def _sync_panels(self) -> None:
        """The visible tab shows the current document; hidden ones show none, so they cost nothing per edit."""
        self._panel_timer.stop()
        for panel in self.panels.all() if self.panels is not None else ():
            wanted = self.current_doc if panel is self.tabs.currentWidget() else None
            if self._panel_docs.get(id(panel), -1) != wanted:
                self._panel_docs[id(panel)] = wanted
                panel.set_document(wanted)

    def _on_suggestion_focused(self, span_id: int) -> None:
        span = self.article.span(span_id)
        if span is not None:
            self.article.set_selected_span(span_id)
            self.article.flash(span.start, span.end)

    def _toggle_snap(self) -> None:
        self.annotator.snap_words = self.actions["snap_words"].isChecked()
        self.annotator.snap_quotes = self.actions["snap_quotes"].isChecked()
        self.annotator.spread = self.actions["spread"].isChecked()
        for name in ("snap_words", "snap_quotes", "spread"):
            self.settings.set_flag(name, self.actions[name].isChecked())

    # -- refreshing ----------------------------------------------------------------------

    def _on_changed(self, tables: frozenset) -> None:
        if "disputes" in tables:
            self._list_timer.start()  # a dispute was decided: the list's counts change
        if "documents" in tables:
            self._list_timer.start()  # a status changed: filters may change which rows show
            self._update_progress()

    def _refresh_list(self) -> None:
        self.documents.refresh()

    def _update_status_actions(self) -> None:
        doc = self.annotator.doc
        for status in STATUSES:
            action = self.actions[f"status_{status}"]
            action.setEnabled(doc is not None and not self.project.read_only)
            action.setChecked(doc is not None and doc.status == status)
        self._update_counts()

    def _update_counts(self) -> None:
        doc = self.annotator.doc
        if doc is None:
            self.doc_counts.setText("")
        else:
            accepted, suggested = self.article.counts()
            self.documents.model.update_row(doc.id, spans=accepted, status=doc.status)
            colour = STATUS_COLORS.get(doc.status, "#666")
            self.doc_counts.setText(
                self.tr("本篇：<span style='color:{0}'>{1}</span> · {2} 个标注 · {3} 条建议").format(
                    colour, status_title(doc.status), accepted, suggested))

    def _update_progress(self) -> None:
        status = self.project.status_counts()
        total = sum(status.values())
        finished = status.get("done", 0) + status.get("reviewed", 0)
        self.progress.setText(self.tr("进度：{0} / {1} 篇已完成").format(finished, total))

    def _read_only_text(self) -> str:
        holder = self.project.locked_by
        if holder and getattr(holder, "here", True):
            return self.tr("此项目正由另一个 curator 打开（{0}），现以只读方式显示；修改不会保存。").format(holder)
        if holder:
            return self.tr("此项目正由另一台电脑上的 curator 打开（{0}），现以只读方式显示；修改不会保存。"
                           "若那里已不再打开它，可运行 curator unlock \"{1}\" 后重新打开。").format(holder, self.project.path)
        return self.tr("此项目以只读方式打开；修改不会保存。")

    def check_backups(self) -> None:
        """A daily backup that failed (or none for days) is said above the article, not kept silent."""
        if self._closing:
            return
        problem = self.project.backup_problem() if not self.project.read_only else None
        if problem:
            label = self.backup_bar.findChild(QLabel)
            label.setText(self.tr("备份未能完成：{0}。请腾出磁盘空间或检查备份文件夹 {1}。").format(
                problem, self.project.path.name + ".backups" if self.project.path else ""))
        self.backup_bar.setVisible(bool(problem))

    def _update_title(self) -> None:
        name = self.project.path.name if self.project.path else self.tr("内存项目")
        doc = self.annotator.doc
        title = f"{doc.title} — {name}" if doc else name
        if self.project.read_only:
            title += self.tr("（只读）")
        self.setWindowTitle(f"{title} — curator")

    # -- remembering ---------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = self.settings.last_document(self.project.path)
        ids = self.documents.model.ids()
        self.show_document(last if last in ids else (ids[0] if ids else None))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_run is not None:  # the worker writes to the project: let it finish its file first
            self.import_run.worker.cancel()
            self.import_run.worker.wait()
        self._closing = True
        self._list_timer.stop()
        self._backup_timer.stop()
        self._panel_timer.stop()
        self.annotator.stop()
        self.documents.stop()
        if self.panels is not None:
            self.panels.suggestions.learner.stop()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_last_document(self.project.path, self.current_doc)
        self.settings.sync()
        super().closeEvent(event)
