"""A Qt table model over the spans of one document (all of them, or only suggestions awaiting review)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from curator.core.model import Label, Span
from curator.ui.panels.common import SORT_ROLE
from curator.ui.panels.readings import Paragraphs, context_of, reading_of, score_of
from curator.ui.session import Session

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 3
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 4  # (before, text, after) in the span's sentence
COLOR_ROLE = Qt.ItemDataRole.UserRole + 5  # the label's colour, on every column
ORIGIN_TITLES = {
    "manual": QT_TRANSLATE_NOOP("SpanTableModel", "手动"),
    "suggested": QT_TRANSLATE_NOOP("SpanTableModel", "建议"),
    "propagated": QT_TRANSLATE_NOOP("SpanTableModel", "传播"),
}


@dataclass(frozen=True)
class SpanColumn:
    key: str  # label | text | position | origin | annotator | detail | paragraph | score
    title: str

    def header(self) -> str:
        return QCoreApplication.translate("SpanTableModel", self.title)


SPAN_COLUMNS = (
    SpanColumn("label", QT_TRANSLATE_NOOP("SpanTableModel", "标签")),
    SpanColumn("text", QT_TRANSLATE_NOOP("SpanTableModel", "文本")),
    SpanColumn("position", QT_TRANSLATE_NOOP("SpanTableModel", "位置")),
    SpanColumn("origin", QT_TRANSLATE_NOOP("SpanTableModel", "来源")),
    SpanColumn("annotator", QT_TRANSLATE_NOOP("SpanTableModel", "标注人")),
)
SUGGESTION_COLUMNS = (
    SpanColumn("label", QT_TRANSLATE_NOOP("SpanTableModel", "标签")),
    SpanColumn("text", QT_TRANSLATE_NOOP("SpanTableModel", "建议")),
    SpanColumn("detail", QT_TRANSLATE_NOOP("SpanTableModel", "解读")),
    SpanColumn("paragraph", QT_TRANSLATE_NOOP("SpanTableModel", "位置")),
    SpanColumn("score", QT_TRANSLATE_NOOP("SpanTableModel", "分数")),
)


def review_order(span: Span, label_position: int) -> tuple:
    """The 建议 list's order: by label, the surest first (a rule's suggestion counts as 1.0), then by position."""
    score = score_of(span)
    return label_position, -(1.0 if score is None else score), span.start, span.end, span.id


class SpanTableModel(QAbstractTableModel):
    """Read-only rows, one per span; refresh() keeps the rows in place when only their content changed."""

    watched_tables = frozenset({"spans", "labels"})

    def __init__(self, session: Session, *, suggested_only: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.suggested_only = suggested_only
        self.columns = SUGGESTION_COLUMNS if suggested_only else SPAN_COLUMNS
        self.doc_id: int | None = None
        self._spans: list[Span] = []
        self._text = ""
        self._paragraphs = Paragraphs("")
        self._labels: dict[str, Label] = {}
        self._positions: dict[str, int] = {}
        self._colors: dict[str, QColor] = {}

    def set_document(self, doc_id: int | None) -> None:
        self.beginResetModel()
        self.doc_id = doc_id
        self._load_labels()
        self._spans = self._load()
        self.endResetModel()

    def refresh(self) -> None:
        self._load_labels()
        spans = self._load()
        if [s.id for s in spans] != [s.id for s in self._spans]:
            self.beginResetModel()
            self._spans = spans
            self.endResetModel()
            return
        old, self._spans = self._spans, spans
        last = len(self.columns) - 1
        for number, (before, after) in enumerate(zip(old, spans)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def _load(self) -> list[Span]:
        if self.doc_id is None:
            self._text, self._paragraphs = "", Paragraphs("")
            return []
        if self.suggested_only:
            text = self.session.project.document(self.doc_id).text
            if text != self._text:
                self._text, self._paragraphs = text, Paragraphs(text)
        spans = self.session.project.spans(self.doc_id, origin="suggested" if self.suggested_only else None)
        if self.suggested_only:  # ordered here: a proxy sort of 5,000 rows costs ~0.4 s of data() calls
            last = len(self._positions)
            spans.sort(key=lambda s: review_order(s, self._positions.get(s.label, last)))
        return spans

    def _load_labels(self) -> None:
        labels = self.session.project.labels()
        self._labels = {label.name: label for label in labels}
        self._positions = {label.name: n for n, label in enumerate(labels)}
        self._colors = {label.name: QColor(label.color) for label in labels}

    # -- reading --------------------------------------------------------------------------

    def span_at(self, number: int) -> Span:
        return self._spans[number]

    def spans(self) -> list[Span]:
        return list(self._spans)

    def row_of(self, span_id: int) -> int | None:
        for number, span in enumerate(self._spans):
            if span.id == span_id:
                return number
        return None

    def label_title(self, name: str) -> str:
        label = self._labels.get(name)
        return label.title if label else name

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(span, key)
        if role == SORT_ROLE:
            if key == "label":
                return (self._positions.get(span.label, len(self._positions)) * 10_000_000) + span.start
            if key in ("position", "paragraph"):
                return span.start
            if key == "score":
                score = score_of(span)
                return 1.0 if score is None else score
            return self._display(span, key)
        if role == SPAN_ID_ROLE:
            return span.id
        if role == CONTEXT_ROLE:
            return context_of(span, self._text)
        if role == COLOR_ROLE:
            return self._colors.get(span.label, QColor("#e0e0e0"))
        if role == Qt.ItemDataRole.DecorationRole and key == "label":
            return self._colors.get(span.label, QColor("#e0e0e0"))  # Qt paints a QColor as a swatch
        if role == Qt.ItemDataRole.ForegroundRole and span.origin == "suggested" and not self.suggested_only:
            return QColor("#7a7a7a")  # awaiting review: quieter than the annotator's own spans
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("position", "paragraph", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, span: Span, key: str) -> str:
        if key == "label":
            return self.label_title(span.label)
        if key == "text":
            return span.text.replace("\n", " ")
        if key == "position":
            return f"{span.start}–{span.end}"
        if key == "origin":
            title = ORIGIN_TITLES.get(span.origin)
            return QCoreApplication.translate("SpanTableModel", title) if title else span.origin
        if key == "detail":
            return reading_of(span, self._text)
        if key == "annotator":
            return span.annotator or ""
        if key == "paragraph":
            return self._paragraphs.title(span.start)
        if key == "score":
            score = score_of(span)
            return "" if score is None else f"{score:.2f}"
        return ""

    def _tooltip(self, span: Span, key: str) -> str:
        if key == "text" and self._text:
            before, text, after = context_of(span, self._text)
            return f"{before}【{text}】{after}"
        if key == "text":
            return span.text
        if key == "paragraph":
            return QCoreApplication.translate("SpanTableModel", "{0}，第 {1}–{2} 字").format(
                self._paragraphs.title(span.start), span.start + 1, span.end)
        if key == "score":
            return QCoreApplication.translate("SpanTableModel", "建议的把握（0–1）；规则的建议没有分数，按 1 计")
        return self._display(span, key)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
