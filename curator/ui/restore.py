"""A damaged project file: say so plainly, and offer to bring back the newest backup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from curator.store import CorruptProject, Project, ProjectError


def offer_restore(exc: CorruptProject, parent=None) -> bool:
    """A damaged project file: say so, and offer the newest backup. True if it was restored."""
    tr = lambda text: QCoreApplication.translate("App", text)  # noqa: E731
    if exc.newest_backup is None:
        QMessageBox.critical(parent, tr("项目文件已损坏"), str(exc))
        return False
    answer = QMessageBox.question(
        parent, tr("项目文件已损坏"),
        tr("{0} 已损坏（{1}）。\n\n要用最新的备份（{2}）恢复它吗？损坏的文件会保留在旁边。").format(
            exc.path.name, exc.detail, exc.newest_backup),
        QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
    if answer != QMessageBox.Yes:
        return False
    try:
        Project.restore_backup(exc.path, exc.newest_backup.path, over_healthy=True)  # the user was just asked
    except ProjectError as failed:
        QMessageBox.critical(parent, tr("无法恢复"), str(failed))
        return False
    return True
