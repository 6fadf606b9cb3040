"""Words of the domain shown in the window, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from curator.core.model import STATUS_TITLES


def status_title(status: str) -> str:
    titles = {
        "todo": QCoreApplication.translate("Status", "待标注"),
        "in_progress": QCoreApplication.translate("Status", "标注中"),
        "done": QCoreApplication.translate("Status", "已完成"),
        "reviewed": QCoreApplication.translate("Status", "已审核"),
    }
    return titles.get(status, STATUS_TITLES.get(status, status))


STATUS_COLORS = {"todo": "#9e9e9e", "in_progress": "#e0a030", "done": "#4a9a5b", "reviewed": "#3c78b4"}
