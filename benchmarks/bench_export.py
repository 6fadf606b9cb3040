"""The 数据 sheet with many figure rows: curator's writer (openpyxl write-only) next to xlsxwriter.

    python benchmarks/bench_export.py [--rows 100000] [--runs 3] [--small 10000] [--project]

Both write the same cells with the same formats (header style, wrapped evidence, number,
percent and date formats, hidden id columns, frozen header, autofilter); xlsxwriter in
constant_memory mode. Times are the median of --runs runs in this process. Peak memory is
measured in a fresh subprocess per size (tracemalloc peak of Python allocations and the
process's peak RSS, VmHWM), at --small and --rows rows: it must not grow with the row count.
Needs xlsxwriter (pip install -e .[bench]).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curator.export.sheets import FIGURES  # noqa: E402
from curator.export.values import DATE_FORMAT, number_format, parse_date, as_number  # noqa: E402
from curator.export.xlsx import SheetRows, SummaryData, write_workbook  # noqa: E402

SENTENCE = "近年来，格尔木市持续推进《全国文明城市测评体系》各项指标任务落实，新建新时代文明实践站【{n}个】，志愿者超3万人。"


def figure_rows(count: int) -> Iterator[dict]:
    for n in range(1, count + 1):
        unit = "%" if n % 7 == 0 else "个"
        yield {
            "indicator": "新时代文明实践站", "value": float(n % 1000) + (0.5 if n % 5 == 0 else 0.0), "unit": unit,
            "qualifier": "超" if n % 3 == 0 else "", "place": "格尔木市", "as_of": "2021-08-03",
            "initiative": "文明实践“双报到”", "doc_title": "格尔木市：文明之花绽放昆仑山下",
            "evidence": SENTENCE.format(n=n), "id": n, "check": f"{n:012x}",
        }


def write_curator(path: Path, count: int) -> None:
    write_workbook(path, SummaryData(), [SheetRows(FIGURES, figure_rows(count))], overwrite=True)


def write_xlsxwriter(path: Path, count: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    book.add_worksheet("汇总")
    ws = book.add_worksheet(FIGURES.title)
    base = {"font_name": "等线", "valign": "top"}
    header = book.add_format({"font_name": "等线", "bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78",
                              "align": "center", "valign": "vcenter", "text_wrap": True, "bottom": 1})
    plain, wrapped = book.add_format(base), book.add_format({**base, "text_wrap": True})
    dated = book.add_format({**base, "num_format": DATE_FORMAT})
    numbers: dict[str, object] = {}
    for index, column in enumerate(FIGURES.columns):
        ws.set_column(index, index, column.width, None, {"hidden": column.hidden})
    ws.freeze_panes(1, 0)
    for index, column in enumerate(FIGURES.columns):
        ws.write_string(0, index, column.header, header)
    wrap_columns = [(column.key, column.width) for column in FIGURES.columns if column.kind == "wrap"]
    for r, row in enumerate(figure_rows(count), start=1):
        lines = max(-(-((len(row[key].encode()) + len(row[key])) // 2) // (int(width) - 2)) for key, width in wrap_columns)
        if lines > 1:  # the same row heights curator writes
            ws.set_row(r, min(409, 15 * lines))
        for c, column in enumerate(FIGURES.columns):
            value = row.get(column.key)
            if value is None or value == "":
                continue
            if column.kind == "number":
                value = as_number(value)
                fmt = number_format(value, row["unit"])
                if fmt not in numbers:
                    numbers[fmt] = book.add_format({**base, "num_format": fmt})
                ws.write_number(r, c, value, numbers[fmt])
            elif column.kind == "date" and parse_date(value):
                day = parse_date(value)
                ws.write_datetime(r, c, dt.datetime(day.year, day.month, day.day), dated)
            elif isinstance(value, str):
                ws.write_string(r, c, value, wrapped if column.kind == "wrap" else plain)
            else:
                ws.write_number(r, c, value, plain)
    ws.autofilter(0, 0, count, len(FIGURES.columns) - 1)
    book.close()


WRITERS = {"curator (openpyxl write-only)": write_curator, "xlsxwriter constant_memory": write_xlsxwriter}


def median_seconds(writer, path: Path, count: int, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        writer(path, count)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# The peak RSS of this process since the last reset: VmHWM, not ru_maxrss, which a child
# started by fork and exec inherits from its parent on Linux.
PEAK_RSS = """
import resource
def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass
def peak_rss():
    try:
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
"""


def peak_memory(count: int) -> dict:
    """tracemalloc peak and max RSS of a fresh process writing count rows with curator's writer."""
    code = PEAK_RSS + (
        "import json, resource, sys, tempfile, tracemalloc; from pathlib import Path; "
        f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "import bench_export as b; "
        "d = tempfile.mkdtemp(); tracemalloc.start(); "
        f"b.write_curator(Path(d) / 'm.xlsx', {count}); "
        "peak = tracemalloc.get_traced_memory()[1]; "
        "print(json.dumps({'traced': peak, 'rss': peak_rss()}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def project_export(count: int) -> dict:
    """Seconds and max RSS of a fresh process exporting a project of count figures (and their spans)."""
    code = PEAK_RSS + f"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from curator.core.edits import Edit, RowChange
from curator.core.importing import read_path
from curator.services.exporting import export_workbook
from curator.store import Project
folder = Path(tempfile.mkdtemp())
with Project.open(folder / "big.curator") as store:
    store.import_batches(read_path(Path({str(ROOT / "seeds")!r})))
    docs = [store.document(d.id) for d in store.documents()]
    changes = []
    for n in range({count}):
        doc = docs[n % len(docs)]
        start = (n * 7) % (len(doc.text) - 4)
        changes.append(RowChange("spans", None, dict(id=n + 1, doc_id=doc.id, start=start, end=start + 3,
            label="figure", text=doc.text[start:start + 3], attrs={{}}, origin="manual", annotator="张三",
            created="", updated="")))
        changes.append(RowChange("figures", None, dict(id=n + 1, doc_id=doc.id, indicator="志愿者人数",
            value=float(n), unit="人", qualifier="", place="格尔木市", as_of="2021-08-03", initiative_id=None,
            span_ids=[n + 1], edited=0)))
        if len(changes) >= 4000:  # small edits, so building the project does not set the peak
            store.apply(Edit("bench", changes))
            changes = []
    store.apply(Edit("bench", changes))
    del changes
    reset_peak()
    base = peak_rss()
    started = time.perf_counter()
    export_workbook(store, folder / "big.xlsx")
    print(json.dumps({{"seconds": time.perf_counter() - started, "rss": peak_rss(), "rss_before": base}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", action="store_true",
                        help="Also export a whole project (all five sheets) of --small and --rows figures, end to end.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        seconds = {name: median_seconds(writer, Path(folder) / f"{i}.xlsx", args.rows, args.runs)
                   for i, (name, writer) in enumerate(WRITERS.items())}
    curator, other = seconds.values()
    print(f"{args.rows:,} figure rows x {len(FIGURES.columns)} columns, median of {args.runs} runs")
    print(f"{'writer':<34}{'seconds':>10}{'rows/s':>12}")
    for name, value in seconds.items():
        print(f"{name:<34}{value:>10.2f}{args.rows / value:>12,.0f}")
    print(f"speed ratio curator / xlsxwriter: {other / curator:.2f}x (1.0 = as fast; goal >= 0.6x)")
    print()
    print(f"{'rows':>10}{'tracemalloc peak MiB':>24}{'peak RSS MiB':>14}")
    for count in (args.small, args.rows):
        memory = peak_memory(count)
        print(f"{count:>10,}{memory['traced'] / 2**20:>24.1f}{memory['rss'] / 2**20:>14.1f}")
    if args.project:
        print()
        print(f"{'project figures':>16}{'export seconds':>16}{'peak RSS MiB (at start)':>26}")
        for count in (args.small, args.rows):
            result = project_export(count)
            print(f"{count:>16,}{result['seconds']:>16.1f}{result['rss'] / 2**20:>16.1f} ({result['rss_before'] / 2**20:.1f})")


if __name__ == "__main__":
    main()
