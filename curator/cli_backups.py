"""`curator restore` and `curator unlock`: backups and locks, a thin shell over curator.store."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("backup", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--list", "list_only", is_flag=True, help="Only list the backups, newest first.")
@click.option("--yes", is_flag=True, help="Restore over a project that is not damaged without asking (for scripts).")
def restore(project: Path, backup: Path | None, list_only: bool, yes: bool) -> None:
    """Replace a damaged PROJECT with BACKUP (default: its newest good backup).

    Backups live in PROJECT.backups/ beside it: one before each upgrade and one a day
    while the project is open. Only a backup of this project is restored. The replaced
    file is kept as PROJECT.damaged-STAMP; a PROJECT that is not damaged is replaced
    only after you confirm (or with --yes).
    """
    from curator.store import Project, ProjectError
    from curator.store.restore import HealthyProject

    if list_only:
        for found in Project.list_backups(project):
            click.echo(f"{found.path}  {found.reason}")
        return
    try:
        try:
            kept = Project.restore_backup(project, backup, over_healthy=yes)
        except HealthyProject as exc:
            if not click.confirm(f"{exc}.\nRestore anyway? The current file is kept beside it", default=False,
                                 err=True):
                raise click.ClickException("not restored; nothing was changed") from None
            kept = Project.restore_backup(project, backup, over_healthy=True)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    kept_note = f"the replaced file is kept as {kept}" if kept.exists() else "there was no file to keep"
    click.echo(f"restored {project} from {backup or 'its newest backup'}; {kept_note}")


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Remove a lock from another computer without asking.")
def unlock(project: Path, yes: bool) -> None:
    """Remove the write lock a crashed or far-away curator left on PROJECT, so it opens for writing.

    Refused while a curator on this computer has PROJECT open. A lock from another computer
    is removed after you confirm that no curator there has it open (two writers would damage it).
    """
    from curator.store import Project, ProjectError

    holder = Project.lock_holder(project)
    other_host = holder is not None and not holder.here
    if other_host and not yes and not click.confirm(
            f"{project} is locked by {holder}. Remove the lock? Only if no curator has it open there",
            default=False, err=True):
        raise click.ClickException("the lock was left in place")
    try:
        removed = Project.unlock(project, other_host=other_host)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"unlocked {project} (the lock of {removed})" if removed else f"{project} was not locked", err=True)


COMMANDS = (restore, unlock)
