"""Issue 11's "working day", by keyboard and mouse in the real window: import three articles, tag 30
spans, accept and reject 40 suggestions from the article and from the 建议 list, edit five cells, undo
and redo, mark done, export, reopen. Every assertion is on the SQLite file or the workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from curator.core.suggest import suggest
from curator.services.exporting import export
from curator.store import Project
from curator.ui.import_dialog import ImportDialog
from test_window_annotator import type_text
from window_fixtures import ROOT, caret_at, rows, select_with_keyboard

NAME = "周一"


@pytest.fixture
def day(qtbot, tmp_path: Path):
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    path = tmp_path / "day.curator"
    project = Project.open(path)
    win = MainWindow(Session(project))
    win.set_annotator(NAME)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    yield win, path
    win.close()
    project.close()


def _import(qtbot, window, folder: Path) -> None:
    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(10, fill)
            return
        dialog.set_paths([folder])
        dialog.reflow.setChecked(False)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window.article, Qt.Key_I, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.import_run is None, timeout=30000)
    _back_to(qtbot, window)


def _back_to(qtbot, window) -> None:
    """The window is active again once a dialog has gone (offscreen, nothing does it for us)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _answer(qtbot, button_text: str, tries: int = 300) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        if tries:
            QTimer.singleShot(10, lambda: _answer(qtbot, button_text, tries - 1))
        return
    (button,) = [b for b in box.buttons() if b.text() == button_text]
    qtbot.mouseClick(button, Qt.LeftButton)


def _pending(path: Path, doc_id: int) -> list[tuple[int, int]]:
    return rows(path, "SELECT start, end FROM spans WHERE doc_id = ? AND origin = 'suggested' ORDER BY start, end, id",
                [doc_id])


def _count(path: Path, sql: str, params=()) -> int:
    return rows(path, sql, params)[0][0]


def test_a_working_day(day, qtbot, tmp_path):
    window, path = day
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)

    # import three articles (in the worker, with progress)
    _import(qtbot, window, folder)
    assert rows(path, "SELECT id FROM documents ORDER BY id") == [(1,), (2,), (3,)]
    assert all(place for (place,) in rows(path, "SELECT place FROM documents"))  # each is about somewhere
    texts = {doc_id: text for doc_id, text in rows(path, "SELECT id, text FROM documents")}

    # tag 30 figures from the keyboard, 10 in each article
    for doc_id, text in texts.items():
        window.show_document(doc_id)
        figures = [s for s in suggest(text, ["figure"]) if "\n" not in s.text][:10]
        for found in figures:
            select_with_keyboard(qtbot, window.article, text, found.start, found.end)
            qtbot.keyClick(window.article, Qt.Key_2)
    assert _count(path, "SELECT COUNT(*) FROM spans WHERE origin = 'manual' AND annotator = ?", [NAME]) == 30
    assert _count(path, "SELECT COUNT(*) FROM figures") == 30
    assert rows(path, "SELECT DISTINCT status FROM documents") == [("in_progress",)]

    # the rules, for the whole project, from the 建议 tab's button
    window.tabs.setCurrentWidget(window.panels.suggestions)
    with qtbot.waitSignal(window.panels.suggestions.run_finished, timeout=60000):
        qtbot.mouseClick(window.panels.suggestions.project_button, Qt.LeftButton)
    pending_before = {doc_id: len(_pending(path, doc_id)) for doc_id in texts}
    assert all(count >= 20 for count in pending_before.values()), pending_before

    # 20 reviewed in the article: Enter accepts, Backspace rejects the suggestion at the caret
    for doc_id in (1, 2):
        window.show_document(doc_id)
        window.article.setFocus()
        for number in range(10):
            start, _end = _pending(path, doc_id)[0]
            caret_at(window.article, texts[doc_id], start)
            qtbot.keyClick(window.article, Qt.Key_Return if number % 2 == 0 else Qt.Key_Backspace)
        assert len(_pending(path, doc_id)) == pending_before[doc_id] - 10
    assert _count(path, "SELECT COUNT(*) FROM rejections") == 10

    # 20 reviewed in the 建议 list of the third
    window.show_document(3)
    window.tabs.setCurrentWidget(window.panels.suggestions)
    listing = window.panels.suggestions.view
    qtbot.waitUntil(lambda: listing.model().rowCount() == pending_before[3])
    listing.setFocus()
    for number in range(20):
        qtbot.keyClick(listing, Qt.Key_Return if number < 10 else Qt.Key_Backspace)
    assert len(_pending(path, 3)) == pending_before[3] - 20
    assert _count(path, "SELECT COUNT(*) FROM rejections") == 20
    accepted = _count(path, "SELECT COUNT(*) FROM spans WHERE origin != 'suggested'") - 30
    assert accepted == 20
    assert _count(path, "SELECT COUNT(*) FROM spans WHERE origin != 'suggested' AND annotator != ?", [NAME]) == 0

    # five cells edited in the 数据 tab
    window.tabs.setCurrentWidget(window.panels.figures)
    table = window.panels.figures.view
    qtbot.waitUntil(lambda: table.model().rowCount() >= 5)
    ids = [table.model().index(r, 0).data(Qt.UserRole + 2) for r in range(5)]
    for row in range(5):
        table.setFocus()
        table.setCurrentIndex(table.model().index(row, 0))
        qtbot.keyClick(table, Qt.Key_F2)
        (editor,) = [w for w in table.viewport().findChildren(QWidget) if w.parent() is table.viewport() and w.isVisible()]
        editor.selectAll()
        type_text(editor, f"指标{row}")
        qtbot.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()
    edited = "SELECT id, indicator FROM figures WHERE edited = 1 AND edited_by = ? ORDER BY id"
    assert rows(path, edited, [NAME]) == sorted(zip(ids, (f"指标{r}" for r in range(5))))

    # undo two, redo two
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert len(rows(path, edited, [NAME])) == 3
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.keyClick(window.article, Qt.Key_Y, Qt.ControlModifier)
    assert len(rows(path, edited, [NAME])) == 5

    # mark each done: reject what is left in 1, keep it in 2, accept it in 3
    for doc_id, answer in ((1, "全部拒绝"), (2, "保留"), (3, "全部接受")):
        window.show_document(doc_id)
        window.article.setFocus()
        QTimer.singleShot(0, lambda a=answer: _answer(qtbot, a))
        qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
        _back_to(qtbot, window)
    assert rows(path, "SELECT DISTINCT status FROM documents") == [("done",)]
    assert len(_pending(path, 1)) == 0 and len(_pending(path, 3)) == 0
    kept = len(_pending(path, 2))
    assert kept == pending_before[2] - 10

    figures = _count(path, "SELECT COUNT(*) FROM figures")
    spans = _count(path, "SELECT COUNT(*) FROM spans WHERE origin != 'suggested'")
    window.close()
    window.project.close()

    # reopen: everything is there; export and read the workbook back
    with Project.open(path) as project:
        assert project.stats()["status"]["done"] == 3
        assert project.stats()["suggestions"] == kept
        workbook_path = tmp_path / "day.xlsx"
        export(project, workbook_path)
    book = openpyxl.load_workbook(workbook_path, read_only=True)
    sheet_rows = {name: list(book[name].iter_rows(values_only=True)) for name in ("数据", "标注", "文章")}
    header = sheet_rows["数据"][0]
    data = sheet_rows["数据"][1:]
    assert len(data) == figures
    assert {f"指标{r}" for r in range(5)} <= {row[header.index("指标")] for row in data}
    span_header, span_rows = sheet_rows["标注"][0], sheet_rows["标注"][1:]
    assert len(span_rows) == spans
    assert {row[span_header.index("标注人")] for row in span_rows} == {NAME}
    doc_header, doc_rows = sheet_rows["文章"][0], sheet_rows["文章"][1:]
    assert all(row[doc_header.index("地点")] for row in doc_rows)
