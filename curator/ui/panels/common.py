"""Pieces every panel shares: the sort/filter proxy and the filter box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class FilterProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE (numbers as numbers); the filter text matches any column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)


def filter_box(parent: QWidget, proxy: QSortFilterProxyModel, placeholder: str) -> QLineEdit:
    box = QLineEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(proxy.setFilterFixedString)
    return box


def table_view(parent: QWidget, proxy: QSortFilterProxyModel) -> QTableView:
    """A calm, sortable table: whole-row selection, no grid, compact rows."""
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # store order until a header is clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, widths: dict[int, str], *, stretch: int, readable: str = "注册志愿者人数") -> None:
    """Columns as wide as a sample text (cheap with 5,000 rows, unlike ResizeToContents); one column stretches.

    The stretching column never gets narrower than `readable`: on a narrow panel the table scrolls sideways
    instead of squeezing it to "…" under the others.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    for column, sample in widths.items():
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
    keeper = _StretchKeeper(view, stretch, metrics.horizontalAdvance(readable) + 28)
    view.viewport().installEventFilter(keeper)
    keeper.fit()


class _StretchKeeper(QObject):
    """Stretches one column into the room the others leave, down to a readable width (then the view scrolls)."""

    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self.view, self.column, self.minimum = view, column, minimum

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        if self.view.viewport().width() - others >= self.minimum:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, self.minimum)


class SpanListReactions:
    """What the spans and suggestions lists do alike (a mixin: the panel has model, proxy,
    evidence_requested, and names its current-row signal in FOCUS_SIGNAL)."""

    FOCUS_SIGNAL = ""
    _quiet = False  # True while the panel follows the article: the row change is not sent back

    def _span_at(self, index):
        return self.model.span_at(self.proxy.mapToSource(index).row())

    def _on_changed(self, tables: frozenset) -> None:
        if self.model.doc_id is not None and tables & self.model.watched_tables:
            self.model.refresh()

    def _activate(self, index) -> None:
        span = self._span_at(index)
        self.evidence_requested.emit(span.start, span.end)

    def _focus(self, current, _previous) -> None:
        if current.isValid() and not self._quiet:
            getattr(self, self.FOCUS_SIGNAL).emit(self._span_at(current).id)
