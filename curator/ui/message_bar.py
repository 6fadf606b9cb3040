"""A calm, dismissable bar above the article (e.g. "open read-only")."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def message_bar(text: str) -> QWidget:
    bar = QWidget()
    bar.setObjectName("messageBar")
    bar.setStyleSheet("#messageBar { background: #fff4d6; border-bottom: 1px solid #e8d49a; }")
    row = QHBoxLayout(bar)
    row.setContentsMargins(12, 6, 6, 6)
    label = QLabel(text)
    label.setWordWrap(True)
    close = QPushButton("×")
    close.setFlat(True)
    close.setFixedWidth(28)
    close.clicked.connect(bar.hide)
    row.addWidget(label, 1)
    row.addWidget(close)
    return bar
