"""Writing export files: full disks, file systems without hard links, leftovers, permissions, odd values."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from curator.core.edits import Edit, RowChange
from curator.export.files import STALE_AFTER, ExportError
from curator.export.values import MAX_CELL_CHARS, TRUNCATED
from curator.services.exporting import csv_paths, export, export_csv, export_workbook
from curator.store import Project

FORMATS = ["成果.xlsx", "成果.jsonl", "成果.csv"]


def targets(out: Path) -> list[Path]:
    return list(csv_paths(out).values()) if out.suffix == ".csv" else [out]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def big_article(store: Project, tmp_path: Path) -> None:
    """An article and figures large enough that no export fits in a few KB."""
    path = tmp_path / "long.txt"
    path.write_text("长文\n" + "志愿者3000人参加活动，文明实践站12个。" * 3000, encoding="utf-8")
    from curator.core.importing import read_path

    store.import_batches(read_path(path))


@pytest.mark.parametrize("name", FORMATS)
def test_a_file_size_limit_gives_one_clear_line_and_keeps_the_old_file(tagged: Project, tmp_path: Path, name: str):
    """For everyone, not only root: RLIMIT_FSIZE makes every write past the limit fail with EFBIG."""
    big_article(tagged, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / name
    for target in targets(out):
        target.write_bytes(b"the old file")
    tagged.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run([sys.executable, "-m", "curator", "export", str(tagged.path), str(out), "--force"],
                            capture_output=True, text=True, preexec_fn=limited, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "not written" in lines[0]
    assert "the old file is unchanged" in lines[0]
    for target in targets(out):
        assert target.read_bytes() == b"the old file"
    assert leftovers(out_dir) == []


@pytest.fixture
def small_disk(tmp_path: Path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root; the RLIMIT test covers everyone)")
    disk = tmp_path / "small"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield disk
    finally:
        if subprocess.run(["umount", str(disk)]).returncode:  # still busy: detach it now, freed when let go
            subprocess.run(["umount", "-l", str(disk)], check=True)


@pytest.mark.parametrize("name", FORMATS)
def test_a_full_disk_gives_one_clear_message_and_keeps_the_old_file(tagged: Project, tmp_path: Path, small_disk: Path,
                                                                    name: str):
    big_article(tagged, tmp_path)
    out = small_disk / name
    for target in targets(out):
        target.write_bytes(b"the old file")
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"x" * (free.f_bavail * free.f_frsize - 8192))  # 8 KB left
    with pytest.raises(ExportError, match=r"not written: the disk is full .*; the old file is unchanged"):
        export(tagged, out, overwrite=True)
    for target in targets(out):
        assert target.read_bytes() == b"the old file"
    assert leftovers(small_disk) == []
    (small_disk / "filler").unlink()
    export(tagged, out, overwrite=True)  # with room again it works
    assert all(target.read_bytes() != b"the old file" for target in targets(out))


def test_workbook_sheets_spool_beside_the_target_not_in_tmpdir(tagged: Project, tmp_path: Path, monkeypatch):
    spool = tmp_path / "tmpdir"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    seen = []
    real = openpyxl.worksheet._writer.WorksheetWriter.write_top

    def watch(writer):
        seen.append(Path(writer.out))
        return real(writer)

    monkeypatch.setattr(openpyxl.worksheet._writer.WorksheetWriter, "write_top", watch)
    out = tmp_path / "out" / "成果.xlsx"
    out.parent.mkdir()
    export_workbook(tagged, out)
    assert len(seen) == 5 and all(path.parent == out.parent for path in seen)
    assert list(spool.iterdir()) == [] and leftovers(out.parent) == []


def test_files_a_killed_export_left_are_removed_by_the_next_export(tagged: Project, tmp_path: Path):
    old = time.time() - STALE_AFTER - 60
    stale = [tmp_path / ".成果.xlsx.0a1b2c3d.part", tmp_path / ".成果.xlsx.0a1b2c3d.sheet3.part",
             tmp_path / ".别的.csv.deadbeef.part"]
    fresh = tmp_path / ".成果.xlsx.99999999.part"  # perhaps another export, still running
    unrelated = [tmp_path / ".notes.part", tmp_path / "成果.xlsx.part", tmp_path / ".x.0a1b2c3dz.part"]
    for path in [*stale, fresh, *unrelated]:
        path.write_bytes(b"x")
    for path in [*stale, *unrelated]:
        os.utime(path, (old, old))
    export_workbook(tagged, tmp_path / "成果.xlsx")
    assert not any(path.exists() for path in stale)
    assert fresh.exists() and all(path.exists() for path in unrelated)


def test_a_csv_export_that_fails_midway_leaves_both_files_old(tagged: Project, tmp_path: Path, monkeypatch):
    out = tmp_path / "成果.csv"
    paths = targets(out)
    for path in paths:
        path.write_text("old", encoding="utf-8")
    import curator.services.exporting as exporting

    def broken(project, options):
        yield from ()
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(exporting, "figure_rows", broken)  # 举措 is written whole, then 数据 fails
    with pytest.raises(ExportError, match="disk reported an error"):
        export_csv(tagged, out, overwrite=True)
    assert [path.read_text(encoding="utf-8") for path in paths] == ["old", "old"]
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_file_is_still_written_and_never_clobbers(tagged: Project, tmp_path: Path, monkeypatch):
    def no_links(src, dst, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")  # as on FAT or some network shares

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "成果.xlsx"
    export_workbook(tagged, out)
    assert openpyxl.load_workbook(out).sheetnames[0] == "汇总"
    assert leftovers(tmp_path) == []


def test_the_file_has_the_users_usual_permissions(tagged: Project, tmp_path: Path):
    previous = os.umask(0o022)
    try:
        for name in FORMATS:
            export(tagged, tmp_path / name)
    finally:
        os.umask(previous)
    for name in FORMATS:
        for target in targets(tmp_path / name):
            assert target.stat().st_mode & 0o777 == 0o644, target


def test_a_cell_longer_than_excel_allows_is_cut_with_a_mark_and_the_row_kept(tagged: Project, tmp_path: Path):
    initiative = tagged.facts("initiatives")[2]
    long_note = "很长的备注" * 8000  # 40,000 characters
    tagged.apply(Edit("长", (RowChange("initiatives", initiative, {**initiative, "note": long_note}),)))
    out = tmp_path / "成果.xlsx"
    export_workbook(tagged, out)
    ws = openpyxl.load_workbook(out)["举措"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("行号(勿改)")] == initiative["id"])
    note = row[header.index("备注")]
    assert len(note) == MAX_CELL_CHARS and note.endswith(TRUNCATED) and long_note.startswith(note[: -len(TRUNCATED)])
    assert ws.max_row - 1 == len(tagged.facts("initiatives"))


def test_a_figure_value_stored_as_text_is_exported_as_text(tagged: Project, tmp_path: Path):
    figure = tagged.facts("figures")[3]
    tagged.apply(Edit("文字", (RowChange("figures", figure, {**figure, "value": "abc"}),)))
    assert tagged.row("figures", figure["id"])["value"] == "abc"
    export_workbook(tagged, tmp_path / "成果.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "成果.xlsx")["数据"]
    header = [c.value for c in ws[1]]
    assert any(r[header.index("数值")] == "abc" for r in ws.iter_rows(min_row=2, values_only=True))
    export_csv(tagged, tmp_path / "成果.csv")
    assert ",abc," in csv_paths(tmp_path / "成果.csv")["数据"].read_text(encoding="utf-8-sig")
    from curator.services.exporting import plan_corrections

    plan = plan_corrections(tagged, tmp_path / "成果.xlsx")  # and the workbook comes back without a change
    assert plan.changes == [] and plan.unmatched == []


def test_a_write_only_sheet_writer_still_looks_as_this_code_expects():
    """The spool beside the target sets openpyxl's private writer; fail loudly if openpyxl changes it."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter  # noqa: F401
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    assert WriteOnlyWorksheet._writer is None and "out" in WorksheetWriter.__init__.__code__.co_varnames
