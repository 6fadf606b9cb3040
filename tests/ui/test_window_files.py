"""The File menu: import with the reflow choice, recent projects, export wiring."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from curator.ui import file_actions
from window_fixtures import rows

BROKEN = "格尔木市开展文明创建工作，志愿者走上\n街头，劝导不文明行为，取得了良好效果，市民\n纷纷点赞。\n"


def test_import_dialog_with_reflow_adds_documents_to_the_list(window, qtbot, project_path, tmp_path, monkeypatch):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("标题一\n" + BROKEN, encoding="utf-8")

    def accept(dialog):
        dialog.set_paths([folder])
        dialog.reflow.setChecked(True)
        return QDialog.Accepted

    monkeypatch.setattr(file_actions.ImportDialog, "exec", accept)
    window.actions["import_files"].trigger()
    qtbot.waitUntil(lambda: window.import_run is None)  # imported in a worker thread
    (text,), = rows(project_path, "SELECT text FROM documents WHERE id = 6")
    assert "走上街头" in text  # the broken line was joined
    qtbot.waitUntil(lambda: 6 in window.documents.model.ids())
    assert "导入 1 篇" in window.statusBar().currentMessage()


def test_recent_projects_menu_lists_other_projects(window, tmp_path: Path):
    from curator.store import Project

    other = tmp_path / "other.curator"
    Project.open(other).close()
    window.settings.remember_project(other)
    window.settings.remember_project(window.project.path)
    file_actions.fill_recent_menu(window, window.recent_menu)
    assert [a.text() for a in window.recent_menu.actions()] == ["other.curator"]


def test_export_and_corrections_are_in_the_file_menu(window):
    assert window.actions["export"].isEnabled() and window.actions["import_corrections"].isEnabled()
