"""The title is styled even when blank lines come before it (issue 11, item 14)."""

from __future__ import annotations

from PySide6.QtGui import QFont

from curator.core.model import Document
from curator.ui.article_view import ArticleView


def test_the_first_non_empty_line_is_the_styled_title(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_document(Document(id=1, title="格尔木市：文明之花", text="\n\n  \n格尔木市：文明之花\n正文第一段。"))
    blocks = []
    block = view.document().firstBlock()
    while block.isValid():
        fragment = block.begin()
        weight = fragment.fragment().charFormat().fontWeight() if not fragment.atEnd() else None
        blocks.append((block.text(), weight))
        block = block.next()
    assert ("格尔木市：文明之花", QFont.Bold) in blocks
    assert ("正文第一段。", QFont.Bold) not in blocks
