"""Which suggestions the 建议 list shows: one label or all, and none scored below the threshold."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from curator.core.model import Span
from curator.ui.panels.common import FilterProxy
from curator.ui.panels.readings import score_of


class LabelProxy(FilterProxy):
    """Sort/filter proxy that can also keep one label only, and hide suggestions scored below a threshold."""

    label: str | None = None
    min_score: float = 0.0

    def set_label(self, label: str | None) -> None:
        with self._filter_change():
            self.label = label

    def set_min_score(self, value: float) -> None:
        with self._filter_change():
            self.min_score = value

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            yield
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            yield
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self.label is not None or self.min_score > 0:  # else every row passes: 5,000 rows, no Python per row
            span = self.sourceModel().span_at(source_row)
            if self.label is not None and span.label != self.label or not passes(span, self.min_score):
                return False
        return super().filterAcceptsRow(source_row, source_parent)


def passes(span: Span, min_score: float) -> bool:
    """A suggestion without a score (a rule's) always passes."""
    score = score_of(span)
    return score is None or not below(score, min_score)


def below(score: float, min_score: float) -> bool:
    return score < min_score - 1e-9  # 0.5 typed in the box keeps a 0.5 suggestion
