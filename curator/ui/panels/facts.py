"""The 举措 / 数据 panel: one fact table of the current document, editable in place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QItemSelection, QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from curator.core.model import FACT_TABLE_BY_NAME
from curator.ui.panels.common import FilterProxy, filter_box, fit_columns, table_view
from curator.ui.panels.delegates import FactCellDelegate
from curator.ui.panels.fact_model import FactTableModel
from curator.ui.session import Session

MESSAGE_MS = 8000
COLUMN_SAMPLES = {
    "figures": {1: "000,000,000", 2: "个百分点", 3: "左右", 4: "格尔木市河西", 5: "2024-06-30", 6: "文明交通劝导行动"},
    "initiatives": {1: "志愿服务类", 2: "格尔木市河西", 3: "市文明办公室", 4: "备注备注备注备注"},
}


class FactTablePanel(QWidget):
    """Rows of 'initiatives' or 'figures' for one document; double-click a row to see its evidence."""

    evidence_requested = Signal(int, int)  # code-point start, end in the current document
    message = Signal(str)  # for the window's status bar

    def __init__(self, session: Session, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FactTableModel(session, table, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = filter_box(self, self.proxy, self.tr("筛选…"))
        self.count = QLabel(self)
        self.count.setStyleSheet("color: palette(mid);")
        self.view = table_view(self, self.proxy)
        self.view.setItemDelegate(FactCellDelegate(self.view))
        fit_columns(self.view, COLUMN_SAMPLES[table], stretch=0)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )  # double-click is for the evidence, not for editing
        self.view.doubleClicked.connect(self._show_evidence)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.hide()
        self._status_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS, timeout=self.status.hide)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.model.refused.connect(self._refuse)
        self.model.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        session.changed.connect(self._on_changed)
        session.failed.connect(self._show_failure)
        self._update_count()

    @property
    def table(self) -> str:
        return self.model.table

    @property
    def label(self) -> str:
        """The label whose spans are this table's evidence."""
        return FACT_TABLE_BY_NAME[self.table].label

    def set_document(self, doc_id: int | None) -> None:
        self.model.set_document(doc_id)
        self.status.hide()

    def select_rows_for_span(self, span_id: int) -> None:
        """Select the rows that cite span_id and scroll to the first (clears the filter if it hides them)."""
        rows = self.model.rows_citing(span_id)
        if rows and not any(self.proxy.mapFromSource(self.model.index(r, 0)).isValid() for r in rows):
            self.filter.clear()
        selection = QItemSelection()
        for number in rows:
            proxied = self.proxy.mapFromSource(self.model.index(number, 0))
            if proxied.isValid():
                last = proxied.siblingAtColumn(self.proxy.columnCount() - 1)
                selection.select(proxied, last)
        chooser = self.view.selectionModel()
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not selection.isEmpty():
            first = min((r.top() for r in selection), default=0)
            index = self.proxy.index(first, 0)
            chooser.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(index)

    def _on_changed(self, tables: frozenset) -> None:
        if self.model.doc_id is not None and tables & self.model.watched_tables:
            self.model.refresh()

    def _show_evidence(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        found = self.model.evidence(source.row())
        if found is None:
            self._refuse(self.tr("这一行没有本文中的依据标注。"))
            return
        self.evidence_requested.emit(*found)

    def _refuse(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self._status_timer.start()
        rect = self.view.visualRect(self.view.currentIndex())
        if rect.isValid():
            QToolTip.showText(self.view.viewport().mapToGlobal(rect.bottomLeft()), text, self.view)
        self.message.emit(text)

    def _show_failure(self, text: str) -> None:
        if self.isVisible():
            self._refuse(text)

    def _update_count(self, *args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{0} 行").format(total) if shown == total else self.tr("{0} / {1} 行").format(shown, total))
