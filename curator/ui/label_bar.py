"""A row of label buttons, each in its label's colour with its hotkey."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from curator.core.model import Label


class LabelBar(QWidget):
    label_chosen = Signal(str)  # label name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}

    def set_labels(self, labels: Iterable[Label]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons = {}
        caption = QLabel(self.tr("标注："))
        caption.setStyleSheet("color: #666;")
        self._layout.addWidget(caption)
        for label in labels:
            button = QPushButton(f"{label.hotkey}  {label.title}" if label.hotkey else label.title)
            button.setFocusPolicy(Qt.NoFocus)  # the article keeps its selection and focus
            button.setCursor(Qt.PointingHandCursor)
            border = QColor(label.color).darker(125).name()
            button.setStyleSheet(
                f"QPushButton {{ background: {label.color}; border: 1px solid {border}; border-radius: 4px;"
                f" padding: 3px 10px; color: #222; }}"
                f"QPushButton:hover {{ border: 1px solid #444; }}"
            )
            tip = self.tr("用“{0}”标注所选文字").format(label.title)
            button.setToolTip(f"{tip}（{label.hotkey}）" if label.hotkey else tip)
            button.clicked.connect(lambda _=False, name=label.name: self.label_chosen.emit(name))
            self._layout.addWidget(button)
            self.buttons[label.name] = button
        self._layout.addStretch(1)
