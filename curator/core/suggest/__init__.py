"""Suggestions: spans the annotator is likely to label, found by rules in one pass each.

Span conventions (offsets are code points into the text given, end exclusive):

- figure: optional comparator (超, 超过, 逾, 近, 约) + number + approximators (余, 多, 左右)
  + unit; verbs such as 达/共计/累计 stay outside. OCR whitespace inside is covered.
  attrs = {"value", "unit", "qualifier", "indicator"}.
- initiative: the name inside the quote marks, without “” / 「」, and without the
  活动/行动 word that follows outside the quotes (“光盘行动” -> 光盘行动; “双报到”活动 -> 双报到).
- doc: the title inside 《》, without the brackets.
- place: an administrative name (青海省, 格尔木市, 青海) or a street/community/town/
  village name with its suffix (星园路社区, 河西街道).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from curator.core.suggest.spread import find_occurrences

__all__ = ["Suggestion", "suggest", "find_occurrences", "LABELS"]


@dataclass(frozen=True)
class Suggestion:
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)


def _suggesters() -> dict[str, Callable[[str], list[Suggestion]]]:
    from curator.core.suggest import figures, initiatives, places

    return {
        "figure": figures.suggest_figures,
        "initiative": initiatives.suggest_initiatives,
        "doc": initiatives.suggest_docs,
        "place": places.suggest_places,
    }


LABELS: tuple[str, ...] = ("figure", "initiative", "doc", "place")


def suggest(text: str, labels: Iterable[str] | None = None) -> list[Suggestion]:
    """All suggestions for `labels` (None: every label), sorted by (start, end, label)."""
    suggesters = _suggesters()
    wanted = LABELS if labels is None else tuple(label for label in labels if label in suggesters)
    seen: set[tuple[str, int, int]] = set()
    found: list[Suggestion] = []
    for label in wanted:
        for suggestion in suggesters[label](text):
            key = (suggestion.label, suggestion.start, suggestion.end)
            if key not in seen:
                seen.add(key)
                found.append(suggestion)
    found.sort(key=lambda s: (s.start, s.end, s.label))
    return found
