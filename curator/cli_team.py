"""`curator split`, `merge` and `agreement`: a thin shell over curator.services.team."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _open_writable(project: str):
    from curator.store import Project, ProjectError

    try:
        store = Project.open(project, create=False)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    if store.read_only:
        who = f" by {store.locked_by}" if store.locked_by else ""
        store.close()
        raise click.ClickException(f"{project} is open{who}; close it there first (nothing changed)")
    return store


@click.command("split")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--annotators", required=True, help="Names separated by commas: 张三,李四,王五.")
@click.option("--overlap", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of the documents every annotator gets (to measure agreement).")
@click.option("--seed", type=int, default=None, help="Seed of the shuffle (the same seed, the same split).")
@click.option("--force", is_flag=True, help="Replace packages of the same names in OUTDIR.")
def split(project: str, outdir: Path, annotators: str, overlap: float, seed: int | None, force: bool) -> None:
    """Make one work package per annotator in OUTDIR: OUTDIR/<project>-<name>.curator.

    A package is an ordinary project with the labels, settings and that annotator's documents
    (with their spans); every edit made in it is the annotator's. --overlap of the documents
    go to everyone, the rest are dealt out in turn after a shuffle.
    """
    from curator.services.team import TeamError
    from curator.services.team.split import parse_annotators, split_project
    from curator.store import Project, ProjectError

    try:
        names = parse_annotators(annotators)
        with Project.open(project, create=False, read_only=True) as store:
            report = split_project(store, outdir, annotators=names, overlap=overlap, seed=seed, force=force)
    except (TeamError, ProjectError) as exc:
        raise click.ClickException(str(exc)) from None
    for line in report.lines():
        click.echo(line)
    click.echo(f"{report.shared} document(s) in every package", err=True)


@click.command("merge")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("packages", nargs=-1, required=True, type=click.Path(dir_okay=False))
def merge(project: str, packages: tuple[str, ...]) -> None:
    """Bring the annotators' work from PACKAGES back into PROJECT, all or nothing.

    Documents are matched by their text. What the annotators agree on is accepted; each
    difference becomes a dispute to adjudicate in the window (团队 → 裁决分歧). Merging the
    same package again changes nothing.
    """
    from curator.services.team import TeamError
    from curator.services.team.merge import merge_packages

    with _open_writable(project) as store:
        try:
            report = merge_packages(store, packages)
        except TeamError as exc:
            raise click.ClickException(str(exc)) from None
    for line in report.lines():
        click.echo(line)


@click.command("agreement")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="A JSON object instead of lines.")
def agreement(sources: tuple[str, ...], as_json: bool) -> None:
    """Agreement between annotators: a merged PROJECT, or two or more PACKAGEs.

    Per label and overall: span F1 (exact boundaries, and overlap), Cohen's κ per character,
    figures with equal value, unit and qualifier, and the documents that disagree most.
    """
    from curator.services.team import TeamError
    from curator.services.team.agreement import agreement as measure

    try:
        result = measure(list(sources))
    except TeamError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    if not result.documents:
        click.echo("no document was done by two annotators", err=True)
        sys.exit(1)
    for line in result.lines():
        click.echo(line)


COMMANDS = (split, merge, agreement)
