"""The document list: a Qt model over the project's document summaries, with search and a status filter.

A thin adapter: rows are store.DocumentSummary records; searching asks project.search
and keeps the rows whose id it returned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from curator.core.model import STATUSES
from curator.services.team.adjudicate import dispute_counts
from curator.ui.texts import STATUS_COLORS, status_title

SEARCH_LIMIT = 100_000
SEARCH_DELAY_MS = 200
FIRST_ROWS = 200


class DocumentListModel(QAbstractTableModel):
    TITLE, STATUS, SPANS = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[int, int] = {}
        self._disputes: dict[int, int] = {}  # doc_id -> open disputes (merged team work)

    def set_rows(self, rows: list, disputes: dict[int, int] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._disputes = disputes or {}
        self._row_of = {row.id: i for i, row in enumerate(rows)}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("标题"), self.tr("状态"), self.tr("标注"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == self.TITLE:
                return row.title
            if column == self.STATUS:
                return status_title(row.status)
            disputes = self._disputes.get(row.id)
            return f"⚑{disputes} {row.spans}" if disputes else row.spans
        if role == Qt.ForegroundRole and column == self.STATUS:
            return QColor(STATUS_COLORS.get(row.status, "#666"))
        if role == Qt.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and column == self.TITLE:
            return row.title
        if role == Qt.ToolTipRole and column == self.SPANS and self._disputes.get(row.id):
            return self.tr("{0} 个标注，{1} 处分歧待裁决（团队 → 裁决分歧）").format(row.spans, self._disputes[row.id])
        if role == Qt.ForegroundRole and column == self.SPANS and self._disputes.get(row.id):
            return QColor("#b3261e")
        if role == Qt.UserRole:
            return row.id
        return None

    def update_row(self, doc_id: int, **fields: Any) -> None:
        """Change one row in place (status, spans) without reloading the list."""
        row = self._row_of.get(doc_id)
        if row is not None and any(getattr(self._rows[row], k) != v for k, v in fields.items()):
            self._rows[row] = self._rows[row]._replace(**fields)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, doc_id: int) -> int | None:
        return self._row_of.get(doc_id)

    def doc_id(self, row: int) -> int:
        return self._rows[row].id

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]


class DocumentList(QWidget):
    document_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = None
        self.search_box = QLineEdit(placeholderText=self.tr("搜索全文（Ctrl+F）"))
        self.search_box.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部"), "")
        for status in STATUSES:
            self.status_filter.addItem(status_title(status), status)
        self.model = DocumentListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setSelectionMode(QTableView.SingleSelection)
        self.view.setEditTriggers(QTableView.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)  # uniform rows: fast for 100k
        header = self.view.horizontalHeader()
        # fixed widths: ResizeToContents would measure every row (a third of a second at 10,000)
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.Stretch)
        for column, sample in ((DocumentListModel.STATUS, "标注中"), (DocumentListModel.SPANS, "⚑00 000")):
            header.setSectionResizeMode(column, QHeaderView.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 18)
        header.setHighlightSections(False)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.refresh)
        self._full_load = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._current: int | None = None
        self._highlighting = False

    def set_project(self, project) -> None:
        """Show project's documents: the first screenful at once, all of them right after."""
        self.project = project
        self._load(limit=FIRST_ROWS)
        self._full_load.start()  # 100,000 rows take ~0.1 s: not before the first paint

    def stop(self) -> None:
        """No more reading from the project (it is about to close)."""
        self._search_timer.stop()
        self._full_load.stop()
        self.project = None

    def refresh(self) -> None:
        """Reload the rows (status filter and search applied), keeping the current document."""
        self._load(limit=None)

    def _load(self, *, limit: int | None) -> None:
        self._search_timer.stop()
        self._full_load.stop()
        if self.project is None:
            return
        rows = self.project.documents(status=self.status_filter.currentData() or None, limit=limit)
        query = self.search_box.text().strip()
        if query:
            found = {hit.id for hit in self.project.search(query, limit=SEARCH_LIMIT)}
            rows = [row for row in rows if row.id in found]
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows, dispute_counts(self.project))
        self.view.selectionModel().blockSignals(blocker)
        if self._current is not None:
            self._highlight(self._current)

    def select_document(self, doc_id: int | None) -> None:
        """Mark doc_id as current (without emitting document_chosen)."""
        self._current = doc_id
        self._highlight(doc_id)

    def _highlight(self, doc_id: int | None) -> None:
        # Signals stay on (the view must repaint the row it unselects); _highlighting keeps them from reopening.
        selection = self.view.selectionModel()
        row = self.model.row_of(doc_id) if doc_id is not None else None
        self._highlighting = True
        try:
            if row is None:
                selection.clearSelection()
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.view.scrollTo(index)
        finally:
            self._highlighting = False

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._highlighting:
            doc_id = self.model.doc_id(current.row())
            self._current = doc_id
            self.document_chosen.emit(doc_id)

    def neighbour(self, doc_id: int | None, step: int) -> int | None:
        """The document step rows away from doc_id in the list as shown (None at either end)."""
        ids = self.model.ids()
        if not ids:
            return None
        row = self.model.row_of(doc_id) if doc_id is not None else None
        if row is None:
            return ids[0]
        target = row + step
        return ids[target] if 0 <= target < len(ids) else None

    def next_undone(self, doc_id: int | None) -> int | None:
        """The next document after doc_id (wrapping round) that is neither done nor reviewed."""
        rows = self.project.documents() if self.project is not None else []
        ids = [row.id for row in rows]
        undone = {row.id for row in rows if row.status in ("todo", "in_progress")}
        start = ids.index(doc_id) + 1 if doc_id in ids else 0
        for candidate in ids[start:] + ids[:start]:
            if candidate in undone and candidate != doc_id:
                return candidate
        return None
