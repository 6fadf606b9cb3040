"""Issue 11 item 11: who annotated. Asked at first start, changeable under 设置 → 标注人…, stamped on
every span and hand edit made in the window, shown in the 标注 tab; a work package's annotator wins."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


def type_text(widget, text: str) -> None:
    """Type text as key events carrying it (QTest's keyClicks only knows Latin-1 keys; an input method sends text)."""
    target = widget
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is not None and widget.isAncestorOf(focused):  # a cell editor opened on the first key
            target = focused


def _answer(qtbot, window, name: str) -> None:
    """Type name into the open 标注人 dialog and press Enter, as a user would."""
    qtbot.waitUntil(lambda: window.findChild(QInputDialog, "annotatorDialog") is not None)
    dialog = window.findChild(QInputDialog, "annotatorDialog")
    qtbot.waitUntil(dialog.isVisible)
    line = dialog.findChild(QLineEdit)
    line.setFocus()
    line.selectAll()
    type_text(line, name)
    qtbot.keyClick(line, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # the window's keys work again once the dialog is gone
    qtbot.waitUntil(window.isActiveWindow)


def _tag(qtbot, window, text: str, key) -> None:
    start = TEXT.index(text)
    select_with_keyboard(qtbot, window.article, TEXT, start, start + len(text))
    qtbot.keyClick(window.article, key)


def test_first_start_asks_a_name_and_every_span_and_cell_edit_carries_it(window, qtbot, project_path):
    window.ask_annotator_if_unknown()
    _answer(qtbot, window, "李四")
    assert window.settings.annotator() == "李四"
    window.show_document(ASTRAL_DOC)
    _tag(qtbot, window, "3万人", Qt.Key_2)
    assert rows(project_path, "SELECT text, annotator FROM spans WHERE origin = 'manual'") == [("3万人", "李四")]
    # a hand edit of the fact row records who made it
    window.tabs.setCurrentWidget(window.panels.figures)
    view = window.panels.figures.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key_F2)  # edit the 指标 cell
    (editor,) = [w for w in view.viewport().findChildren(QWidget) if w.parent() is view.viewport() and w.isVisible()]
    editor.selectAll()
    type_text(editor, "志愿人数")
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert rows(project_path, "SELECT indicator, edited, edited_by FROM figures") == [("志愿人数", 1, "李四")]
    # the 标注 tab shows it
    window.tabs.setCurrentWidget(window.panels.spans)
    model = window.panels.spans.view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, headers.index("标注人")).data() == "李四"


def test_the_name_is_asked_once_and_changed_under_settings(window, qtbot, project_path):
    window.settings.set_annotator("王五")
    window.ask_annotator_if_unknown()
    assert window.findChild(QInputDialog, "annotatorDialog") is None  # known: not asked again
    window.actions["annotator_name"].trigger()
    _answer(qtbot, window, "赵六")
    window.show_document(ASTRAL_DOC)
    _tag(qtbot, window, "格尔木市", Qt.Key_3)
    assert rows(project_path, "SELECT annotator FROM spans WHERE origin = 'manual'") == [("赵六",)]


def test_a_work_package_stamps_its_annotator_whoever_opens_it(qtbot, project_path):
    from curator.store import Project
    from curator.store.project import PACKAGE_ANNOTATOR
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    with Project.open(project_path) as project:
        project.set_meta(PACKAGE_ANNOTATOR, "包主")
    project = Project.open(project_path)
    win = MainWindow(Session(project))
    qtbot.addWidget(win)
    try:
        win.settings.set_annotator("别人")
        win.session.set_annotator("别人")
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
        win.ask_annotator_if_unknown()
        assert win.findChild(QInputDialog, "annotatorDialog") is None
        win.show_document(ASTRAL_DOC)
        _tag(qtbot, win, "3万人", Qt.Key_2)
        assert rows(project_path, "SELECT annotator FROM spans WHERE origin = 'manual'") == [("包主",)]
    finally:
        win.close()
        project.close()
