"""团队 → 分发任务 and 收回 call the same services as the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from team_fixtures import NAMES, annotate_shared, package_path, shared_sha

from curator.ui.team_dialogs import SplitDialog, merge_into_window


def test_split_and_merge_from_the_team_menu(team_project, team_window, qtbot, tmp_path: Path, monkeypatch):
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, _n=name: shown.append((_n, text)))
    window = team_window()
    titles = [a.text() for a in window.team_menu.actions() if a.text()]
    assert titles == ["分发任务…", "收回…", "一致性…", "裁决分歧…"]
    dialog = SplitDialog(window)
    qtbot.addWidget(dialog)
    dialog.names.setText("张三，李四，张三")
    dialog.split()
    assert shown[-1][0] == "warning" and "named twice" in shown[-1][1]
    dialog.names.setText("张三,李四,王五")
    dialog.overlap.setValue(0.5)
    dialog.seed.setValue(7)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.split()
    assert shown[-1][0] == "information" and all(package_path(tmp_path / "out", n).exists() for n in NAMES)
    annotate_shared(tmp_path / "out", shared_sha(tmp_path / "out"))
    assert merge_into_window(window, [str(package_path(tmp_path / "out", n)) for n in NAMES])
    assert "2 dispute(s) to adjudicate" in shown[-1][1]
    assert not merge_into_window(window, [str(tmp_path / "nothing.curator")])
    assert shown[-1][0] == "warning" and "no such package" in shown[-1][1]
