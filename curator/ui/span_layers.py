"""Where the article's spans lie: a position index, and the layer each span is drawn on.

Plain Python, no Qt: the article view asks these how to paint.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable

from curator.core.model import Span


class SpanIndex:
    """The shown spans by position, so one new span costs O(log n), not a scan of 5,000."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        spans = list(spans)
        self._starts: list[tuple[int, int]] = sorted((s.start, s.id) for s in spans)
        self._spans: dict[int, Span] = {}
        self._keys: Counter[tuple[int, int, str]] = Counter()
        self._longest = 0
        for span in spans:
            self._note(span)

    def _note(self, span: Span) -> None:
        self._spans[span.id] = span
        self._keys[(span.start, span.end, span.label)] += 1
        self._longest = max(self._longest, span.end - span.start)

    def add(self, span: Span) -> None:
        insort(self._starts, (span.start, span.id))
        self._note(span)

    def remove(self, span: Span) -> None:
        i = bisect_left(self._starts, (span.start, span.id))
        if i < len(self._starts) and self._starts[i] == (span.start, span.id):
            del self._starts[i]
        self._spans.pop(span.id, None)
        key = (span.start, span.end, span.label)
        self._keys[key] -= 1
        if self._keys[key] <= 0:
            del self._keys[key]

    def has(self, start: int, end: int, label: str) -> bool:
        return (start, end, label) in self._keys

    def touching(self, start: int, end: int) -> list[Span]:
        """Spans overlapping [start, end)."""
        low = bisect_left(self._starts, (start - self._longest, -1))
        high = bisect_left(self._starts, (end, -1))
        found = (self._spans[span_id] for _start, span_id in self._starts[low:high])
        return [span for span in found if span.end > start]


def paint_order(span: Span) -> tuple[int, int, int]:
    # suggestions first, so an accepted span's background wins where they overlap
    return (0 if span.origin == "suggested" else 1, span.start, span.id)


def assign_layers(spans: Iterable[Span]) -> dict[int, int]:
    """Layer 0 for a span over bare text, 1, 2, ... for a span over others (greedy by start)."""
    layers: dict[int, int] = {}
    last_end: list[int] = []  # per layer, where its latest span ends
    accepted = [span for span in spans if span.origin != "suggested"]
    for span in sorted(accepted, key=lambda s: (s.start, -s.end, s.id)):
        for layer, end in enumerate(last_end):
            if end <= span.start:
                last_end[layer] = span.end
                break
        else:
            layer = len(last_end)
            last_end.append(span.end)
        layers[span.id] = layer
    return layers


def free_layer(span: Span, spans: Iterable[Span], layers: dict[int, int]) -> int:
    """The lowest layer no overlapping accepted span uses (spans: at least those overlapping span)."""
    if span.origin == "suggested":
        return 0
    used = {
        layers.get(other.id, 0)
        for other in spans
        if other.id != span.id and other.origin != "suggested" and other.start < span.end and other.end > span.start
    }
    return next(n for n in range(len(used) + 1) if n not in used)
