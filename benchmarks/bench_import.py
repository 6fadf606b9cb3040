"""Import speed: a folder of .txt files and one JSONL file, against plain SQLite in the same run.

    python benchmarks/bench_import.py [--files 10000] [--runs 3]

The baseline is what any importer must do at least: read the same files and insert their texts
in one transaction into a table with an FTS5 trigram index (SQLite's own substring index).
curator also decodes, normalises, hashes, deduplicates, indexes every character pair and works out
the place each article is about; it runs the import as `curator import` does (services.importing).
Goal (issue 13): at least 10 MB/s, and no slower than 1.25x the baseline.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from bench_suggest import median_seconds  # noqa: E402

from curator.services.importing import import_paths  # noqa: E402
from curator.store import Project  # noqa: E402


def baseline(texts: list[Path], database: Path) -> None:
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='id', "
                 "tokenize='trigram')")
    with conn:
        for number, path in enumerate(texts, start=1):
            text = path.read_bytes().decode("utf-8")
            conn.execute("INSERT INTO documents (id, text) VALUES (?, ?)", (number, text))
            conn.execute("INSERT INTO documents_fts (rowid, text) VALUES (?, ?)", (number, text))
    conn.close()


def curator_import(source: Path, database: Path, expected: int) -> None:
    with Project.open(database) as project:  # what `curator import` and File → 导入 run
        report = import_paths(project, [source]).report
    assert len(report.added) == expected, report.problems[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="curator-bench-import-") as tmp:
        folder = Path(tmp) / "txt"
        size = synth.write_txt_folder(folder, args.files)
        files = sorted(folder.iterdir())
        jsonl = Path(tmp) / "all.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for path in files:
                out.write(json.dumps({"text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
        counter = iter(range(10**9))

        def fresh() -> Path:
            return Path(tmp) / f"run-{next(counter)}.db"

        base = median_seconds(lambda: baseline(files, fresh()), args.runs)
        txt = median_seconds(lambda: curator_import(folder, fresh(), len(files)), args.runs)
        lines = median_seconds(lambda: curator_import(jsonl, fresh(), len(files)), args.runs)
    mb = size / 1e6
    rows = [
        ("plain SQLite insert + FTS5 trigram (baseline)", base),
        (f"curator import, folder of {len(files):,} .txt", txt),
        (f"curator import, one JSONL of {len(files):,} lines", lines),
    ]
    print(f"{len(files):,} articles, {mb:.1f} MB; medians of {args.runs} runs\n")
    print("| what | seconds | MB/s | x baseline | goal met (>= 10 MB/s, <= 1.25x) |")
    print("|---|---|---|---|---|")
    for name, seconds in rows:
        ratio = seconds / base
        met = "" if seconds is base else ("yes" if mb / seconds >= 10 and ratio <= 1.25 else "**no**")
        print(f"| {name} | {seconds:.2f} | {mb / seconds:.1f} | {ratio:.2f} | {met} |")


if __name__ == "__main__":
    main()
