"""The application: QApplication, translations, which project to open, the first-start sample project."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from curator.core.resources import resource_path
from curator.store import CorruptProject, Project, ProjectError
from curator.ui.main_window import MainWindow
from curator.ui.restore import offer_restore
from curator.ui.session import Session
from curator.ui.settings import Settings

SAMPLE_NAME = "示例项目.curator"
UI_FONT_PX = 13


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("curator")
    app.setOrganizationName("curator")
    app.setWindowIcon(QIcon(str(resource_path("icons", "curator-256.png"))))
    font = QFont(app.font())
    font.setFamilies(["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", font.family()])
    font.setPixelSize(UI_FONT_PX)
    app.setFont(font)
    if sys.platform.startswith("linux"):  # Qt's own file dialog speaks the window's language, not the desktop's
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    install_translation(app, Settings().language())
    return app


QT_LOCALES = {"zh": "zh_CN", "en": "en"}  # curator's language -> the suffix of Qt's own .qm files


def install_translation(app: QApplication, language: str) -> bool:
    """Qt's own texts (file dialog, Cancel, Close) and curator's in language; True if any was installed.

    curator's texts are written in Chinese: only another language needs curator_<language>.qm.
    """
    installed = False
    qt_locale = QT_LOCALES.get(language)
    if qt_locale is not None:
        qt = QTranslator(app)
        if any(qt.load(f"qtbase_{qt_locale}", str(folder)) for folder in qt_translation_folders()):
            app.installTranslator(qt)
            installed = True
        QLocale.setDefault(QLocale(qt_locale))  # the file dialog's dates, as the window's language writes them
    if language == "zh":
        app.installTranslator(QtTextGaps(app))  # installed last: asked first
    if language != "zh":
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", f"curator_{language}.qm"))):
            app.installTranslator(translator)
            installed = True
    return installed


class QtTextGaps(QTranslator):
    """Texts of Qt's file dialog that qtbase_zh_CN (Qt 6.11) leaves in English."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QFileDialog", "Show Date Modified"): "显示修改日期",
        ("QFileDialog", "Show Size"): "显示大小",
        ("QFileDialog", "Show Type"): "显示类型",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.TEXTS.get((context, source))  # None: not here, Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


def qt_translation_folders() -> list[Path]:
    """Where Qt's .qm files are: Qt's own idea first, then the PySide6 wheel's layouts (Linux/macOS, Windows)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            package / "Qt" / "translations", package / "translations"]


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("curator", appauthor=False)


def sample_project() -> Path:
    """The sample project in the user data folder, made from the bundled seed articles if missing."""
    path = user_data_dir() / SAMPLE_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with Project.open(path) as project:
            project.import_batches(sample_batches())
    return path


def sample_batches():
    """The seed articles as a user should first see them: column-broken ones reflowed (lines joined, no
    doubled title), each with the place it is about, as an import gives it."""
    from curator.core.importing import prepared, read_path
    from curator.core.layout import looks_line_broken
    from curator.core.resources import seed_paths

    for seed in seed_paths():
        batches = list(read_path(seed))
        if any(looks_line_broken(article.text) for batch in batches for article in batch.articles):
            batches = list(read_path(seed, reflow_text=True))
        yield from map(prepared, batches)


def project_to_open(argument: str | Path | None, settings: Settings) -> Path:
    if argument:
        return Path(argument)
    last = settings.last_project()
    if last is not None and last.exists():
        return last
    return sample_project()


class Windows(QObject):
    """Keeps the open window; opening another project replaces it."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.window: MainWindow | None = None

    def open(self, path: Path) -> MainWindow:
        old = self.window
        if old is not None and old.project.path and old.project.path.resolve() == path.resolve():
            return old
        project = Project.open(path)
        if old is not None:
            old.close()
            old.project.close()
        window = MainWindow(Session(project), settings=self.settings, open_project=self.open, panels_later=True)
        self.settings.remember_project(path)
        self.window = window
        window.show()
        after_first_paint(window.article.viewport(),
                          lambda: (window.install_panels(), warm_up_in_background(), window.ask_annotator_if_unknown()))
        return window


class _FirstPaint(QObject):
    def __init__(self, target, callback) -> None:
        super().__init__(target)
        self._callback = callback

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget, callback) -> None:
    widget.installEventFilter(_FirstPaint(widget, callback))


_warm = threading.Event()


def warm_up_in_background() -> None:
    """Load jieba and the quantity parser in a thread, once the article is on screen."""
    if _warm.is_set():
        return
    _warm.set()

    def work() -> None:
        from curator.core import quantity, segment  # noqa: F401  (quantity: its import costs ~30 ms)

        segment.warm_up()

    threading.Thread(target=work, name="warm-up", daemon=True).start()


def run(project_path: str | Path | None = None, *, smoke: bool = False) -> int:
    """smoke: quit once the first article is painted (the frozen build's start-up check)."""
    app = make_application()
    settings = Settings()
    windows = Windows(settings)
    path = project_to_open(project_path, settings)
    try:
        window = windows.open(path)
    except CorruptProject as exc:
        if not offer_restore(exc):
            return 1
        try:
            window = windows.open(path)
        except ProjectError as again:
            QMessageBox.critical(None, "curator", str(again))
            return 1
    except ProjectError as exc:
        QMessageBox.critical(None, "curator", str(exc))
        return 1
    if smoke:
        after_first_paint(window.article.viewport(), app.quit)
    code = app.exec()
    if windows.window is not None and windows.window.project is not None:
        windows.window.project.close()
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
