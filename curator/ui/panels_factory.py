"""The right-hand tabs: one panel per fact table, the spans, the suggestions.

Every panel keeps the `DocumentPanel` interface (`set_document`); the signals each emits are
declared on its class, and the window wires them by name of the panel, not by probing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from curator.core.model import FACT_TABLE_LIST
from curator.ui.panels.facts import FactTablePanel
from curator.ui.panels.spans import SpansPanel
from curator.ui.panels.suggestions import SuggestionsPanel
from curator.ui.session import Session


@runtime_checkable
class DocumentPanel(Protocol):
    """What the window asks of a right-hand panel."""

    def set_document(self, doc_id: int | None) -> None:
        """Show doc_id's rows (None: show nothing, cost nothing)."""


@dataclass
class Panels:
    facts: dict[str, FactTablePanel]  # fact table name -> its panel, in the registry's order
    spans: SpansPanel
    suggestions: SuggestionsPanel

    def all(self) -> list[QWidget]:
        return [*self.facts.values(), self.spans, self.suggestions]

    def for_label(self, label: str) -> FactTablePanel | None:
        """The panel of the fact table that label's spans feed, if any."""
        return next((panel for panel in self.facts.values() if panel.label == label), None)

    @property
    def initiatives(self) -> FactTablePanel:
        return self.facts["initiatives"]

    @property
    def figures(self) -> FactTablePanel:
        return self.facts["figures"]


def make_panels(session: Session, parent: QWidget | None = None) -> Panels:
    return Panels(
        facts={table.name: FactTablePanel(session, table.name, parent) for table in FACT_TABLE_LIST},
        spans=SpansPanel(session, parent),
        suggestions=SuggestionsPanel(session, parent),
    )


# the registry's titles, marked for lupdate (translated at run time by panel_titles)
_TITLES = (QT_TRANSLATE_NOOP("MainWindow", "举措"), QT_TRANSLATE_NOOP("MainWindow", "数据"),
           QT_TRANSLATE_NOOP("MainWindow", "标注"), QT_TRANSLATE_NOOP("MainWindow", "建议"))


def panel_titles() -> list[str]:
    """Tab titles, in the order of Panels.all()."""
    tr = lambda text: QCoreApplication.translate("MainWindow", text)  # noqa: E731
    return [*(tr(table.title) for table in FACT_TABLE_LIST), tr("标注"), tr("建议")]
