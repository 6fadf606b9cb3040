"""SIGKILL a process in the middle of its edits, many times; every returned edit survives, none is half-applied."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from curator.core.importing import read_path
from curator.store import Project

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 50


@dataclass
class Ledger:
    """What the killed writers said: spans that must exist, must not, and edits cut short."""

    present: set[int] = field(default_factory=set)
    absent: set[int] = field(default_factory=set)
    returned: int = 0
    cut_short: int = 0

    def read(self, lines: list[str]) -> tuple[str, list[int]] | None:
        """Take in one writer's output; return the edit it was applying when killed, if any."""
        pending = None
        for line in lines:
            if line.startswith("begin "):
                _, op, ids = line.split()
                pending = (op, [int(i) for i in ids.split(",")])
            elif line == "done" and pending:
                op, ids = pending
                (self.present if op == "+" else self.absent).update(ids)
                (self.absent if op == "+" else self.present).difference_update(ids)
                self.returned += 1
                pending = None
        self.cut_short += pending is not None
        return pending

    def settle(self, in_flight: tuple[str, list[int]] | None, spans: set[int]) -> None:
        """The edit cut short committed or not (its "done" never came): take what the file says."""
        if in_flight is None:
            return
        op, ids = in_flight
        committed = set(ids) <= spans if op == "+" else not set(ids) & spans
        if committed:
            (self.present if op == "+" else self.absent).update(ids)
            (self.absent if op == "+" else self.present).difference_update(ids)


def _spawn(path: Path, seed: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(seed)], cwd=ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _kill_writers(path: Path, kills: int, *, seed: int, one_change_at_a_time: bool = False) -> list[str]:
    """Run `kills` writers one after another, each killed with SIGKILL at a random moment; return the problems found."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if one_change_at_a_time:
        env["CRASH_CHILD_ONE_CHANGE_AT_A_TIME"] = "1"
    rng = random.Random(seed)
    ledger = Ledger()
    problems: list[str] = []
    child = _spawn(path, rng.randrange(10**9), env)
    for kill in range(kills):
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.stdin.write("go\n")
        child.stdin.flush()
        following = _spawn(path, rng.randrange(10**9), env) if kill + 1 < kills else None  # imports meanwhile
        first = child.stdout.readline()
        assert first.startswith("begin"), child.stderr.read()
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()  # reaped: its lock file is now stale
        child.stdin.close()
        child.stdout.close()
        child.stderr.close()
        in_flight = ledger.read([first.strip(), *rest.splitlines()])
        problems += [f"after kill {kill + 1}: {p}" for p in _check(path, ledger, in_flight)]
        ledger.settle(in_flight, _span_ids(path))
        child = following
    assert ledger.returned >= kills, "the writers hardly wrote anything before being killed"
    print(f"{kills} kills, {ledger.returned} edits returned, {ledger.cut_short} cut short")
    assert ledger.cut_short >= kills // 5, "too few kills landed while an edit was being applied"
    return problems


def _check(path: Path, ledger: Ledger, in_flight: tuple[str, list[int]] | None) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        problems = []
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:3]}")
        spans = {row[0] for row in conn.execute("SELECT id FROM spans")}
        cited = {int(i) for (ids,) in conn.execute("SELECT span_ids FROM figures") for i in ids.strip("[]").split(",") if i}
        cut_short = set(in_flight[1]) if in_flight else set()  # committed or not: checked below
        if lost := ledger.present - spans - cut_short:
            problems.append(f"spans of returned edits are gone: {sorted(lost)[:5]}")
        if back := (ledger.absent & spans) - cut_short:
            problems.append(f"spans deleted by returned edits are back: {sorted(back)[:5]}")
        if spans != cited:
            problems.append(f"half an edit: {len(spans ^ cited)} spans without their figure row or rows without their span")
        if in_flight:  # committed or not, but whole
            op, ids = in_flight
            there = len(set(ids) & spans)
            if there not in (0, len(ids)):
                problems.append(f"the edit cut short ({op}{len(ids)} spans) is half there: {there} of {len(ids)}")
        counts = conn.execute(
            "SELECT COUNT(*) FROM documents d WHERE span_count != (SELECT COUNT(*) FROM spans s WHERE s.doc_id = d.id)"
        ).fetchone()[0]
        if counts:
            problems.append(f"{counts} documents' span_count disagrees with their spans")
        return problems
    finally:
        conn.close()


def _span_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM spans")}
    finally:
        conn.close()


def _seeded(tmp_path: Path) -> Path:
    path = tmp_path / "crash.curator"
    with Project.open(path) as store:
        assert len(store.import_batches(read_path(ROOT / "seeds")).added) == 4
    return path


def test_every_returned_edit_survives_sigkill_and_none_is_half_applied(tmp_path):
    path = _seeded(tmp_path)
    assert _kill_writers(path, KILLS, seed=7) == []
    with Project.open(path) as store:  # and the project opens as usual afterwards
        assert not store.read_only and store.document_count() == 4


def test_the_check_catches_edits_applied_without_one_transaction(tmp_path):
    """The same check against a writer that commits row by row must find half-applied edits."""
    path = _seeded(tmp_path)
    problems = _kill_writers(path, 15, seed=11, one_change_at_a_time=True)
    assert any("half" in p for p in problems)
