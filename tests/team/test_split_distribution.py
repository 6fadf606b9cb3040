"""How curator split deals documents out (the overlap to everyone, the rest in turn) and every refusal's sentence."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from team_fixtures import NAMES, ROOT, package_path, split_seeds

from curator.core.importing import read_path
from curator.services.team import TeamError
from curator.services.team.split import parse_annotators, plan_split, split_project
from curator.store import Project
from curator.store.lock import lock_path


@pytest.fixture(scope="module")
def ten(tmp_path_factory):
    """A project of ten short articles (only read: planned, never written to)."""
    tmp_path = tmp_path_factory.mktemp("ten")
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(10):
        (folder / f"{n}.txt").write_text(f"第{n}篇文章\n全市开展文明城市创建活动，第{n}次。", encoding="utf-8")
    with Project.open(tmp_path / "ten.curator") as project:
        project.import_batches(read_path(folder))
        assert project.document_count() == 10
        yield project


def _plan(project, overlap, seed=7, names=NAMES):
    return plan_split(project, Path("out"), annotators=list(names), overlap=overlap, seed=seed)


@pytest.mark.parametrize("overlap, shared, sizes", [
    (0.0, 0, [4, 3, 3]),  # no overlap: ten dealt in turn
    (0.3, 3, [6, 5, 5]),  # three to everyone, seven dealt in turn
    (0.25, 2, [5, 5, 4]),  # 2.5 rounds to 2
    (0.35, 4, [6, 6, 6]),  # 3.5 rounds to 4
    (1.0, 10, [10, 10, 10]),  # everything to everyone
])
def test_the_overlap_goes_to_everyone_and_the_rest_in_turn(ten, overlap, shared, sizes):
    report = _plan(ten, overlap)
    assert report.shared == shared
    assert [len(p.doc_ids) for p in report.packages] == sizes
    owned = [set(p.doc_ids) for p in report.packages]
    common = set.intersection(*owned)
    assert len(common) == shared
    for a, b in combinations(owned, 2):
        assert a & b == common  # beyond the overlap, nobody shares a document
    assert set.union(*owned) == set(range(1, 11))
    assert all(list(p.doc_ids) == sorted(p.doc_ids) for p in report.packages)


def test_each_package_is_named_after_the_project_and_its_annotator(ten):
    report = _plan(ten, 0.3)
    assert [(p.annotator, p.path) for p in report.packages] == [(n, Path("out") / f"ten-{n}.curator") for n in NAMES]
    assert report.lines() == [f"{Path('out') / f'ten-{p.annotator}.curator'}: {len(p.doc_ids)} document(s) for "
                              f"{p.annotator}" for p in report.packages]
    assert report.lines()[0] == f"{Path('out') / 'ten-张三.curator'}: 6 document(s) for 张三"


def test_the_seed_decides_the_deal(ten):
    assert _plan(ten, 0.3, seed=1) == _plan(ten, 0.3, seed=1)
    assert {_plan(ten, 0.3, seed=s).packages[0].doc_ids for s in range(5)} != {_plan(ten, 0.3, seed=1).packages[0].doc_ids}


def test_one_annotator_gets_everything(ten):
    (plan,) = _plan(ten, 0.0, names=["张三"]).packages
    assert plan.doc_ids == tuple(range(1, 11))


@pytest.mark.parametrize("overlap", [-0.01, 1.01])
def test_an_overlap_outside_zero_to_one(ten, overlap):
    with pytest.raises(TeamError) as caught:
        _plan(ten, overlap)
    assert str(caught.value) == f"--overlap {overlap} is not a share between 0 and 1"


def test_a_project_without_documents(tmp_path: Path):
    with Project.open(tmp_path / "empty.curator") as empty, pytest.raises(TeamError) as caught:
        split_project(empty, tmp_path / "out", annotators=["张三"])
    assert str(caught.value) == f"{tmp_path / 'empty.curator'}: the project has no documents to hand out"
    assert not (tmp_path / "out").exists()


def test_annotator_names_are_split_on_any_comma():
    assert parse_annotators(" 张三, 李四、王五，赵六 ,, ") == ["张三", "李四", "王五", "赵六"]
    assert parse_annotators("Alice") == ["Alice"]


@pytest.mark.parametrize("names, message", [
    ("", "no annotator named; give them as --annotators 张三,李四"),
    ("、，,", "no annotator named; give them as --annotators 张三,李四"),
    ("张三,李四,张三", "annotator '张三' is named twice; every package needs its own name"),
])
def test_annotator_names_refused(names, message):
    with pytest.raises(TeamError) as caught:
        parse_annotators(names)
    assert str(caught.value) == message


@pytest.mark.parametrize("bad", list('\\/:*?"<>|') + ["\x00", "\t", "\x1f"])
def test_a_name_that_cannot_be_a_file_name(bad):
    with pytest.raises(TeamError) as caught:
        parse_annotators(f"李四,张{bad}三")
    assert str(caught.value) == (f"annotator {'张' + bad + '三'!r} cannot be part of a file name "
                                 "(no / \\ : * ? \" < > |)")


def test_the_service_refuses_a_name_twice(team_project, tmp_path: Path):
    with pytest.raises(TeamError) as caught:
        split_project(team_project, tmp_path / "out", annotators=["张三", "李四", "张三"])
    assert str(caught.value) == "an annotator is named twice; every package needs its own name"


def test_packages_are_single_files_written_whole(team_project, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    stale = package_path(out, "张三").with_name("team-张三.curator.partial")
    stale.write_text("left from an interrupted split", encoding="utf-8")
    report = split_seeds(team_project, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"team-{n}.curator" for n in NAMES)
    with Project.open(package_path(out, "张三"), read_only=True) as package:
        assert package.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [d.id for d in package.documents()] == list(report.packages[0].doc_ids)


def test_force_replaces_a_package_and_what_was_beside_it(team_project, tmp_path: Path):
    out = tmp_path / "out"
    split_seeds(team_project, out)
    old = package_path(out, "张三")
    (out / (old.name + "-wal")).write_bytes(b"an old journal")
    (out / (old.name + "-shm")).write_bytes(b"its index")
    with pytest.raises(TeamError) as caught:
        split_seeds(team_project, out)
    assert str(caught.value) == f"{old}: a package of that name exists; use --force to replace it"
    split_project(team_project, out, annotators=NAMES, overlap=1.0, force=True)
    assert not (out / (old.name + "-wal")).exists() and not (out / (old.name + "-shm")).exists()
    with Project.open(old, read_only=True) as package:
        assert package.document_count() == 4


def test_a_package_open_elsewhere_is_not_replaced(team_project, tmp_path: Path):
    out = tmp_path / "out"
    split_seeds(team_project, out)
    path = package_path(out, "李四")
    lock_path(path).write_text(json.dumps({"pid": 4242, "host": "another-computer"}), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(TeamError) as caught:
        split_project(team_project, out, annotators=NAMES, force=True)
    assert str(caught.value) == (f"{path}: the package is open in another curator (process 4242 on another-computer); "
                                 "close it there first")
    assert path.read_bytes() == before


def test_a_folder_where_the_package_goes(team_project, tmp_path: Path):
    out = tmp_path / "out"
    (out / "team-张三.curator").mkdir(parents=True)
    with pytest.raises(TeamError) as caught:
        split_project(team_project, out, annotators=["张三"], force=True)
    assert str(caught.value) == f"{out / 'team-张三.curator'}: not written (Is a directory)"
    assert not (out / "team-张三.curator.partial").exists()


def test_an_output_folder_that_is_a_file(team_project, tmp_path: Path):
    out = tmp_path / "out"
    out.write_text("a file", encoding="utf-8")
    with pytest.raises(TeamError) as caught:
        split_project(team_project, out, annotators=["张三"])
    assert str(caught.value) == f"{out}: cannot make the folder (File exists)"


def test_a_project_without_a_file_names_its_packages_project(tmp_path: Path):
    memory = Project.memory()
    memory.import_batches(read_path(ROOT / "seeds"))
    report = plan_split(memory, tmp_path, annotators=["张三"], overlap=0.0, seed=1)
    assert report.packages[0].path == tmp_path / "project-张三.curator"
    memory.close()



def test_the_output_folder_is_made_with_its_parents(team_project, tmp_path: Path):
    out = tmp_path / "round" / "one"
    report = split_project(team_project, out, annotators=["张三"], overlap=0.0, seed=1)
    assert [p.path for p in report.packages] == [out / "team-张三.curator"] and report.packages[0].path.is_file()


def test_a_name_too_long_for_a_file_is_refused_before_anything_is_written(team_project, tmp_path: Path):
    out = tmp_path / "out"
    fits = "a" * 187  # team-NAME.curator: 200 bytes
    split_project(team_project, out, annotators=[fits], overlap=0.0, seed=1)
    assert package_path(out, fits).is_file()
    long = "张" * 63  # 189 bytes in UTF-8: 202 with the rest
    with pytest.raises(TeamError) as caught:
        split_project(team_project, tmp_path / "other", annotators=["李四", long])
    assert str(caught.value) == (f"annotator {long!r}: the package's file name would be too long (202 bytes, at most "
                                 "200); use a shorter name, or a project file with a shorter name")
    assert not (tmp_path / "other").exists()
    with pytest.raises(TeamError, match=r"\(201 bytes, at most 200\)"):
        split_project(team_project, tmp_path / "other", annotators=["a" * 188])
    with pytest.raises(TeamError, match="too long"):  # past what a file system allows at all
        split_project(team_project, tmp_path / "other", annotators=["张" * 90])


def test_split_deals_as_planned_with_its_seed(ten, tmp_path: Path):
    first = split_project(ten, tmp_path / "a", annotators=NAMES, overlap=0.3, seed=11)
    again = split_project(ten, tmp_path / "b", annotators=NAMES, overlap=0.3, seed=11)
    assert [p.doc_ids for p in first.packages] == [p.doc_ids for p in again.packages]
    assert [p.doc_ids for p in first.packages] == [p.doc_ids for p in _plan(ten, 0.3, seed=11).packages]
    with Project.open(tmp_path / "b" / "ten-王五.curator", read_only=True) as package:
        assert tuple(d.id for d in package.documents()) == again.packages[2].doc_ids
