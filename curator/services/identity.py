"""Who is annotating: the work package's annotator if the project is one, else the chosen name."""

from __future__ import annotations

import getpass

from curator.store import Project


def annotator_for(project: Project, chosen: str) -> str:
    """The name every edit in project is stamped with.

    A work package belongs to its annotator: whoever opens it, the edits are theirs.
    """
    return project.package_annotator() or chosen.strip()


def login_name() -> str:
    """The operating system's user name ("" if it cannot be told): the command line's default annotator."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, no USER/LOGNAME (a bare container)
        return ""
