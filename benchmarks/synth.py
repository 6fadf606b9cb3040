"""Synthetic projects from the seed articles: shuffled paragraphs, varied titles, spans and facts.

    python benchmarks/synth.py OUT.curator --docs 10000 [--seed 1]
    python benchmarks/synth.py OUT_FOLDER --docs 10000 --txt

Every document is a new title line followed by 4-12 paragraphs (runs of 8 seed lines), so
its text (and sha256) is unique and it reads like the real articles (search hits,
suggestions and highlights behave as they would). A project gets about 20 spans and
5 fact rows (3 figures, 2 initiatives, each citing its span) per document, written with
executemany in one transaction, and the FTS rows made by `curator.core.grams.index_text`
exactly as an import makes them. `--txt` writes the articles as UTF-8 .txt files instead.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curator.core.edits import now_iso  # noqa: E402
from curator.core.grams import index_text  # noqa: E402
from curator.store import Project  # noqa: E402

PLACES = ["格尔木市", "德令哈市", "西宁市", "海东市", "玉树市", "共和县", "大通县", "湟源县", "乐都区", "城东区"]
THEMES = ["全国文明城市创建", "新时代文明实践", "志愿服务", "文明交通", "光盘行动", "垃圾分类", "移风易俗", "诚信建设"]
ENDINGS = ["工作纪实", "取得新成效", "再上新台阶", "综述", "见闻", "扎实推进", "亮点频现", "成果展示"]
SPAN_LABELS = ["figure"] * 6 + ["initiative"] * 4 + ["place"] * 4 + ["org"] * 3 + ["person", "doc", "date"]
CHUNK = 500
RUN = 8  # consecutive seed lines (about 200 characters) make one paragraph


def paragraphs() -> list[str]:
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8").removeprefix("\ufeff"))
        pool += [line.strip() for line in text.replace("\r\n", "\n").split("\n")[1:] if len(line.strip()) >= 12]
    return pool


def articles(count: int, *, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(title, text) for count documents; the text starts with its title line."""
    rng = random.Random(seed)
    pool = paragraphs()
    for n in range(count):
        title = f"{rng.choice(PLACES)}{rng.choice(THEMES)}{rng.choice(ENDINGS)}（{n + 1}）"
        starts = rng.sample(range(len(pool) - RUN), rng.randint(4, 12))
        body = ["\n".join(pool[i:i + RUN]) for i in starts]
        yield title, title + "\n" + "\n".join(body)


def write_txt_folder(folder: Path, count: int, *, seed: int = 1) -> int:
    """count UTF-8 .txt files in folder; returns their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n, (_title, text) in enumerate(articles(count, seed=seed)):
        data = text.encode("utf-8")
        (folder / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def make_project(path: Path, count: int, *, seed: int = 1, spans_per_doc: int = 20) -> dict[str, int]:
    """A project file at path with count documents and their spans, figures and initiatives."""
    import hashlib

    rng = random.Random(seed + 1)
    stamp = now_iso()
    totals = {"documents": 0, "spans": 0, "figures": 0, "initiatives": 0, "text_bytes": 0}
    with Project.open(path) as store:
        if store.document_count():
            raise SystemExit(f"{path} already has documents")
        conn = store.db.conn
        span_id = figure_id = initiative_id = 0
        with store.db.atomic():
            batch: dict[str, list[tuple]] = {k: [] for k in ("documents", "fts", "spans", "figures", "initiatives")}
            for doc_id, (title, text) in enumerate(articles(count, seed=seed), start=1):
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                batch["documents"].append((doc_id, title, "", "", "", text, sha, "todo", stamp, 0))
                batch["fts"].append((doc_id, index_text(text)))
                totals["text_bytes"] += len(text.encode("utf-8"))
                by_label: dict[str, list[int]] = {}
                for label in rng.sample(SPAN_LABELS, k=min(spans_per_doc, len(SPAN_LABELS))) + \
                        rng.choices(SPAN_LABELS, k=max(0, spans_per_doc - len(SPAN_LABELS))):
                    span_id += 1
                    start = rng.randrange(len(title) + 1, len(text) - 8)
                    end = start + rng.randint(2, 8)
                    batch["spans"].append((span_id, doc_id, start, end, label, text[start:end], "{}", "manual", "bench",
                                           stamp, stamp))
                    by_label.setdefault(label, []).append(span_id)
                for cited in by_label.get("initiative", [])[:2]:
                    initiative_id += 1
                    batch["initiatives"].append((initiative_id, doc_id, text[:6], "", "", "", "", json.dumps([cited]), 0))
                for cited in by_label.get("figure", [])[:3]:
                    figure_id += 1
                    batch["figures"].append((figure_id, doc_id, "注册志愿者", rng.randint(1, 50000), "人", "", "", "",
                                             None, json.dumps([cited]), 0))
                if doc_id % CHUNK == 0:
                    _flush(conn, batch, totals)
            _flush(conn, batch, totals)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return totals


_INSERTS = {
    "documents": "INSERT INTO documents (id, title, source, published, place, text, sha256, status, imported_at, span_count) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fts": "INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)",
    "spans": "INSERT INTO spans (id, doc_id, start, end, label, text, attrs, origin, annotator, created, updated) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "initiatives": "INSERT INTO initiatives (id, doc_id, name, category, place, organisation, note, span_ids, edited) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "figures": "INSERT INTO figures (id, doc_id, indicator, value, unit, qualifier, place, as_of, initiative_id, span_ids, "
               "edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def _flush(conn, batch: dict[str, list[tuple]], totals: dict[str, int]) -> None:
    for table, sql in _INSERTS.items():  # documents before the rows that refer to them
        conn.executemany(sql, batch[table])
        if table != "fts":
            totals[table] += len(batch[table])
        batch[table].clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--txt", action="store_true", help="write .txt files into OUT (a folder) instead")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.txt:
        size = write_txt_folder(args.out, args.docs, seed=args.seed)
        print(f"{args.docs:,} files, {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
        return
    totals = make_project(args.out, args.docs, seed=args.seed)
    print(json.dumps(totals), f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
