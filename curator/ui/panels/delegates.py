"""Cell editors for the fact tables (a number field, unit/qualifier/place suggestions, the initiative picker),
and the two-line painter of the 建议 list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from curator.ui.panels.fact_model import FactTableModel
from curator.ui.panels.span_model import COLOR_ROLE, CONTEXT_ROLE
from curator.ui.panels.values import QUALIFIER_CHOICES, UNIT_CHOICES


def _source(index: QModelIndex | QPersistentModelIndex) -> tuple[FactTableModel, QModelIndex]:
    model = index.model()
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = index.model()
    assert isinstance(model, FactTableModel)
    return model, index


class FactCellDelegate(QStyledItemDelegate):
    """Chooses an editor by column kind; the model validates and saves."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        model, source = _source(index)
        kind = model.columns[source.column()].kind
        if kind == "number":
            editor = QLineEdit(parent)
            editor.setPlaceholderText(self.tr("数字，如 30000、1.6、30万"))
            editor.setToolTip(self.tr("可填 30000、12,500、1.6、30万、1.2亿。只保存数值：与数字一起写的单位或“超”“约”"
                                      "（如 30万人）不会保存，请在“单位”“限定”列填写。"))
            return editor
        if kind in ("unit", "qualifier", "place"):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            choices = {"unit": UNIT_CHOICES, "qualifier": QUALIFIER_CHOICES}.get(kind) or model.place_choices()
            combo.addItems(list(choices))
            return combo
        if kind == "initiative":
            combo = QComboBox(parent)
            combo.addItem(self.tr("（无）"), None)
            for initiative_id, name in model.initiative_choices():
                combo.addItem(name or f"#{initiative_id}", initiative_id)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and not editor.isEditable():
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and not editor.isEditable():
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class SuggestionDelegate(QStyledItemDelegate):
    """A suggestion on two lines: its text in bold with its reading, then its sentence with the text marked."""

    MARK_ALPHA = 110

    def __init__(self, detail_column: int, parent=None) -> None:
        super().__init__(parent)
        self.detail_column = detail_column

    @staticmethod
    def row_height(metrics: QFontMetrics) -> int:
        return 2 * metrics.lineSpacing() + 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(super().sizeHint(option, index).width(), self.row_height(option.fontMetrics))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = background.widget.style() if background.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, background.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        strong = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        quiet = strong if selected else QColor("#6b6b6b")
        plain, bold = QFont(option.font), QFont(option.font)
        bold.setBold(True)
        rect = option.rect.adjusted(6, 4, -6, -4)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        self._paint_first_line(painter, QRect(rect.left(), rect.top(), rect.width(), line), index,
                               fonts=(plain, bold), colours=(strong, quiet))
        colour = index.data(COLOR_ROLE)
        mark = QColor(colour) if isinstance(colour, QColor) and not selected else None
        if mark is not None:
            mark.setAlpha(self.MARK_ALPHA)
        context = index.data(CONTEXT_ROLE) or ("", index.data() or "", "")
        self._paint_context(painter, QRect(rect.left(), rect.top() + line, rect.width(), line), context,
                            fonts=(plain, bold), colours=(strong, quiet), mark=mark)
        painter.restore()

    def _paint_first_line(self, painter: QPainter, rect: QRect, index, *, fonts, colours) -> None:
        plain, bold = fonts
        strong, quiet = colours
        bold_metrics = QFontMetrics(bold)
        text = bold_metrics.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(bold)
        painter.setPen(strong)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        used = bold_metrics.horizontalAdvance(text) + 14
        detail = index.siblingAtColumn(self.detail_column).data() or ""
        if detail and used < rect.width():
            room = rect.adjusted(used, 0, 0, 0)
            painter.setFont(plain)
            painter.setPen(quiet)
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(plain).elidedText(detail, Qt.TextElideMode.ElideRight, room.width()))

    def _paint_context(self, painter: QPainter, rect: QRect, context: tuple[str, str, str], *, fonts, colours,
                       mark: QColor | None) -> None:
        """before | marked | after on one line: the marked text stays whole, the sides are elided toward the edges."""
        plain, bold = fonts
        strong, quiet = colours
        metrics, bold_metrics = QFontMetrics(plain), QFontMetrics(bold)
        before, marked, after = context
        marked_text = bold_metrics.elidedText(marked, Qt.TextElideMode.ElideRight, rect.width())
        marked_width = bold_metrics.horizontalAdvance(marked_text)
        left_room = min(metrics.horizontalAdvance(before), max(0, (rect.width() - marked_width) // 2))
        if not after:
            left_room = min(metrics.horizontalAdvance(before), rect.width() - marked_width)
        align = Qt.AlignmentFlag.AlignVCenter
        left = QRect(rect.left(), rect.top(), left_room, rect.height())
        painter.setFont(plain)
        painter.setPen(quiet)
        painter.drawText(left, align | Qt.AlignmentFlag.AlignRight,
                         metrics.elidedText(before, Qt.TextElideMode.ElideLeft, left_room))
        middle = QRect(left.right() + 1, rect.top(), marked_width, rect.height())
        if mark is not None:
            painter.fillRect(middle.adjusted(-1, 1, 1, -1), mark)
        painter.setFont(bold)
        painter.setPen(strong)
        painter.drawText(middle, align | Qt.AlignmentFlag.AlignLeft, marked_text)
        right = QRect(middle.right() + 1, rect.top(), max(0, rect.right() - middle.right()), rect.height())
        painter.setFont(plain)
        painter.setPen(quiet)
        painter.drawText(right, align | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(after, Qt.TextElideMode.ElideRight, right.width()))
