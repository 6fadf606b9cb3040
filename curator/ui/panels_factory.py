"""The right-hand tabs: the real panels when their modules are there, a placeholder otherwise."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from curator.ui.session import Session


@dataclass
class Panels:
    initiatives: QWidget
    figures: QWidget
    spans: QWidget
    suggestions: QWidget

    def all(self) -> list[QWidget]:
        return [self.initiatives, self.figures, self.spans, self.suggestions]


def _panel_class(module: str, name: str):
    try:
        return getattr(importlib.import_module(f"curator.ui.panels.{module}"), name)
    except (ImportError, AttributeError):
        return None


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignCenter)
    label.setStyleSheet("color: #999;")
    label.setWordWrap(True)
    return label


def make_panels(session: Session, parent: QWidget | None = None) -> Panels:
    fact_table = _panel_class("facts", "FactTablePanel")
    spans = _panel_class("spans", "SpansPanel")
    suggestions = _panel_class("suggestions", "SuggestionsPanel")
    soon = QCoreApplication.translate("Panels", "（面板尚未安装）")
    return Panels(
        initiatives=fact_table(session, "initiatives", parent) if fact_table else _placeholder(soon),
        figures=fact_table(session, "figures", parent) if fact_table else _placeholder(soon),
        spans=spans(session, parent) if spans else _placeholder(soon),
        suggestions=suggestions(session, parent) if suggestions else _placeholder(soon),
    )


class Placeholders(Panels):
    """Empty tabs, until the real panels are built."""


def placeholder_panels() -> Placeholders:
    return Placeholders(QWidget(), QWidget(), QWidget(), QWidget())


def is_real(panel: QWidget) -> bool:
    return hasattr(panel, "set_document")
