"""curator merge refuses, with one exact sentence and nothing written, every package it cannot take; and what
it reports for the packages it takes (per package, then the total)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from team_fixtures import (
    NAMES, ROOT, annotate_shared, doc_by_sha, dump_tables, finish, own_sha, package_path, shared_sha, split_seeds, tag,
)

from curator.core.importing import read_path
from curator.services.team import TeamError
from curator.services.team.merge import merge_packages
from curator.store import Project
from curator.store.lock import lock_path

ELSEWHERE = {"pid": 4242, "host": "another-computer"}  # another host's lock counts as held


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The seed project and its three packages (split once per module, copied for each test)."""
    root = tmp_path_factory.mktemp("split")
    with Project.open(root / "team.curator") as project:
        project.import_batches(read_path(ROOT / "seeds"))
        split_seeds(project, root / "out")
    return root


@pytest.fixture
def team_project(template: Path, tmp_path: Path):
    shutil.copytree(template / "out", tmp_path / "out")
    for name in ("team.curator", "team.curator-wal"):
        if (template / name).exists():
            shutil.copy2(template / name, tmp_path / name)
    with Project.open(tmp_path / "team.curator") as project:
        yield project


@pytest.fixture
def packages(team_project, tmp_path: Path) -> Path:
    return tmp_path / "out"


def refused(project: Project, paths: list) -> str:
    before = dump_tables(project)
    with pytest.raises(TeamError) as caught:
        merge_packages(project, paths)
    assert dump_tables(project) == before
    return str(caught.value)


def test_no_package_at_all(team_project):
    assert refused(team_project, []) == "no package to merge"


def test_a_package_that_is_not_there(team_project, packages: Path, tmp_path: Path):
    missing = tmp_path / "nothing.curator"
    assert refused(team_project, [package_path(packages, "张三"), missing]) == f"{missing}: no such package"


def test_the_project_itself_is_not_a_package(team_project, packages: Path):
    path = team_project.path
    assert refused(team_project, [path]) == f"{path}: this is the project itself, not a package of it"


def test_a_plain_project_is_not_a_package(team_project, tmp_path: Path):
    plain = tmp_path / "plain.curator"
    Project.open(plain).close()
    assert refused(team_project, [plain]) == f"{plain}: not a work package (packages are made by `curator split`)"


def test_a_file_that_is_no_project(team_project, tmp_path: Path):
    text = tmp_path / "notes.curator"
    text.write_text("不是项目文件", encoding="utf-8")
    assert refused(team_project, [text]) == f"{text}: not a curator project (not an SQLite file)"


def test_a_package_of_another_project_names_both(team_project, tmp_path: Path):
    with Project.open(tmp_path / "other.curator") as other:
        other.import_batches(read_path(ROOT / "seeds"))
        split_seeds(other, tmp_path / "theirs")
        theirs = other.project_id()
    path = package_path(tmp_path / "theirs", "张三", stem="other")
    assert refused(team_project, [path]) == (f"{path}: a package of another project (made from project {theirs[:8]}, "
                                             f"this is {team_project.project_id()[:8]}); nothing was merged")


def test_a_package_open_on_another_computer(team_project, packages: Path):
    path = package_path(packages, "李四")
    lock_path(path).write_text(json.dumps(ELSEWHERE), encoding="utf-8")
    message = refused(team_project, [package_path(packages, "张三"), path])
    assert message == f"{path}: the package is open in another curator (process 4242 on another-computer); close it there first"


def test_a_damaged_package(team_project, packages: Path):
    bad = package_path(packages, "张三")
    bad.write_bytes(bad.read_bytes()[:2000])
    message = refused(team_project, [bad])
    assert message.startswith(f"{bad}") and message.endswith("; nothing was merged") and "damaged" in message


def test_a_project_open_read_only(tmp_path: Path, packages: Path):
    path = tmp_path / "team.curator"  # the team_project fixture's file, held open by it: opened again read-only
    with Project.open(path, read_only=True) as reader:
        assert refused(reader, [package_path(packages, "张三")]) == f"{path}: open read-only; nothing merged"


def test_a_project_someone_else_has_open(tmp_path: Path, packages: Path):
    path = tmp_path / "shared.curator"
    Project.open(path).close()
    lock_path(path).write_text(json.dumps(ELSEWHERE), encoding="utf-8")
    with Project.open(path) as project:
        assert project.read_only
        message = refused(project, [package_path(packages, "张三")])
    assert message == f"{path}: open by process 4242 on another-computer read-only; nothing merged"


def _one_document_done(path: Path) -> None:
    with Project.open(path) as package:
        doc = package.document(package.documents()[0].id)
        tag(package, doc, 0, 4, "place")
        finish(package, doc)


def test_two_packages_of_one_annotator(team_project, packages: Path, tmp_path: Path):
    path = package_path(packages, "张三")
    _one_document_done(path)
    copy = tmp_path / "copy.curator"
    copy.write_bytes(path.read_bytes())
    assert refused(team_project, [path, package_path(packages, "李四"), copy]) == (
        f"{copy}: annotator 张三 also owns {path}; two packages cannot have the same annotator; nothing was merged")


def test_an_annotators_document_from_a_second_package(team_project, packages: Path, tmp_path: Path):
    path = package_path(packages, "张三")
    _one_document_done(path)
    copy = tmp_path / "copy.curator"
    copy.write_bytes(path.read_bytes())
    merge_packages(team_project, [path])
    with Project.open(copy) as package:
        package.set_meta("project_id", "another-package")
    assert refused(team_project, [copy]) == (
        f"{copy}: 张三's work on 1 of its document(s) came from another package already; an annotator's document "
        "comes from one package; nothing was merged")


def test_what_a_merge_reports(team_project, packages: Path):
    annotate_shared(packages, shared_sha(packages))
    sha = own_sha(packages, "李四")
    with Project.open(package_path(packages, "李四")) as package:
        doc = doc_by_sha(package, sha)
        tag(package, doc, 0, 3, "place")
        finish(package, doc)
    paths = [package_path(packages, n) for n in NAMES]
    seen = []
    report = merge_packages(team_project, paths, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 2)]
    # overlap 0.5 of 4: two documents for everyone, the other two dealt to 张三 and 李四
    counts = {p.annotator: (p.merged, p.not_started) for p in report.packages}
    assert counts == {"张三": (1, 2), "李四": (2, 1), "王五": (1, 1)}
    assert report.lines() == [
        f"{paths[0]}: 1 document(s) from 张三; 2 not started",
        f"{paths[1]}: 2 document(s) from 李四; 1 not started",
        f"{paths[2]}: 1 document(s) from 王五; 1 not started",
        "2 document(s) updated; 2 dispute(s) to adjudicate"]
    again = merge_packages(team_project, paths[:1])
    assert again.lines() == [f"{paths[0]}: 张三's package was merged before; nothing changed",
                             "0 document(s) updated; 0 dispute(s) to adjudicate"]


def test_documents_the_project_lacks_are_named_five_at_most(team_project, packages: Path, tmp_path: Path):
    extra = tmp_path / "extra"
    extra.mkdir()
    for n in range(1, 8):
        (extra / f"{n}.txt").write_text(f"新增文章{n}\n这篇文章只在任务包里，第{n}篇。", encoding="utf-8")
    path = package_path(packages, "张三")
    with Project.open(path) as package:
        package.import_batches(read_path(extra))
        for doc in package.documents():
            finish(package, package.document(doc.id))
    (line,) = merge_packages(team_project, [path]).packages
    assert line.merged == 3 and line.missing == 0 and len(line.not_in_project) == 7
    titles = "、".join(sorted(line.not_in_project))
    assert titles == "、".join(f"新增文章{n}" for n in range(1, 8))
    assert line.line() == (f"{path}: 3 document(s) from 张三; 0 not started; 7 not in the project (not merged): "
                           + ", ".join(line.not_in_project[:5]))


@pytest.mark.parametrize("removed", ["package_annotator", "origin_project_id"])
def test_a_package_missing_its_annotator_or_its_origin(team_project, packages: Path, removed):
    path = package_path(packages, "张三")
    with Project.open(path) as package:
        package.db.conn.execute("DELETE FROM meta WHERE key = ?", [removed])
        package.db.conn.commit()
    assert refused(team_project, [path]) == f"{path}: not a work package (packages are made by `curator split`)"


def test_more_work_after_a_document_not_started_is_merged_again(team_project, packages: Path):
    path = package_path(packages, "张三")
    with Project.open(path) as package:
        *_, last = [package.document(d.id) for d in package.documents()]
        tag(package, last, 0, 2, "place")
        finish(package, last)
    assert merge_packages(team_project, [path]).packages[0].merged == 1
    with Project.open(path) as package:  # the first document is still not started; the last one gets more
        tag(package, package.document(last.id), 3, 5, "org")
    (line,) = merge_packages(team_project, [path]).packages
    assert not line.already_merged and line.merged == 1
    doc_id = next(d.id for d in team_project.documents() if team_project.document(d.id).sha256 == last.sha256)
    assert {(s.start, s.end, s.label) for s in team_project.spans(doc_id)} >= {(0, 2, "place"), (3, 5, "org")}


def test_work_taken_back_is_left_out_when_the_package_comes_again(team_project, packages: Path):
    sha = shared_sha(packages)
    annotate_shared(packages, sha)
    paths = [package_path(packages, n) for n in NAMES]
    merge_packages(team_project, paths)
    with Project.open(paths[2]) as package:  # 王五 takes back his work on the shared document
        doc = doc_by_sha(package, sha)
        for table in ("figures", "initiatives", "spans"):
            package.db.conn.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", [doc.id])
        package.db.conn.execute("UPDATE documents SET status = 'todo' WHERE id = ?", [doc.id])
        package.db.conn.commit()
    report = merge_packages(team_project, [paths[2]])
    assert report.packages[0].merged == 0 and report.documents == 1
    doc_id = next(d.id for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    place = next(s for s in team_project.spans(doc_id) if s.label == "place")
    assert place.annotator == "张三,李四"
    assert report.disputes == 1  # the org; 张三 and 李四 agree on the figure's value
