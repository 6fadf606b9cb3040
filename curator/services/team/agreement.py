"""Agreement between annotators, over the documents two of them both did.

- span F1, exact: a span matches a span of the other annotator with the same label and boundaries;
  F1 = 2·matched / (spans of a + spans of b), summed over documents (and pairs, labels for the totals).
- span F1, overlap: a span matches when the other has one of the same label overlapping it;
  F1 = (a's matched + b's matched) / (spans of a + spans of b).
- Cohen's κ at character level, per label: every character of a document both did is tagged with the
  label by each annotator or not; κ = (p_o − p_e) / (1 − p_e) from the 2×2 table of those characters.
  Totals pool the 2×2 tables of all labels (and pairs).
- figures: of the figure spans both made, the share whose fact rows have equal value, unit and qualifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from curator.services.team.errors import TeamError
from curator.services.team.merge import read_package
from curator.store import Project, ProjectError
from curator.store.team import DocWork, stored_work, texts

WORST = 10
Key = tuple[int, int, str]


class Annotation:
    """One annotator's spans on one document (grouped by label), and the values of their figure spans."""

    __slots__ = ("spans", "by_label", "figures")

    def __init__(self, spans: frozenset[Key], figures: Mapping[tuple[int, int], tuple[Any, Any, Any]]) -> None:
        self.spans = spans
        self.figures = figures
        self.by_label: dict[str, list[Key]] = {}
        for span in sorted(spans):
            self.by_label.setdefault(span[2], []).append(span)


@dataclass(frozen=True)
class DocAnnotations:
    title: str
    length: int
    by: Mapping[str, Annotation]


@dataclass
class Counts:
    """Sums for F1 and κ: matched spans, span totals, and the characters' 2×2 table."""

    matched: int = 0
    a: int = 0
    b: int = 0
    overlap_a: int = 0
    overlap_b: int = 0
    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def add(self, o: Counts) -> None:
        self.matched += o.matched
        self.a += o.a
        self.b += o.b
        self.overlap_a += o.overlap_a
        self.overlap_b += o.overlap_b
        self.both += o.both
        self.only_a += o.only_a
        self.only_b += o.only_b
        self.neither += o.neither

    def f1(self) -> float | None:
        return 2 * self.matched / (self.a + self.b) if self.a + self.b else None

    def overlap_f1(self) -> float | None:
        return (self.overlap_a + self.overlap_b) / (self.a + self.b) if self.a + self.b else None

    def kappa(self) -> float | None:
        n = self.both + self.only_a + self.only_b + self.neither
        if not n:
            return None
        observed = (self.both + self.neither) / n
        pa, pb = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        chance = pa * pb + (1 - pa) * (1 - pb)
        return None if chance == 1 else (observed - chance) / (1 - chance)

    def as_dict(self) -> dict[str, Any]:
        return {"f1": _round(self.f1()), "overlap_f1": _round(self.overlap_f1()), "kappa": _round(self.kappa()),
                "spans": self.a + self.b, "matched": self.matched}


@dataclass
class Agreement:
    annotators: list[str]
    documents: int
    total: Counts = field(default_factory=Counts)
    by_label: dict[str, Counts] = field(default_factory=dict)
    pairs: dict[tuple[str, str], Counts] = field(default_factory=dict)
    pair_documents: dict[tuple[str, str], int] = field(default_factory=dict)
    figures_matched: int = 0
    figures_equal: int = 0
    worst: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        total = self.total.as_dict()
        return {
            "annotators": self.annotators,
            "documents": self.documents,
            "f1": total["f1"], "overlap_f1": total["overlap_f1"], "kappa": total["kappa"],
            "by_label": {label: counts.as_dict() for label, counts in sorted(self.by_label.items())},
            "pairs": [{"annotators": list(pair), "documents": self.pair_documents.get(pair, 0), **counts.as_dict()}
                      for pair, counts in self.pairs.items()],
            "figures": {"matched": self.figures_matched, "equal": self.figures_equal,
                        "share": _round(self.figures_equal / self.figures_matched) if self.figures_matched else None},
            "disagreeing_documents": self.worst,
        }

    def lines(self) -> list[str]:
        out = [f"annotators: {', '.join(self.annotators)}; documents done by two or more: {self.documents}",
               f"overall: {_scores(self.total)}"]
        for label, counts in sorted(self.by_label.items()):
            out.append(f"  {label:<12} {_scores(counts)}")
        for pair, counts in self.pairs.items():
            out.append(f"  {pair[0]} – {pair[1]}: F1 {_pct(counts.f1())}, κ {_num(counts.kappa())} "
                       f"over {self.pair_documents.get(pair, 0)} document(s)")
        if self.figures_matched:
            out.append(f"figures: {self.figures_equal} of {self.figures_matched} matched figures have equal "
                       "value, unit and qualifier")
        for doc in self.worst:
            out.append(f"  disagree: {doc['title']} (F1 {_pct(doc['f1'])}, {doc['differences']} difference(s))")
        return out


def measure(documents: Mapping[Any, DocAnnotations]) -> Agreement:
    """Agreement over every document at least two annotators did."""
    names = sorted({name for doc in documents.values() for name in doc.by})
    result = Agreement(names, 0)
    per_doc = []
    for key, doc in documents.items():
        if len(doc.by) < 2:
            continue
        result.documents += 1
        doc_total = Counts()
        for a, b in combinations(sorted(doc.by), 2):
            pair = (a, b)
            result.pair_documents[pair] = result.pair_documents.get(pair, 0) + 1
            counts = result.pairs.setdefault(pair, Counts())
            for label, label_counts in _compare(doc.by[a], doc.by[b], doc.length).items():
                counts.add(label_counts)
                result.by_label.setdefault(label, Counts()).add(label_counts)
                result.total.add(label_counts)
                doc_total.add(label_counts)
            matched, equal = _figures(doc.by[a], doc.by[b])
            result.figures_matched += matched
            result.figures_equal += equal
        differences = doc_total.a + doc_total.b - 2 * doc_total.matched
        if differences:
            per_doc.append({"doc": key, "title": doc.title, "f1": _round(doc_total.f1()), "differences": differences})
    per_doc.sort(key=lambda d: (d["f1"] if d["f1"] is not None else 0, -d["differences"]))
    result.worst = per_doc[:WORST]
    return result


def _compare(a: Annotation, b: Annotation, length: int) -> dict[str, Counts]:
    out = {}
    for label in a.by_label.keys() | b.by_label.keys():
        sa, sb = a.by_label.get(label, []), b.by_label.get(label, [])
        counts = Counts(matched=len(set(sa).intersection(sb)), a=len(sa), b=len(sb),
                        overlap_a=sum(1 for x in sa if any(x[0] < y[1] and y[0] < x[1] for y in sb)),
                        overlap_b=sum(1 for y in sb if any(x[0] < y[1] and y[0] < x[1] for x in sa)))
        ua, ub = _union(sa), _union(sb)
        both = _intersection(ua, ub)
        in_a, in_b = sum(e - s for s, e in ua), sum(e - s for s, e in ub)
        counts.both, counts.only_a, counts.only_b = both, in_a - both, in_b - both
        counts.neither = length - (in_a + in_b - both)
        out[label] = counts
    return out


def _union(spans: Sequence[Key]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end, _label in spans:  # sorted
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _intersection(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _figures(a: Annotation, b: Annotation) -> tuple[int, int]:
    shared = a.figures.keys() & b.figures.keys()
    return len(shared), sum(1 for key in shared if a.figures[key] == b.figures[key])


def _scores(counts: Counts) -> str:
    return f"F1 {_pct(counts.f1())} (overlap {_pct(counts.overlap_f1())}), κ {_num(counts.kappa())}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


# -- where the annotations come from --------------------------------------------------------------


def annotation(work: DocWork) -> Annotation:
    keys = work.span_keys()
    figures = {}
    for table, row in work.facts:
        if table != "figures":
            continue
        for span_id in row.get("span_ids") or ():
            key = keys.get(span_id)
            if key and key[2] == "figure":
                figures.setdefault(key[:2], (row.get("value"), row.get("unit") or "", row.get("qualifier") or ""))
    return Annotation(frozenset(keys.values()), figures)


def project_annotations(project: Project) -> dict[int, DocAnnotations]:
    """What the merged packages brought into project, per document."""
    work = stored_work(project)
    info = texts(project, work)
    return {doc_id: DocAnnotations(info[doc_id][0], info[doc_id][1], {n: annotation(w) for n, w in by.items()})
            for doc_id, by in work.items()}


def package_annotations(paths: Sequence[str | Path]) -> dict[str, DocAnnotations]:
    """The packages' work matched by sha256; they must come from one project and have different annotators."""
    contents = [read_package(path) for path in paths]
    if len({c.origin for c in contents}) > 1:
        raise TeamError("the packages come from different projects; agreement compares packages of one project")
    seen: set[str] = set()
    docs: dict[str, dict[str, Any]] = {}
    for path, content in zip(paths, contents):
        if content.annotator in seen:
            raise TeamError(f"{path}: annotator {content.annotator} is in two of the packages")
        seen.add(content.annotator)
        for doc in content.documents:
            entry = docs.setdefault(doc.sha256, {"title": doc.title, "length": doc.length, "by": {}})
            if doc.work is not None:
                entry["by"][content.annotator] = annotation(doc.work)
    return {sha: DocAnnotations(e["title"], e["length"], e["by"]) for sha, e in docs.items()}


def agreement(paths: Sequence[str | Path]) -> Agreement:
    """`curator agreement`: one merged project, or several packages."""
    if not paths:
        raise TeamError("name a project, or two or more packages")
    if len(paths) == 1:
        try:
            with Project.open(paths[0], create=False, read_only=True) as project:
                if project.package_annotator():
                    raise TeamError(f"{paths[0]}: a single package has one annotator; name two or more packages, "
                                    "or the project they were merged into")
                return measure(project_annotations(project))
        except ProjectError as exc:
            raise TeamError(str(exc)) from None
    return measure(package_annotations(paths))


def figure_versions(project: Project) -> dict[tuple[int, int, int], dict[str, tuple[Any, Any, Any]]]:
    """(doc_id, start, end) of a figure span -> annotator -> (value, unit, qualifier) they gave it.

    For the workbook: each annotator's value beside the adjudicated one.
    """
    out: dict[tuple[int, int, int], dict[str, tuple[Any, Any, Any]]] = {}
    for doc_id, by in stored_work(project).items():
        for name, work in by.items():
            for (start, end), values in annotation(work).figures.items():
                out.setdefault((doc_id, start, end), {})[name] = values
    return out
