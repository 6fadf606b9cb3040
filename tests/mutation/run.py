"""Mutation testing, one module at a time, against only the tests that matter for it (mutmut 3).

    .venv/bin/pip install -e '.[mutation]'

    .venv/bin/python tests/mutation/run.py                      # every module below, this working tree
    .venv/bin/python tests/mutation/run.py facts offsets        # some of them
    .venv/bin/python tests/mutation/run.py --ref main facts     # the code and tests of a commit instead

Each module runs in a copy of the tree under a temporary folder (mutmut writes mutants/ there), with
`[tool.mutmut]` narrowed to that module and its tests; one test process at a time. Prints the score
per module (killed + timed out, over all mutants) and writes the survivors' diffs to --out.
Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = Path(sys.executable).with_name("mutmut")

# module -> the tests that matter for it (files missing at --ref are left out)
MODULES: dict[str, tuple[str, list[str]]] = {
    "edits": ("curator/core/edits.py", ["tests/core/test_edits.py", "tests/core/test_facts.py",
                                        "tests/store/test_edits_roundtrip.py", "tests/store/test_suggesting.py",
                                        "tests/store/test_spread_gaps.py"]),
    "facts": ("curator/core/facts.py", ["tests/core/test_facts.py", "tests/core/test_edits.py",
                                        "tests/store/test_edits_roundtrip.py"]),
    "quantity": ("curator/core/quantity.py", ["tests/core/test_quantity.py", "tests/core/test_spread_edges.py", "tests/core/test_suggest_figures.py"]),
    "evidence": ("curator/core/evidence.py", ["tests/core/test_evidence.py", "tests/export/test_export_evidence_props.py",
                                              "tests/export/test_export_data_files.py"]),
    "grams": ("curator/core/grams.py", ["tests/core/test_grams.py", "tests/store/test_search.py"]),
    "segment": ("curator/core/segment.py", ["tests/core/test_segment.py", "tests/core/test_segment_edges.py"]),
    "model": ("curator/core/model.py", ["tests/core/test_model.py", "tests/core/test_edits.py", "tests/core/test_facts.py",
                                        "tests/store/test_edits_roundtrip.py"]),
    "spread": ("curator/core/suggest/spread.py", ["tests/core/test_suggest_spread.py", "tests/core/test_spread_edges.py", "tests/store/test_suggesting.py",
                                                  "tests/store/test_spread_gaps.py"]),
    "offsets": ("curator/ui/offsets.py", ["tests/ui/test_offsets.py"]),
    "suggesting": ("curator/services/suggesting.py", ["tests/store/test_suggesting.py", "tests/store/test_spread_gaps.py"]),
}
STATUS = re.compile(r"^\s*(\S+): (.+)$")


def tree(ref: str | None, into: Path) -> None:
    """The files of ref (or of the working tree, untracked ones included) copied into `into`."""
    if ref:
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        return
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


def configure(work: Path, module: str, tests: list[str]) -> list[str]:
    """Narrow [tool.mutmut] in work's pyproject.toml to module and its tests; return the tests kept."""
    kept = [t for t in tests if (work / t).exists()]
    if not kept:  # no test for it at all: one that reaches nothing, so that every mutant counts as untested
        (work / "tests" / "test_reaches_nothing.py").write_text("def test_nothing():\n    pass\n", encoding="utf-8")
        kept = ["tests/test_reaches_nothing.py"]
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", text)
    text += "\n[tool.mutmut]\n" + "\n".join([
        'source_paths = ["curator"]',
        f'only_mutate = ["{module}"]',
        f"pytest_add_cli_args_test_selection = {kept!r}".replace("'", '"'),
        'also_copy = ["seeds", "resources", "tests"]',
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
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


def run(name: str, ref: str | None, out: Path) -> str:
    module, tests = MODULES[name]
    with tempfile.TemporaryDirectory(prefix=f"mutmut-{name}-") as temp:
        work = Path(temp)
        tree(ref, work)
        configure(work, module, tests)
        subprocess.run([str(MUTMUT), "run", "--max-children", "1"], cwd=work, capture_output=True, text=True)
        status = results(work)
        counts: dict[str, int] = {}
        for value in status.values():
            counts[value] = counts.get(value, 0) + 1
        caught = counts.get("killed", 0) + counts.get("timeout", 0)
        total = len(status)
        lived = sorted(n for n, v in status.items() if v in ("survived", "no tests"))
        (out / f"{name}{'-' + ref if ref else ''}.survivors.txt").write_text(survivors(work, lived), encoding="utf-8")
    score = f"{100 * caught / total:.1f} %" if total else "-"
    return f"{name:<11} {module:<34} {caught:>4} / {total:<4} {score:>8}   {counts}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"some of: {', '.join(MODULES)}")
    parser.add_argument("--ref", help="a commit to test instead of the working tree")
    parser.add_argument("--out", type=Path, default=ROOT / "mutants", help="where the survivors' diffs go")
    args = parser.parse_args()
    if unknown := set(args.modules) - set(MODULES):
        parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.modules or list(MODULES):
        print(run(name, args.ref, args.out), flush=True)


if __name__ == "__main__":
    main()
