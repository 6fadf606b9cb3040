"""`curator [PROJECT]` -> curator.ui.app.run: the window opens, jieba loads only after the first paint."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def test_run_opens_the_project_remembers_it_and_loads_jieba_after_the_first_paint(qtbot, project_path, monkeypatch):
    from curator.core import segment
    from curator.ui import app as curator_app
    from curator.ui.settings import Settings

    events: list[str] = []
    monkeypatch.setattr(curator_app, "_warm", threading.Event())
    started = threading.Event()
    monkeypatch.setattr(segment, "warm_up", lambda: (events.append("warm-up"), started.set()))
    original = curator_app.MainWindow.paintEvent

    def paint(self, event):
        events.append("paint") if "paint" not in events else None
        return original(self, event)

    monkeypatch.setattr(curator_app.MainWindow, "paintEvent", paint)
    seen = {}

    def look():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, curator_app.MainWindow))
        seen["title"] = window.windowTitle()
        seen["doc"] = window.current_doc
        seen["warmed"] = started.wait(5)
        seen["panels"] = [type(panel).__name__ for panel in window.panels.all()]  # built after the first paint
        window.close()

    def event_loop(app):
        # a loop of our own: QApplication.quit() would leave later tests' timers dead
        loop = QEventLoop()
        QTimer.singleShot(300, lambda: (look(), loop.quit()))
        loop.exec()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert curator_app.run(str(project_path)) == 0
    assert seen["doc"] == 1 and seen["warmed"] and "p.curator" in seen["title"]
    assert seen["panels"][:2] == ["FactTablePanel", "FactTablePanel"]
    assert events.index("paint") < events.index("warm-up")
    assert Settings().last_project() == project_path.resolve()
