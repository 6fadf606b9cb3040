"""Counts of a project: documents by status, spans by label, fact rows (one small index scan each)."""

from __future__ import annotations

import sqlite3
from typing import Any

from curator.core.model import FACT_TABLE_NAMES, STATUSES
from curator.store.errors import ProjectError, storage_problem


class Counting:
    """Project's statistics (a mixin: Project provides db, path and document_count)."""

    def status_counts(self) -> dict[str, int]:
        """Documents per status (every status present, 0 when none): one small index scan."""
        status = {name: 0 for name in STATUSES}
        status.update(self.db.conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status"))
        return status

    def stats(self) -> dict[str, Any]:
        try:
            return self._stats()
        except sqlite3.OperationalError as exc:
            raise ProjectError(f"{self.path or 'project'}: cannot read it: {storage_problem(exc, saving=False)}") from None

    def _stats(self) -> dict[str, Any]:
        conn = self.db.conn
        spans: dict[str, int] = {}
        suggestions = 0
        for origin, label, count in conn.execute("SELECT origin, label, COUNT(*) FROM spans GROUP BY origin, label"):
            if origin == "suggested":
                suggestions += count
            else:
                spans[label] = spans.get(label, 0) + count
        status = self.status_counts()
        return {
            "documents": self.document_count(),
            "spans": dict(sorted(spans.items())),
            "suggestions": suggestions,
            "facts": {t: conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in FACT_TABLE_NAMES},
            "status": status,
        }
