"""Every benchmark of issue 7, each next to its baseline measured in the same run.

    python benchmarks/run_all.py --quick        # 1,000 and 10,000 documents (a few minutes)
    python benchmarks/run_all.py                # also 100,000 documents (generates ~1.5 GB once)

Writes benchmarks/results.json and benchmarks/results.md. Synthetic projects (benchmarks/synth.py)
are cached in --data (default: $TMPDIR/curator-bench) and reused. Times are medians of --runs
runs. Other processes share the CPU, so read the ratio to the baseline, not the seconds alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from bench_suggest import median_seconds as median  # noqa: E402

from curator.core.edits import tag_span  # noqa: E402
from curator.core.importing import read_path  # noqa: E402
from curator.store import Project  # noqa: E402

SYNTH_VERSION = 3  # bump when synth.py changes what it writes
QUERIES = {2: ["文明", "志愿", "格尔", "交通", "卫生"], 4: ["文明实践", "光盘行动", "交通安全", "环境卫生", "志愿服务"]}


def project_of(data: Path, docs: int) -> Path:
    path = data / f"docs-{docs}-v{SYNTH_VERSION}.curator"
    if not path.exists():
        print(f"generating {docs:,} documents into {path} ...", file=sys.stderr, flush=True)
        partial = path.with_name(path.name + ".partial")
        for leftover in data.glob(partial.name + "*"):
            leftover.unlink()
        synth.make_project(partial, docs)
        os.replace(partial, path)
        Path(str(partial) + ".lock").unlink(missing_ok=True)
    return path


# -- the measurements ---------------------------------------------------------------------------


def bench_import(data: Path, files: int, runs: int) -> dict:
    folder = data / f"txt-{files}-v{SYNTH_VERSION}"
    if not folder.exists():
        synth.write_txt_folder(folder.with_name(folder.name + ".partial"), files)
        os.replace(folder.with_name(folder.name + ".partial"), folder)
    size = sum(p.stat().st_size for p in folder.iterdir())

    def baseline() -> None:
        for path in sorted(folder.iterdir()):
            hashlib.sha256(path.read_bytes()).hexdigest()

    def curator() -> None:
        with tempfile.TemporaryDirectory(dir=data) as tmp:
            with Project.open(Path(tmp) / "import.curator") as store:
                report = store.import_batches(read_path(folder))
            assert len(report.added) == files, report.problems[:3]

    seconds, base = median(curator, runs), median(baseline, runs)
    return {"what": f"import {files:,} .txt files ({size / 1e6:.1f} MB)", "goal": ">= 2 MB/s",
            "value": f"{size / 1e6 / seconds:.2f} MB/s", "baseline": f"read + sha256: {size / 1e6 / base:.0f} MB/s",
            "ratio": base / seconds, "met": size / 1e6 / seconds >= 2, "seconds": seconds}


def bench_search(path: Path, docs: int, runs: int) -> list[dict]:
    rows = []
    with Project.open(path, read_only=True) as store:
        conn = store.db.conn
        for length, queries in QUERIES.items():
            ours = statistics.median(median(lambda q=q: store.search(q), runs) for q in queries)
            scan = statistics.median(median(lambda q=q: conn.execute(
                "SELECT id, title, status FROM documents WHERE text LIKE ? ORDER BY id LIMIT 200", [f"%{q}%"]).fetchall(),
                runs) for q in queries)
            full = statistics.median(median(lambda q=q: conn.execute(
                "SELECT COUNT(*) FROM documents WHERE text LIKE ?", [f"%{q}%"]).fetchone(), 1) for q in queries)
            rows.append({"what": f"search, {length}-character queries, {docs:,} documents", "goal": "< 50 ms",
                         "value": f"{ours * 1000:.1f} ms",
                         "baseline": f"LIKE scan: {scan * 1000:.1f} ms to 200 hits, {full * 1000:.0f} ms to count all",
                         "ratio": full / ours, "met": ours < 0.05, "seconds": ours})
    return rows


def bench_open(path: Path, docs: int, runs: int) -> list[dict]:
    """Whole processes: the window on the project until the first article is painted, next to a bare window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as home:  # the window's settings (last project) go here, not to the user's
        env.update(XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home)
        bare = "\n".join([
            "from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit",
            "from PySide6.QtCore import QObject, QEvent, QTimer",
            "app = QApplication([]); w = QMainWindow(); e = QPlainTextEdit(); w.setCentralWidget(e)",
            "e.setPlainText('文明' * 5000)",
            "class F(QObject):",
            "    def eventFilter(self, o, ev):",
            "        if ev.type() == QEvent.Paint: QTimer.singleShot(0, app.quit)",
            "        return False",
            "f = F(); e.viewport().installEventFilter(f); w.show(); app.exec()",
        ])
        window = f"import sys; from curator.ui.app import run; sys.exit(run({str(path)!r}, smoke=True))"
        store = (f"from curator.store import Project; p = Project.open({str(path)!r}); d = p.documents(); "
                 "p.document(d[0].id); p.spans(d[0].id)")

        def process(code: str) -> Callable[[], None]:
            return lambda: subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)

        try:
            process(window)()
            ours = median(process(window), runs)
            what = f"open a {docs:,}-document project to the first article painted (whole process)"
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            print(f"the window did not start ({exc}); measuring the store part only", file=sys.stderr)
            ours, what = None, None
        base = median(process(bare), runs)
        store_seconds = median(process(store), runs)
    rows = []
    if ours is not None:
        rows.append({"what": what, "goal": "< 1 s", "value": f"{ours:.2f} s",
                     "baseline": f"bare PySide6 window: {base:.2f} s", "ratio": ours / base, "met": ours < 1,
                     "seconds": ours})
    rows.append({"what": f"open {docs:,} documents, list them, read the first (store only, whole process)",
                 "goal": "part of < 1 s", "value": f"{store_seconds:.2f} s", "baseline": f"bare PySide6 window: {base:.2f} s",
                 "ratio": store_seconds / base, "met": store_seconds < 1, "seconds": store_seconds})
    return rows


def bench_switch_and_tag(path: Path, data: Path, runs: int) -> list[dict]:
    """Store side of switching documents and of adding a span to a document showing 5,000 spans."""
    copy = data / "switch.curator"
    shutil.copyfile(path, copy)
    rows = []
    try:
        with Project.open(copy) as store:
            ids = [d.id for d in store.documents()[:200]]
            doc = store.document(ids[0])
            spans = []
            for n in range(5000 - len(store.spans(doc.id))):
                start = (n * 7) % (len(doc.text) - 4)
                spans.append(tag_span(doc, start, start + 3, "place", span_id=store.next_id("spans")))
            for edit in spans:
                store.apply(edit)
            shown = store.spans(doc.id)
            assert len(shown) >= 5000
            cycle = iter(ids * runs * 4)
            switch = median(lambda: (lambda d: (store.document(d), store.spans(d)))(next(cycle)), runs * 20)
            heavy = median(lambda: (store.document(doc.id), store.spans(doc.id)), runs * 5)
            counter = iter(range(10**6))

            def add() -> None:
                start = next(counter) % (len(doc.text) - 4)
                store.apply(tag_span(doc, start, start + 2, "figure", span_id=store.next_id("spans"),
                                     fact_id=store.next_id("figures"), doc_spans=shown))

            tag = median(add, runs * 20)
    finally:
        for leftover in data.glob("switch.curator*"):
            leftover.unlink()
    rows.append({"what": "switch document: read it and its 20 spans (store)", "goal": "< 50 ms",
                 "value": f"{switch * 1000:.2f} ms", "baseline": "—", "ratio": None, "met": switch < 0.05, "seconds": switch})
    rows.append({"what": "switch to a document with 5,000 spans (store)", "goal": "< 50 ms",
                 "value": f"{heavy * 1000:.1f} ms", "baseline": "—", "ratio": None, "met": heavy < 0.05, "seconds": heavy})
    rows.append({"what": "add a span (+ figure row) with 5,000 spans shown: build edit + commit (store)", "goal": "< 3 ms",
                 "value": f"{tag * 1000:.2f} ms", "baseline": "—", "ratio": None, "met": tag < 0.003, "seconds": tag})
    return rows


def bench_memory(path: Path, docs: int) -> dict:
    code = (f"import resource; from curator.store import Project; p = Project.open({str(path)!r}, read_only=True); "
            "d = p.documents(); p.document(d[0].id); p.spans(d[0].id); p.search('文明'); p.search('交通安全'); p.stats(); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rss = int(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout)
    return {"what": f"memory with a {docs:,}-document project open (list, a document, searches, stats; store only)",
            "goal": "< 400 MB RSS", "value": f"{rss / 2**20:.0f} MB", "baseline": "—", "ratio": None,
            "met": rss < 400 * 2**20, "seconds": None}


def _script(name: str, args: list[str]) -> str | None:
    if not (HERE / name).exists():
        return None
    out = subprocess.run([sys.executable, str(HERE / name), *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    return out.stdout + (f"\n(exit {out.returncode}) {out.stderr[-2000:]}" if out.returncode else "")


def bench_suggest(runs: int) -> tuple[list[dict], str | None]:
    text = _script("bench_suggest.py", ["--mb", "1", "--runs", str(runs)])
    if not text:
        return [], text
    speed = {m[1]: float(m[3]) for m in re.finditer(r"^(suggest\(\) all labels|jieba\.lcut)\s+([\d.]+)\s+([\d.]+)",
                                                  text, re.M)}
    ours, jieba = speed.get("suggest() all labels"), speed.get("jieba.lcut")
    if ours is None or jieba is None:
        return [], text
    return [{"what": "suggest over 1 MB of article text (all labels)", "goal": ">= 1 MB/s", "value": f"{ours:.2f} MB/s",
             "baseline": f"jieba.lcut: {jieba:.2f} MB/s", "ratio": ours / jieba, "met": ours >= 1, "seconds": None}], text


def bench_export(rows: int, runs: int) -> tuple[list[dict], str | None]:
    text = _script("bench_export.py", ["--rows", str(rows), "--small", str(rows // 10), "--runs", str(runs)])
    if not text:
        return [], text
    ratio = re.search(r"speed ratio curator / xlsxwriter: ([\d.]+)x", text)
    memory = re.findall(r"^\s*([\d,]+)\s+([\d.]+)\s+([\d.]+)\s*$", text, re.M)
    if not ratio:
        return [], text
    flat = ", ".join(f"{n} rows {traced} MiB traced / {rss} MiB RSS" for n, traced, rss in memory)
    return [{"what": f"export {rows:,} figure rows to xlsx", "goal": ">= 0.6x xlsxwriter, memory flat",
             "value": f"{float(ratio[1]):.2f}x", "baseline": f"xlsxwriter constant_memory = 1.0x; {flat}",
             "ratio": float(ratio[1]), "met": float(ratio[1]) >= 0.6, "seconds": None}], text


# -- the report ------------------------------------------------------------------------------------


def markdown(results: dict) -> str:
    lines = [f"Measured {results['when']} on {results['machine']}; medians of {results['runs']} runs.", "",
             "| what | goal | curator | baseline (same run) | met |", "|---|---|---|---|---|"]
    for row in results["rows"]:
        met = "yes" if row["met"] else "**no**"
        lines.append(f"| {row['what']} | {row['goal']} | {row['value']} | {row['baseline']} | {met} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 documents only")
    parser.add_argument("--sizes", type=int, nargs="*", help="document counts (default 1000 10000 [100000])")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "curator-bench")
    parser.add_argument("--skip", nargs="*", default=[], choices=["import", "search", "open", "switch", "memory",
                                                                   "suggest", "export"])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    sizes = args.sizes or ([1000, 10000] if args.quick else [1000, 10000, 100000])
    args.data.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    raw: dict[str, str | None] = {}

    def step(name: str, fn: Callable[[], object]) -> None:
        if name in args.skip:
            return
        print(f"-- {name}", file=sys.stderr, flush=True)
        found = fn()
        rows.extend(found if isinstance(found, list) else [found])

    largest = project_of(args.data, max(sizes))
    step("import", lambda: bench_import(args.data, 1000 if args.quick else 10000, 3))
    for size in sizes:
        step("search", lambda size=size: bench_search(project_of(args.data, size), size, args.runs))
    step("open", lambda: bench_open(largest, max(sizes), min(args.runs, 5)))
    step("switch", lambda: bench_switch_and_tag(project_of(args.data, min(sizes)), args.data, args.runs))
    step("memory", lambda: bench_memory(largest, max(sizes)))

    def suggest() -> list[dict]:
        found, raw["bench_suggest.py"] = bench_suggest(min(args.runs, 3))
        return found

    def export() -> list[dict]:
        found, raw["bench_export.py"] = bench_export(10_000 if args.quick else 100_000, 3)
        return found

    step("suggest", suggest)
    step("export", export)
    results = {"when": time.strftime("%Y-%m-%d %H:%M"), "runs": args.runs, "sizes": sizes,
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
               "rows": rows, "raw": raw}
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (args.out / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
