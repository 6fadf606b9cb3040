"""Mutation testing, one module at a time, against only the tests that matter for it (mutmut 3).

    .venv/bin/pip install -e '.[mutation]'

    .venv/bin/python tests/mutation/run.py core/edits store/lock   # some modules, this working tree
    .venv/bin/python tests/mutation/run.py --group store           # every module of modules/store.toml
    .venv/bin/python tests/mutation/run.py --all                   # every module listed
    .venv/bin/python tests/mutation/run.py --ref main core/facts   # the code and tests of a commit instead
    .venv/bin/python tests/mutation/run.py --total                 # the table of recorded scores, no run

A module is named by its path under curator/ without .py; `tests/mutation/modules/*.toml` lists, for
each, the in-process tests that matter for it (one file per area, so that people working on different
areas do not edit the same file). Each module runs in a copy of the tree under a temporary folder
(mutmut writes mutants/ there), with `[tool.mutmut]` narrowed to that module and its tests. Prints the
score per module (killed + timed out, over all mutants), records it in `tests/mutation/scores/` (one
JSON file per module, committed: the README's table is made from them by --total) and writes the
survivors' diffs to --out. Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MUTMUT = Path(sys.executable).with_name("mutmut")
SCORES = HERE / "scores"
PACKAGES = ("core", "store", "export", "services")  # the goal: >= 85 % over these four together
ISOLATION = "forkserver"
STATUS = re.compile(r"^\s*(\S+): (.+)$")


def listed() -> dict[str, tuple[str, list[str]]]:
    """module -> (its group, its tests), from every modules/*.toml."""
    modules: dict[str, tuple[str, list[str]]] = {}
    for path in sorted((HERE / "modules").glob("*.toml")):
        for name, spec in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if name in modules:
                raise SystemExit(f"{name} is listed twice (in {modules[name][0]}.toml and {path.stem}.toml)")
            modules[name] = (path.stem, list(spec["tests"]))
    return modules


def tree(ref: str | None, into: Path) -> None:
    """The files of ref (or of the working tree, untracked ones included) copied into `into`."""
    if ref:
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        return
    names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout
    for name in filter(None, names.split("\0")):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


def configure(work: Path, path: str, tests: list[str], children: int) -> list[str]:
    """Narrow [tool.mutmut] in work's pyproject.toml to one file and its tests; return the tests kept."""
    kept = [t for t in tests if (work / t.split("::")[0]).exists()]
    if not kept:  # no test for it at all: one that reaches nothing, so that every mutant counts as untested
        (work / "tests" / "test_reaches_nothing.py").write_text("def test_nothing():\n    pass\n", encoding="utf-8")
        kept = ["tests/test_reaches_nothing.py"]
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", text)
    text += "\n[tool.mutmut]\n" + "\n".join([
        'source_paths = ["curator"]',
        f'only_mutate = ["{path}"]',
        f"pytest_add_cli_args_test_selection = {json.dumps(kept)}",
        'also_copy = ["seeds", "resources", "tests"]',
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
        # a mutant is stopped after 4 x (its tests' time + 5 s) of wall time (mutmut: 15 x (time + 1 s)); on
        # a busy machine a shorter limit stops slow survivors, which then count as timeouts: see --total
        "timeout_multiplier = 4.0",
        "timeout_constant = 5.0",
        f'process_isolation = "{ISOLATION}"',
    ]) + "\n"
    pyproject.write_text(text, encoding="utf-8")
    return kept


def results(work: Path) -> dict[str, str]:
    out = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=work, capture_output=True, text=True).stdout
    return {m[1]: m[2] for line in out.splitlines() if (m := STATUS.match(line))}


def survivors(work: Path, names: list[str]) -> str:
    pieces = []
    for name in names:
        diff = subprocess.run([str(MUTMUT), "show", name], cwd=work, capture_output=True, text=True).stdout
        changed = [line for line in diff.splitlines() if line[:2] in ("- ", "+ ")]
        pieces.append(f"## {name}\n" + "\n".join(changed[:6]))
    return "\n".join(pieces) + "\n"


def score_file(name: str) -> Path:
    return SCORES / (name.replace("/", ".") + ".json")


def run(name: str, tests: list[str], ref: str | None, out: Path, children: int) -> str:
    path = f"curator/{name}.py"
    with tempfile.TemporaryDirectory(prefix=f"mutmut-{name.replace('/', '.')}-") as temp:
        work = Path(temp)
        tree(ref, work)
        if not (work / path).is_file():
            return f"{name}: no such file {path}"
        configure(work, path, tests, children)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # tests that make a window need no display
        subprocess.run([str(MUTMUT), "run", "--max-children", str(children)], cwd=work, capture_output=True, text=True,
                       env=env)
        status = results(work)
        counts: dict[str, int] = {}
        for value in status.values():
            counts[value] = counts.get(value, 0) + 1
        lived = sorted(n for n, v in status.items() if v in ("survived", "no tests"))
        (out / f"{name.replace('/', '.')}{'-' + ref if ref else ''}.survivors.txt").write_text(
            survivors(work, lived), encoding="utf-8")
    caught = counts.get("killed", 0) + counts.get("timeout", 0)
    total = len(status)
    if not ref:  # a module with no mutants is recorded too (0 of 0), so that it is not listed as unmeasured
        SCORES.mkdir(exist_ok=True)
        score_file(name).write_text(json.dumps({
            "module": name, "killed": caught, "total": total, "counts": counts,
            "measured": datetime.date.today().isoformat(),
        }, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    score = f"{100 * caught / total:.1f} %" if total else "-"
    return f"{name:<32} {caught:>5} / {total:<5} {score:>8}   {counts}"


def total() -> None:
    """The recorded scores per module and over the four packages; modules never measured are named.

    Timeouts are counted as caught (mutmut's way: a mutant that loops is caught); on a busy machine a
    slow survivor can time out too, so the share killed by a failing test alone is given as well.
    """
    rows = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCORES.glob("*.json"))]
    measured = {r["module"] for r in rows}
    caught = failed = all_ = 0
    print(f"{'module':<32} {'caught':>6} / {'total':<5} {'share':>7}  {'by a failing test':>17}")
    for r in rows:
        share = 100 * r["killed"] / r["total"] if r["total"] else 100.0
        killed = r["counts"].get("killed", 0)
        alone = 100 * killed / r["total"] if r["total"] else 100.0
        print(f"{r['module']:<32} {r['killed']:>6} / {r['total']:<5} {share:6.1f} %  {alone:15.1f} %  ({r['measured']})")
        if r["module"].split("/")[0] in PACKAGES:
            caught, failed, all_ = caught + r["killed"], failed + killed, all_ + r["total"]
    missing = sorted(str(p.relative_to(ROOT / "curator").with_suffix("")) for pkg in PACKAGES
                     for p in (ROOT / "curator" / pkg).rglob("*.py"))
    missing = [m for m in missing if m not in measured]
    if all_:
        print(f"\n{'/'.join(PACKAGES)}: {caught} of {all_} caught ({100 * caught / all_:.1f} %), "
              f"{failed} by a failing test ({100 * failed / all_:.1f} %), the rest timed out")
    if missing:
        print("not measured:", " ".join(missing))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help="paths under curator/ without .py, e.g. store/lock")
    parser.add_argument("--group", action="append", default=[], help="every module of modules/GROUP.toml")
    parser.add_argument("--all", action="store_true", help="every module listed in modules/*.toml")
    parser.add_argument("--ref", help="a commit to test instead of the working tree (its scores are not recorded)")
    parser.add_argument("--children", type=int, default=1, help="mutants tested at once (default 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "mutants", help="where the survivors' diffs go")
    parser.add_argument("--total", action="store_true", help="print the recorded scores and stop")
    args = parser.parse_args()
    if args.total:
        total()
        return
    modules = listed()
    chosen = list(args.modules)
    chosen += [m for m, (group, _) in modules.items() if group in args.group or args.all]
    if unknown := set(chosen) - set(modules):
        parser.error(f"not listed in tests/mutation/modules/*.toml: {', '.join(sorted(unknown))}")
    if not chosen:
        parser.error("name some modules, or --group GROUP, --all or --total")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in dict.fromkeys(chosen):
        print(run(name, modules[name][1], args.ref, args.out, args.children), flush=True)


if __name__ == "__main__":
    main()
