"""What a document becomes when its annotators' work comes back: agreed spans accepted, differences disputed.

One annotator: their work is taken as it is. Several: a span every one of them made (same label and
boundaries) is accepted, with its fact row; figure values, units and qualifiers they all agree on are
kept, others become a "value" dispute on that figure. Every other span is grouped with the spans it
overlaps (from any annotator) into a "span" dispute holding each annotator's version of that stretch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from curator.core.model import FACT_TABLES, STATUSES
from curator.store.team import FACT_COLUMNS, DocWork, Resolution, SpanWork

FIGURE_FIELDS = ("value", "unit", "qualifier")
NextId = Callable[[str], int]


def resolve(doc_id: int, works: Mapping[str, DocWork], next_id: NextId) -> Resolution:
    if len(works) == 1:
        ((who, work),) = works.items()
        return take_as_is(doc_id, work, next_id)
    return reconcile(doc_id, works, next_id)


def take_as_is(doc_id: int, work: DocWork, next_id: NextId) -> Resolution:
    new_ids: dict[int, int] = {}
    spans = []
    for span in work.spans:
        new_ids[span.local_id] = next_id("spans")
        spans.append(_span_row(new_ids[span.local_id], doc_id, span, annotator=span.author))
    facts = []
    initiatives: dict[Any, int] = {}
    for table, row in sorted(work.facts, key=lambda f: f[0] != "initiatives"):
        out = _fact_row(table, row, fact_id=next_id(table), doc_id=doc_id,
                        span_ids=[new_ids[i] for i in row.get("span_ids") or () if i in new_ids])
        if table == "initiatives":
            initiatives[row["id"]] = out["id"]
        else:
            out["initiative_id"] = initiatives.get(row.get("initiative_id"))
        facts.append((table, out))
    status = work.status if work.status != "todo" else "in_progress"
    return Resolution(doc_id, status, tuple(spans), tuple(facts), ())


def reconcile(doc_id: int, works: Mapping[str, DocWork], next_id: NextId) -> Resolution:
    names = sorted(works)
    keyed = {name: _by_key(works[name].spans) for name in names}
    cited = {name: _facts_by_span(works[name]) for name in names}
    common = set.intersection(*(set(keyed[name]) for name in names))
    spans, facts, disputes = [], [], []
    for key in sorted(common):
        new_id = next_id("spans")
        spans.append(_span_row(new_id, doc_id, keyed[names[0]][key], annotator=",".join(names)))
        table = FACT_TABLES.get(key[2])
        if table:
            rows = {name: cited[name].get((keyed[name][key].local_id, table)) for name in names}
            fact, dispute = _agreed_fact(table, rows, span_id=new_id, doc_id=doc_id, key=key, next_id=next_id)
            if fact:
                facts.append((table, fact))
            if dispute:
                disputes.append(dispute)
    rest = sorted(((span.start, span.end, name, span) for name in names for key, span in keyed[name].items()
                   if key not in common), key=lambda item: item[:3])
    for group in _overlapping(rest):
        disputes.append(_span_dispute(doc_id, names, group, cited, next_id("disputes")))
    statuses = [STATUSES.index(works[name].status) for name in names]
    status = STATUSES[min(max(min(statuses), 1), 2)]  # between in_progress and done: the lead reviews
    return Resolution(doc_id, status, tuple(spans), tuple(facts), tuple(disputes))


def _by_key(spans: tuple[SpanWork, ...]) -> dict[tuple[int, int, str], SpanWork]:
    keyed: dict[tuple[int, int, str], SpanWork] = {}
    for span in spans:
        keyed.setdefault(span.key, span)  # the same span twice counts once
    return keyed


def _facts_by_span(work: DocWork) -> dict[tuple[int, str], dict[str, Any]]:
    """(local span id, table) -> the first fact row citing that span."""
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for table, row in work.facts:
        for span_id in row.get("span_ids") or ():
            out.setdefault((span_id, table), row)
    return out


def _agreed_fact(table: str, rows: Mapping[str, dict[str, Any] | None], *, span_id: int, doc_id: int,
                 key: tuple[int, int, str], next_id: NextId) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    present = [row for row in rows.values() if row is not None]
    if not present:
        return None, None
    fact = _fact_row(table, present[0], fact_id=next_id(table), doc_id=doc_id, span_ids=[span_id])
    if table != "figures":
        return fact, None
    fact["initiative_id"] = None
    values = {name: ({f: row.get(f) for f in FIGURE_FIELDS} if row else {}) for name, row in rows.items()}
    first = next(iter(values.values()))
    differing = [f for f in FIGURE_FIELDS if any(v.get(f) != first.get(f) or (f in v) != (f in first)
                                                   for v in values.values())]
    if not differing:
        return fact, None
    for field in differing:  # left open until the adjudicator takes a version
        fact[field] = None if field == "value" else ""
    dispute = {"id": next_id("disputes"), "doc_id": doc_id, "kind": "value", "start": key[0], "end": key[1],
               "label": key[2], "versions": json.dumps(values, ensure_ascii=False), "resolved": 0, "resolution": "",
               "span_id": span_id}
    return fact, dispute


def _overlapping(items: list[tuple[int, int, str, SpanWork]]) -> list[list[tuple[str, SpanWork]]]:
    """Runs of spans (sorted by start) that overlap one another, directly or through others."""
    groups: list[list[tuple[str, SpanWork]]] = []
    end = -1
    for start, stop, name, span in items:
        if not groups or start >= end:
            groups.append([])
            end = stop
        groups[-1].append((name, span))
        end = max(end, stop)
    return groups


def _span_dispute(doc_id: int, names: list[str], group: list[tuple[str, SpanWork]],
                  cited: Mapping[str, Mapping[tuple[int, str], dict[str, Any]]], dispute_id: int) -> dict[str, Any]:
    versions: dict[str, dict[str, Any]] = {name: {"spans": []} for name in names}
    for name, span in group:
        table = FACT_TABLES.get(span.label)
        row = cited[name].get((span.local_id, table)) if table else None
        versions[name]["spans"].append({
            "start": span.start, "end": span.end, "label": span.label, "text": span.text,
            "attrs": json.loads(span.attrs) if span.attrs and span.attrs != "{}" else {},
            "fact": _fact_fields(table, row) if row else None,
        })
    first = group[0][1]
    return {"id": dispute_id, "doc_id": doc_id, "kind": "span", "start": min(s.start for _, s in group),
            "end": max(s.end for _, s in group), "label": first.label,
            "versions": json.dumps(versions, ensure_ascii=False), "resolved": 0, "resolution": "", "span_id": None}


def _span_row(span_id: int, doc_id: int, span: SpanWork, *, annotator: str) -> tuple:
    """A spans row in SPAN_COLUMNS order."""
    return (span_id, doc_id, span.start, span.end, span.label, span.text, span.attrs, span.origin, annotator,
            span.created, span.updated)


def _fact_fields(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A fact row's own values, without ids and links (which belong to one file)."""
    return {c: row.get(c) for c in FACT_COLUMNS[table] if c not in ("id", "doc_id", "span_ids", "initiative_id")}


def _fact_row(table: str, row: Mapping[str, Any], *, fact_id: int, doc_id: int, span_ids: list[int]) -> dict[str, Any]:
    out = {c: row.get(c) for c in FACT_COLUMNS[table]}
    out.update(id=fact_id, doc_id=doc_id, span_ids=span_ids)
    if out.get("edited") is None:
        out["edited"] = 0
    return out
