"""The keyboard map: one table, used to bind the actions and to show the sheet under Help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

# action name -> key sequences (the first is shown in menus)
KEYS: dict[str, tuple[str, ...]] = {
    "next_document": ("J", "PgDown"),
    "previous_document": ("K", "PgUp"),
    "find": ("Ctrl+F",),
    "delete_span": ("Delete", "Backspace"),
    "accept_suggestion": ("Return", "Enter"),
    "accept_all_label": ("Shift+Return", "Shift+Enter"),
    "clear_selection": ("Esc",),
    "done_and_next": ("Ctrl+Return", "Ctrl+Enter"),
    "status_todo": ("Ctrl+1",),
    "status_in_progress": ("Ctrl+2",),
    "status_done": ("Ctrl+3",),
    "status_reviewed": ("Ctrl+4",),
    "snap_words": ("Ctrl+W",),
    "snap_quotes": ("Ctrl+'",),
    "undo": ("Ctrl+Z",),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "open_project": ("Ctrl+O",),
    "new_project": ("Ctrl+N",),
    "import_files": ("Ctrl+I",),
    "paste_article": ("Ctrl+Shift+V",),
    "export": ("Ctrl+E",),
    "shortcut_sheet": ("F1",),
    "quit": ("Ctrl+Q",),  # explicit: QKeySequence.Quit is empty on Windows and under some platform themes
}


def sequences(action: str) -> list[QKeySequence]:
    return [QKeySequence(key) for key in KEYS[action]]


def _descriptions() -> list[tuple[str, str]]:
    return [
        ("1 – 7", QCoreApplication.translate("Shortcuts", "用对应标签标注所选文字（见标签栏）")),
        ("Shift+←/→, Shift+↑/↓", QCoreApplication.translate("Shortcuts", "用键盘选择文字")),
        ("Delete / Backspace", QCoreApplication.translate("Shortcuts", "删除选中的标注；在建议上：拒绝它（不再出现）")),
        ("Enter", QCoreApplication.translate("Shortcuts", "接受光标处的建议")),
        ("Shift+Enter", QCoreApplication.translate("Shortcuts", "接受本篇中与光标处建议同类的全部建议")),
        ("Esc", QCoreApplication.translate("Shortcuts", "取消选择")),
        ("J / PgDn", QCoreApplication.translate("Shortcuts", "下一篇")),
        ("K / PgUp", QCoreApplication.translate("Shortcuts", "上一篇")),
        ("Ctrl+Enter", QCoreApplication.translate("Shortcuts", "标为已完成并打开下一篇未完成的文章")),
        ("Ctrl+1 … Ctrl+4", QCoreApplication.translate("Shortcuts", "状态：待标注 / 标注中 / 已完成 / 已审核")),
        ("Ctrl+F", QCoreApplication.translate("Shortcuts", "搜索全文")),
        ("Ctrl+Z", QCoreApplication.translate("Shortcuts", "撤销")),
        ("Ctrl+Shift+Z, Ctrl+Y", QCoreApplication.translate("Shortcuts", "重做")),
        ("Ctrl+W", QCoreApplication.translate("Shortcuts", "选区对齐到词语边界（开/关）")),
        ("Ctrl+'", QCoreApplication.translate("Shortcuts", "选区扩展到引号、书名号（开/关）")),
        ("Ctrl+N / Ctrl+O", QCoreApplication.translate("Shortcuts", "新建项目 / 打开项目")),
        ("Ctrl+I", QCoreApplication.translate("Shortcuts", "导入文件")),
        ("Ctrl+Shift+V", QCoreApplication.translate("Shortcuts", "把剪贴板里的文字（网页或纯文本）粘贴为新文章")),
        ("Ctrl+E", QCoreApplication.translate("Shortcuts", "导出")),
        ("F1", QCoreApplication.translate("Shortcuts", "显示本快捷键表")),
        ("Ctrl+Q", QCoreApplication.translate("Shortcuts", "退出")),
    ]


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键"))
        rows = _descriptions()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("作用")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionMode(QTableWidget.NoSelection)
        table.setFocusPolicy(Qt.NoFocus)
        for i, (keys, what) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(what))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 560)
