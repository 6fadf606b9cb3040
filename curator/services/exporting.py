"""Exports (xlsx, jsonl, csv) and corrections coming back: the window and the CLI call these.

The store is read through curator.store.reports, row by row; the writers in curator.export
receive plain dicts. Exports never replace an existing file unless overwrite=True, which
the caller passes only after asking the user.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from curator.core.edits import Edit, combine, set_rows
from curator.core.evidence import evidence_for
from curator.core.model import STATUS_TITLES
from curator.export import corrections as corr
from curator.export.csvfile import CsvTable, write_csv_tables
from curator.export.files import ExportError, TargetExists
from curator.export.jsonl import write_jsonl
from curator.export.sheets import (
    ACCEPTED_TITLE, DOCUMENTS, EDITED, EDITED_MARK, FIGURES, INITIATIVES, ORIGIN_TITLES, SPANS, SheetSpec,
)
from curator.export.xlsx import PlaceCount, SheetRows, SummaryData, write_workbook
from curator.store import reports
from curator.store.project import Project, ProjectError
from curator.store.reports import Selection

__all__ = [
    "ExportOptions", "ExportSummary", "ExportError", "TargetExists", "CorrectionPlan",
    "export_workbook", "export_jsonl", "export_csv", "csv_paths", "export", "places", "plan_corrections",
    "corrections_edit",
]

FORMATS = (".xlsx", ".jsonl", ".csv")


@dataclass(frozen=True)
class ExportOptions:
    """Which part of the project to export; None means everything.

    statuses: documents with one of these statuses (e.g. {"reviewed"}); place: only fact rows
    of this place and the documents about it; labels: only spans (and fact sheets) of these labels.
    """

    statuses: frozenset[str] | None = None
    place: str | None = None
    labels: frozenset[str] | None = None

    def __post_init__(self) -> None:
        for name in ("statuses", "labels"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, frozenset(value))
        if self.place is not None and not self.place.strip():
            object.__setattr__(self, "place", None)

    @property
    def selection(self) -> Selection:
        return Selection(self.statuses, self.place)

    def wants(self, label: str) -> bool:
        return self.labels is None or label in self.labels

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values, for the window to remember the last choice (e.g. in QSettings)."""
        return {"statuses": sorted(self.statuses) if self.statuses is not None else None, "place": self.place,
                "labels": sorted(self.labels) if self.labels is not None else None}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ExportOptions:
        """The inverse of to_dict; anything unreadable means "everything"."""
        data = data if isinstance(data, Mapping) else {}

        def names(value: Any) -> frozenset[str] | None:
            return frozenset(str(v) for v in value) if isinstance(value, (list, tuple, set, frozenset)) else None

        place = data.get("place")
        return cls(names(data.get("statuses")), place if isinstance(place, str) else None, names(data.get("labels")))

    def describe(self) -> str:
        parts = []
        if self.statuses is not None:
            parts.append("状态：" + "、".join(STATUS_TITLES.get(s, s) for s in sorted(self.statuses)))
        if self.place:
            parts.append(f"地点：{self.place}")
        if self.labels is not None:
            parts.append("标签：" + "、".join(sorted(self.labels)))
        return "；".join(parts) or "全部"


@dataclass
class ExportSummary:
    paths: list[Path]
    rows: dict[str, int] = field(default_factory=dict)  # sheet or file title -> rows written
    config: str = ""  # for a Label Studio export: the labeling config that matches its tasks


# -- rows for the sheets ------------------------------------------------------------------------

class _Evidence:
    """Evidence sentences; keeps only the current document's text (rows come document by document)."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._doc_id: int | None = None
        self._text = ""

    def of(self, row: Mapping[str, Any]) -> tuple[str, str]:
        """(evidence sentence, the annotators of its evidence spans) for a fact row with evidence_spans."""
        if row["doc_id"] != self._doc_id:
            self._doc_id = row["doc_id"]
            self._text = reports.document_text(self._project, self._doc_id)
        found = row.get("evidence_spans") or []
        sentence = evidence_for(self._text, [(start, end) for start, end, _ in found])
        return sentence, "、".join(dict.fromkeys(who for _, _, who in found if who))


def initiative_rows(project: Project, options: ExportOptions) -> Iterator[dict[str, Any]]:
    if not options.wants("initiative"):
        return
    evidence = _Evidence(project)
    for row in reports.initiatives(project, options.selection):
        row["evidence"], row["annotator"] = evidence.of(row)
        row["status"] = STATUS_TITLES.get(row["status"], row["status"])
        row["key"] = corr.row_key(row)
        row["edited_mark"] = EDITED_MARK if row.get("edited") else ""
        row["check"] = corr.row_check(INITIATIVES, row)
        yield row


def figure_rows(project: Project, options: ExportOptions) -> Iterator[dict[str, Any]]:
    if not options.wants("figure"):
        return
    evidence = _Evidence(project)
    for row in reports.figures(project, options.selection):
        row["evidence"], row["annotator"] = evidence.of(row)
        row["key"] = corr.row_key(row)
        row["edited_mark"] = EDITED_MARK if row.get("edited") else ""
        row["check"] = corr.row_check(FIGURES, row)
        yield row


def span_rows(project: Project, options: ExportOptions) -> Iterator[dict[str, Any]]:
    titles = {label.name: label.title for label in project.labels()}
    for row in reports.spans(project, options.selection, labels=options.labels):
        row["label"] = titles.get(row["label"], row["label"])
        row["origin"] = origin_title(row["origin"], row.get("attrs"))
        yield row


def origin_title(origin: str, attrs: Any) -> str:
    """人工, 传播, 建议; a suggestion a person accepted (manual, with the suggester's source kept) is 建议，已确认."""
    if origin == "manual" and isinstance(attrs, Mapping) and attrs.get("source"):
        return ACCEPTED_TITLE
    return ORIGIN_TITLES.get(origin, origin)


def document_rows(project: Project, options: ExportOptions) -> Iterator[dict[str, Any]]:
    for row in reports.documents(project, options.selection):
        row["status"] = STATUS_TITLES.get(row["status"], row["status"])
        yield row


def summary_data(project: Project, options: ExportOptions) -> SummaryData:
    selection = options.selection
    titles = {label.name: label.title for label in project.labels()}
    places = [
        PlaceCount(place, documents, initiatives if options.wants("initiative") else 0,
                   figures if options.wants("figure") else 0)
        for place, documents, initiatives, figures in reports.place_counts(project, selection)
    ]
    labels = reports.label_counts(project, selection, labels=options.labels)
    statuses = reports.status_counts(project, selection)
    name = project.path.stem if project.path else "内存项目"
    return SummaryData(
        places=places,
        labels=[(titles.get(label, label), labels[label]) for label in _ordered(labels, titles)],
        statuses=[(title, statuses.get(status, 0)) for status, title in STATUS_TITLES.items()],
        notes=[("项目", name), ("导出时间", datetime.now().strftime("%Y-%m-%d %H:%M")), ("范围", options.describe()),
               ("说明", f"{EDITED.header}“{EDITED_MARK}”：该行经人工改正；来源“{ACCEPTED_TITLE}”：接受的自动建议")],
        project=name,
    )


def _ordered(counts: Mapping[str, int], titles: Mapping[str, str]) -> list[str]:
    order = {name: i for i, name in enumerate(titles)}
    return sorted(counts, key=lambda name: (order.get(name, len(order)), name))


# -- the exports ----------------------------------------------------------------------------------

def export_workbook(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
                    overwrite: bool = False) -> ExportSummary:
    """The workbook for officials: 汇总, 举措, 数据, 标注, 文章 (with each annotator's value after a team merge)."""
    from curator.services.team.workbook import figures_spec, team_view, with_versions

    annotators, versions, team_notes = team_view(project)
    figures = figure_rows(project, options)
    sheets = [
        SheetRows(INITIATIVES, initiative_rows(project, options)),
        SheetRows(figures_spec(FIGURES, annotators), with_versions(figures, versions, annotators) if annotators else figures),
        SheetRows(SPANS, span_rows(project, options)),
        SheetRows(DOCUMENTS, document_rows(project, options)),
    ]
    summary = summary_data(project, options)
    if team_notes:
        summary = replace(summary, notes=[*summary.notes, *team_notes])
    report = write_workbook(path, summary, sheets, overwrite=overwrite)
    return ExportSummary([report.path], report.rows)


def jsonl_documents(project: Project, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """Documents as `curator import` reads them; suggestions awaiting review are kept (origin "suggested")."""
    selection = options.selection
    for doc_id in reports.document_ids(project, selection):
        doc = project.document(doc_id)
        spans = [s for s in project.spans(doc_id) if options.labels is None or s.label in options.labels]
        line: dict[str, Any] = {
            "text": doc.text, "title": doc.title, "source": doc.source, "published": doc.published,
            "place": doc.place, "status": doc.status,
            "spans": [[s.start, s.end, s.label, {**s.attrs, "id": s.id, "origin": s.origin, "annotator": s.annotator,
                                                 "created": s.created, "updated": s.updated}] for s in spans],
        }
        for label, table in (("initiative", "initiatives"), ("figure", "figures")):
            rows = project.facts(table, doc_id=doc_id) if options.wants(label) else []
            if options.place is not None:
                rows = [row for row in rows if row.get("place") == options.place]
            line[table] = [{k: v for k, v in row.items() if k != "doc_id"} for row in rows]
        yield line


def export_jsonl(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
                 overwrite: bool = False) -> ExportSummary:
    count = write_jsonl(path, jsonl_documents(project, options), overwrite=overwrite)
    return ExportSummary([Path(path)], {"文章": count})


def csv_paths(path: str | Path) -> dict[str, Path]:
    """Where the fact tables go: OUT.csv -> OUT-举措.csv and OUT-数据.csv; a folder -> 举措.csv and 数据.csv in it."""
    path = Path(path)
    if path.is_dir():
        return {spec.title: path / f"{spec.title}.csv" for spec in (INITIATIVES, FIGURES)}
    stem = path.name[: -len(path.suffix)] if path.suffix.lower() == ".csv" else path.name
    return {spec.title: path.with_name(f"{stem}-{spec.title}.csv") for spec in (INITIATIVES, FIGURES)}


def export_csv(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
               overwrite: bool = False) -> ExportSummary:
    """One CSV per fact table (see csv_paths); neither is written if either may not be."""
    targets = csv_paths(path)
    tables = [CsvTable(targets[spec.title], spec, make(project, options))
              for spec, make in ((INITIATIVES, initiative_rows), (FIGURES, figure_rows))]
    counts = write_csv_tables(tables, overwrite=overwrite)
    return ExportSummary(list(targets.values()), {table.spec.title: n for table, n in zip(tables, counts)})


def places(project: Project) -> list[str]:
    """The places documents and fact rows name, most facts first (for choosing an export filter)."""
    return [place for place, *_counts in reports.place_counts(project, Selection()) if place]


def export_label_studio(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
                        overwrite: bool = False) -> ExportSummary:
    """A Label Studio task list with its annotations (and suggestions as predictions); the labeling
    config to paste into Label Studio is in the summary's `config`."""
    from curator.export.labelstudio import label_studio_config, write_label_studio

    count = write_label_studio(path, jsonl_documents(project, options), overwrite=overwrite)
    config = label_studio_config({label.name: label.color for label in project.labels() if options.wants(label.name)})
    return ExportSummary([Path(path)], {"任务": count}, config=config)


def export_doccano(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
                   overwrite: bool = False) -> ExportSummary:
    """doccano's JSONL: one document a line, spans in its `label` column."""
    from curator.export.doccano import write_doccano

    count = write_doccano(path, jsonl_documents(project, options), overwrite=overwrite)
    return ExportSummary([Path(path)], {"文章": count})


def export_conll(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
                 overwrite: bool = False) -> ExportSummary:
    """Character-level BIO, one character and its tag a line, a blank line between sentences."""
    from curator.export.conll import write_conll

    summary = write_conll(path, jsonl_documents(project, options), overwrite=overwrite)
    rows = {"文章": summary.documents, "句子": summary.sentences}
    if summary.overlapping:
        rows["重叠未写"] = summary.overlapping  # BIO holds one tag a character: nested spans are left out
    return ExportSummary([Path(path)], rows)


# suffix (or --format name) -> writer; one entry per export format
EXPORT_FORMATS = {
    ".xlsx": export_workbook, ".jsonl": export_jsonl, ".csv": export_csv, ".conll": export_conll,
    ".json": export_label_studio, "label-studio": export_label_studio, "doccano": export_doccano,
}


def export(project: Project, path: str | Path, options: ExportOptions = ExportOptions(), *,
           overwrite: bool = False, fmt: str | None = None) -> ExportSummary:
    """Export in the format fmt names, else the suffix does (.xlsx, .jsonl, .csv, .json for Label
    Studio, .conll; a folder means csv)."""
    path = Path(path)
    key = fmt or (".csv" if path.is_dir() else path.suffix.lower())
    if key not in EXPORT_FORMATS:
        raise ExportError(f"{path.name}: unknown export format {key or '(no suffix)'}; "
                          "use .xlsx, .jsonl, .csv, .json (Label Studio), .conll, or --format doccano")
    return EXPORT_FORMATS[key](project, path, options, overwrite=overwrite)


# -- corrections coming back ------------------------------------------------------------------------

@dataclass
class CorrectionPlan:
    changes: list[corr.CellChange] = field(default_factory=list)
    unmatched: list[corr.Unmatched] = field(default_factory=list)
    before: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)  # (table, id) -> stored row
    rows_read: int = 0

    def __bool__(self) -> bool:
        return bool(self.changes)

    def lines(self) -> list[str]:
        """What would change (old -> new per cell), then what was not matched, for people."""
        out = [str(change) for change in self.changes]
        out += [f"未匹配 {item}" for item in self.unmatched]
        return out


def plan_corrections(project: Project, path: str | Path) -> CorrectionPlan:
    """Compare a returned workbook's 举措 and 数据 sheets with the project; nothing is changed.

    Raises curator.export.safe_zip.UnsafeWorkbook for a file that is not a safe, readable workbook.
    """
    plan = CorrectionPlan()
    specs: dict[str, SheetSpec] = {INITIATIVES.title: INITIATIVES, FIGURES.title: FIGURES}
    for title, rows in corr.read_returned(path).items():
        spec = specs[title]
        plan.rows_read += len(rows)
        twice = corr.duplicate_ids(rows)
        for row in rows:
            try:
                row_id = corr.parse_row_id(row.values.get(corr.ROW_ID.key))
            except ValueError as exc:
                plan.unmatched.append(corr.Unmatched(title, row.number, str(exc)))
                continue
            if row_id in twice:
                plan.unmatched.append(corr.Unmatched(title, row.number, f"row id {row_id} appears more than once"))
                continue
            try:
                stored = project.row(spec.table, row_id)
            except ProjectError:
                plan.unmatched.append(corr.Unmatched(title, row.number, f"no {spec.title} row {row_id} in this project"))
                continue
            changes, refused = corr.diff_row(spec, row, stored)
            if refused:
                plan.unmatched.append(refused)
            elif changes:
                plan.changes.extend(changes)
                plan.before[(spec.table, row_id)] = stored
    return plan


def corrections_edit(plan: CorrectionPlan, *, label: str = "导入修改") -> Edit:
    """All the plan's changes as one Edit (one undo step); fact rows are marked edited."""
    after: dict[tuple[str, int], dict[str, Any]] = {}
    for change in plan.changes:
        key = (change.table, change.row_id)
        row = after.setdefault(key, {**plan.before[key], "edited": 1})
        row[change.column] = change.new
    edits = [
        set_rows(label, table, [(plan.before[key], row) for key, row in after.items() if key[0] == table])
        for table in ("initiatives", "figures")
    ]
    return combine(label, edits)
