"""The article view on its own: highlights per layer, suggestions, incremental add/remove, hover, clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip

from curator.core.model import Document, Label, Span
from curator.ui.article_view import ArticleView

TEXT = "𠮷😀格尔木市开展“光盘行动”，志愿者超3万人。\n第二段文字。"
LABELS = [Label("initiative", "举措", "#f4b183", "1"), Label("place", "地点", "#a9d18e", "3"),
          Label("figure", "数据", "#9dc3e6", "2")]


def span(span_id: int, piece: str, label: str, origin: str = "manual", **attrs) -> Span:
    start = TEXT.index(piece)
    return Span(span_id, 1, start, start + len(piece), label, piece, attrs=attrs, origin=origin)


def fmt_at(view: ArticleView, index: int) -> QTextCharFormat:
    """The char format of the character at code point index (Qt reports the char before a position)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(len(TEXT[: index + 1].encode("utf-16-le")) // 2)
    return cursor.charFormat()


@pytest.fixture
def view(qtbot):
    widget = ArticleView()
    widget.set_labels(LABELS)
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    return widget


def test_spans_get_their_label_colour_and_overlaps_are_underlined(view):
    outer, inner = span(1, "格尔木市开展“光盘行动”", "initiative"), span(2, "格尔木市", "place")
    view.show_document(Document(1, "t", TEXT), [outer, inner])
    i = TEXT.index("格")
    assert fmt_at(view, i).background().color() == QColor("#f4b183")  # the outer span: background
    assert fmt_at(view, i).underlineStyle() == QTextCharFormat.SingleUnderline  # the inner one: underline
    assert fmt_at(view, TEXT.index("光")).underlineStyle() == QTextCharFormat.NoUnderline
    assert fmt_at(view, TEXT.index("志")).background().style() == Qt.NoBrush


def test_a_suggestion_is_pale_and_dotted(view):
    view.show_document(Document(1, "t", TEXT), [span(1, "3万人", "figure", origin="suggested")])
    fmt = fmt_at(view, TEXT.index("3"))
    assert fmt.underlineStyle() == QTextCharFormat.DotLine
    assert fmt.background().color().alpha() < 255


def test_add_and_remove_touch_only_their_range_and_restore_what_lies_below(view):
    outer = span(1, "格尔木市开展“光盘行动”", "initiative")
    view.show_document(Document(1, "t", TEXT), [outer])
    inner = span(2, "光盘", "place")
    view.add_span(inner)
    assert fmt_at(view, TEXT.index("光")).underlineStyle() == QTextCharFormat.SingleUnderline
    view.remove_span(inner)
    restored = fmt_at(view, TEXT.index("光"))
    assert restored.underlineStyle() == QTextCharFormat.NoUnderline
    assert restored.background().color() == QColor("#f4b183")  # the outer span is still there
    view.remove_span(outer)
    assert fmt_at(view, TEXT.index("光")).background().style() == Qt.NoBrush


def test_selection_and_select_speak_code_points(view):
    view.show_document(Document(1, "t", TEXT), [])
    start = TEXT.index("光盘")
    view.select(start, start + 4)
    assert view.selection() == (start, start + 4)
    assert view.textCursor().selectedText() == "光盘行动"


def test_hover_shows_label_and_value(view, qtbot):
    view.show_document(Document(1, "t", TEXT), [span(1, "3万人", "figure", origin="suggested", value=30000, unit="人")])
    cursor = QTextCursor(view.document())
    cursor.setPosition(len(TEXT[: TEXT.index("万")].encode("utf-16-le")) // 2)
    pos = view.cursorRect(cursor).center() + QPoint(3, 0)
    event = QHelpEvent(QEvent.ToolTip, pos, view.viewport().mapToGlobal(pos))
    view.viewportEvent(event)
    assert "数据：3万人" in QToolTip.text() and "30000人" in QToolTip.text() and "建议" in QToolTip.text()


def test_clicking_picks_the_innermost_span(view, qtbot):
    view.show_document(Document(1, "t", TEXT), [span(1, "格尔木市开展“光盘行动”", "initiative"), span(2, "光盘行动", "place")])
    cursor = QTextCursor(view.document())
    cursor.setPosition(len(TEXT[: TEXT.index("盘")].encode("utf-16-le")) // 2)
    with qtbot.waitSignal(view.span_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center() + QPoint(4, 0))
    assert clicked.args == [2]
    assert view.selected_span().id == 2
