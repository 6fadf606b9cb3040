"""Pre-filling fact rows from the span that is their evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from curator.core.model import Document, Span


PLACE_LABEL = "place"
LEAD_CHARS = 400  # the title and first paragraph say what an article is about; a place named later is in passing


def document_place(text: str) -> str:
    """The most specific administrative division the article's title and first paragraph are about.

    County level over prefecture over province; among equals the most frequent, then the first.
    The full name is returned (格尔木 -> 格尔木市). "" when none is named.
    """
    from curator.core.suggest.places import division_ranks, find_divisions

    ranks = division_ranks()
    found: dict[str, tuple[int, int, int]] = {}  # full name -> (rank, count, -first position)
    for s in find_divisions(_lead(text)):
        if s.text not in ranks:
            continue
        rank, name = ranks[s.text]
        previous = found.get(name)
        found[name] = (rank, (previous[1] if previous else 0) + 1, previous[2] if previous else -s.start)
    return max(found, key=found.__getitem__) if found else ""


def _lead(text: str) -> str:
    """The title line and the first paragraph after it (at most LEAD_CHARS characters)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(lines[:2])[:LEAD_CHARS]


def nearest_place(doc: Document, span: Span, doc_spans: Sequence[Span]) -> str:
    """The closest place span before the fact's span (else after it), else the document's place.

    Suggestions awaiting review do not count: a place is the annotator's word, not the rules'.
    """
    places = [s for s in doc_spans if s.label == PLACE_LABEL and s.id != span.id and s.origin != "suggested"]
    before = [s for s in places if s.end <= span.start]
    if before:
        return max(before, key=lambda s: s.end).text
    after = [s for s in places if s.start >= span.end]
    if after:
        return min(after, key=lambda s: s.start).text
    return doc.place or ""


def fact_row(doc: Document, span: Span, *, fact_id: int, doc_spans: Sequence[Span] = ()) -> dict[str, Any]:
    if span.label == "figure":
        return figure_row(doc, span, fact_id=fact_id, doc_spans=doc_spans)
    if span.label == "initiative":
        return initiative_row(doc, span, fact_id=fact_id, doc_spans=doc_spans)
    raise ValueError(f"label {span.label!r} has no fact table")


def figure_row(doc: Document, span: Span, *, fact_id: int, doc_spans: Sequence[Span] = ()) -> dict[str, Any]:
    from curator.core.quantity import parse_quantity  # imported here to keep start-up light
    from curator.core.suggest.figures import propose_indicator

    quantity = parse_quantity(span.text)
    attrs = span.attrs or {}
    return {
        "id": fact_id,
        "doc_id": doc.id,
        "indicator": attrs.get("indicator") or propose_indicator(doc.text, span.start, span.end),
        "value": attrs.get("value", quantity.value if quantity else None),
        "unit": attrs.get("unit", quantity.unit if quantity else ""),
        "qualifier": attrs.get("qualifier", quantity.qualifier if quantity else ""),
        "place": nearest_place(doc, span, doc_spans),
        "as_of": doc.published or "",
        "initiative_id": None,
        "span_ids": [span.id],
        "edited": 0,
    }


def initiative_row(doc: Document, span: Span, *, fact_id: int, doc_spans: Sequence[Span] = ()) -> dict[str, Any]:
    return {
        "id": fact_id,
        "doc_id": doc.id,
        "name": span.text.strip().strip("“”\"「」『』"),
        "category": "",
        "place": nearest_place(doc, span, doc_spans),
        "organisation": "",
        "note": "",
        "span_ids": [span.id],
        "edited": 0,
    }
