"""The project store: one SQLite file per project. The only importer of sqlite_utils."""

from curator.store.errors import CorruptProject, EditConflict, LockedProject, ProjectError
from curator.store.importer import ImportReport
from curator.store.project import Project
from curator.store.restore import HealthyProject
from curator.store.search import SearchHit

__all__ = ["CorruptProject", "EditConflict", "HealthyProject", "ImportReport", "LockedProject", "Project", "ProjectError",
           "SearchHit"]
