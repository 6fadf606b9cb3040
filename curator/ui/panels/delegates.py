"""Cell editors for the fact tables: a number field, unit/qualifier/place suggestions, the initiative picker."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from curator.ui.panels.fact_model import FactTableModel
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
