"""The project store: one SQLite file per project. The only importer of sqlite_utils."""

from curator.store.errors import CorruptProject, EditConflict, ProjectError
from curator.store.importer import ImportReport
from curator.store.project import Project
from curator.store.search import SearchHit

__all__ = ["CorruptProject", "EditConflict", "ImportReport", "Project", "ProjectError", "SearchHit"]
