"""The command line: split, merge and agreement, and one clear message for each bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from team_fixtures import NAMES, annotate_shared, package_path, shared_sha

from curator.cli import main
from curator.store import Project


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_split_merge_agreement_from_the_command_line(team_project, tmp_path: Path):
    path = team_project.path
    team_project.close()
    out = tmp_path / "out"
    done = run("split", path, out, "--annotators", "张三,李四,王五", "--overlap", "0.5", "--seed", "7")
    assert done.exit_code == 0, done.output
    assert f"{package_path(out, '张三')}: 3 document(s) for 张三" in done.output
    annotate_shared(out, shared_sha(out))
    merged = run("merge", path, *[package_path(out, n) for n in NAMES])
    assert merged.exit_code == 0, merged.output
    assert "2 dispute(s) to adjudicate" in merged.output
    again = run("merge", path, *[package_path(out, n) for n in NAMES])
    assert "merged before; nothing changed" in again.output
    measured = run("agreement", path)
    assert measured.exit_code == 0 and "F1 75.0%" in measured.output


def test_split_refuses_a_repeated_annotator_and_an_existing_package(team_project, tmp_path: Path):
    path = team_project.path
    team_project.close()
    twice = run("split", path, tmp_path / "out", "--annotators", "张三,张三")
    assert twice.exit_code == 1 and "Error: annotator '张三' is named twice" in twice.output
    assert run("split", path, tmp_path / "out", "--annotators", "张三,李四").exit_code == 0
    exists = run("split", path, tmp_path / "out", "--annotators", "张三,李四")
    assert exists.exit_code == 1 and "exists; use --force to replace it" in exists.output
    assert run("split", path, tmp_path / "out", "--annotators", "张三,李四", "--force").exit_code == 0
    wide = run("split", path, tmp_path / "out", "--annotators", "张三", "--overlap", "2")
    assert wide.exit_code == 2 and "--overlap" in wide.output


def test_merge_messages_for_bad_packages(team_project, tmp_path: Path):
    path = team_project.path
    team_project.close()
    out = tmp_path / "out"
    run("split", path, out, "--annotators", "张三,李四")
    with Project.open(tmp_path / "other.curator"):
        pass
    wrong = run("merge", tmp_path / "other.curator", package_path(out, "张三"))
    assert wrong.exit_code == 1 and "a package of another project" in wrong.output and "Traceback" not in wrong.output
    not_package = run("merge", path, tmp_path / "other.curator")
    assert not_package.exit_code == 1 and "not a work package" in not_package.output
    damaged = package_path(out, "李四")
    damaged.write_bytes(damaged.read_bytes()[:5000])
    broken = run("merge", path, package_path(out, "张三"), damaged)
    assert broken.exit_code == 1 and "damaged" in broken.output and "nothing was merged" in broken.output
