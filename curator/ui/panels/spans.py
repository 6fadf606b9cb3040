"""The 标注 panel: every span of the current document; Delete removes the selected ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.ui.panels.common import (
    FilterProxy,
    SpanListReactions,
    filter_box,
    fit_columns,
    table_view,
)
from curator.ui.panels.span_model import SpanTableModel
from curator.ui.session import Session

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class SpansPanel(SpanListReactions, QWidget):
    """Spans of one document with label swatch, text, start–end and origin."""

    evidence_requested = Signal(int, int)  # code-point start, end of the activated span
    span_focused = Signal(int)  # span id of the current row
    FOCUS_SIGNAL = "span_focused"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SpanTableModel(session, parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = filter_box(self, self.proxy, self.tr("筛选标注…"))
        self.count = QLabel(self)
        self.count.setStyleSheet("color: palette(mid);")
        self.view = table_view(self, self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.view, {0: "标签标", 2: "0000–0000", 3: "手动", 4: "张三丰"}, stretch=1)
        self.view.activated.connect(self._activate)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._focus)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.delete_action = QAction(self.tr("删除标注"), self)
        self.delete_action.setToolTip(self.tr("删除所选标注（Delete），引用它的事实行随之更新"))
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        delete_button = QToolButton(self)
        delete_button.setDefaultAction(self.delete_action)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        top.addWidget(delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        for signal in (self.model.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        session.changed.connect(self._on_changed)
        self._update_count()
        self._update_actions()

    def set_document(self, doc_id: int | None) -> None:
        self.model.set_document(doc_id)

    def selected_spans(self):
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.span_at(r) for r in rows]

    def delete_selected(self) -> None:
        """Delete the selected spans as the article's Delete does (the same use case): one undo step;
        a suggestion is rejected and remembered, a hand-edited fact row is asked about first."""
        from curator.ui.annotate import delete_spans

        spans = self.selected_spans()
        if not spans or self.session.read_only:
            return
        keep_row = self.view.currentIndex().row()
        delete_spans(self.session, spans, self)
        self._make_current(keep_row)

    def _make_current(self, row: int) -> None:
        count = self.proxy.rowCount()
        if count and row >= 0:
            self.view.setCurrentIndex(self.proxy.index(min(row, count - 1), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete (and Backspace: laptops often lack Delete) act on the list even if the window binds them too.
        if watched is self.view and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.key() in DELETE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if event.type() == QEvent.Type.KeyPress:
                    self.delete_selected()
                event.accept()
                return True
        return super().eventFilter(watched, event)


    def _update_actions(self, *args) -> None:
        self.delete_action.setEnabled(self.view.selectionModel().hasSelection() and not self.session.read_only)

    def _update_count(self, *args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{0} 个").format(total) if shown == total else self.tr("{0} / {1} 个").format(shown, total))
