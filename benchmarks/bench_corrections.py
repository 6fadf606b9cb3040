"""Reading a returned workbook: curator's bounded reader next to openpyxl read-only, and hostile workbooks.

    python benchmarks/bench_corrections.py [--rows 20000]

Exports a project with --rows figure rows, then times plan_corrections (the bounded reader:
pre-scan, then one streaming parse) against what the reader replaced (openpyxl read-only,
loaded twice: values and formulas), as a ratio measured in the same run. Then times the
refusal of three hostile workbooks built from the same export: a row numbered 2,000,000,000,
1,000,000 extra rows, one 16 MB XML token (with the zip ratio limit lifted, so each XML limit
is reached alone), with the tracemalloc peak of each refusal.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "export"))

import openpyxl  # noqa: E402

from curator.core.importing import read_path  # noqa: E402
from curator.export.corrections import read_returned  # noqa: E402
from curator.export.safe_zip import UnsafeWorkbook, ZipLimits  # noqa: E402
from curator.services.exporting import export_workbook, plan_corrections  # noqa: E402
from curator.store import Project  # noqa: E402
from test_export_memory import add_figures  # noqa: E402

SHEET = "xl/worksheets/sheet3.xml"  # 数据


def hostile(source: Path, target: Path, extra: bytes) -> Path:
    with zipfile.ZipFile(source) as src:
        parts = {item.filename: src.read(item.filename) for item in src.infolist()}
    parts[SHEET] = parts[SHEET].replace(b"</sheetData>", extra + b"</sheetData>")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return target


def refusal(path: Path) -> tuple[float, float, str]:
    loose = ZipLimits(max_ratio=1e12, max_total=2**40)
    started = time.perf_counter()
    try:
        read_returned(path, limits=loose)
        message = "accepted"
    except UnsafeWorkbook as exc:
        message = str(exc)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        read_returned(path, limits=loose)
    except UnsafeWorkbook:
        pass
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, message


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with Project.open(folder / "bench.curator") as store:
            store.import_batches(read_path(ROOT / "seeds"))
            add_figures(store, rows)
            book = folder / "returned.xlsx"
            export_workbook(store, book)
            started = time.perf_counter()
            plan = plan_corrections(store, book)
            ours = time.perf_counter() - started
        started = time.perf_counter()
        for data_only in (True, False):
            opened = openpyxl.load_workbook(book, read_only=True, data_only=data_only)
            for title in ("举措", "数据"):
                for _row in opened[title].iter_rows():
                    pass
            opened.close()
        before = time.perf_counter() - started
        print(f"returned workbook, {plan.rows_read:,} rows: plan_corrections {ours:.2f} s; "
              f"openpyxl read-only twice {before:.2f} s; ratio {before / ours:.1f}x")
        n = rows + 10
        attacks = {
            'row r="2000000000"': b'<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>',
            "1,000,000 extra rows": b"".join(b'<row r="%d"><c r="B%d"><v>%d</v></c></row>' % (i, i, i)
                                             for i in range(n, n + 1_000_000)),
            "one 16 MB token": b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>' % (n, n) + b"a" * 2**24 + b"</t></is></c></row>",
        }
        print(f"{'hostile workbook':24} {'seconds':>8} {'peak MiB':>9}  message")
        for name, extra in attacks.items():
            seconds, peak, message = refusal(hostile(book, folder / "hostile.xlsx", extra))
            print(f"{name:24} {seconds:8.2f} {peak:9.1f}  {message[:80]}")


if __name__ == "__main__":
    main()
