"""curator merge: each package's work comes back with its annotator; agreement accepted, differences disputed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from team_fixtures import (
    NAMES, annotate_shared, doc_by_sha, dump_tables, figure_piece, finish, own_sha, package_path, set_figure_value, shared_sha,
    tag,
)

from curator.services.team import TeamError
from curator.services.team.adjudicate import dispute_counts, disputes
from curator.services.team.merge import merge_packages
from curator.store import Project
from curator.store.lock import lock_path

def test_one_annotators_document_is_taken_as_it_is(team_project, packages: Path):
    sha = own_sha(packages, "李四")
    with Project.open(package_path(packages, "李四")) as package:
        doc = doc_by_sha(package, sha)
        start, end = figure_piece(doc.text)
        figure = tag(package, doc, start, end, "figure")
        set_figure_value(package, figure, 42.0)
        tag(package, doc, 0, 3, "place")
        finish(package, doc)
    paths = [package_path(packages, n) for n in NAMES]
    report = merge_packages(team_project, paths)
    assert report.disputes == 0
    doc_id = next(d.id for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    spans = team_project.spans(doc_id)
    assert {(s.start, s.end, s.label, s.annotator) for s in spans} == {(start, end, "figure", "李四"), (0, 3, "place", "李四")}
    (row,) = team_project.facts("figures", doc_id=doc_id)
    assert row["value"] == 42.0
    assert row["span_ids"] == [next(s.id for s in spans if s.label == "figure")]
    assert team_project.document(doc_id).status == "done"


def test_agreed_spans_are_accepted_and_differences_become_disputes(team_project, packages: Path):
    sha = shared_sha(packages)
    annotate_shared(packages, sha)
    report = merge_packages(team_project, [package_path(packages, n) for n in NAMES])
    doc = next(team_project.document(d.id) for d in team_project.documents() if team_project.document(d.id).sha256 == sha)
    start, end = figure_piece(doc.text)
    spans = {(s.start, s.end, s.label): s for s in team_project.spans(doc.id)}
    assert set(spans) == {(0, 4, "place"), (start, end, "figure")}
    assert spans[(0, 4, "place")].annotator == "张三,李四,王五"
    (figure,) = team_project.facts("figures", doc_id=doc.id)
    assert figure["value"] is None and figure["unit"]  # the value is disputed, the unit agreed
    found = disputes(team_project, doc.id)
    assert [(d.kind, d.start, d.end) for d in found] == [("span", 10, 15), ("value", start, end)]
    org = found[0].versions
    assert [s["end"] for s in org["张三"]["spans"]] == [14] and [s["end"] for s in org["李四"]["spans"]] == [15]
    assert org["王五"] == {"spans": []}
    value = found[1].versions
    assert value["王五"]["value"] == 999.0 and value["张三"]["value"] == value["李四"]["value"] != 999.0
    assert dispute_counts(team_project) == {doc.id: 2}
    assert report.disputes == 2
    # each annotator's version is kept for agreement and the workbook
    rows = team_project.db.conn.execute("SELECT annotator, json_array_length(spans) FROM annotator_documents").fetchall()
    assert dict(rows) == {"张三": 3, "李四": 3, "王五": 2}


def test_merging_the_same_package_twice_changes_nothing(team_project, packages: Path):
    annotate_shared(packages, shared_sha(packages))
    paths = [package_path(packages, n) for n in NAMES]
    merge_packages(team_project, paths)
    dump = dump_tables(team_project)
    again = merge_packages(team_project, paths)
    assert all(p.already_merged for p in again.packages) and again.documents == 0
    assert dump_tables(team_project) == dump


def test_a_package_with_more_work_replaces_its_earlier_merge(team_project, packages: Path):
    sha = shared_sha(packages)
    annotate_shared(packages, sha)
    paths = [package_path(packages, n) for n in NAMES]
    merge_packages(team_project, paths)
    with Project.open(paths[2]) as package:  # 王五 adds the org 张三 made
        tag(package, doc_by_sha(package, sha), 10, 14, "org")
    report = merge_packages(team_project, paths)
    assert [p.already_merged for p in report.packages] == [True, True, False]
    doc_id = next(iter(dispute_counts(team_project)))
    (org,) = [d for d in disputes(team_project, doc_id) if d.kind == "span"]
    assert [s["end"] for s in org.versions["王五"]["spans"]] == [14]


def test_a_package_of_another_project_is_refused(team_project, packages: Path, tmp_path: Path):
    with Project.open(tmp_path / "other.curator") as other:
        before = dump_tables(other)
        with pytest.raises(TeamError, match="another project"):
            merge_packages(other, [package_path(packages, "张三")])
        assert dump_tables(other) == before


def test_documents_added_to_or_missing_from_a_package_are_reported(team_project, packages: Path, tmp_path: Path):
    path = package_path(packages, "张三")
    extra = tmp_path / "extra.txt"
    extra.write_text("新增文章\n这篇文章只在任务包里。", encoding="utf-8")
    from curator.core.importing import read_path

    with Project.open(path) as package:
        package.import_batches(read_path(extra))
        gone = package.documents()[0].id
        package.db.conn.execute("DELETE FROM documents WHERE id = ?", [gone])  # a document lost from the package
        package.db.conn.commit()
        for doc in package.documents():
            finish(package, package.document(doc.id))
    report = merge_packages(team_project, [path])
    (line,) = [p for p in report.packages]
    assert line.not_in_project == ("新增文章",) and line.missing == 1
    assert "1 not in the project" in line.line() and "1 handed out but missing" in line.line()
    assert team_project.document_count() == 4


def test_a_package_open_in_another_curator_is_refused(team_project, packages: Path):
    path = package_path(packages, "张三")
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path(path).write_text(json.dumps({"pid": holder.pid, "host": socket.gethostname()}), encoding="utf-8")
        with pytest.raises(TeamError, match=f"open in another curator \\(process {holder.pid}"):
            merge_packages(team_project, [package_path(packages, "李四"), path])
        assert not team_project.db.conn.execute("SELECT COUNT(*) FROM merged_packages").fetchone()[0]
    finally:
        holder.kill()
        holder.wait()


def test_a_package_of_an_older_schema_is_upgraded_first_with_its_backup(team_project, packages: Path):
    path = package_path(packages, "张三")
    sha = own_sha(packages, "张三")
    with Project.open(path) as package:
        doc = doc_by_sha(package, sha)
        tag(package, doc, 0, 4, "place")
        finish(package, doc)
        conn = package.db.conn
        for table in ("package_documents", "merged_packages", "annotator_documents", "disputes"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_team'")
        conn.commit()
    report = merge_packages(team_project, [path])
    assert report.packages[0].merged == 1
    backups = list((path.parent / (path.name + ".backups")).glob("*-migration.curator"))
    assert len(backups) == 1


def test_a_damaged_package_gives_the_damaged_file_message_and_nothing_is_merged(team_project, packages: Path):
    good, bad = package_path(packages, "李四"), package_path(packages, "张三")
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    before = dump_tables(team_project)
    with pytest.raises(TeamError, match="damaged.*nothing was merged"):
        merge_packages(team_project, [good, bad])
    assert dump_tables(team_project) == before


def test_the_same_annotator_on_two_packages_is_refused(team_project, packages: Path, tmp_path: Path):
    path = package_path(packages, "张三")
    with Project.open(path) as package:
        doc = package.document(package.documents()[0].id)
        tag(package, doc, 0, 4, "place")
        finish(package, doc)
    copy = tmp_path / "copy.curator"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(TeamError, match="same annotator"):
        merge_packages(team_project, [path, copy])
    merge_packages(team_project, [path])
    with Project.open(copy) as package:  # a second package of 张三, later
        package.set_meta("project_id", "another-package")
    with pytest.raises(TeamError, match="came from another package already"):
        merge_packages(team_project, [copy])


def test_a_second_round_of_packages_for_the_same_annotators_comes_in(team_project, packages: Path, tmp_path: Path):
    annotate_shared(packages, shared_sha(packages))
    merge_packages(team_project, [package_path(packages, n) for n in NAMES])
    sha = own_sha(packages, "李四")
    second = tmp_path / "round2"
    from curator.services.team.split import split_project

    split_project(team_project, second, annotators=["张三"], overlap=0.0, seed=1)
    with Project.open(package_path(second, "张三")) as package:  # 张三 now does 李四's own document
        doc = doc_by_sha(package, sha)
        tag(package, doc, 0, 2, "place")
        finish(package, doc)
    report = merge_packages(team_project, [package_path(second, "张三")])
    assert report.packages[0].merged == 1
    assert dispute_counts(team_project)  # the shared document's disputes from round one are still there


def test_the_project_read_only_is_refused(team_project, packages: Path):
    with Project.open(team_project.path, read_only=True) as reader:
        if os.name != "nt":
            assert reader.read_only
        with pytest.raises(TeamError, match="read-only"):
            merge_packages(reader, [package_path(packages, "张三")])
