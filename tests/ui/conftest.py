"""Qt tests run offscreen, and never touch the real home: settings, data and cache live in tmp_path."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG folders (platformdirs) and QSettings point into tmp_path for the test."""
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    QStandardPaths.setTestModeEnabled(True)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(home / ".config"))
        QSettings.setPath(QSettings.NativeFormat, scope, str(home / ".config"))
    return home


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A real project file: the four seed articles, then the astral article (document 5)."""
    from curator.core.importing import read_path
    from curator.store import Project
    from window_fixtures import ASTRAL_ARTICLE, ROOT

    article = tmp_path / "astral.txt"
    article.write_text(ASTRAL_ARTICLE, encoding="utf-8")
    path = tmp_path / "p.curator"
    with Project.open(path) as project:
        report = project.import_batches([*read_path(ROOT / "seeds"), *read_path(article)])
        assert len(report.added) == 5 and not report.problems
    return path


@pytest.fixture
def window(qtbot, project_path: Path):
    """The real main window on project_path, shown (offscreen)."""
    from curator.store import Project
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    project = Project.open(project_path)
    win = MainWindow(Session(project))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):  # window shortcuts (1-7, J/K) need the active window
        win.show()
        win.activateWindow()
    yield win
    win.close()
    project.close()
