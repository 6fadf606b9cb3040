"""Tagging in the real window: keyboard selection, hotkeys, the label bar, snapping, delete, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE.replace("\r\n", "\n")


@pytest.fixture
def astral(window, qtbot):
    window.show_document(ASTRAL_DOC)
    assert window.article.toPlainText() == TEXT
    return window


def test_hotkey_tags_the_keyboard_selection_after_astral_characters(astral, qtbot, project_path):
    start = TEXT.index("格尔木市", 12)  # in the second line, after 𠮷 and 😀
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 4)
    qtbot.keyClick(astral.article, Qt.Key_3)  # 地点
    assert rows(project_path, "SELECT start, end, label, text, origin FROM spans WHERE doc_id = ?", [ASTRAL_DOC]) == [
        (start, start + 4, "place", "格尔木市", "manual")]
    assert [s.text for s in astral.article.spans()] == ["格尔木市"]


def test_initiative_hotkey_creates_span_and_fact_row(astral, qtbot, project_path):
    start = TEXT.index("光盘行动")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 4)
    qtbot.keyClick(astral.article, Qt.Key_1)
    (span_id, s, e), = rows(project_path, "SELECT id, start, end FROM spans WHERE label = 'initiative'")
    assert (s, e) == (start, start + 4)
    assert rows(project_path, "SELECT name, span_ids, doc_id FROM initiatives") == [("光盘行动", f"[{span_id}]", ASTRAL_DOC)]
    # the new row is selected in the 举措 tab
    assert astral.tabs.currentWidget() is astral.panels.initiatives


def test_label_bar_button_tags_a_figure_with_its_value(astral, qtbot, project_path):
    start = TEXT.index("3万人")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 3)
    qtbot.mouseClick(astral.label_bar.buttons["figure"], Qt.LeftButton)
    assert rows(project_path, "SELECT value, unit FROM figures") == [(30000.0, "人")]
    assert rows(project_path, "SELECT text FROM spans") == [("3万人",)]


def test_tagging_a_todo_document_marks_it_in_progress_in_the_same_undo_step(astral, qtbot, project_path):
    start = TEXT.index("志愿者")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 3)
    qtbot.keyClick(astral.article, Qt.Key_5)
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("in_progress",)]
    qtbot.keyClick(astral, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT status FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("todo",)]
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]


def test_undo_and_redo_with_the_keyboard_and_the_edit_menu_names_the_action(astral, qtbot, project_path):
    start = TEXT.index("光盘行动")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 4)
    qtbot.keyClick(astral.article, Qt.Key_1)
    assert "举措" in astral.actions["undo"].text()
    qtbot.keyClick(astral.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]
    assert rows(project_path, "SELECT COUNT(*) FROM initiatives") == [(0,)]
    qtbot.waitUntil(lambda: astral.article.spans() == [])  # the view re-reads the store after the event
    qtbot.keyClick(astral.article, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert rows(project_path, "SELECT text FROM spans") == [("光盘行动",)]
    qtbot.keyClick(astral.article, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(astral.article, Qt.Key_Y, Qt.ControlModifier)
    assert rows(project_path, "SELECT name FROM initiatives") == [("光盘行动",)]
    qtbot.waitUntil(lambda: [s.text for s in astral.article.spans()] == ["光盘行动"])


def test_snapping_to_quotes_widens_the_selection(astral, qtbot, project_path):
    qtbot.keyClick(astral, Qt.Key_Apostrophe, Qt.ControlModifier)  # toggle quote snapping on (Ctrl+')
    assert astral.actions["snap_quotes"].isChecked()
    start = TEXT.index("交通")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 2)
    qtbot.keyClick(astral.article, Qt.Key_1)
    assert rows(project_path, "SELECT text FROM spans") == [("“文明交通劝导”",)]


def test_snapping_to_words_uses_jieba(astral, qtbot, project_path):
    qtbot.keyClick(astral, Qt.Key_W, Qt.ControlModifier)
    start = TEXT.index("志愿服务站") + 1
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 1)  # 愿
    qtbot.keyClick(astral.article, Qt.Key_4)
    (text,), = rows(project_path, "SELECT text FROM spans")
    assert text.startswith("志愿") and len(text) >= 2


def test_escape_clears_the_selection(astral, qtbot):
    select_with_keyboard(qtbot, astral.article, TEXT, 0, 3)
    qtbot.keyClick(astral.article, Qt.Key_Escape)
    assert not astral.article.textCursor().hasSelection()


def _tag(window, qtbot, piece: str, key) -> int:
    start = TEXT.index(piece)
    select_with_keyboard(qtbot, window.article, TEXT, start, start + len(piece))
    qtbot.keyClick(window.article, key)
    return start


def test_clicking_a_span_then_delete_removes_it_and_its_fact_row(astral, qtbot, project_path):
    start = _tag(astral, qtbot, "光盘行动", Qt.Key_1)
    _tag(astral, qtbot, "格尔木市", Qt.Key_3)
    view = astral.article
    cursor = view.textCursor()
    cursor.setPosition(len(TEXT[: start + 2].encode("utf-16-le")) // 2)
    rect = view.cursorRect(cursor)
    with qtbot.waitSignal(view.span_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    (span_id,), = rows(project_path, "SELECT id FROM spans WHERE label = 'initiative'")
    assert clicked.args == [span_id]
    qtbot.keyClick(view, Qt.Key_Delete)
    assert rows(project_path, "SELECT label FROM spans") == [("place",)]
    assert rows(project_path, "SELECT COUNT(*) FROM initiatives") == [(0,)]
    assert [s.label for s in view.spans()] == ["place"]


def test_delete_asks_first_when_a_citing_fact_row_was_edited(astral, qtbot, project_path, monkeypatch):
    from curator.core.edits import set_cell

    _tag(astral, qtbot, "光盘行动", Qt.Key_1)
    project = astral.project
    row = project.facts("initiatives")[0]
    astral.session.apply(set_cell("initiatives", row, "category", "文明餐桌"))
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    start = TEXT.index("光盘行动")
    select_with_keyboard(qtbot, astral.article, TEXT, start, start + 4)  # the exact span is selected
    answers.append(QMessageBox.No)
    qtbot.keyClick(astral.article, Qt.Key_Delete)
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(1,)]
    answers.append(QMessageBox.Yes)
    qtbot.keyClick(astral.article, Qt.Key_Delete)
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]
    assert rows(project_path, "SELECT COUNT(*) FROM initiatives") == [(0,)]


def test_read_only_project_warns_and_saves_nothing(qtbot, project_path):
    import subprocess
    import sys

    from curator.store import Project
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    holder = subprocess.Popen(  # another running curator has the project open
        [sys.executable, "-c", "import sys; from curator.store import Project; p = Project.open(sys.argv[1]);"
         " print('open', flush=True); sys.stdin.read()", str(project_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        project = Project.open(project_path)
        assert project.read_only and project.locked_by is not None
        win = MainWindow(Session(project))
        qtbot.addWidget(win)
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
        assert win.read_only_bar.isVisible()
        assert "只读" in win.windowTitle()
        assert "只读" in win.lock_label.text()
        win.show_document(ASTRAL_DOC)
        select_with_keyboard(qtbot, win.article, TEXT, 0, 2)
        qtbot.keyClick(win.article, Qt.Key_3)
        assert "只读" in win.statusBar().currentMessage()
        assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]
        win.close()
        project.close()
    finally:
        holder.communicate("")
