"""Adjudication: the lead takes one annotator's version of a dispute, or rejects them all.

Each answer is an ordinary Edit (spans, fact rows, the dispute marked resolved), so the window
puts it on the undo stack like any other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from curator.core.edits import Edit, RowChange, now_iso, set_status
from curator.core.facts import fact_row
from curator.core.model import FACT_TABLES, Span
from curator.store import Project
from curator.store import team as store_team


@dataclass(frozen=True)
class Dispute:
    row: dict[str, Any]  # as stored: the `before` of the edit that resolves it

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def doc_id(self) -> int:
        return self.row["doc_id"]

    @property
    def kind(self) -> str:
        return self.row["kind"]

    @property
    def start(self) -> int:
        return self.row["start"]

    @property
    def end(self) -> int:
        return self.row["end"]

    @property
    def resolved(self) -> bool:
        return bool(self.row["resolved"])

    @property
    def versions(self) -> dict[str, dict[str, Any]]:
        return json.loads(self.row["versions"])

    @property
    def annotators(self) -> list[str]:
        return list(self.versions)


def disputes(project: Project, doc_id: int, *, open_only: bool = True) -> list[Dispute]:
    found = [Dispute(row) for row in store_team.disputes(project, doc_id)]
    return [d for d in found if not d.resolved] if open_only else found


def dispute_counts(project: Project) -> dict[int, int]:
    """doc_id -> open disputes, for the document list (documents without any are absent)."""
    return store_team.dispute_counts(project)


def documents_with_disputes(project: Project) -> list[int]:
    return store_team.documents_with_disputes(project)


def take_version(project: Project, dispute: Dispute, annotator: str, *, now: str | None = None) -> Edit:
    """The annotator's version of the dispute becomes the document's."""
    version = dispute.versions.get(annotator)
    if version is None:
        raise ValueError(f"{annotator} has no version of dispute {dispute.id}")
    if dispute.kind == "value":
        changes = _take_value(project, dispute, version)
    else:
        changes = _take_spans(project, dispute, version, annotator=annotator, now=now or now_iso())
    changes.append(_resolve(dispute, annotator))
    return Edit(f"裁决 采用{annotator}的版本", tuple(changes))


def reject_versions(dispute: Dispute) -> Edit:
    """None of the versions: a span dispute adds nothing, a value dispute leaves the values open."""
    return Edit("裁决 全部拒绝", (_resolve(dispute, ""),))


def review_edit(project: Project, doc_id: int) -> Edit:
    """已审核, allowed once no dispute of the document is open."""
    if disputes(project, doc_id):
        raise ValueError("the document still has open disputes")
    return set_status(project.document(doc_id), "reviewed", label="审核完成")


def _resolve(dispute: Dispute, resolution: str) -> RowChange:
    return RowChange("disputes", dispute.row, {**dispute.row, "resolved": 1, "resolution": resolution})


def _take_spans(project: Project, dispute: Dispute, version: dict[str, Any], *, annotator: str,
                now: str) -> list[RowChange]:
    doc = project.document(dispute.doc_id)
    changes: list[RowChange] = []
    for item in version.get("spans", []):
        start, end = item["start"], item["end"]
        span = Span(id=project.next_id("spans"), doc_id=doc.id, start=start, end=end, label=item["label"],
                    text=doc.text[start:end], attrs=dict(item.get("attrs") or {}), origin="manual",
                    annotator=annotator, created=now, updated=now)
        changes.append(RowChange("spans", None, span.row()))
        table = FACT_TABLES.get(span.label)
        if table:
            row = fact_row(doc, span, fact_id=project.next_id(table))
            row.update(item.get("fact") or {})
            changes.append(RowChange(table, None, row))
    return changes


def _take_value(project: Project, dispute: Dispute, version: dict[str, Any]) -> list[RowChange]:
    for row in project.facts("figures", doc_id=dispute.doc_id):
        if dispute.row["span_id"] in (row.get("span_ids") or []):
            after = {**row, **{k: version.get(k) for k in ("value", "unit", "qualifier")}}
            return [RowChange("figures", row, after)] if after != row else []
    return []  # the figure was deleted meanwhile: nothing to set
