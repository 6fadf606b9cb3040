"""How fast the annotation window is, measured on this machine.

    python benchmarks/bench_window.py [--docs 10000] [--json OUT.json]

1. Start-up: wall time from spawning `python` to the first paint of the article, minus the
   wall time of a bare `python -c "import PySide6.QtWidgets"` (median of 5 runs each).
2. A 100,000-character article with 5,000 spans: show_document() until its highlights are painted.
3. Tagging one more span in it (hotkey action -> Edit -> SQLite commit -> highlight -> paint);
   the store re-read that follows an edit (deferred, after the paint) is reported apart.
4. Switching documents in a project of N documents (default 10,000), painted.

Runs offscreen; settings and user data go to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

RUNS = 5
FIRST_PAINT_CHILD = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from curator.ui import app as curator_app
from curator.ui.settings import Settings

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False

qapp = curator_app.make_application()
windows = curator_app.Windows(Settings())
window = windows.open(Path(sys.argv[1]))
spy = FirstPaint()
window.article.viewport().installEventFilter(spy)
qapp.exec()
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        env[name] = str(home / sub)
    return env


def _wall(args: list[str], env: dict[str, str]) -> float:
    started = time.time()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.time() - started


def _to_first_paint(project: Path, env: dict[str, str]) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT_CHILD, str(project)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1]) - started


def bench_startup(home: Path) -> dict[str, float]:
    from curator.ui.app import SAMPLE_NAME

    env = _env(home)
    sample = home / "data" / "curator" / SAMPLE_NAME
    subprocess.run([sys.executable, "-c", "from curator.ui.app import sample_project; sample_project()"],
                   env=env, check=True)
    assert sample.exists()
    bare = [_wall([sys.executable, "-c", "import PySide6.QtWidgets"], env) for _ in range(RUNS)]
    window = [_to_first_paint(sample, env) for _ in range(RUNS)]
    return {
        "bare_import_qtwidgets_s": statistics.median(bare),
        "start_to_first_article_paint_s": statistics.median(window),
        "difference_s": statistics.median(window) - statistics.median(bare),
    }


def big_article(chars: int = 100_000) -> str:
    from synth import paragraphs

    pool = paragraphs()
    text, i = "𠮷😀 大文章\n", 0
    while len(text) < chars:
        text += pool[i % len(pool)] + "\n"
        i += 1
    return text[:chars]


def make_big_project(path: Path, spans: int = 5_000) -> int:
    from curator.core.edits import Edit, RowChange
    from curator.core.importing import Article, FileBatch
    from curator.store import Project

    labels = ["place", "org", "figure", "initiative", "person", "doc", "date"]
    text = big_article()
    with Project.open(path) as project:
        report = project.import_batches([FileBatch("big", (Article(text=text, title="大文章", origin="big"),)),
                                         FileBatch("small", (Article(text="一篇短文。" * 50, title="短文", origin="s"),))])
        doc_id = report.added[0]
        rng = random.Random(3)
        changes = []
        step = len(text) // spans
        for n in range(spans):
            start = n * step + rng.randrange(0, 4)
            end = min(len(text), start + rng.randint(2, 12))  # some overlap the next one
            changes.append(RowChange("spans", None, {
                "id": n + 1, "doc_id": doc_id, "start": start, "end": end, "label": rng.choice(labels),
                "text": text[start:end], "attrs": {}, "origin": "suggested" if n % 10 == 0 else "manual",
                "annotator": "", "created": "", "updated": ""}))
        project.apply(Edit("bench", tuple(changes)))
    return doc_id


def _window(path: Path):
    from curator.store import Project
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    window = MainWindow(Session(Project.open(path)))
    window.resize(1320, 820)
    window.show()
    return window


def _painted(window) -> None:
    window.article.viewport().repaint()


def bench_big_document(folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    path = folder / "big.curator"
    big = make_big_project(path)
    window = _window(path)
    QApplication.processEvents()
    small = next(i for i in window.documents.model.ids() if i != big)
    opens = []
    for _ in range(RUNS):
        window.show_document(small)
        _painted(window)
        started = time.perf_counter()
        window.show_document(big)
        _painted(window)
        opens.append(time.perf_counter() - started)
    assert len(window.article.spans()) == 5_000
    started = time.perf_counter()
    QApplication.processEvents()  # the spans below the first screen
    rest = time.perf_counter() - started
    text = window.annotator.doc.text
    window.annotator.spread = False  # the tag alone: proposing its other occurrences is a later, separate step
    adds, unpainted, reconciles = [], [], []
    for n in range(20):
        start = 500 + n * 4_000
        while text[start] in "\n ":
            start += 1
        window.article.select(start, start + 3)
        started = time.perf_counter()
        window.actions["label_place"].trigger()
        unpainted.append(time.perf_counter() - started)
        _painted(window)
        adds.append(time.perf_counter() - started)
        started = time.perf_counter()
        QApplication.processEvents()  # the deferred re-read of the spans and the document list
        reconciles.append(time.perf_counter() - started)
    assert len(window.article.spans()) == 5_020
    started = time.perf_counter()
    window.annotator.reconcile()
    reread = time.perf_counter() - started
    window.close()
    window.project.close()
    return {
        "open_100k_chars_5000_spans_ms": statistics.median(opens) * 1000,
        "then_highlights_below_the_first_screen_ms": rest * 1000,
        "tag_one_span_in_it_ms": statistics.median(adds) * 1000,
        "tag_one_span_saved_and_highlighted_before_paint_ms": statistics.median(unpainted) * 1000,
        "tag_one_span_in_it_max_ms": max(adds) * 1000,
        "events_after_tagging_ms": statistics.median(reconciles) * 1000,
        "reread_spans_after_undo_ms": reread * 1000,
    }


def bench_switching(folder: Path, docs: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication
    from synth import make_project

    path = folder / f"docs{docs}.curator"
    make_project(path, docs)
    started = time.perf_counter()
    window = _window(path)
    QApplication.processEvents()
    window_open = time.perf_counter() - started
    rng = random.Random(5)
    ids = window.documents.model.ids()
    switches = []
    for _ in range(50):
        target = rng.choice(ids)
        started = time.perf_counter()
        window.show_document(target)
        _painted(window)
        switches.append(time.perf_counter() - started)
    started = time.perf_counter()
    window.documents.refresh()
    refresh = time.perf_counter() - started
    started = time.perf_counter()
    window.documents.search_box.setText("光盘行动")
    window.documents.refresh()
    search = time.perf_counter() - started
    window.close()
    window.project.close()
    return {
        f"window_open_{docs}_docs_ms": window_open * 1000,
        f"switch_document_{docs}_docs_ms": statistics.median(switches) * 1000,
        f"switch_document_{docs}_docs_max_ms": max(switches) * 1000,
        f"document_list_reload_{docs}_docs_ms": refresh * 1000,
        f"search_list_{docs}_docs_ms": search * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        os.environ.update(env)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(home / "config"))
        results = {"cpus": os.cpu_count()}
        results.update(bench_startup(home))
        app = QApplication.instance() or QApplication([])
        results.update(bench_big_document(home))
        results.update(bench_switching(home, args.docs))
        del app
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value:.3f}" if isinstance(value, float) else f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
