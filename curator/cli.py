"""The command line: a thin shell over the same store and edits the window uses."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from curator import __version__


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=None))


def _open(project: str, *, create: bool = False, read_only: bool = False):
    from curator.store import Project, ProjectError

    try:
        return Project.open(project, create=create, read_only=read_only)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(cls=DefaultGroup, default="open", default_if_no_args=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="curator")
def main() -> None:
    """curator: turn Chinese news articles into checked, traceable facts.

    `curator [PROJECT]` opens the window on PROJECT (a .curator file), or on the last
    project; the very first start opens a sample project made from the bundled articles.
    """


@main.command("open")
@click.argument("project", required=False, type=click.Path(dir_okay=False))
def open_(project: str | None) -> None:
    """Open the window on PROJECT (default: the last project, or the sample project)."""
    try:
        from curator.ui.app import run
    except ImportError as exc:
        raise click.ClickException(f"the window cannot start: {exc}") from None
    sys.exit(run(project))


@main.command("import")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--reflow", is_flag=True, help="Join lines broken by OCR or newspaper columns before storing the text.")
def import_(project: str, paths: tuple[Path, ...], reflow: bool) -> None:
    """Import .txt, .docx and .jsonl files (folders recursively) into PROJECT.

    Creates PROJECT if it does not exist. Re-importing the same text does nothing.
    """
    from curator.core.importing import read_path

    with _open(project, create=True) as store:
        _refuse_read_only(store)
        batches = (batch for path in paths for batch in read_path(path, reflow_text=reflow))
        report = store.import_batches(batches)
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(
        f"imported {len(report.added)} document(s); {len(report.duplicates)} already in the project; "
        f"{len(report.problems)} file(s) failed",
        err=True,
    )
    if report.problems:
        sys.exit(1)


def _refuse_read_only(store) -> None:
    if store.read_only:
        who = f" by {store.locked_by}" if store.locked_by else ""
        raise click.ClickException(f"{store.path} is open{who}; close it there first (opened read-only, nothing changed)")


@main.command("list")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.option("--status", type=click.Choice(["todo", "in_progress", "done", "reviewed"]), help="Only documents with this status.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of a table.")
def list_(project: str, status: str | None, as_json: bool) -> None:
    """List the documents of PROJECT."""
    with _open(project, read_only=True) as store:
        docs = store.documents(status=status)
    if as_json:
        _echo_json([{"id": d.id, "title": d.title, "status": d.status, "spans": d.spans} for d in docs])
        return
    for d in docs:
        click.echo(f"{d.id:>6}  {d.status:<11} {d.spans:>5}  {d.title}")


@main.command()
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("query")
@click.option("--limit", default=200, show_default=True, help="At most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of lines.")
def search(project: str, query: str, limit: int, as_json: bool) -> None:
    """Find documents containing QUERY (plain substrings; several words must all occur)."""
    with _open(project, read_only=True) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        _echo_json([{"id": h.id, "title": h.title, "status": h.status, "snippet": h.snippet} for h in hits])
        return
    for h in hits:
        click.echo(f"{h.id:>6}  {h.title}\n        {h.snippet}")
    if not hits:
        click.echo("no document contains it", err=True)


@main.command()
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="A JSON object instead of lines.")
def stats(project: str, as_json: bool) -> None:
    """Counts of documents, spans by label, facts by table and documents by status."""
    with _open(project, read_only=True) as store:
        numbers = store.stats()
    if as_json:
        _echo_json(numbers)
        return
    click.echo(f"documents: {numbers['documents']}")
    for group in ("status", "spans", "facts"):
        click.echo(f"{group}: " + ", ".join(f"{k} {v}" for k, v in numbers[group].items()))


@main.command()
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("doc_id", type=int)
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("label")
@click.option("--annotator", default="", help="Who tagged it.")
def tag(project: str, doc_id: int, start: int, end: int, label: str, annotator: str) -> None:
    """Tag characters START..END (code points, end exclusive) of document DOC_ID with LABEL.

    Goes through the same edit as the window: for figure and initiative a fact row is made too.
    """
    from curator.core.edits import tag_span
    from curator.core.model import FACT_TABLES
    from curator.store import ProjectError

    with _open(project) as store:
        _refuse_read_only(store)
        labels = {lab.name: lab for lab in store.labels()}
        if label not in labels:
            raise click.ClickException(f"unknown label {label!r}; labels: {', '.join(labels)}")
        try:
            doc = store.document(doc_id)
            edit = tag_span(
                doc, start, end, label, span_id=store.next_id("spans"),
                fact_id=store.next_id(FACT_TABLES[label]) if label in FACT_TABLES else None,
                label_title=labels[label].title, annotator=annotator, doc_spans=store.spans(doc_id),
            )
            store.apply(edit)
        except (ProjectError, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
        span = store.span(edit.changes[0].after["id"])
    _echo_json(span.row())
