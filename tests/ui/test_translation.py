"""The English translation: the compiled .qm is loaded and the window speaks English."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from curator.ui.texts import status_title


def test_english_window(qtbot, project_path):
    from curator.store import Project
    from curator.ui.app import install_translation
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session
    from curator.ui.shortcuts import ShortcutSheet

    app = QApplication.instance()
    assert install_translation(app, "en")
    try:
        with Project.open(project_path) as project:
            win = MainWindow(Session(project))
            qtbot.addWidget(win)
            titles = [action.text() for action in win.menuBar().actions()]
            assert titles[:2] == ["&File", "&Edit"]
            assert [win.tabs.tabText(i) for i in range(2)] == ["Initiatives", "Figures"]
            assert win.documents.search_box.placeholderText() == "Search full text (Ctrl+F)"
            assert status_title("done") == "Done"
            assert "Progress:" in win.progress.text()
            sheet = ShortcutSheet(win)
            assert sheet.windowTitle() == "Keyboard shortcuts"
            win.close()
    finally:
        from PySide6.QtCore import QTranslator

        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
    assert status_title("done") == "已完成"


def test_chinese_is_the_default(qtbot, isolated_home):
    from curator.ui.app import install_translation
    from curator.ui.settings import Settings

    assert Settings().language() == "zh"
    assert not install_translation(QApplication.instance(), "zh")
    assert status_title("todo") == "待标注"
