"""Importing in the window (issue 11): off the GUI thread with a progress bar and cancel (one-use-case
layer), labels a JSONL brings can be tagged at once (item 12), reflow offered with a preview (item 14)."""

from __future__ import annotations

import json
import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton

from curator.ui import import_run
from curator.ui.import_dialog import ImportDialog
from window_fixtures import rows, select_with_keyboard

BROKEN = ("\n\n格尔木市文明简报\n"
          "格尔木市开展文明创建工作，志愿者走上\n街头，劝导不文明行为，取得了良好效果，市民\n"
          "纷纷点赞。社区志愿者还走进\n楼道，清理小广告，整治乱堆\n乱放，居民拍手称\n快。\n")


def _through_the_dialog(qtbot, window, paths, *, check=None) -> None:
    """File → 导入: the dialog gets paths (as its pickers would set them), then the mouse clicks 导入."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(10, fill)
            return
        dialog.set_paths(paths)
        if check:
            check(dialog)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)

    QTimer.singleShot(0, fill)
    window.actions["import_files"].trigger()
    qtbot.waitUntil(lambda: window.import_run is None, timeout=20000)


def test_labels_arriving_with_a_jsonl_import_can_be_tagged_at_once(window, qtbot, project_path, tmp_path):
    text = "社区简报\n河西街道推行“积分超市”制度，居民踊跃参与。"
    line = {"text": text, "spans": [[text.index("积分超市"), text.index("积分超市") + 4, "policy"]]}
    path = tmp_path / "labelled.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    _through_the_dialog(qtbot, window, [path])
    (doc_id,), = rows(project_path, "SELECT id FROM documents WHERE title = '社区简报'")
    assert "policy" in window.label_bar.buttons
    window.show_document(doc_id)
    start = text.index("居民")
    select_with_keyboard(qtbot, window.article, text, start, start + 2)
    qtbot.mouseClick(window.label_bar.buttons["policy"], Qt.LeftButton)
    assert rows(project_path, "SELECT text FROM spans WHERE label = 'policy' AND origin = 'manual' ORDER BY start") == [
        ("积分超市",), ("居民",)]


def test_a_line_broken_text_is_offered_reflow_with_a_preview(window, qtbot, project_path, tmp_path):
    path = tmp_path / "ocr.txt"
    path.write_text(BROKEN, encoding="utf-8")
    seen = {}

    def check(dialog):
        seen["shown"] = dialog.preview_box.isVisible()
        seen["ticked"] = dialog.reflow.isChecked()
        seen["before"] = dialog.before.toPlainText()
        seen["after"] = dialog.after.toPlainText()

    _through_the_dialog(qtbot, window, [path], check=check)
    assert seen["shown"] and seen["ticked"]
    assert "志愿者走上\n街头" in seen["before"] and "志愿者走上街头" in seen["after"]
    (title, text), = rows(project_path, "SELECT title, text FROM documents WHERE id = 6")
    assert title == "格尔木市文明简报"  # the first non-empty line, though blank lines come first
    assert "志愿者走上街头" in text and "居民拍手称快" in text


def test_a_text_that_is_not_line_broken_is_not_offered_reflow(window, qtbot, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("标题\n第一段，完整的句子。\n第二段，也是完整的句子。\n", encoding="utf-8")
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.set_paths([path])
    assert dialog.preview is None and not dialog.reflow.isChecked()


def test_import_runs_in_a_worker_with_progress_and_cancel(window, qtbot, project_path, tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}.txt").write_text(f"第{number}篇\n格尔木市第{number}次文明实践活动。", encoding="utf-8")
    threads, release, seen = [], threading.Event(), []
    real = import_run.import_paths

    def slow(project, paths, **options):
        threads.append(threading.current_thread())
        release.wait(10)  # until the user has pressed 取消
        return real(project, paths, **options)

    monkeypatch.setattr(import_run, "import_paths", slow)

    def cancel():
        progress = window.findChild(QProgressDialog, "importProgress")
        if progress is None or not progress.isVisible():
            QTimer.singleShot(10, cancel)
            return
        (button,) = progress.findChildren(QPushButton)
        seen.append(button.text())
        qtbot.mouseClick(button, Qt.LeftButton)
        release.set()

    QTimer.singleShot(0, cancel)
    _through_the_dialog(qtbot, window, [folder])
    assert seen == ["取消"]
    assert threads and threads[0] is not threading.main_thread()
    assert rows(project_path, "SELECT COUNT(*) FROM documents") == [(5,)]  # cancelled before the first file
    assert "已取消" in window.statusBar().currentMessage()
