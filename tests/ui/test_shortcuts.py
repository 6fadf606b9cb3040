"""Every key sequence of the window does one thing: no action shares its keys with another it can meet."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from curator.ui.shortcuts import KEYS


def _scopes(action: QAction) -> list[QWidget | None]:
    """Where the action's shortcut listens: None for the whole window, else the widgets it belongs to."""
    if action.shortcutContext() in (Qt.WindowShortcut, Qt.ApplicationShortcut):
        return [None]
    return [w for w in action.associatedObjects() if isinstance(w, QWidget)]


def _overlap(a: QWidget | None, b: QWidget | None) -> bool:
    if a is None or b is None:
        return True
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def test_no_key_sequence_is_bound_twice_in_overlapping_contexts(window):
    bound: dict[str, list[QAction]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                bound[sequence.toString(QKeySequence.PortableText)].append(action)
    assert len(bound) > 20  # the walk found the window's actions
    assert [a.text() for a in bound["Ctrl+Q"]] == ["退出"]  # bound on every platform, and to nothing else
    clashes = []
    for keys, actions in bound.items():
        for i, first in enumerate(actions):
            for second in actions[i + 1:]:
                if any(_overlap(a, b) for a in _scopes(first) for b in _scopes(second)):
                    clashes.append((keys, first.text(), second.text()))
    assert clashes == []


def test_the_keys_table_has_no_duplicates():
    seen = [QKeySequence(key).toString(QKeySequence.PortableText) for keys in KEYS.values() for key in keys]
    assert len(seen) == len(set(seen))
    assert KEYS["quit"] == ("Ctrl+Q",)


def test_ctrl_apostrophe_toggles_quote_widening_and_ctrl_q_quits(window, qtbot):
    quotes = window.actions["snap_quotes"]
    before = quotes.isChecked()
    qtbot.keyClick(window.article, Qt.Key_Apostrophe, Qt.ControlModifier)
    assert quotes.isChecked() is not before
    qtbot.keyClick(window.article, Qt.Key_Q, Qt.ControlModifier)
    assert not window.isVisible()
