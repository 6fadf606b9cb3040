"""Documents in the real window: switching, search, status, Ctrl+Enter, cell edits, what is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard


def shown_ids(window) -> list[int]:
    return window.documents.model.ids()


def test_j_k_and_page_keys_switch_documents(window, qtbot):
    assert window.current_doc == 1
    qtbot.keyClick(window.article, Qt.Key_J)
    assert window.current_doc == 2
    assert window.article.toPlainText() == window.project.document(2).text
    qtbot.keyClick(window.article, Qt.Key_PageDown)
    assert window.current_doc == 3
    qtbot.keyClick(window.article, Qt.Key_K)
    qtbot.keyClick(window.article, Qt.Key_PageUp)
    assert window.current_doc == 1
    qtbot.keyClick(window.article, Qt.Key_K)  # already the first
    assert window.current_doc == 1
    rows_selected = window.documents.view.selectionModel().selectedRows()
    assert [window.documents.model.doc_id(i.row()) for i in rows_selected] == [1]


def test_clicking_a_document_in_the_list_opens_it(window, qtbot):
    view = window.documents.view
    rect = view.visualRect(window.documents.model.index(4, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_doc == 5
    assert window.article.toPlainText() == ASTRAL_ARTICLE


def test_ctrl_f_searches_the_full_text(window, qtbot):
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    box = window.documents.search_box
    assert QApplication.focusWidget() is box
    box.insert("光盘行动")  # Chinese comes from the input method as committed text, not key presses
    qtbot.keyClick(box, Qt.Key_Return)
    expected = sorted(hit.id for hit in window.project.search("光盘行动"))
    assert 5 in expected and len(expected) < 5
    assert shown_ids(window) == expected
    box.clear()
    qtbot.keyClick(box, Qt.Key_Return)
    assert shown_ids(window) == [1, 2, 3, 4, 5]


def test_status_keys_and_the_status_filter(window, qtbot, project_path):
    qtbot.keyClick(window.article, Qt.Key_3, Qt.ControlModifier)  # 已完成
    assert rows(project_path, "SELECT status FROM documents WHERE id = 1") == [("done",)]
    assert window.actions["status_done"].isChecked()
    qtbot.keyClick(window.article, Qt.Key_4, Qt.ControlModifier)
    assert rows(project_path, "SELECT status FROM documents WHERE id = 1") == [("reviewed",)]
    qtbot.wait(200)  # the list refreshes shortly after
    assert "1 / 5" in window.progress.text()
    filter_box = window.documents.status_filter
    filter_box.setCurrentIndex(filter_box.findData("reviewed"))
    assert shown_ids(window) == [1]
    filter_box.setCurrentIndex(filter_box.findData("todo"))
    assert shown_ids(window) == [2, 3, 4, 5]
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT status FROM documents WHERE id = 1") == [("done",)]


def test_status_from_the_toolbar(window, qtbot, project_path):
    toolbar = window.toolbar
    button = toolbar.widgetForAction(window.actions["status_in_progress"])
    qtbot.mouseClick(button, Qt.LeftButton)
    assert rows(project_path, "SELECT status FROM documents WHERE id = 1") == [("in_progress",)]


def test_ctrl_enter_marks_done_and_opens_the_next_undone(window, qtbot, project_path):
    window.show_document(2)
    qtbot.keyClick(window.article, Qt.Key_3, Qt.ControlModifier)  # 2 is done already
    window.show_document(1)
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert rows(project_path, "SELECT id FROM documents WHERE status = 'done' ORDER BY id") == [(1,), (2,)]
    assert window.current_doc == 3


def test_span_counts_in_list_and_status_bar_follow_tagging(window, qtbot):
    window.show_document(5)
    start = ASTRAL_ARTICLE.index("光盘行动")
    select_with_keyboard(qtbot, window.article, ASTRAL_ARTICLE, start, start + 4)
    qtbot.keyClick(window.article, Qt.Key_1)
    qtbot.waitUntil(lambda: window.documents.model.index(4, 2).data() == 1)
    assert window.documents.model.index(4, 1).data() == "标注中"
    assert "1 个标注" in window.doc_counts.text()


def test_editing_a_fact_cell_is_saved_and_undoable(window, qtbot, project_path):
    window.show_document(5)
    start = ASTRAL_ARTICLE.index("光盘行动")
    select_with_keyboard(qtbot, window.article, ASTRAL_ARTICLE, start, start + 4)
    qtbot.keyClick(window.article, Qt.Key_1)
    panel = window.panels.initiatives
    view = panel.view
    model = view.model()
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == "类别")
    index = model.index(0, column, QModelIndex())
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.selectAll()
    editor.insert("文明餐桌")  # committed by the input method
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: rows(project_path, "SELECT category, edited FROM initiatives") == [("文明餐桌", 1)])
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT category, edited FROM initiatives") == [("", 0)]
    qtbot.keyClick(window.article, Qt.Key_Y, Qt.ControlModifier)
    assert rows(project_path, "SELECT category FROM initiatives") == [("文明餐桌",)]


def test_evidence_request_from_a_panel_scrolls_and_flashes(window, qtbot):
    window.show_document(3)
    text = window.project.document(3).text
    start = text.rindex("。") - 4
    panel = window.panels.figures
    panel.evidence_requested.emit(start, start + 4)
    selections = window.article.extraSelections()
    assert selections and selections[-1].cursor.selectedText() == text[start:start + 4]
    assert window.article.cursorRect().bottom() > 0


def test_window_remembers_geometry_splitter_and_last_document(qtbot, project_path):
    from curator.store import Project
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    with Project.open(project_path) as project:
        first = MainWindow(Session(project))
        qtbot.addWidget(first)
        first.show()
        first.resize(first.minimumSizeHint().width() + 10, 530)  # small: the offscreen screen clamps
        first.splitter.setSizes([120, 500, 300])
        first.show_document(4)
        sizes = first.splitter.sizes()
        size = first.size()
        assert size.height() == 530
        first.close()
    with Project.open(project_path) as project:
        second = MainWindow(Session(project))
        qtbot.addWidget(second)
        second.show()
        assert second.current_doc == 4
        assert second.size().height() == size.height()  # the width may grow to the panels' minimum
        assert abs(second.splitter.sizes()[0] - sizes[0]) <= 15 and sizes[0] < 200  # not the default 260
        second.close()


def test_first_start_opens_a_sample_project_made_from_the_seeds(isolated_home: Path):
    from curator.store import Project
    from curator.ui.app import project_to_open
    from curator.ui.settings import Settings

    settings = Settings()
    path = project_to_open(None, settings)
    assert isolated_home in path.parents  # the user data folder, never the real home
    with Project.open(path) as project:
        assert project.document_count() == 4
        # each with the place its text is about, as an import of the same files gives it
        assert all(project.document(d.id).place for d in project.documents())
    settings.remember_project(path)
    other = isolated_home / "other.curator"
    Project.open(other).close()
    settings.remember_project(other)
    assert project_to_open(None, settings) == other.resolve()
    assert settings.recent_projects()[:2] == [other.resolve(), path.resolve()]


def test_the_list_shows_the_first_screenful_at_once_and_every_document_right_after(qtbot, project_path, monkeypatch):
    from curator.store import Project
    from curator.ui import document_list
    from curator.ui.document_list import DocumentList

    monkeypatch.setattr(document_list, "FIRST_ROWS", 2)
    with Project.open(project_path) as project:
        widget = DocumentList()
        qtbot.addWidget(widget)
        widget.set_project(project)
        assert widget.model.rowCount() == 2
        qtbot.waitUntil(lambda: widget.model.rowCount() == project.document_count() == 5)
        widget.stop()


def test_the_sample_project_shows_column_broken_seeds_reflowed(qtbot, isolated_home: Path):
    from curator.store import Project
    from curator.ui.app import project_to_open
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session
    from curator.ui.settings import Settings

    with Project.open(project_to_open(None, Settings())) as project:
        win = MainWindow(Session(project))
        qtbot.addWidget(win)
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
        view = win.documents.view
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(win.documents.model.index(2, 0)).center())
        assert win.current_doc == 3
        shown = win.article.toPlainText()
        title = "倾力擦亮瀚海新城的幸福底色"
        assert shown.split("\n")[0] == title and shown.count(title) == 1  # the doubled title, once
        assert "离不开祖国未来的栋梁。" in shown  # joined across the column's line break
        assert win.windowTitle().count(title) == 1
        qtbot.keyClick(win.article, Qt.Key_J)
        assert win.article.toPlainText().startswith("青海省格尔木市文明交通志愿者协会正式揭牌成立\n")
        qtbot.keyClick(win.article, Qt.Key_K)
        qtbot.keyClick(win.article, Qt.Key_K)
        assert win.article.toPlainText() == project.document(2).text and "\n\n提升“硬件”" in project.document(2).text
        win.close()
