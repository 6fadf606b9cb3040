"""How the window looks after ordinary use: no format leaks into the next article, one row selected in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextCursor

from curator.ui.article_view import ARTICLE_FONT_PX


def click_text(qtbot, view, qt_position: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center())


def click_document(qtbot, window, doc_id: int) -> None:
    view = window.documents.view
    rect = view.visualRect(window.documents.model.index(window.documents.model.row_of(doc_id), 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_doc == doc_id


def body_formats(view) -> set[tuple[bool, int]]:
    """(bold, pixel size) of every character after the title line (the first non-empty one)."""
    doc = view.document()
    found = set()
    block = doc.firstBlock()
    while block.isValid() and not block.text().strip():
        block = block.next()
    block = block.next()
    while block.isValid():
        cursor = QTextCursor(block)
        for offset in range(1, block.length()):
            cursor.setPosition(block.position() + offset)
            font = cursor.charFormat().font()
            found.add((font.bold(), font.pixelSize() if font.pixelSize() > 0 else ARTICLE_FONT_PX))
        block = block.next()
    return found


def test_clicking_the_bold_title_does_not_make_the_next_article_bold(window, qtbot):
    click_text(qtbot, window.article, 3)  # the caret lands in the title of article 1
    assert window.article.textCursor().charFormat().font().bold()
    click_document(qtbot, window, 2)
    assert body_formats(window.article) == {(False, ARTICLE_FONT_PX)}
    click_document(qtbot, window, 3)
    assert body_formats(window.article) == {(False, ARTICLE_FONT_PX)}
    title = QTextCursor(window.article.document().firstBlock())
    title.setPosition(2)
    assert title.charFormat().font().bold()  # the title itself is still styled


def row_pixels(window, row: int) -> set[str]:
    """The colours on screen (the window's backing store) across a row of the document list."""
    view = window.documents.view
    screen = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    rect = view.visualRect(window.documents.model.index(row, 0))
    origin = view.viewport().mapTo(window, rect.center())
    scale = screen.width() / window.width()
    y = round(origin.y() * scale)
    xs = range(round(view.viewport().mapTo(window, rect.topLeft()).x() * scale) + 4,
               round(view.viewport().mapTo(window, rect.topRight()).x() * scale) - 4, 3)
    return {screen.pixelColor(x, y).name() for x in xs}


def test_one_row_looks_selected_after_j(window, qtbot):
    highlight = window.documents.view.palette().highlight().color().name()
    qtbot.wait(50)
    assert highlight in row_pixels(window, 0)
    qtbot.keyClick(window.article, Qt.Key_J)
    qtbot.wait(50)
    assert highlight in row_pixels(window, 1)
    assert highlight not in row_pixels(window, 0)
