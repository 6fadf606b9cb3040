"""Team work at scale: merging two packages of 10,000 documents (20 spans each) and their agreement.

    python benchmarks/bench_team.py [--docs 10000] [--runs 3] [--data DIR]

A synthetic project (benchmarks/synth.py) is split into two packages that both hold every
document; both annotators finish every document and the second moves the end of every tenth
span, so about 10% of the spans disagree and become disputes. Each run merges into a fresh copy
of the project. Baselines, measured in the same run: reading the same rows (every span, fact row
and document status of both packages for the merge; every stored annotator span and fact row for
the agreement). Times are medians of --runs runs; read the ratios, the machine is shared
(the CPU seconds of this process are printed too).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from curator.services.team.agreement import agreement  # noqa: E402
from curator.services.team.merge import merge_packages  # noqa: E402
from curator.services.team.split import split_project  # noqa: E402
from curator.store import Project  # noqa: E402

LIMITS = {"merge": 10.0, "agreement": 5.0}


def prepare(data: Path, docs: int) -> tuple[Path, list[Path]]:
    project = data / f"team-{docs}.curator"
    packages = [data / "packages" / f"team-{docs}-{name}.curator" for name in ("甲", "乙")]
    if project.exists() and all(p.exists() for p in packages):
        return project, packages
    for leftover in [project, *packages]:
        leftover.unlink(missing_ok=True)
    print(f"generating {docs:,} documents and two packages in {data} ...", file=sys.stderr, flush=True)
    synth.make_project(project, docs)
    with Project.open(project) as store:
        split_project(store, data / "packages", annotators=["甲", "乙"], overlap=1.0, seed=1, force=True)
    for n, path in enumerate(packages):
        conn = sqlite3.connect(path)
        conn.execute("UPDATE documents SET status = 'done'")
        if n == 1:
            conn.execute("UPDATE spans SET end = end + 1 WHERE id % 10 = 0")
        conn.commit()
        conn.close()
    return project, packages


def read_rows(paths: list[Path]) -> int:
    """The baseline: every row a merge reads from the packages."""
    count = 0
    for path in paths:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        for sql in ("SELECT doc_id, id, start, end, label, text, attrs, origin, annotator, created, updated FROM spans",
                    "SELECT * FROM figures", "SELECT * FROM initiatives", "SELECT id, sha256, title, status FROM documents"):
            count += len(conn.execute(sql).fetchall())
        conn.close()
    return count


def read_stored(path: Path) -> int:
    """The baseline of the agreement: the annotators' spans and fact rows as stored by the merge, parsed."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    count = 0
    for doc_id, who, spans, facts in conn.execute("SELECT doc_id, annotator, spans, facts FROM annotator_documents"):
        count += len(json.loads(spans)) + len(json.loads(facts))
    conn.close()
    return count


CPU: dict[str, list[float]] = {}


def timed(function, name: str = "") -> tuple[float, object]:
    """Wall seconds (and, under name, CPU seconds of this process: the machine is shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = function()
    CPU.setdefault(name, []).append(time.process_time() - cpu)
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "curator-bench-team")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    project, packages = prepare(args.data, args.docs)
    times: dict[str, list[float]] = {"merge": [], "read packages": [], "agreement": [], "read stored": []}
    for run in range(args.runs):
        target = args.data / f"run-{run}.curator"
        shutil.copyfile(project, target)
        with Project.open(target) as store:
            seconds, report = timed(lambda: merge_packages(store, packages), "merge")
        times["merge"].append(seconds)
        times["read packages"].append(timed(lambda: read_rows(packages))[0])
        seconds, result = timed(lambda: agreement([target]), "agreement")
        times["agreement"].append(seconds)
        times["read stored"].append(timed(lambda: read_stored(target))[0])
        target.unlink()
    median = {name: statistics.median(values) for name, values in times.items()}
    out = {
        "documents": args.docs, "spans_per_package": args.docs * 20, "disputes": report.disputes,
        "f1": result.as_dict()["f1"], "seconds": {k: round(v, 3) for k, v in median.items()},
        "cpu_seconds": {k: round(statistics.median(v), 3) for k, v in CPU.items() if k},
        "merge_ratio": round(median["merge"] / median["read packages"], 1),
        "agreement_ratio": round(median["agreement"] / median["read stored"], 1),
        "within_limits": median["merge"] < LIMITS["merge"] and median["agreement"] < LIMITS["agreement"],
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
