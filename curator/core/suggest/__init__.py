"""Suggestions: spans the annotator is likely to label, found by rules in one pass each.

Span conventions (offsets are code points into the text given, end exclusive):

- figure: optional comparator (超, 超过, 逾, 近, 约) + number + approximators (余, 多, 左右)
  + unit; verbs such as 达/共计/累计 stay outside. OCR whitespace inside is covered.
  attrs = {"value", "unit", "qualifier", "indicator"}.
- initiative: the name inside the quote marks, without “” / 「」, and without the
  活动/行动 word that follows outside the quotes (“光盘行动” -> 光盘行动; “双报到”活动 -> 双报到).
- doc: the title inside 《》, without the brackets.
- place: an administrative name (青海省, 格尔木市, 青海, and a city's two-character stem such as
  湖州 where it is a place word) or a street/community/town/village name with its suffix
  (星园路社区, 河西街道); never a verb taken in (协调街道, 走进社区).
- org: a named body (市公安局交警支队, 区委宣传部, 市文明办, 团市委, 金枫社工志愿服务队, 湖州师范学院).
- person: a named person where the text introduces one (志愿者唐建国, 本报记者 漆世平).
- date: a calendar date or period (7月29日, 2023年, 2023年7月, 8月初); 今年以来 is not one.

Every suggestion carries attrs["score"], a confidence in [0, 1] (a fixed value per rule for the
rules, the model's marginal probability for the learned suggester); the window sorts by it.
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
    from curator.core.suggest import dates, figures, initiatives, orgs, persons, places

    return {
        "figure": figures.suggest_figures,
        "initiative": initiatives.suggest_initiatives,
        "doc": initiatives.suggest_docs,
        "place": places.suggest_places,
        "org": orgs.suggest_orgs,
        "person": persons.suggest_persons,
        "date": dates.suggest_dates,
    }


LABELS: tuple[str, ...] = ("figure", "initiative", "doc", "place", "org", "person", "date")


def suggest(text: str, labels: Iterable[str] | None = None) -> list[Suggestion]:
    """All suggestions for `labels` (None: every label), sorted by (start, end, label)."""
    suggesters = _suggesters()
    wanted = LABELS if labels is None else tuple(label for label in labels if label in suggesters)
    seen: set[tuple[str, int, int]] = set()
    found: list[Suggestion] = []
    try:
        for label in wanted:
            for suggestion in suggesters[label](text):
                key = (suggestion.label, suggestion.start, suggestion.end)
                if key not in seen:
                    seen.add(key)
                    found.append(suggestion)
    finally:
        _forget()
    found.sort(key=lambda s: (s.start, s.end, s.label))
    return found


def _forget() -> None:
    """The squeezed text, its places, quotes and titles are shared by the suggesters of one call only."""
    from curator.core.suggest.places import find_places
    from curator.core.suggest.quotes import find_quotes, find_titles
    from curator.core.suggest.squeeze import squeeze

    for cached in (squeeze, find_places, find_quotes, find_titles):
        cached.cache_clear()
