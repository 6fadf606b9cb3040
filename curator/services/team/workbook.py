"""Team work in the workbook: each annotator's figure value beside the adjudicated one (数据),
and the agreement on 汇总. Nothing changes for a project that was never merged from packages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from curator.export.sheets import Column, SheetSpec
from curator.export.values import as_number
from curator.services.team.agreement import figure_versions, measure, project_annotations
from curator.store import Project


def annotator_key(name: str) -> str:
    return f"annotator_value:{name}"


def figures_spec(base: SheetSpec, annotators: Iterable[str]) -> SheetSpec:
    """base with one column per annotator ("张三：数值"), before the hidden row id and check."""
    extra = tuple(Column(annotator_key(name), f"{name}：数值", 14, "wrap") for name in annotators)
    if not extra:
        return base
    visible = tuple(c for c in base.columns if not c.hidden)
    hidden = tuple(c for c in base.columns if c.hidden)
    return replace(base, columns=visible + extra + hidden)


def with_versions(rows: Iterable[dict[str, Any]], versions: Mapping[tuple[int, int, int], Mapping[str, tuple]],
                  annotators: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Each figure row with what every annotator gave its evidence span ("" where they did not tag it)."""
    names = list(annotators)
    for row in rows:
        spans = row.get("evidence_spans") or []
        given = versions.get((row["doc_id"], spans[0][0], spans[0][1]), {}) if spans else {}
        for name in names:
            row[annotator_key(name)] = _shown(given[name]) if name in given else "（未标注）"
        yield row


def _shown(version: tuple) -> str:
    value, unit, qualifier = version
    number = as_number(value) if isinstance(value, (int, float)) else value
    text = "" if number is None else f"{number:,}" if isinstance(number, (int, float)) else str(number)
    return f"{qualifier or ''}{text}{unit or ''}" or "（空）"


def team_view(project: Project) -> tuple[list[str], Mapping[tuple[int, int, int], Mapping[str, tuple]], list[tuple[str, str]]]:
    """(annotators with figure versions, the versions, notes for 汇总) — empty for a project without team work."""
    versions = figure_versions(project)
    annotators = sorted({name for by in versions.values() for name in by})
    notes: list[tuple[str, str]] = []
    documents = project_annotations(project)
    if documents:
        result = measure(documents)
        if len(result.annotators) >= 2 and result.documents:
            total = result.as_dict()
            notes.append(("标注一致性", f"F1 {total['f1']:.2f}，κ {total['kappa']:.2f}（{result.documents} 篇由多人标注："
                                         f"{'、'.join(result.annotators)}）"))
    return annotators, versions, notes
