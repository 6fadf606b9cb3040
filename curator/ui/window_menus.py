"""The main window's menus, actions and toolbar: every action has a name (window.actions[name]),
and its keys come from the one keyboard table (curator.ui.shortcuts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from curator.core.model import STATUSES
from curator.ui import file_actions
from curator.ui.shortcuts import ShortcutSheet, sequences
from curator.ui.texts import status_title

# actions whose keys come from curator.ui.shortcuts.KEYS
KEYED = {
    "next_document", "previous_document", "find", "delete_span", "clear_selection", "done_and_next",
    "accept_suggestion", "accept_all_label",
    "status_todo", "status_in_progress", "status_done", "status_reviewed", "snap_words", "snap_quotes",
    "open_project", "new_project", "import_files", "paste_article", "export", "shortcut_sheet", "quit",
}


def build(window) -> None:
    """The menu bar (文件, 编辑, 文章, 设置, 团队, 帮助) and the toolbar of window."""
    window.actions = {}
    menu = window.menuBar()
    file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
    add_action(window, file_menu, "new_project", QCoreApplication.translate("MainWindow", "新建项目…"), lambda: file_actions.new_project(window))
    add_action(window, file_menu, "open_project", QCoreApplication.translate("MainWindow", "打开项目…"), lambda: file_actions.open_project(window))
    window.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "最近的项目"))
    window.recent_menu.aboutToShow.connect(lambda: file_actions.fill_recent_menu(window, window.recent_menu))
    file_menu.addSeparator()
    add_action(window, file_menu, "import_files", QCoreApplication.translate("MainWindow", "导入文件或文件夹…"), lambda: file_actions.import_files(window))
    add_action(window, file_menu, "paste_article", QCoreApplication.translate("MainWindow", "粘贴为新文章…"), lambda: file_actions.paste_article(window))
    add_action(window, file_menu, "export", QCoreApplication.translate("MainWindow", "导出…"), lambda: file_actions.export(window))
    add_action(window, file_menu, "import_corrections", QCoreApplication.translate("MainWindow", "导入修改（Excel）…"), lambda: file_actions.import_corrections(window))
    file_menu.addSeparator()
    add_action(window, file_menu, "quit", QCoreApplication.translate("MainWindow", "退出"), window.close)

    edit_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
    undo = window.session.undo_stack.createUndoAction(window, QCoreApplication.translate("MainWindow", "撤销"))
    redo = window.session.undo_stack.createRedoAction(window, QCoreApplication.translate("MainWindow", "重做"))
    undo.setShortcuts(sequences("undo"))
    redo.setShortcuts(sequences("redo"))
    window.actions.update(undo=undo, redo=redo)
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    add_action(window, edit_menu, "delete_span", QCoreApplication.translate("MainWindow", "删除标注 / 拒绝建议"), window._delete_span, widget=window.article)
    add_action(window, edit_menu, "accept_suggestion", QCoreApplication.translate("MainWindow", "接受建议"), window.annotator.accept_suggestion, widget=window.article)
    add_action(window, edit_menu, "accept_all_label", QCoreApplication.translate("MainWindow", "接受本篇同类建议"), window.annotator.accept_all_like_caret,
              widget=window.article)
    add_action(window, edit_menu, "clear_selection", QCoreApplication.translate("MainWindow", "取消选择"), window.article.clear_selection, widget=window.article)
    add_action(window, edit_menu, "find", QCoreApplication.translate("MainWindow", "搜索…"), window._focus_search)
    edit_menu.addSeparator()
    for label in window.project.labels():
        action = QAction(f"{label.title}", window)
        if label.hotkey:
            action.setShortcut(QKeySequence(label.hotkey))
        action.triggered.connect(lambda _=False, name=label.name: window._tag(name))
        edit_menu.addAction(action)
        window.addAction(action)
        window.actions[f"label_{label.name}"] = action

    doc_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "文章(&D)"))
    add_action(window, doc_menu, "next_document", QCoreApplication.translate("MainWindow", "下一篇"), lambda: window._step(1))
    add_action(window, doc_menu, "previous_document", QCoreApplication.translate("MainWindow", "上一篇"), lambda: window._step(-1))
    add_action(window, doc_menu, "done_and_next", QCoreApplication.translate("MainWindow", "完成并打开下一篇"), window._done_and_next)
    doc_menu.addSeparator()
    window.status_group = QActionGroup(window)
    for status in STATUSES:
        action = add_action(window, doc_menu, f"status_{status}", status_title(status),
                           lambda _=False, s=status: window.annotator.set_status(s))
        action.setCheckable(True)
        window.status_group.addAction(action)

    view_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "设置(&S)"))
    words = add_action(window, view_menu, "snap_words", QCoreApplication.translate("MainWindow", "对齐到词语"), window._toggle_snap)
    quotes = add_action(window, view_menu, "snap_quotes", QCoreApplication.translate("MainWindow", "扩展到引号、书名号"), window._toggle_snap)
    spread = add_action(window, view_menu, "spread", QCoreApplication.translate("MainWindow", "推广到所有相同文字"), window._toggle_snap)
    spread.setToolTip(QCoreApplication.translate("MainWindow", "标注举措、地点、机构、人物后，把项目中每处相同文字列为建议"))
    for action, name in ((words, "snap_words"), (quotes, "snap_quotes"), (spread, "spread")):
        action.setCheckable(True)
        action.setChecked(window.settings.flag(name, default=name == "spread"))
    window._toggle_snap()
    view_menu.addSeparator()
    add_action(window, view_menu, "annotator_name", QCoreApplication.translate("MainWindow", "标注人…"), window.change_annotator)
    language = view_menu.addMenu(QCoreApplication.translate("MainWindow", "界面语言"))
    file_actions.fill_language_menu(window, language)

    from curator.ui import team_dialogs  # the 团队 menu: split, merge, agreement, adjudication
    team_dialogs.install(window)

    help_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
    add_action(window, help_menu, "shortcut_sheet", QCoreApplication.translate("MainWindow", "快捷键"), lambda: ShortcutSheet(window).exec())

    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "工具栏"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for status in STATUSES:
        toolbar.addAction(window.actions[f"status_{status}"])
    toolbar.addAction(window.actions["done_and_next"])
    toolbar.addSeparator()
    toolbar.addActions([words, quotes])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    window.addToolBar(toolbar)
    window.toolbar = toolbar



def add_action(window, menu, name: str, text: str, slot, *, widget: QWidget | None = None) -> QAction:
    """An action in menu, with its keys; bound to widget only (e.g. the article) when given."""
    action = QAction(text, widget or window)
    keys = sequences(name) if name in KEYED else []
    if keys:
        action.setShortcuts(keys)
    if widget is not None:
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        widget.addAction(action)
    else:
        window.addAction(action)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.actions[name] = action
    return action
