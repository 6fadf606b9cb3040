from __future__ import annotations

from pathlib import Path

import pytest
from team_fixtures import ROOT

from curator.core.importing import read_path
from curator.store import Project


@pytest.fixture
def team_project(tmp_path: Path):
    """The four seed articles in tmp_path/team.curator, open."""
    with Project.open(tmp_path / "team.curator") as store:
        report = store.import_batches(read_path(ROOT / "seeds"))
        assert len(report.added) == 4
        yield store


@pytest.fixture
def quiet_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Window tests keep settings in tmp_path (as tests/ui does), never in the real home."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    QStandardPaths.setTestModeEnabled(True)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(home / ".config"))
        QSettings.setPath(QSettings.NativeFormat, scope, str(home / ".config"))
    return home


@pytest.fixture
def team_window(qtbot, quiet_home, team_project):
    """The real main window on team_project (which the test has merged packages into)."""
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    def make():
        win = MainWindow(Session(team_project))
        qtbot.addWidget(win)
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
        return win

    return make


@pytest.fixture
def packages(team_project, tmp_path: Path) -> Path:
    """The seed project split among the team's annotators (test_merge_refusals has its own: none made)."""
    from team_fixtures import split_seeds

    outdir = tmp_path / "out"
    split_seeds(team_project, outdir)
    return outdir
