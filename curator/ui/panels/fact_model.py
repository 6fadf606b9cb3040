"""A Qt table model over one fact table (举措 or 数据) of one document: a thin adapter over the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from curator.services.annotating import edit_cell
from curator.store import ProjectError
from curator.ui.panels.common import SORT_ROLE
from curator.ui.panels.values import InvalidValue, edit_text, format_value, parse_value
from curator.ui.session import Session

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2
EDITED_TINT = QColor("#fff8e1")  # a pale wash: "a person changed this row"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"  # text | number | unit | qualifier | place | initiative

    def header(self) -> str:
        return QCoreApplication.translate("FactTableModel", self.title)


COLUMNS: dict[str, tuple[Column, ...]] = {
    "figures": (
        Column("indicator", QT_TRANSLATE_NOOP("FactTableModel", "指标")),
        Column("value", QT_TRANSLATE_NOOP("FactTableModel", "数值"), "number"),
        Column("unit", QT_TRANSLATE_NOOP("FactTableModel", "单位"), "unit"),
        Column("qualifier", QT_TRANSLATE_NOOP("FactTableModel", "限定"), "qualifier"),
        Column("place", QT_TRANSLATE_NOOP("FactTableModel", "地点"), "place"),
        Column("as_of", QT_TRANSLATE_NOOP("FactTableModel", "时间")),
        Column("initiative_id", QT_TRANSLATE_NOOP("FactTableModel", "关联举措"), "initiative"),
    ),
    "initiatives": (
        Column("name", QT_TRANSLATE_NOOP("FactTableModel", "名称")),
        Column("category", QT_TRANSLATE_NOOP("FactTableModel", "类别")),
        Column("place", QT_TRANSLATE_NOOP("FactTableModel", "地点"), "place"),
        Column("organisation", QT_TRANSLATE_NOOP("FactTableModel", "机构")),
        Column("note", QT_TRANSLATE_NOOP("FactTableModel", "备注")),
    ),
}


class FactTableModel(QAbstractTableModel):
    """Rows of `table` for the current document; setData turns a cell edit into an undoable Edit."""

    refused = Signal(str)  # a message for the user: the edit was not saved

    def __init__(self, session: Session, table: str, parent=None) -> None:
        super().__init__(parent)
        if table not in COLUMNS:
            raise ValueError(f"{table!r} is not a fact table")
        self.session = session
        self.table = table
        self.columns = COLUMNS[table]
        self.doc_id: int | None = None
        self._rows: list[dict[str, Any]] = []
        self._initiative_names: dict[int, str] = {}

    # -- what the panel watches -----------------------------------------------------------

    @property
    def watched_tables(self) -> frozenset[str]:
        return frozenset({"figures", "initiatives"}) if self.table == "figures" else frozenset({"initiatives"})

    def set_document(self, doc_id: int | None) -> None:
        self.beginResetModel()
        self.doc_id = doc_id
        self._rows, self._initiative_names = self._load()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the rows; same rows in the same order -> dataChanged only, so selection and scroll stay."""
        rows, names = self._load()
        if [r["id"] for r in rows] != [r["id"] for r in self._rows]:
            self.beginResetModel()
            self._rows, self._initiative_names = rows, names
            self.endResetModel()
            return
        names_changed = names != self._initiative_names
        old = self._rows
        self._rows, self._initiative_names = rows, names
        last = len(self.columns) - 1
        for number, (before, after) in enumerate(zip(old, rows)):
            if before != after or names_changed:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, number, number)

    def _load(self) -> tuple[list[dict[str, Any]], dict[int, str]]:
        if self.doc_id is None:
            return [], {}
        project = self.session.project
        rows = project.facts(self.table, doc_id=self.doc_id)
        if self.table == "figures":
            names = {r["id"]: r["name"] for r in project.facts("initiatives", doc_id=self.doc_id)}
        else:
            names = {}
        return rows, names

    # -- reading --------------------------------------------------------------------------

    def row_at(self, number: int) -> dict[str, Any]:
        return self._rows[number]

    def rows_citing(self, span_id: int) -> list[int]:
        return [n for n, row in enumerate(self._rows) if span_id in (row.get("span_ids") or [])]

    def initiative_choices(self) -> list[tuple[int, str]]:
        return sorted(self._initiative_names.items())

    def place_choices(self) -> list[str]:
        if self.doc_id is None:
            return []
        seen = dict.fromkeys(s.text for s in self.session.project.spans(self.doc_id) if s.label == "place")
        return list(seen)

    def evidence(self, number: int) -> tuple[int, int] | None:
        """Code-point (start, end) of the row's first evidence span in the current document."""
        for span_id in self._rows[number].get("span_ids") or []:
            try:
                span = self.session.project.span(span_id)
            except ProjectError:
                continue
            if span.doc_id == self.doc_id:
                return span.start, span.end
        return None

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header()
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].kind == "number":
                return QCoreApplication.translate("FactTableModel", "数值：可填 30000、12,500、30万、1.2亿；只保存数值，单位在“单位”列")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "✎" if self._rows[section].get("edited") else ""
        if role == Qt.ItemDataRole.ToolTipRole and self._rows[section].get("edited"):
            return QCoreApplication.translate("FactTableModel", "此行已手动修改")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value = row.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return self._display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "number":
                return edit_text(value)
            return value if column.kind == "initiative" else (value or "")
        if role == SORT_ROLE:
            if column.kind == "number":
                return float("-inf") if value is None else float(value)
            return self._display(column, value)
        if role == ROW_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.get("edited"):
            return EDITED_TINT
        return None

    def _display(self, column: Column, value: Any) -> str:
        if column.kind == "number":
            return format_value(value)
        if column.kind == "initiative":
            return "" if value is None else self._initiative_names.get(value, f"#{value}")
        return "" if value is None else str(value)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        try:
            value = self._parse(column, value)
        except InvalidValue as exc:
            self.refused.emit(QCoreApplication.translate(
                "FactTableModel", "“{0}”不是数字：数值可填 30000、1.6、30万、1.2亿，未保存。").format(exc.args[0]))
            return False
        row = self._rows[index.row()]
        if row.get(column.key) == value:
            return False
        label = QCoreApplication.translate("FactTableModel", "修改 {0}").format(column.header())
        return self.session.apply(edit_cell(self.session.project, self.table, row["id"], column.key, value,
                                            annotator=self.session.annotator, label=label))

    def _parse(self, column: Column, value: Any) -> Any:
        if column.kind == "number":
            return value if isinstance(value, (int, float)) or value is None else parse_value(str(value))
        if column.kind == "initiative":
            if value in (None, "", 0):
                return None
            if int(value) not in self._initiative_names:
                raise ValueError(f"initiative {value} is not in this document")
            return int(value)
        return "" if value is None else str(value).strip()
