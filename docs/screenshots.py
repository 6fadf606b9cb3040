"""Take the README's pictures: the window on a sample article, the 建议 tab after a run, the export dialog.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py 1366 768
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshots.py 1920 1080

Writes docs/window-<width>.png (at 1366 also docs/screenshot.png), docs/suggestions-<width>.png and
docs/export-<width>.png. The project
is the sample project (made from seeds/ as on a first start) in a temporary folder; settings too,
so nothing of the user's is read or changed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
HOME = Path(tempfile.mkdtemp(prefix="curator-shots-"))
for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                  ("XDG_CACHE_HOME", ".cache")):
    (HOME / sub).mkdir(parents=True, exist_ok=True)
    os.environ[name] = str(HOME / sub)
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ARTICLE = 1  # 格尔木市：文明之花绽放昆仑山下
TAGS = (("格尔木市", "place"), ("创建全国文明城市", "initiative"), ("《全国文明城市测评体系》", "doc"))


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget, name: str) -> Path:
    path = DOCS / name
    screen = QApplication.primaryScreen()
    image = screen.grabWindow(0, widget.x(), widget.y(), widget.frameGeometry().width(), widget.frameGeometry().height())
    assert image.save(str(path)), path
    print(path)
    return path


def main(width: int, height: int) -> None:

    from curator.ui.app import Windows, make_application, sample_project
    from curator.ui.export_dialog import ExportDialog
    from curator.ui.settings import Settings

    app = make_application()
    path = sample_project()
    settings = Settings()
    settings.set_annotator("张三")  # the first-start question is not what these pictures are about
    windows = Windows(settings)
    window = windows.open(path)
    window.setGeometry(0, 0, width, height)
    wait(600)
    window.show_document(ARTICLE)
    doc = window.project.document(ARTICLE)
    for piece, label in TAGS:  # a few of the annotator's own tags, through the keys a user presses
        start = doc.text.index(piece)
        window.article.select(start, start + len(piece))
        window._tag(label)
    window.article.clear_selection()
    wait(300)
    panel = window.panels.suggestions
    window.tabs.setCurrentWidget(panel)
    wait(100)
    panel.suggest_document()
    while panel.is_running():
        wait(100)
    wait(300)
    figures = [s for s in window.article.spans() if s.label == "figure" and s.origin == "suggested"][:4]
    for span in figures:  # accept a few figures so 数据 has rows
        panel.select_rows_for_span(span.id)
        panel.accept_current()
    window.tabs.setCurrentWidget(window.panels.figures)
    window.article.verticalScrollBar().setValue(0)
    window.article.setFocus()
    wait(400)
    shot = save(window, f"window-{width}.png")
    if width == 1366:  # the README's main picture: the usual office screen
        shutil.copyfile(shot, DOCS / "screenshot.png")
    window.tabs.setCurrentWidget(panel)
    wait(200)
    panel.view.setCurrentIndex(panel.proxy.index(2, 0))
    panel.view.setFocus()
    wait(400)
    save(window, f"suggestions-{width}.png")
    dialog = ExportDialog(window.session, window, settings=window.settings)
    dialog.path_edit.setText("/home/annotator/文档/示例项目.xlsx")  # not the temporary folder this script works in
    dialog.show()
    wait(400)
    save(dialog, f"export-{width}.png")
    dialog.reject()
    window.close()

    app.quit()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1366, int(sys.argv[2]) if len(sys.argv) > 2 else 768)
