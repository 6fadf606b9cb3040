"""Quality of the suggestions against the hand-made gold (tests/data/gold), per label.

    python benchmarks/bench_quality.py [--set seeds|extra|both] [--errors LABEL] [--no-write]

Scores are exact span matches (start and end both right); "overlap F1" counts a suggestion
that overlaps a gold span of its label as a hit. For matched figures: value, unit and
qualifier accuracy, and indicator accuracy (the gold lists the accepted indicators).
Three suggesters: the rules, the learned one (python-crfsuite; on a set it is trained on the
other set, so it never sees the article it is scored on) and both (union). The learning
curve trains on 1, 2 and 3 seed articles and scores the other articles (the remaining seeds
and the extra set). Writes benchmarks/quality.md unless --no-write.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gold import SPAN_LABELS, GoldDoc, load  # noqa: E402

from curator.core.suggest import Suggestion, suggest  # noqa: E402

Suggester = Callable[[str], list[Suggestion]]


@dataclass
class Counts:
    found: int = 0
    gold: int = 0
    hit: int = 0
    overlap_found: int = 0
    overlap_gold: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.hit / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def overlap_f1(self) -> float:
        p = self.overlap_found / self.found if self.found else 1.0
        r = self.overlap_gold / self.gold if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FigureChecks:
    matched: int = 0
    value: int = 0
    unit: int = 0
    qualifier: int = 0
    indicator: int = 0


def _overlaps(a: tuple[int, int], keys: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in keys)


def score_doc(doc: GoldDoc, found: list[Suggestion], label: str) -> Counts:
    gold = doc.keys(label)
    got = {(s.start, s.end) for s in found if s.label == label}
    return Counts(len(got), len(gold), len(got & gold),
                  sum(_overlaps(k, gold) for k in got), sum(_overlaps(k, got) for k in gold))


def check_figures(doc: GoldDoc, found: list[Suggestion], checks: FigureChecks, errors: list[str]) -> None:
    by_key = {(s.start, s.end): s for s in found if s.label == "figure"}
    for row in doc.spans["figure"]:
        s = by_key.get((row["start"], row["end"]))
        if s is None:
            continue
        checks.matched += 1
        checks.value += abs(s.attrs.get("value", -1) - row["value"]) < 1e-6
        checks.unit += s.attrs.get("unit") == row["unit"]
        checks.qualifier += s.attrs.get("qualifier") == row["qualifier"]
        accepted = [row["indicator"], *row.get("indicator_also", [])]
        if s.attrs.get("indicator") in accepted:
            checks.indicator += 1
        else:
            errors.append(f"{doc.name} {row['text']!r}: indicator {s.attrs.get('indicator')!r}, want {accepted[0]!r}")
        if (s.attrs.get("unit"), s.attrs.get("qualifier")) != (row["unit"], row["qualifier"]):
            errors.append(f"{doc.name} {row['text']!r}: unit/qualifier {s.attrs.get('unit')!r}/"
                          f"{s.attrs.get('qualifier')!r}, want {row['unit']!r}/{row['qualifier']!r}")


def evaluate(docs: list[GoldDoc], suggester: Suggester, *, errors: dict[str, list[str]] | None = None
             ) -> tuple[dict[str, Counts], FigureChecks]:
    totals = {label: Counts() for label in SPAN_LABELS}
    checks = FigureChecks()
    errors = errors if errors is not None else {}
    for doc in docs:
        found = suggester(doc.text)
        for label in SPAN_LABELS:
            totals[label].add(score_doc(doc, found, label))
            got = {(s.start, s.end): s for s in found if s.label == label}
            gold = doc.keys(label)
            for key in sorted(got.keys() - gold):
                errors.setdefault(label, []).append(f"{doc.name} extra {doc.text[key[0]:key[1]]!r} @{key[0]}")
            for key in sorted(gold - got.keys()):
                errors.setdefault(label, []).append(f"{doc.name} missed {doc.text[key[0]:key[1]]!r} @{key[0]}")
        check_figures(doc, found, checks, errors.setdefault("figure-attrs", []))
    return totals, checks


# --- suggesters -------------------------------------------------------------------------

def rules(text: str) -> list[Suggestion]:
    return suggest(text)


def learned_suggester(train_docs: list[GoldDoc], *, use_rules: bool = True) -> Suggester:
    from curator.core.suggest.learned import Example, predict, train

    model = train([Example(d.text, tuple((r["start"], r["end"], label) for label in SPAN_LABELS
                                         for r in d.spans[label])) for d in train_docs], use_rules=use_rules)
    return lambda text: predict(model, text)


def combined(rules_: Suggester, learned: Suggester) -> Suggester:
    """The rules, plus learned suggestions scored >= 0.5 where no rule suggestion of their label is."""
    from curator.core.suggest.learned import merge

    return lambda text: merge(rules_(text), learned(text))


# --- report -----------------------------------------------------------------------------

def table(results: dict[str, tuple[dict[str, Counts], FigureChecks]]) -> list[str]:
    lines = ["| label | " + " | ".join(f"{name} P / R / F1" for name in results) + " | rules overlap F1 |",
             "|---|" + "---|" * (len(results) + 1)]
    first = next(iter(results.values()))[0]
    for label in SPAN_LABELS:
        cells = []
        for totals, _ in results.values():
            c = totals[label]
            cells.append(f"{c.precision:.2f} / {c.recall:.2f} / {c.f1:.2f}")
        lines.append(f"| {label} ({first[label].gold}) | " + " | ".join(cells) + f" | {first[label].overlap_f1:.2f} |")
    return lines


def figure_lines(name: str, checks: FigureChecks) -> str:
    n = checks.matched or 1
    return (f"{name}: {checks.matched} matched figures; value {checks.value / n:.1%}, unit {checks.unit / n:.1%}, "
            f"qualifier {checks.qualifier / n:.1%}, indicator {checks.indicator / n:.1%}")


def learning_curve(seeds: list[GoldDoc], extra: list[GoldDoc]) -> list[str]:
    lines = ["| trained on | learned, characters only P / R | learned P / R | rules P / R | both P / R |",
             "|---|---|---|---|---|"]
    labels = [label for label in SPAN_LABELS if label != "doc"]
    for k in (1, 2, 3):
        test = seeds[k:] + extra
        cells = []
        learned = learned_suggester(seeds[:k])
        alone = learned_suggester(seeds[:k], use_rules=False)
        for suggester in (alone, learned, rules, combined(rules, learned)):
            total = Counts()
            totals, _ = evaluate(test, suggester)
            for label in labels:
                total.add(totals[label])
            cells.append(f"{total.precision:.2f} / {total.recall:.2f}")
        lines.append(f"| {k} article{'s' if k > 1 else ''} | " + " | ".join(cells) + " |")
    return lines


def annotated_project(folder: Path, seeds: list[GoldDoc], copies: int):
    """A project file of len(seeds) * copies articles, every gold span accepted (origin manual)."""
    from curator.core.edits import combine, tag_span
    from curator.core.importing import read_path
    from curator.store import Project

    texts = folder / "texts"
    texts.mkdir()
    for n in range(copies):
        for doc in seeds:  # a distinct last line, so no copy is a duplicate of another
            (texts / f"{n:03d}_{doc.name}.txt").write_text(doc.text + f"\n（{n}）", encoding="utf-8")
    project = Project.open(folder / "bench.curator")
    project.import_batches(read_path(texts))
    by_start = {doc.text: doc for doc in seeds}
    for summary in project.documents():
        stored = project.document(summary.id)
        gold = by_start[stored.text.rpartition("\n")[0]]
        rows = [(r["start"], r["end"], label) for label in SPAN_LABELS for r in gold.spans[label]]
        first = project.next_id("spans", len(rows))
        project.apply(combine("gold", [tag_span(stored, s, e, label, span_id=first + i)
                                       for i, (s, e, label) in enumerate(rows)]))
    return project


def training_time(seeds: list[GoldDoc], *, copies: int = 25, runs: int = 3) -> list[str]:
    """Seconds to train from a 100-article project, beside the seconds to read the same rows."""
    import statistics
    import tempfile

    from curator.services.learning import train_from_project, training_examples

    with tempfile.TemporaryDirectory() as folder:
        project = annotated_project(Path(folder), seeds, copies)
        try:
            training_examples(project)  # warm the page cache and jieba's dictionary
            train_from_project(project)
            reads, trains = [], []
            for _ in range(runs):
                start = time.perf_counter()
                examples = training_examples(project)
                reads.append(time.perf_counter() - start)
                start = time.perf_counter()
                model = train_from_project(project)
                trains.append(time.perf_counter() - start)
        finally:
            project.close()
    read, trained = statistics.median(reads), statistics.median(trains)
    chars = sum(len(e.text) for e in examples)
    spans = sum(len(e.spans) for e in examples)
    return [f"training from a project of {len(examples)} annotated articles ({chars:,} chars, {spans:,} accepted "
            f"spans, {len(model.labels)} labels): {trained:.2f} s (median of {runs}), of which reading the rows "
            f"{read:.2f} s; training / reading = {trained / read:.1f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", "extra", "both"), default="both")
    parser.add_argument("--errors", default="", help="print the errors of this label (or figure-attrs)")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    seeds, extra = load("seeds"), load("extra")
    sets = {"seeds": (seeds, extra), "extra": (extra, seeds)}
    chosen = sets if args.set == "both" else {args.set: sets[args.set]}
    out: list[str] = []
    for name, (docs, others) in chosen.items():
        errors: dict[str, list[str]] = {}
        results = {"rules": evaluate(docs, rules, errors=errors)}
        if not args.rules_only:
            learned = learned_suggester(others)
            results["learned"] = evaluate(docs, learned)
            results["both"] = evaluate(docs, combined(rules, learned))
        out += [f"### {name} ({len(docs)} articles, {sum(len(d.text) for d in docs):,} chars)", ""]
        out += table(results) + [""]
        out += [figure_lines(f"- {k}", checks) for k, (_, checks) in results.items()] + [""]
        for line in errors.get(args.errors, []):
            print("  ", line)
    if not args.rules_only:
        out += ["### learning curve (all labels but doc, micro-averaged; trained on the first 1, 2, 3 seed articles, "
                "scored on the other seeds and the extra set)", ""]
        out += learning_curve(seeds, extra) + [""]
        out += ["- " + line for line in training_time(seeds)] + [""]
    print("\n".join(out))
    if not args.no_write and not args.rules_only:
        (ROOT / "benchmarks" / "quality.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
