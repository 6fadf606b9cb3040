"""Helpers for driving the real window: a project file in tmp_path, keyboard selection in UTF-16."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
# 𠮷 (CJK Extension B) and 😀 are one code point but two UTF-16 units each: offsets differ after them.
ASTRAL_ARTICLE = (
    "𠮷祥社区😀文明简报\n"
    "𠮷祥社区😀报道：格尔木市开展“光盘行动”和“文明交通劝导”，志愿者超3万人参与，"
    "建成志愿服务站12个，发放倡议书2500份。\n"
)


def utf16(text: str, index: int) -> int:
    """Qt's position for code point index, computed independently of curator.ui.offsets."""
    return len(text[:index].encode("utf-16-le")) // 2


def select_with_keyboard(qtbot, view, text: str, start: int, end: int) -> None:
    """Put the caret at start, then extend with Shift+Right one character at a time, as a user would."""
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(utf16(text, start))
    view.setTextCursor(cursor)
    for _ in range(end - start):
        qtbot.keyClick(view, Qt.Key_Right, Qt.ShiftModifier)
    assert view.textCursor().selectedText() == text[start:end]


def rows(path: Path, sql: str, params=()) -> list[tuple]:
    """Read the project file from disk, through a connection of its own."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def caret_at(view, text: str, index: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(utf16(text, index))
    cursor.clearSelection()
    view.setTextCursor(cursor)
    assert cursor.position() == utf16(text, index)
