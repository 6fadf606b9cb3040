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
            from PySide6.QtCore import Qt

            assert win.panels.figures.model.headerData(0, Qt.Horizontal) == "Indicator"  # table headers too
            assert win.panels.suggestions.model.headerData(3, Qt.Horizontal) == "Where"
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
    try:
        assert install_translation(QApplication.instance(), "zh")  # Qt's own texts, in Chinese
        assert status_title("todo") == "待标注"
    finally:
        _remove_translators()


def _remove_translators() -> None:
    from PySide6.QtCore import QLocale, QTranslator

    QLocale.setDefault(QLocale.system())
    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


def test_qt_dialogs_speak_chinese_in_a_chinese_window(qtbot, project_path):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    from curator.store import Project
    from curator.ui.app import install_translation
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session
    from curator.ui.shortcuts import ShortcutSheet

    try:
        install_translation(QApplication.instance(), "zh")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.Cancel).text() == "取消"
        with Project.open(project_path) as project:
            win = MainWindow(Session(project))
            qtbot.addWidget(win)
            sheet = ShortcutSheet(win)
            close = sheet.findChild(QDialogButtonBox).button(QDialogButtonBox.Close)
            assert close.text() == "关闭"
            dialog = QFileDialog(win, "导入文章")
            dialog.setOption(QFileDialog.DontUseNativeDialog)
            texts = {label.text() for label in dialog.findChildren(QLabel)}
            assert texts >= {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}, texts
            assert not any(text.isascii() and text.strip() for text in texts), texts
            win.close()
    finally:
        _remove_translators()
    english = QDialogButtonBox(QDialogButtonBox.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.Cancel).text() == "Cancel"
