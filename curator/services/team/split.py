"""Packages out: one ordinary project file per annotator, with that annotator's share of the documents."""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

from curator.services.team.errors import TeamError
from curator.store import Project, ProjectError
from curator.store.lock import current_holder
from curator.store.team import fill_package

BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# bytes in a package's file name: 255 is the most a file system allows, and writing one makes longer names beside it
NAME_MAX = 200


@dataclass(frozen=True)
class PackagePlan:
    annotator: str
    path: Path
    doc_ids: tuple[int, ...]


@dataclass(frozen=True)
class SplitReport:
    packages: tuple[PackagePlan, ...]
    shared: int  # documents every annotator got

    def lines(self) -> list[str]:
        return [f"{p.path}: {len(p.doc_ids)} document(s) for {p.annotator}" for p in self.packages]


def parse_annotators(text: str) -> list[str]:
    """'张三,李四，王五' -> names (ASCII or Chinese commas); refuses empty and repeated names."""
    names = [name.strip() for name in re.split(r"[,，、]", text)]
    names = [name for name in names if name]
    if not names:
        raise TeamError("no annotator named; give them as --annotators 张三,李四")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise TeamError(f"annotator {name!r} is named twice; every package needs its own name")
        if BAD_NAME.search(name):
            raise TeamError(f"annotator {name!r} cannot be part of a file name (no / \\ : * ? \" < > |)")
        seen.add(name)
    return names


def plan_split(project: Project, outdir: Path, *, annotators: list[str], overlap: float = 0.0,
               seed: int | None = None) -> SplitReport:
    """Which documents go to whom: `overlap` of them to everyone, the rest round-robin after a seeded shuffle."""
    if not 0.0 <= overlap <= 1.0:
        raise TeamError(f"--overlap {overlap} is not a share between 0 and 1")
    ids = [d.id for d in project.documents()]
    if not ids:
        raise TeamError(f"{project.path}: the project has no documents to hand out")
    random.Random(seed).shuffle(ids)
    shared_count = round(overlap * len(ids))
    shared, rest = ids[:shared_count], ids[shared_count:]
    stem = project.path.stem if project.path else "project"
    plans = []
    for n, name in enumerate(annotators):
        own = sorted(shared + rest[n::len(annotators)])
        plans.append(PackagePlan(name, outdir / f"{stem}-{name}.curator", tuple(own)))
    return SplitReport(tuple(plans), shared_count)


def split_project(project: Project, outdir: str | Path, *, annotators: list[str], overlap: float = 0.0,
                  seed: int | None = None, force: bool = False) -> SplitReport:
    """Write one package per annotator into outdir; all of them, or (on a refusal) none."""
    if len(set(annotators)) != len(annotators):
        raise TeamError("an annotator is named twice; every package needs its own name")
    outdir = Path(outdir)
    report = plan_split(project, outdir, annotators=annotators, overlap=overlap, seed=seed)
    for plan in report.packages:
        _check_name(plan)
    for plan in report.packages:
        _check_target(plan.path, force=force)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TeamError(f"{outdir}: cannot make the folder ({exc.strerror or exc})") from None
    for plan in report.packages:
        _write_package(project, plan)
    return report


def _check_name(plan: PackagePlan) -> None:
    size = len(plan.path.name.encode())
    if size > NAME_MAX:
        raise TeamError(f"annotator {plan.annotator!r}: the package's file name would be too long ({size} bytes, at "
                        f"most {NAME_MAX}); use a shorter name, or a project file with a shorter name")


def _check_target(path: Path, *, force: bool) -> None:
    if not path.exists():
        return
    holder = current_holder(path)
    if holder is not None:
        raise TeamError(f"{path}: the package is open in another curator ({holder}); close it there first")
    if not force:
        raise TeamError(f"{path}: a package of that name exists; use --force to replace it")


def _write_package(project: Project, plan: PackagePlan) -> None:
    """Built under a temporary name and renamed when whole: a package is complete or absent."""
    partial = plan.path.with_name(plan.path.name + ".partial")
    _remove_file(partial)
    try:
        with Project.open(partial) as package:
            fill_package(project, package, plan.doc_ids, annotator=plan.annotator)
            package.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            package.db.conn.execute("PRAGMA journal_mode = DELETE")  # one file to carry on a USB stick
        _remove_file(plan.path)
        os.replace(partial, plan.path)
    except ProjectError as exc:
        _remove_file(partial)
        raise TeamError(f"{plan.path}: not written ({exc})") from None
    except OSError as exc:
        _remove_file(partial)
        raise TeamError(f"{plan.path}: not written ({exc.strerror or exc})") from None


def _remove_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
