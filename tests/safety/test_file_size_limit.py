"""A disk that refuses to grow files, for every user: `curator` run under RLIMIT_FSIZE (no root, no tmpfs).

Past the limit every write that would grow a file fails (EFBIG, SIGXFSZ ignored as a shell's `ulimit -f`
user would see it): the project file, its WAL, export files and temporary files alike.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from curator.core.edits import combine, tag_span
from curator.core.importing import normalise, read_path
from curator.store import Project

resource = pytest.importorskip("resource")

ROOT = Path(__file__).resolve().parents[2]
FILES = 30


def curator(*args: str, limit: int | None, cwd: Path) -> subprocess.CompletedProcess:
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(cwd), "TMPDIR": str(cwd)}
    return subprocess.run([sys.executable, "-m", "curator", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          preexec_fn=limited if limit is not None else None, timeout=120)


def documents(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [text for (text,) in conn.execute("SELECT text FROM documents")]
    finally:
        conn.close()


@pytest.fixture
def setting(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A project of the seed articles and a folder of FILES articles, ~45 KB each, that will not all fit."""
    path = tmp_path / "p.curator"
    with Project.open(path) as store:
        assert len(store.import_batches(read_path(ROOT / "seeds")).added) == 4
    folder = tmp_path / "稿件"
    folder.mkdir()
    texts = {}
    for n in range(FILES):
        text = f"第{n}篇 {uuid.uuid4()}\n" + "".join(f"文明实践站{uuid.uuid4().hex[:6]}。" for _ in range(1200))
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
        texts[f"{n:02d}.txt"] = normalise(text)
    return path, folder, texts


def test_an_import_past_the_limit_names_each_file_left_out_and_stores_the_others_whole(setting, tmp_path):
    path, folder, texts = setting
    limit = path.stat().st_size + 400_000  # room for some of the files, not all
    result = curator("import", str(path), str(folder), limit=limit, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors, result.stderr
    assert all(line.split(": ")[1].endswith(".txt") and "not imported" in line for line in errors), errors
    stored = documents(path)
    new = [text for text in stored if text.startswith("第")]
    assert set(new) <= set(texts.values())  # whole, or not there
    assert len(new) + len(errors) == FILES  # every file accounted for: stored, or named with its reason
    assert len(stored) == 4 + len(new)

    again = curator("import", str(path), str(folder), limit=None, cwd=tmp_path)  # room again: the rest comes in
    assert again.returncode == 0, again.stderr
    assert sorted(t for t in documents(path) if t.startswith("第")) == sorted(texts.values())


def test_a_tag_that_cannot_be_written_says_so_and_changes_nothing(setting, tmp_path):
    path, _folder, _texts = setting
    result = curator("tag", str(path), "1", "0", "4", "place", limit=1024, cwd=tmp_path)  # not one WAL frame fits
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == 0
    finally:
        conn.close()
    assert curator("tag", str(path), "1", "0", "4", "place", limit=None, cwd=tmp_path).returncode == 0


def facts(store: Project, doc_id: int) -> list:
    doc = store.document(doc_id)
    edits = []
    for at in [i + 1 for i, ch in enumerate(doc.text) if ch == "。"][:100]:
        if at + 11 > len(doc.text):
            break
        for label, end in (("figure", at + 5), ("initiative", at + 11)):
            table = "figures" if label == "figure" else "initiatives"
            edits.append(tag_span(doc, at, end, label, span_id=store.next_id("spans"), fact_id=store.next_id(table)))
    return edits


@pytest.mark.parametrize("name", ["out.xlsx", "out.jsonl", "out.csv"])
def test_an_export_past_the_limit_fails_with_one_line_and_leaves_no_target(setting, tmp_path, name):
    path, folder, _texts = setting
    with Project.open(path) as store:  # a figure and an initiative per sentence of the articles: large exports
        store.import_batches(read_path(folder))
        store.apply(combine("facts", [fact for doc in store.documents() for fact in facts(store, doc.id)]))
    out = tmp_path / "out"
    out.mkdir()
    result = curator("export", str(path), str(out / name), limit=40_000, cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode != 0 and "Error: " in result.stderr
    assert not [p for p in out.iterdir() if p.suffix in (".xlsx", ".jsonl", ".csv")]
