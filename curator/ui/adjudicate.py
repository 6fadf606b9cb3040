"""The adjudication view: each annotator's version of a dispute on a row of its own, one key to decide.

Like INCEpTION's curation view, but by keys: 1-9 take the version of that row, 0 or Delete reject
them all, Tab / Shift+Tab go to the next / previous dispute. Every decision is an Edit applied
through the window's Session, so Ctrl+Z undoes it like any other edit.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from curator.core.model import Document
from curator.services.team import adjudicate as service
from curator.ui.session import Session

ROW_COLOURS = ("#fde4e4", "#e3effd", "#e5f6e0", "#fff2d2", "#efe3fb", "#e0f5f5", "#f7e8dc", "#ececec", "#f9e0f0")
CONTEXT = 30  # characters shown either side of a dispute
DIGITS = {getattr(Qt, f"Key_{n}"): n for n in range(10)}
OWN_KEYS = frozenset({*DIGITS, Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_Tab, Qt.Key_Backtab})


class AdjudicationView(QDialog):
    """Disputes of one document; follows the session's changes (an undo brings a dispute back)."""

    document_finished = Signal(int)  # the document's last open dispute was decided

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("裁决分歧"))
        self.session = session
        self.project = session.project
        self.colours = {label.name: label.color for label in self.project.labels()}
        self.titles = {label.name: label.title for label in self.project.labels()}
        self.doc: Document | None = None
        self.open: list[service.Dispute] = []
        self.position = 0
        self._build()
        session.changed.connect(self._on_changed)
        undo = QShortcut(QKeySequence.Undo, self, activated=session.undo_stack.undo)
        redo = QShortcut(QKeySequence.Redo, self, activated=session.undo_stack.redo)
        self._shortcuts = (undo, redo)
        self.resize(900, 420)

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.RichText)
        self.context = QLabel()
        self.context.setTextFormat(Qt.RichText)
        self.context.setWordWrap(True)
        self.context.setStyleSheet("font-size: 15px; padding: 6px; background: #fafafa; border: 1px solid #ddd;")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("键"), self.tr("标注者"), self.tr("版本")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.hint = QLabel(self.tr("1–9 采用该行的版本 · 0 或 Delete 全部拒绝 · Tab 下一处 · Shift+Tab 上一处 · Ctrl+Z 撤销"))
        self.hint.setStyleSheet("color: #666;")
        self.review_button = QPushButton(self.tr("标为已审核"))
        self.review_button.setFocusPolicy(Qt.NoFocus)
        self.review_button.clicked.connect(self.mark_reviewed)
        self.next_button = QPushButton(self.tr("下一篇有分歧的文章"))
        self.next_button.setFocusPolicy(Qt.NoFocus)
        self.next_button.clicked.connect(self.next_document)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.review_button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.context)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)

    # -- showing ----------------------------------------------------------------------------------

    def set_document(self, doc_id: int | None) -> None:
        self.doc = self.project.document(doc_id) if doc_id is not None else None
        self.position = 0
        self.reload()

    def reload(self) -> None:
        self.open = service.disputes(self.project, self.doc.id) if self.doc else []
        self.position = min(self.position, max(0, len(self.open) - 1))
        self._show()

    def current(self) -> service.Dispute | None:
        return self.open[self.position] if self.open else None

    def _show(self) -> None:
        dispute = self.current()
        title = html.escape(self.doc.title) if self.doc else self.tr("（没有文章）")
        if dispute is None:
            self.heading.setText(self.tr("<b>{0}</b> — 没有未决的分歧").format(title))
            self.context.setText(self.tr("本篇的分歧已全部裁决，可以标为已审核。") if self.doc else "")
            self.table.setRowCount(0)
        else:
            kind = self.tr("数值不同") if dispute.kind == "value" else self.tr("标注不同")
            self.heading.setText(self.tr("<b>{0}</b> — 第 {1} / {2} 处分歧（{3}）").format(
                title, self.position + 1, len(self.open), kind))
            self.context.setText(self._context_html(dispute))
            self._fill_rows(dispute)
            article = getattr(self.parent(), "article", None)
            if article is not None and getattr(self.parent(), "current_doc", None) == dispute.doc_id:
                article.flash(dispute.start, dispute.end)  # the window's article shows where it is
        can_review = self.doc is not None and not self.open and self.doc.status != "reviewed"
        self.review_button.setEnabled(can_review and not self.session.read_only)

    def _window(self, dispute: service.Dispute) -> tuple[int, int]:
        assert self.doc is not None
        return max(0, dispute.start - CONTEXT), min(len(self.doc.text), dispute.end + CONTEXT)

    def _context_html(self, dispute: service.Dispute) -> str:
        first, last = self._window(dispute)
        text = self.doc.text
        return (html.escape(text[first:dispute.start]) + "<span style='background:#ffe08a; font-weight:bold'>"
                + html.escape(text[dispute.start:dispute.end]) + "</span>" + html.escape(text[dispute.end:last]))

    def _fill_rows(self, dispute: service.Dispute) -> None:
        versions = dispute.versions
        self.table.setRowCount(len(versions))
        for row, (annotator, version) in enumerate(versions.items()):
            colour = QColor(ROW_COLOURS[row % len(ROW_COLOURS)])
            for column, text in ((0, str(row + 1) if row < 9 else ""), (1, annotator)):
                item = QTableWidgetItem(text)
                item.setBackground(colour)
                item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(row, column, item)
            label = QLabel(self._version_html(dispute, version))
            label.setTextFormat(Qt.RichText)
            label.setWordWrap(True)
            label.setStyleSheet(f"background: {colour.name()}; padding: 4px;")
            self.table.setCellWidget(row, 2, label)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()

    def _version_html(self, dispute: service.Dispute, version: dict) -> str:
        if dispute.kind == "value":
            if not version:
                return self.tr("（没有数据行）")
            parts = [f"{name} <b>{html.escape(str(version.get(key) if version.get(key) is not None else '—'))}</b>"
                     for key, name in (("value", self.tr("数值")), ("unit", self.tr("单位")), ("qualifier", self.tr("限定")))]
            return " · ".join(parts)
        spans = version.get("spans", [])
        if not spans:
            return self.tr("（未标注）")
        first, last = self._window(dispute)
        marks = [None] * (last - first)
        for span in spans:
            for i in range(max(span["start"], first), min(span["end"], last)):
                marks[i - first] = span["label"]
        pieces, text = [], self.doc.text
        for i, mark in enumerate(marks):
            ch = html.escape(text[first + i])
            pieces.append(f"<span style='background:{self.colours.get(mark, '#ddd')}'>{ch}</span>" if mark else ch)
        names = "；".join(f"{html.escape(self.titles.get(s['label'], s['label']))}：{html.escape(s['text'])}"
                         + self._fact_text(s) for s in spans)
        return "".join(pieces) + f"<br><span style='color:#555'>{names}</span>"

    def _fact_text(self, span: dict) -> str:
        fact = span.get("fact") or {}
        if "value" in fact:
            parts = (fact.get("value"), fact.get("unit"), fact.get("qualifier"))
            words = " ".join(str(w) for w in parts if w not in (None, ""))
            return html.escape(f"（{words}）")
        return ""

    # -- deciding ---------------------------------------------------------------------------------

    def take(self, row: int) -> bool:
        """Take the version on row (0-based)."""
        dispute = self.current()
        if dispute is None or not 0 <= row < len(dispute.annotators):
            return False
        return self._apply(service.take_version(self.project, dispute, dispute.annotators[row]))

    def reject_all(self) -> bool:
        dispute = self.current()
        return dispute is not None and self._apply(service.reject_versions(dispute))

    def _apply(self, edit) -> bool:
        if not self.session.apply(edit):
            return False
        if not self.open and self.doc is not None:
            self.document_finished.emit(self.doc.id)
        return True

    def step(self, delta: int) -> None:
        if self.open:
            self.position = (self.position + delta) % len(self.open)
            self._show()

    def mark_reviewed(self) -> bool:
        if self.doc is None or self.open:
            return False
        return self.session.apply(service.review_edit(self.project, self.doc.id))

    def next_document(self) -> None:
        ids = service.documents_with_disputes(self.project)
        if not ids:
            return
        after = [i for i in ids if self.doc is None or i > self.doc.id]
        target = (after or ids)[0]
        parent = self.parent()
        if parent is not None and hasattr(parent, "show_document"):
            parent.show_document(target)
        self.set_document(target)

    def _on_changed(self, tables: frozenset) -> None:
        if self.doc is not None and tables & {"disputes", "documents", "spans", "figures"}:
            self.doc = self.project.document(self.doc.id)
            self.reload()

    # -- keys -------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        plain = not event.modifiers() & ~Qt.ShiftModifier if isinstance(event, QKeyEvent) else False
        if event.type() == QEvent.ShortcutOverride and plain and event.key() in OWN_KEYS:
            event.accept()  # the window's label keys 1-9 must not fire while adjudicating
            return True
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab):
            self.step(-1 if event.key() == Qt.Key_Backtab or event.modifiers() & Qt.ShiftModifier else 1)
            return True  # Tab steps through disputes, not through the buttons
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key_0, Qt.Key_Delete, Qt.Key_Backspace):
            self.reject_all()
        elif key in DIGITS:
            self.take(DIGITS[key] - 1)
        else:
            super().keyPressEvent(event)
