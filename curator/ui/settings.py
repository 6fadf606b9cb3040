"""What the window remembers between runs, in one QSettings (INI) file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_MAX = 8


class Settings:
    def __init__(self) -> None:
        self._qs = QSettings(QSettings.IniFormat, QSettings.UserScope, "curator", "curator")

    def sync(self) -> None:
        self._qs.sync()

    # -- projects ------------------------------------------------------------------------

    def last_project(self) -> Path | None:
        value = self._qs.value("projects/last", "")
        return Path(value) if value else None

    def recent_projects(self) -> list[Path]:
        value = self._qs.value("projects/recent", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in value or [] if p]

    def remember_project(self, path: Path) -> None:
        path = path.resolve()
        recent = [p for p in self.recent_projects() if p != path]
        self._qs.setValue("projects/recent", [str(p) for p in [path, *recent][:RECENT_MAX]])
        self._qs.setValue("projects/last", str(path))

    def last_document(self, project: Path | None) -> int | None:
        value = self._qs.value(f"{_key(project)}/last_document")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, project: Path | None, doc_id: int | None) -> None:
        if doc_id is not None:
            self._qs.setValue(f"{_key(project)}/last_document", doc_id)

    # -- window --------------------------------------------------------------------------

    def state(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{name}", value)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self._qs.value(f"ui/{name}", default)
        return value in (True, "true", "1", 1)

    def set_flag(self, name: str, value: bool) -> None:
        self._qs.setValue(f"ui/{name}", bool(value))

    def value(self, key: str, default: str = "") -> str:
        return str(self._qs.value(key, default) or default)

    def set_value(self, key: str, value: str) -> None:
        self._qs.setValue(key, value)

    def annotator(self) -> str:
        """The name the user gave at first start ("" until then)."""
        return str(self._qs.value("user/annotator", "") or "")

    def set_annotator(self, name: str) -> None:
        self._qs.setValue("user/annotator", name.strip())

    def min_score(self) -> float:
        """The 建议 list hides suggestions scored below this (0: show all)."""
        try:
            return min(1.0, max(0.0, float(self._qs.value("suggestions/min_score", 0.0))))
        except (TypeError, ValueError):
            return 0.0

    def set_min_score(self, value: float) -> None:
        self._qs.setValue("suggestions/min_score", float(value))

    def language(self) -> str:
        return str(self._qs.value("ui/language", "zh"))

    def set_language(self, language: str) -> None:
        self._qs.setValue("ui/language", language)


def _key(project: Path | None) -> str:
    name = str(project.resolve()) if project else "memory"
    return "project_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
