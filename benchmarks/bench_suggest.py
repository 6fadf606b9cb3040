"""Throughput of suggest() over the seed articles, next to jieba.lcut over the same text.

    python benchmarks/bench_suggest.py [--mb 1.0] [--runs 5]

The seed texts are concatenated and repeated to about --mb megabytes of UTF-8; each
measurement is the median of --runs runs. jieba is initialised before it is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curator.core.suggest import LABELS, suggest  # noqa: E402


def seed_text(megabytes: float) -> str:
    parts = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        parts.append(unicodedata.normalize("NFC", text))
    one = "\n".join(parts)
    copies = max(1, round(megabytes * 1e6 / len(one.encode("utf-8"))))
    return "\n".join([one] * copies)


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text to process")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()

    text = seed_text(args.mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    suggest(text[:5000])  # load place data and compile patterns outside the timing

    import jieba  # lazily: its initialisation costs about a second

    jieba.setLogLevel(60)
    jieba.initialize()

    rows: list[tuple[str, float, int]] = []
    found = suggest(text)
    rows.append(("suggest() all labels", median_seconds(lambda: suggest(text), args.runs), len(found)))
    for label in LABELS:
        count = len(suggest(text, [label]))
        rows.append((f"suggest() {label}", median_seconds(lambda: suggest(text, [label]), args.runs), count))
    rows.append(("jieba.lcut", median_seconds(lambda: jieba.lcut(text), args.runs), len(jieba.lcut(text))))

    print(f"text: {size_mb:.2f} MB UTF-8, {len(text):,} chars; median of {args.runs} runs")
    print(f"{'what':<26}{'seconds':>9}{'MB/s':>8}{'kchars/s':>10}{'items':>9}")
    for name, seconds, items in rows:
        print(f"{name:<26}{seconds:>9.3f}{size_mb / seconds:>8.2f}{len(text) / seconds / 1000:>10.0f}{items:>9,}")


if __name__ == "__main__":
    main()
