"""SIGKILL `curator import` and `curator export` at random moments, many times.

Import: a folder of 2,000 small articles; after every kill the file passes integrity_check and
each document is whole with its full-text rows, or absent; importing again completes the folder.
Export (xlsx, jsonl, csv over an existing target with --force): the target is the old file or
the complete new one, never torn, and nothing left beside it looks like an export.

The default run kills a few times per case; `--long` (or CURATOR_LONG_TESTS=1) runs the full counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from curator.core.edits import combine, tag_span
from curator.core.grams import match_query
from curator.core.importing import normalise, read_path, title_of
from curator.store import Project

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_cli_child.py")
FILES = 2000
DIGITS = "零一二三四五六七八九"
HEADLINE = "文明简报"  # in every article: it finds every indexed document
WORDS = "文明城市创建志愿服务社区街道垃圾分类交通劝导光盘行动"


def token(n: int) -> str:
    """A word that occurs in article n only."""
    return "编号" + "".join(DIGITS[int(c)] for c in f"{n:04d}") + "号"


def article(n: int, rng: random.Random) -> str:
    body = "".join(rng.choice(WORDS) for _ in range(rng.randint(60, 300)))
    return f"{HEADLINE}{token(n)}\r\n{body}，{token(n)}。\r\n"  # CRLF: the stored text is the normalised one


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> dict[int, str]:
    """FILES article files in a folder; returns {n: the text curator must store for file n}."""
    where = tmp_path_factory.mktemp("articles")
    rng = random.Random(2000)
    expected = {}
    for n in range(FILES):
        text = article(n, rng)
        (where / f"a{n:04d}.txt").write_bytes(text.encode("utf-8"))
        expected[n] = normalise(text)
    expected["folder"] = where  # type: ignore[index]
    return expected


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home), "XDG_DATA_HOME": str(home),
            "XDG_CONFIG_HOME": str(home), "XDG_CACHE_HOME": str(home), "TMPDIR": str(tmp_path)}


def moments(rng: random.Random, kills: int, span: float) -> list[float]:
    """kills random moments spread over [0, span): one in each of kills equal slices, shuffled."""
    times = [span * (k + rng.random()) / kills for k in range(kills)]
    rng.shuffle(times)
    return times


@dataclass
class Run:
    finished: bool
    seconds: float
    stderr: str


class Child:
    """One `curator ARGS` in a child process, started ahead of time and run on `go`."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, str(CHILD), *args], cwd=ROOT, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def run(self, kill_after: float | None) -> Run:
        """Start the command; SIGKILL it kill_after seconds later (None: let it finish)."""
        assert self.proc.stdout.readline().strip() == "ready", self.proc.communicate()
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "go", self.proc.communicate()
        began = time.perf_counter()
        if kill_after is None:  # timed up to "done": the command's own work, not the interpreter's exit
            done = self.proc.stdout.readline()
            seconds = time.perf_counter() - began
            out, err = self.proc.communicate()
            assert self.proc.returncode == 0 and done.strip() == "done", err
            return Run(True, seconds, err)
        time.sleep(kill_after)
        self.proc.send_signal(signal.SIGKILL)
        out, err = self.proc.communicate()
        return Run("done" in out, time.perf_counter() - began, err)


# -- import ---------------------------------------------------------------------------------------

def check_import(path: Path, expected: dict[int, str], *, complete: bool) -> tuple[list[str], int]:
    """The problems found in a project after an import was killed (or finished); and its document count."""
    by_text = {text: n for n, text in expected.items() if isinstance(n, int)}
    conn = sqlite3.connect(path)
    try:
        problems = []
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return [f"integrity_check: {integrity[:3]}"], 0
        docs = conn.execute("SELECT id, title, text FROM documents").fetchall()
        present: dict[int, int] = {}  # n -> document id
        for doc_id, title, text in docs:
            n = by_text.get(text)
            if n is None:
                problems.append(f"document {doc_id} is not the whole text of any file: {text[:30]!r}...")
            elif n in present:
                problems.append(f"file {n} imported twice (documents {present[n]} and {doc_id})")
            else:
                present[n] = doc_id
                if title != title_of(text):
                    problems.append(f"document {doc_id} has title {title!r}")
        indexed = {row[0] for row in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                                                  [match_query(HEADLINE)])}
        if indexed != {doc_id for doc_id, _, _ in docs}:
            problems.append(f"full-text rows without their document or documents without their rows: "
                            f"{sorted(indexed ^ {d for d, _, _ in docs})[:5]}")
        for n in range(FILES):
            # the index finds candidates (documents holding the token's pairs); the text decides, as search does
            hits = [row[0] for row in conn.execute(
                "SELECT hit.rowid FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AS hit "
                "JOIN documents ON documents.id = hit.rowid WHERE instr(documents.text, ?) > 0",
                [match_query(token(n)), token(n)])]
            if hits != ([present[n]] if n in present else []):
                problems.append(f"file {n}: its token finds {hits}, its document is {present.get(n)}")
        if complete and len(present) != FILES:
            problems.append(f"the second import left {FILES - len(present)} files out")
        return problems, len(docs)
    finally:
        conn.close()


def kill_imports(tmp_path: Path, folder: dict[int, str], kills: int, *, seed: int) -> None:
    env = _env(tmp_path)
    files = folder["folder"]  # type: ignore[index]
    empty = tmp_path / "empty.curator"
    Project.open(empty).close()
    rng = random.Random(seed)

    def fresh(name: str) -> Path:
        path = tmp_path / name
        shutil.copyfile(empty, path)
        return path

    whole = fresh("whole.curator")  # an import left alone: how long the kills have to land in
    duration = Child(["import", str(whole), str(files)], env).run(None).seconds
    assert check_import(whole, folder, complete=True) == ([], FILES)

    path = fresh("killed.curator")
    child = Child(["import", str(path), str(files)], env)
    problems, partial, cut = [], 0, 0
    for kill, moment in enumerate(moments(rng, kills, duration)):
        shutil.copyfile(empty, path)
        run = child.run(kill_after=moment)
        child = Child(["import", str(path), str(files)], env)  # the next one loads while this one is checked
        found, count = check_import(path, folder, complete=False)
        problems += [f"after kill {kill + 1}: {p}" for p in found]
        partial += 0 < count < FILES
        cut += not run.finished
        if kill % 5 == 0:  # the second import after a kill completes the folder
            with Project.open(path) as store:
                assert not store.read_only, "a killed import's lock keeps the project read-only"
                report = store.import_batches(read_path(files))
                assert not report.problems and len(report.added) + count == FILES
                for n in rng.sample(range(FILES), 20):  # and search finds what it imported
                    assert len(store.search(token(n))) == 1
            problems += [f"after kill {kill + 1} and a second import: {p}"
                         for p in check_import(path, folder, complete=True)[0]]
        assert not run.finished or count == FILES
    child.proc.kill()
    child.proc.communicate()
    print(f"{kills} kills, {cut} cut an import short, {partial} left some files imported and others not")
    assert problems == []
    assert cut >= kills // 2, f"only {cut} of {kills} kills landed while the import was running"
    if kills >= 40:  # a few percent of the kills land between two commits: only the long run is sure to see one
        assert partial, "no kill landed between two of the import's commits"


def test_an_import_killed_at_random_moments_leaves_each_document_whole_or_absent(tmp_path, folder):
    kill_imports(tmp_path, folder, 20, seed=1)


def test_the_import_check_catches_torn_documents_and_orphan_index_rows(tmp_path, folder):
    """The check must see what a broken import would leave: a cut text, an index row without its document."""
    path = tmp_path / "broken.curator"
    with Project.open(path) as store:
        store.import_batches(read_path(folder["folder"]))  # type: ignore[index]
    assert check_import(path, folder, complete=True) == ([], FILES)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE documents SET text = substr(text, 1, 20) WHERE id = 7")
        conn.execute("DELETE FROM documents WHERE id = 9")  # its full-text row stays behind
    conn.close()
    problems, count = check_import(path, folder, complete=True)
    assert count == FILES - 1
    assert any("document 7 is not the whole text" in p for p in problems)
    assert any("full-text rows without their document" in p for p in problems)
    assert any("left 2 files out" in p for p in problems)


@pytest.mark.long
def test_an_import_killed_60_times_leaves_each_document_whole_or_absent(tmp_path, folder):
    kill_imports(tmp_path, folder, 60, seed=2)


# -- export ---------------------------------------------------------------------------------------

FORMATS = {"xlsx": ["out.xlsx"], "jsonl": ["out.jsonl"], "csv": ["out-举措.csv", "out-数据.csv"]}
EXPORT_SUFFIXES = (".xlsx", ".jsonl", ".csv")


@pytest.fixture(scope="module")
def export_project(tmp_path_factory, folder) -> Path:
    """A project of the 2,000 articles with a figure and an initiative in each of the first 1,500."""
    path = tmp_path_factory.mktemp("export") / "facts.curator"
    with Project.open(path) as store:
        assert len(store.import_batches(read_path(folder["folder"])).added) == FILES  # type: ignore[index]
        store.apply(combine("facts", [facts_edit(store, doc_id) for doc_id in range(1, 1501)]))
    return path


def facts_edit(store: Project, doc_id: int):
    doc = store.document(doc_id)
    at = doc.text.index("\n") + 1
    figure = tag_span(doc, at, at + 3, "figure", span_id=store.next_id("spans"), fact_id=store.next_id("figures"))
    initiative = tag_span(doc, at + 4, at + 8, "initiative", span_id=store.next_id("spans"),
                          fact_id=store.next_id("initiatives"))
    return combine("facts", [figure, initiative])


def expected_rows(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
                for name in ("documents", "figures", "initiatives")}
    finally:
        conn.close()


def complete_export(fmt: str, name: str, data: bytes, counts: dict[str, int]) -> str:
    """'' if data is a whole export of a project with counts; else what is wrong with it."""
    try:
        if fmt == "xlsx":
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
            got = {title: sum(1 for _ in book[title].iter_rows(min_row=2)) for title in ("文章", "数据", "举措")}
            book.close()
            want = {"文章": counts["documents"], "数据": counts["figures"], "举措": counts["initiatives"]}
        elif fmt == "jsonl":
            lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
            got = {"documents": len(lines), "figures": sum(len(line["figures"]) for line in lines)}
            want = {"documents": counts["documents"], "figures": counts["figures"]}
        else:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            table = "figures" if "数据" in name else "initiatives"
            got, want = len(rows) - 1, counts[table]
            if rows and any(len(row) != len(rows[0]) for row in rows):
                return "rows of different lengths"
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return f"unreadable: {type(exc).__name__}: {exc}"
    return "" if got == want else f"{got} rows where the project has {want}"


def kill_exports(tmp_path: Path, project: Path, fmt: str, kills: int, *, seed: int) -> None:
    env = _env(tmp_path)
    work = tmp_path / "project.curator"
    shutil.copyfile(project, work)
    out = tmp_path / "out"
    out.mkdir()
    targets = [out / name for name in FORMATS[fmt]]
    args = ["export", "--force", str(work), str(out / f"out.{fmt}")]
    rng = random.Random(seed)

    duration = Child(args, env).run(None).seconds  # the first, whole export: the old file of the first kill
    old = {target: target.read_bytes() for target in targets}
    counts = expected_rows(work)
    assert all(complete_export(fmt, t.name, data, counts) == "" for t, data in old.items())

    problems, replaced, kept = [], 0, 0
    child = Child(args, env)
    # kills exports killed, then one left to finish: an export that ends replaces the target whole
    for kill, moment in enumerate([*moments(rng, kills, duration * 1.3), None]):
        with Project.open(work) as store:  # each export has a new document: old and new differ
            store.import_batches([*read_path(_one_more(tmp_path, kill))])
            store.apply(facts_edit(store, store.document_count()))
        counts = expected_rows(work)
        run = child.run(kill_after=moment)
        child = Child(args, env)
        for target in targets:
            data = target.read_bytes() if target.exists() else None
            if data is None:
                problems.append(f"after kill {kill + 1}: {target.name} is gone")
            elif data == old[target]:
                kept += 1
            elif wrong := complete_export(fmt, target.name, data, counts):
                problems.append(f"after kill {kill + 1}: {target.name} is torn: {wrong}")
            else:
                replaced += 1
                old[target] = data
        lookalikes = {p for p in out.iterdir() if p.suffix in EXPORT_SUFFIXES and not p.name.startswith(".")}
        if strays := lookalikes - set(targets):
            problems.append(f"after kill {kill + 1}: partial files that look like exports: {sorted(strays)}")
        assert not run.finished or all(old[t] == t.read_bytes() for t in targets)
    child.proc.kill()
    child.proc.communicate()
    print(f"{fmt}: {kills} kills, {kept} targets kept, {replaced} replaced whole")
    assert problems == []
    assert kept and replaced, f"the kills did not land both before and after the rename ({kept} kept, {replaced} new)"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_export_check_refuses_a_cut_file(tmp_path, export_project, fmt):
    out = tmp_path / f"out.{fmt}"
    Child(["export", str(export_project), str(out)], _env(tmp_path)).run(None)
    counts = expected_rows(export_project)
    for target in (tmp_path / name for name in FORMATS[fmt]):
        data = target.read_bytes()
        assert complete_export(fmt, target.name, data, counts) == ""
        cut = data[: data.rindex(b"\n", 0, len(data) // 2) + 1] if fmt != "xlsx" else data[: len(data) // 2]
        assert complete_export(fmt, target.name, cut, counts) != ""


def _one_more(tmp_path: Path, kill: int) -> Path:
    path = tmp_path / f"more{kill}.txt"
    path.write_text(f"{HEADLINE}追加第{kill}篇\n{WORDS}{kill}{WORDS}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_export_killed_at_random_moments_leaves_the_old_file_or_the_new_one(tmp_path, export_project, fmt):
    kill_exports(tmp_path, export_project, fmt, 6, seed=3)


@pytest.mark.long
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_export_killed_25_times_leaves_the_old_file_or_the_new_one(tmp_path, export_project, fmt):
    kill_exports(tmp_path, export_project, fmt, 25, seed=4)
