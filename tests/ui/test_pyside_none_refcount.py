"""PySide6 6.12.0 on CPython 3.11 leaks a reference to None per call returning nothing and aborts
('none_dealloc') after a few thousand; pyproject pins below it. This would crash the test run."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_fifty_thousand_calls_returning_none_do_not_abort():
    document = QTextDocument("格尔木市" * 100)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(50_000):
        result = cursor.setPosition(i % 400)
        assert result is None
    # a leak of one reference per call would show here long before the abort
    assert sys.getrefcount(None) - before < 1_000
    assert cursor.position() == 49_999 % 400
