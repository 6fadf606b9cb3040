"""Importing files into a project, for the window (in a worker thread, with progress and cancel)
and the command line: read with curator.core.importing, stored with project.import_batches.

Each imported document without a place gets the one its text is about (core.facts.document_place),
worked out when it is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from curator.core.importing import READERS, FileBatch, Problem, prepared, read_file, read_path, reflow, to_article
from curator.core.records import RawRecord
from curator.store import Project
from curator.store.importer import ImportReport

PREVIEW_LINES = 6
SAMPLE_FILES = 5  # the reflow offer looks at the first few files only: choosing must stay instant


@dataclass(frozen=True)
class ImportResult:
    report: ImportReport
    files: int  # how many files were read
    cancelled: bool = False
    places: int = 0  # documents given the place their text is about
    labels_added: bool = False  # a JSONL brought labels the project did not have


@dataclass(frozen=True)
class ReflowPreview:
    """The first lines of a line-broken file, as they are and as reflow would join them."""

    path: Path
    before: tuple[str, ...]
    after: tuple[str, ...]


def files_under(paths: Iterable[Path]) -> list[Path]:
    """The files an import of paths will read, walked as read_path walks them (for the progress bar)."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files += [Path(folder, name) for name in sorted(names)
                      if Path(name).suffix.lower() in READERS and Path(name).suffix and not name.startswith((".", "~$"))]
    return files


def import_paths(project: Project, paths: Iterable[Path], *, reflow_text: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import every file under paths; a cancel stops before the next file is stored (what is in stays in).

    Each file is read, decoded and prepared (digest, index words, the place its text is about),
    then stored, one after the other: a read-ahead thread was slower (the two hold the GIL in turn).
    """
    paths = list(paths)
    total = max(1, len(files_under(paths))) if progress is not None else 1  # counting walks the folders once more
    labels_before = {label.name for label in project.labels()}
    state = {"read": 0, "cancelled": False}

    def batches() -> Iterator[FileBatch]:
        for batch in (prepared(batch) for path in paths for batch in read_path(path, reflow_text=reflow_text)):
            if cancelled is not None and cancelled():
                state["cancelled"] = True
                return
            yield batch
            state["read"] += 1
            if progress is not None:
                progress(min(state["read"], total), total)

    report = project.import_batches(batches())
    labels_added = {label.name for label in project.labels()} != labels_before
    return ImportResult(report, state["read"], state["cancelled"], report.places, labels_added)


def import_record(project: Project, record: RawRecord, *, origin: str) -> ImportResult:
    """One document that did not come from a file (the clipboard), stored like an imported one."""
    try:
        batch = FileBatch(origin, articles=(to_article(record, origin),))
    except ValueError as exc:
        batch = FileBatch(origin, problem=Problem(origin, str(exc)))
    report = project.import_batches([prepared(batch)])
    return ImportResult(report, 1, False, report.places, False)


def looks_line_broken(text: str) -> bool:
    """Whether reflow would join a good share of the text's lines (OCR, newspaper columns)."""
    lines = [line for line in text.split("\n") if line.strip()]
    joined = [line for line in reflow(text).split("\n") if line.strip()]
    return len(lines) - len(joined) >= max(2, len(lines) // 5)


def reflow_offer(paths: Iterable[Path]) -> ReflowPreview | None:
    """The first of the chosen plain-text or Word files that looks line-broken, previewed; None if none does."""
    candidates = [p for p in files_under(paths) if p.suffix.lower() in (".txt", ".docx")][:SAMPLE_FILES]
    for path in candidates:
        batch = read_file(path)
        if batch.problem or not batch.articles:
            continue
        text = batch.articles[0].text
        if looks_line_broken(text):
            return _preview(path, text, reflow(text))
    return None


def _preview(path: Path, text: str, flowed: str) -> ReflowPreview:
    """The lines around the first place reflow changes, before and after (headings above it say little)."""
    before = [line.strip() for line in text.split("\n") if line.strip()]
    after = [line.strip() for line in flowed.split("\n") if line.strip()]
    # the first line reflow joins to the next (it grows); a trimmed or undoubled title is no news
    first = next((i for i, (old, new) in enumerate(zip(before, after)) if len(new) > len(old)), 0)
    start = max(0, first - 1)
    return ReflowPreview(path, tuple(before[start:start + PREVIEW_LINES]), tuple(after[start:start + PREVIEW_LINES // 2 + 1]))
