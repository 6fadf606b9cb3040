"""Work back: each package's documents matched by the sha256 of their text, all packages in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from curator.core.edits import now_iso
from curator.services.team.errors import TeamError
from curator.services.team.resolve import resolve
from curator.store import CorruptProject, Project, ProjectError
from curator.store.lock import current_holder
from curator.store.team import (
    PackageContent,
    documents_by_sha,
    done_elsewhere,
    ensure_labels,
    merged_packages,
    package_content,
    package_doc_ids,
    replace_documents,
    store_work,
    stored_work,
    transaction,
)

CHUNK = 500
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PackageReport:
    path: Path
    annotator: str
    merged: int  # documents whose work came in
    not_started: int
    not_in_project: tuple[str, ...]  # titles of documents the project does not have
    missing: int  # documents handed out in the package that are no longer in it
    already_merged: bool = False

    def line(self) -> str:
        if self.already_merged:
            return f"{self.path}: {self.annotator}'s package was merged before; nothing changed"
        text = f"{self.path}: {self.merged} document(s) from {self.annotator}; {self.not_started} not started"
        if self.not_in_project:
            titles = ", ".join(self.not_in_project[:5])
            text += f"; {len(self.not_in_project)} not in the project (not merged): {titles}"
        if self.missing:
            text += f"; {self.missing} handed out but missing from the package"
        return text


@dataclass(frozen=True)
class MergeReport:
    packages: tuple[PackageReport, ...]
    documents: int  # documents whose spans were rebuilt
    disputes: int  # open disputes in those documents

    def lines(self) -> list[str]:
        return [p.line() for p in self.packages] + [
            f"{self.documents} document(s) updated; {self.disputes} dispute(s) to adjudicate"]


def read_package(path: str | Path, *, project: Project | None = None) -> PackageContent:
    """A package's content; refused when open elsewhere, damaged, not a package or (with project) another project's."""
    path = Path(path)
    if not path.exists():
        raise TeamError(f"{path}: no such package")
    if project is not None and project.path is not None and path.resolve() == project.path.resolve():
        raise TeamError(f"{path}: this is the project itself, not a package of it")
    holder = current_holder(path)
    if holder is not None:
        raise TeamError(f"{path}: the package is open in another curator ({holder}); close it there first")
    try:
        # read-only: nothing is written into the package (an older one is upgraded first, with its backup)
        with Project.open(path, create=False, read_only=True) as package:
            content = package_content(package)
    except CorruptProject as exc:
        raise TeamError(f"{exc}; nothing was merged") from None
    except ProjectError as exc:
        raise TeamError(str(exc)) from None
    if not content.annotator or not content.origin:
        raise TeamError(f"{path}: not a work package (packages are made by `curator split`)")
    if project is not None and content.origin != project.project_id():
        raise TeamError(f"{path}: a package of another project (made from project {content.origin[:8]}, "
                        f"this is {project.project_id()[:8]}); nothing was merged")
    return content


def digest(content: PackageContent) -> str:
    """The package's work, hashed: the same work merged twice is recognised."""
    h = hashlib.sha256(content.annotator.encode("utf-8"))
    for doc in content.documents:
        if doc.work is None:
            continue
        h.update(f"\x00{doc.sha256}\x00{doc.work.status}\x00".encode())
        h.update(doc.work.spans_json.encode("utf-8"))
        h.update(doc.work.facts_json.encode("utf-8"))
    return h.hexdigest()


def merge_packages(project: Project, paths: Sequence[str | Path], *, progress: Progress | None = None) -> MergeReport:
    """Merge the packages into project; every refusal happens before anything is written."""
    if project.read_only:
        who = f" by {project.locked_by}" if project.locked_by else ""
        raise TeamError(f"{project.path}: open{who} read-only; nothing merged")
    if not paths:
        raise TeamError("no package to merge")
    contents = [read_package(path, project=project) for path in paths]
    _refuse_repeated(paths, contents)
    history = merged_packages(project)
    by_sha = documents_by_sha(project)
    for path, content in zip(paths, contents):
        ids = [by_sha[doc.sha256] for doc in content.documents if doc.work is not None and doc.sha256 in by_sha]
        twice = done_elsewhere(project, content.annotator, content.package_id, ids)
        if twice:
            raise TeamError(f"{path}: {content.annotator}'s work on {len(twice)} of its document(s) came from "
                            "another package already; an annotator's document comes from one package; nothing was merged")
    reports, touched = [], set()
    try:
        with transaction(project):
            for path, content in zip(paths, contents):
                ensure_labels(project, content.labels)
                report, docs = _bring_in(project, Path(path), content, history, by_sha)
                reports.append(report)
                touched |= docs
            resolutions = _rebuild(project, touched, progress)
    except ProjectError as exc:
        raise TeamError(str(exc)) from None
    disputes = sum(len(r.disputes) for r in resolutions)
    return MergeReport(tuple(reports), len(resolutions), disputes)


def _refuse_repeated(paths: Sequence[str | Path], contents: list[PackageContent]) -> None:
    seen: dict[str, str | Path] = {}
    for path, content in zip(paths, contents):
        if content.annotator in seen:
            raise TeamError(f"{path}: annotator {content.annotator} also owns {seen[content.annotator]}; "
                            "two packages cannot have the same annotator; nothing was merged")
        seen[content.annotator] = path


def _bring_in(project: Project, path: Path, content: PackageContent, history: dict[str, tuple[str, str]],
              by_sha: dict[str, int]) -> tuple[PackageReport, set[int]]:
    present = {doc.sha256 for doc in content.documents}
    outside = tuple(doc.title for doc in content.documents if doc.sha256 not in by_sha)
    started = [doc for doc in content.documents if doc.work is not None and doc.sha256 in by_sha]
    not_started = sum(1 for doc in content.documents if doc.work is None)
    missing = len(content.handed_out - present)
    key = digest(content)
    if history.get(content.package_id) == (content.annotator, key):
        return PackageReport(path, content.annotator, 0, not_started, outside, missing, already_merged=True), set()
    before = package_doc_ids(project, content.package_id)
    docs = {by_sha[doc.sha256]: doc.work for doc in started}
    store_work(project, content=content, digest=key, path=str(path), merged_at=now_iso(), docs=docs)
    return PackageReport(path, content.annotator, len(docs), not_started, outside, missing), before | set(docs)


def _rebuild(project: Project, doc_ids: set[int], progress: Progress | None):
    work = stored_work(project, doc_ids)
    ordered = [doc_id for doc_id in sorted(doc_ids) if work.get(doc_id)]  # a document nobody did stays as it is
    resolutions = [resolve(doc_id, work[doc_id], project.next_id) for doc_id in ordered]
    for first in range(0, len(resolutions), CHUNK):
        replace_documents(project, resolutions[first:first + CHUNK])
        if progress:
            progress(min(first + CHUNK, len(resolutions)), len(resolutions))
    return resolutions
