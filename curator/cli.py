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
@click.option("--self-test", is_flag=True, help="Check this install headless (import, suggest, tag, export); no window.")
@click.option("--smoke", is_flag=True, help="Quit once the first article is painted (start-up checks).")
def open_(project: str | None, self_test: bool, smoke: bool) -> None:
    """Open the window on PROJECT (default: the last project, or the sample project)."""
    if self_test:
        from curator.services.selftest import run_self_test

        try:
            click.echo(run_self_test().line())
        except Exception as exc:  # noqa: BLE001  (any failure is the answer: report it, exit non-zero)
            raise click.ClickException(f"self-test failed: {type(exc).__name__}: {exc}") from None
        return
    try:
        from curator.ui.app import run
    except ImportError as exc:
        raise click.ClickException(f"the window cannot start: {exc}") from None
    sys.exit(run(project, smoke=smoke))


@main.command("import")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--reflow", is_flag=True, help="Join lines broken by OCR or newspaper columns before storing the text.")
def import_(project: str, paths: tuple[Path, ...], reflow: bool) -> None:
    """Import articles into PROJECT: .txt, .docx, .doc/.wps/.rtf (through LibreOffice), web pages
    (.html, .htm, .mhtml), .pdf, curator or doccano .jsonl and Label Studio .json; folders recursively.

    Creates PROJECT if it does not exist. Re-importing the same text does nothing. A path
    that is missing or cannot be read is one error line; the other paths still import.
    """
    from curator.services.importing import import_paths

    with _open(project, create=True) as store:
        _refuse_read_only(store)
        report = import_paths(store, paths, reflow_text=reflow).report
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
        raise click.ClickException(f"{store.read_only_reason()}; nothing changed")


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
@click.option("--limit", default=200, show_default=True, type=click.IntRange(min=1),
              help="At most this many hits (up to 1,000,000).")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of lines.")
def search(project: str, query: str, limit: int, as_json: bool) -> None:
    """Find documents containing QUERY (plain substrings; several words must all occur)."""
    from curator.store import ProjectError
    from curator.store.search import unreadable_bytes

    if unreadable_bytes(query):
        raise click.ClickException("the query holds bytes that are not UTF-8 text; "
                                   "set the terminal to UTF-8 (nothing was searched)")
    with _open(project, read_only=True) as store:
        try:
            hits = store.search(query, limit=limit)
        except ProjectError as exc:
            raise click.ClickException(str(exc)) from None
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
    from curator.store import ProjectError

    with _open(project, read_only=True) as store:
        try:
            numbers = store.stats()
        except ProjectError as exc:
            raise click.ClickException(str(exc)) from None
        numbers["backup_problem"] = store.backup_problem()
    if as_json:
        _echo_json(numbers)
        return
    click.echo(f"documents: {numbers['documents']}")
    for group in ("status", "spans", "facts"):
        click.echo(f"{group}: " + ", ".join(f"{k} {v}" for k, v in numbers[group].items()))
    if numbers["backup_problem"]:
        click.echo(f"backups: {numbers['backup_problem']}")


@main.command()
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("doc_id", type=int)
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("label")
@click.option("--annotator", default="", help="Who tagged it (default: a work package's annotator, "
              "else your login name). A work package's annotator always wins.")
@click.option("--snap-words", is_flag=True, help="Widen START..END to whole words, as the window's 对齐到词语 does.")
@click.option("--snap-quotes", is_flag=True, help="Widen START..END to the enclosing quotes or 《》.")
@click.option("--no-spread", is_flag=True, help="Do not propose the other occurrences of the tagged text.")
def tag(project: str, doc_id: int, start: int, end: int, label: str, annotator: str, snap_words: bool,
        snap_quotes: bool, no_spread: bool) -> None:
    """Tag characters START..END (code points, end exclusive) of document DOC_ID with LABEL.

    The same use case as the window's: a figure or initiative gets its fact row, a document
    still to do becomes in_progress, and an initiative, place, organisation or person is
    proposed wherever else its text occurs (as suggestions to review).
    """
    from curator.services import annotating
    from curator.services.identity import annotator_for, login_name
    from curator.store import ProjectError

    with _open(project) as store:
        _refuse_read_only(store)
        who = annotator_for(store, annotator or login_name())
        if annotator and who != annotator.strip():
            click.echo(f"note: {store.path} is {who}'s work package; tagged as {who}", err=True)
        try:
            tagged = annotating.tag(store, doc_id, start, end, label, annotator=who, words=snap_words,
                                    quotes=snap_quotes)
            if tagged.span is None:
                raise click.ClickException(tagged.problem)
            store.apply(tagged.edit)
            proposed = annotating.spread(store, tagged.span) if not no_spread else None
            if proposed:
                store.apply(proposed)
                click.echo(f"proposed {len(proposed.changes)} other occurrence(s) for review", err=True)
        except (ProjectError, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
        span = store.span(tagged.span.id)
    _echo_json(span.row())


@main.command()
@click.argument("target", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("labels", nargs=-1)
@click.option("--apply", "apply_", is_flag=True, help="TARGET is a project: store the suggestions for review.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format for a text file.")
@click.option("--reflow", is_flag=True, help="Reflow the file's text first, as `import --reflow` would.")
def suggest(target: Path, labels: tuple[str, ...], apply_: bool, fmt: str, reflow: bool) -> None:
    """Suggest spans (figures with normalised values, initiatives, organisations, people, dates, documents, places).

    \b
    curator suggest FILE [LABEL...]              one JSON object a line: label, start, end,
                                                 text (+ value, unit, qualifier, indicator for
                                                 figures); offsets are code points into FILE's
                                                 normalised text (a .jsonl adds "line")
    curator suggest PROJECT --apply [LABEL...]   store them in every document as suggestions
                                                 awaiting review (origin "suggested")
    """
    from curator.core.suggest import LABELS

    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise click.ClickException(f"no suggester for {', '.join(unknown)}; labels: {', '.join(LABELS)}")
    wanted = labels or None
    if _is_project(target):
        if not apply_:
            raise click.ClickException(f"{target} is a project: add --apply to store suggestions in it")
        _suggest_project(target, wanted)
        return
    if apply_:
        raise click.ClickException("--apply works on a project file; FILE is printed instead")
    _suggest_file(target, wanted, reflow)


def _is_project(path: Path) -> bool:
    from curator.store.files import SQLITE_HEADER

    with path.open("rb") as f:
        return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _suggest_file(path: Path, labels: tuple[str, ...] | None, reflow: bool) -> None:
    from curator.core.importing import read_file
    from curator.core.suggest import suggest as run_rules

    batch = read_file(path, reflow_text=reflow)
    if batch.problem:
        raise click.ClickException(str(batch.problem))
    for article in batch.articles:
        for found in run_rules(article.text, labels):
            row = {"label": found.label, "start": found.start, "end": found.end, "text": found.text, **found.attrs}
            if article.line:
                row["line"] = article.line
            _echo_json(row)


def _suggest_project(path: Path, labels: tuple[str, ...] | None) -> None:
    from curator.services.suggesting import suggest_project

    with _open(str(path)) as store:
        _refuse_read_only(store)
        with click.progressbar(length=store.document_count(), label="suggesting", file=sys.stderr) as bar:
            report = suggest_project(store, labels, progress=lambda done, total: bar.update(1))
    click.echo(f"{report.proposed} suggestion(s) stored in {report.documents} document(s) for review", err=True)

# -- exports and corrections coming back --------------------------------------------------------

_STATUS_CHOICE = click.Choice(["todo", "in_progress", "done", "reviewed"])


@main.command("export")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--status", "statuses", multiple=True, type=_STATUS_CHOICE,
              help="Only documents with this status (repeat for several), e.g. --status reviewed.")
@click.option("--place", default=None, help="Only fact rows of this place, and the documents about it.")
@click.option("--label", "labels", multiple=True, help="Only spans of this label (repeat for several); "
              "the 举措/数据 rows only if initiative/figure is among them.")
@click.option("--force", is_flag=True, help="Replace OUT (or the csv files) if they exist.")
@click.option("--format", "fmt", type=click.Choice(["label-studio", "doccano"]), default=None,
              help="Write for another tool instead of by OUT's suffix.")
def export_(project: str, out: Path, statuses: tuple[str, ...], place: str | None, labels: tuple[str, ...],
            force: bool, fmt: str | None) -> None:
    """Export PROJECT to OUT; the format follows OUT's suffix (or --format).

    \b
    OUT.xlsx   the workbook for officials: 汇总, 举措, 数据, 标注, 文章
    OUT.jsonl  one document a line with its spans and facts (`curator import` reads it back)
    OUT.csv    the fact tables as OUT-举措.csv and OUT-数据.csv (UTF-8 with BOM);
               an existing folder as OUT writes 举措.csv and 数据.csv into it
    OUT.json   (or --format label-studio) a Label Studio task list with its annotations;
               the matching labeling config is printed
    --format doccano   doccano's JSONL, spans in its `label` column
    OUT.conll  character-level BIO: a character and its tag a line, sentences apart

    An existing file is never replaced without --force; the file is written whole or not at all.
    """
    from curator.services.exporting import ExportError, ExportOptions, export

    options = ExportOptions(statuses=frozenset(statuses) or None, place=place, labels=frozenset(labels) or None)
    with _open(project, read_only=True) as store:
        try:
            summary = export(store, out, options, overwrite=force, fmt=fmt)
        except ExportError as exc:
            hint = " (use --force to replace it)" if "exists" in str(exc) else ""
            raise click.ClickException(f"{exc}{hint}") from None
    for path in summary.paths:
        click.echo(f"wrote {path}", err=True)
    click.echo("; ".join(f"{name} {count}" for name, count in summary.rows.items()), err=True)
    if summary.config:
        click.echo("Label Studio labeling config (Settings → Labeling Interface → Code):", err=True)
        click.echo(summary.config)


@main.command("import-corrections")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--apply", "apply_", is_flag=True, help="Apply the changes after showing them (asks first unless --yes).")
@click.option("--yes", is_flag=True, help="Apply without asking (for scripts); implies --apply.")
def import_corrections(project: str, workbook: Path, apply_: bool, yes: bool) -> None:
    """Show what the 举措 and 数据 sheets of WORKBOOK would change in PROJECT, old -> new per cell.

    Rows are matched by their hidden 行号 and their visible 编号, 标题 and 证据; rows that cannot be matched, or that changed in
    PROJECT after the export, are listed and left alone. With --apply (or --yes) the changes
    become one edit, which the window can undo. Exits 1 when some rows were not matched.
    """
    from curator.export.safe_zip import UnsafeWorkbook
    from curator.services.exporting import corrections_edit, plan_corrections
    from curator.store import ProjectError

    with _open(project) as store:
        try:
            plan = plan_corrections(store, workbook)
        except UnsafeWorkbook as exc:
            raise click.ClickException(str(exc)) from None
        for line in plan.lines():
            click.echo(line)
        click.echo(f"{plan.rows_read} row(s) read; {len(plan.changes)} cell(s) would change; "
                   f"{len(plan.unmatched)} row(s) not matched", err=True)
        if plan.changes and (apply_ or yes):
            _refuse_read_only(store)
            if not yes and not click.confirm("Apply these changes?", default=False):
                click.echo("nothing changed", err=True)
            else:
                try:
                    store.apply(corrections_edit(plan))
                except ProjectError as exc:
                    raise click.ClickException(str(exc)) from None
                click.echo(f"applied {len(plan.changes)} change(s) as one edit", err=True)
    if plan.unmatched:
        sys.exit(1)


# -- backups (restore, unlock) and team work (split, merge, agreement), in their own modules ------------------------------------------------------------

from curator.cli_backups import COMMANDS as _BACKUP_COMMANDS  # noqa: E402
from curator.cli_team import COMMANDS as _TEAM_COMMANDS  # noqa: E402

for _command in (*_BACKUP_COMMANDS, *_TEAM_COMMANDS):
    main.add_command(_command)
