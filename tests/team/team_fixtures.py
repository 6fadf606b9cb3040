"""Helpers for team tests: a seed project split into packages, and annotating a package as its annotator would."""

from __future__ import annotations

import re
from pathlib import Path

from curator.core.edits import set_cell, set_status, tag_span
from curator.core.model import FACT_TABLES
from curator.services.team.split import split_project
from curator.store import Project

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["张三", "李四", "王五"]


def package_path(outdir: Path, name: str, stem: str = "team") -> Path:
    return outdir / f"{stem}-{name}.curator"


def shas(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as package:
        return {package.document(d.id).sha256 for d in package.documents()}


def doc_by_sha(package: Project, sha: str):
    return next(package.document(d.id) for d in package.documents() if package.document(d.id).sha256 == sha)


def tag(package: Project, doc, start: int, end: int, label: str):
    """Tag as the window does: the package's annotator on the span, a fact row for figures and initiatives."""
    edit = tag_span(doc, start, end, label, span_id=package.next_id("spans"),
                    fact_id=package.next_id(FACT_TABLES[label]) if label in FACT_TABLES else None,
                    annotator=package.package_annotator(), doc_spans=package.spans(doc.id))
    package.apply(edit)
    return package.span(edit.changes[0].after["id"])


def finish(package: Project, doc) -> None:
    package.apply(set_status(package.document(doc.id), "done"))


def set_figure_value(package: Project, span, value: float) -> None:
    row = next(r for r in package.facts("figures", doc_id=span.doc_id) if span.id in r["span_ids"])
    package.apply(set_cell("figures", row, "value", value))


def figure_piece(text: str) -> tuple[int, int]:
    """A number (with what follows it) past the title: a figure span that parses."""
    match = re.compile(r"\d+(?:\.\d+)?[万亿]?[个人项名场次处家份条]").search(text, 30)
    assert match, "the document has no figure"
    return match.start(), match.end()


def split_seeds(project: Project, outdir: Path, *, overlap: float = 0.5, seed: int = 7, names=NAMES):
    return split_project(project, outdir, annotators=list(names), overlap=overlap, seed=seed)


def shared_sha(outdir: Path) -> str:
    return sorted(set.intersection(*(shas(package_path(outdir, n)) for n in NAMES)))[0]


def own_sha(outdir: Path, name: str) -> str:
    others = set.union(*(shas(package_path(outdir, n)) for n in NAMES if n != name))
    return sorted(shas(package_path(outdir, name)) - others)[0]


def annotate_shared(outdir: Path, sha: str) -> dict[str, int]:
    """张三 and 李四 agree on a place and a figure; 王五 gives the figure another value; the org differs."""
    ends = {}
    for name, org_end, value in (("张三", 14, None), ("李四", 15, None), ("王五", None, 999.0)):
        with Project.open(package_path(outdir, name)) as package:
            doc = doc_by_sha(package, sha)
            tag(package, doc, 0, 4, "place")
            start, end = figure_piece(doc.text)
            figure = tag(package, doc, start, end, "figure")
            if value is not None:
                set_figure_value(package, figure, value)
            if org_end:
                tag(package, doc, 10, org_end, "org")
            finish(package, doc)
            ends[name] = end
    return ends


def dump_tables(project: Project) -> dict[str, list]:
    """Every row a merge may touch, to compare before and after."""
    conn = project.db.conn
    return {table: conn.execute(f"SELECT * FROM [{table}] ORDER BY 1").fetchall()
            for table in ("documents", "spans", "figures", "initiatives", "disputes", "annotator_documents",
                          "merged_packages", "labels")}
