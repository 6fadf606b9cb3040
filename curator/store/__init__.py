"""The project store: one SQLite file per project. The only importer of sqlite_utils."""

from curator.store.project import CorruptProject, EditConflict, ImportReport, Project, ProjectError, SearchHit

__all__ = ["CorruptProject", "EditConflict", "ImportReport", "Project", "ProjectError", "SearchHit"]
