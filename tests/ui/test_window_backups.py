"""A daily backup that fails is said in the window, above the article (issue 10, item 11)."""

from __future__ import annotations

from curator.store import Project
from curator.store.backup import backup_dir
from curator.ui.main_window import MainWindow
from curator.ui.session import Session


def test_a_failing_daily_backup_shows_a_bar_above_the_article(qtbot, project_path):
    with Project.open(project_path) as store:
        store.set_meta("created", "2020-01-01T00:00:00+00:00")  # the first daily backup is due
    backup_dir(project_path).write_text("a file where the backup folder should be")
    project = Project.open(project_path)
    window = MainWindow(Session(project))
    qtbot.addWidget(window)
    window.show()
    project._daily.wait()
    window.check_backups()
    assert window.backup_bar.isVisible()
    text = " ".join(label.text() for label in window.backup_bar.findChildren(type(window.progress)))
    assert "备份未能完成" in text and "no backup written" in text
    window.close()
    project.close()


def test_no_bar_while_backups_are_fine(qtbot, window):
    window.check_backups()
    assert not window.backup_bar.isVisible()
