"""File > Export and File > Import corrections, driven through their dialogs; the files are read back."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from curator.core.edits import set_status, tag_span
from curator.services.exporting import ExportOptions
from curator.ui.corrections_dialog import CorrectionsDialog
from curator.ui.export_dialog import ExportDialog


@pytest.fixture
def tagged(window):
    """Document 1 reviewed with one figure, document 2 untouched."""
    project = window.project
    doc = project.document(1)
    start = doc.text.index("超3万人")
    window.session.apply(tag_span(doc, start, start + 4, "figure", span_id=project.next_id("spans"),
                                  fact_id=project.next_id("figures"), doc_spans=()))
    window.session.apply(set_status(project.document(1), "reviewed"))
    return window


def run_export(qtbot, window, path, *, statuses=None) -> ExportDialog:
    dialog = ExportDialog(window.session, window, settings=window.settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    if statuses is not None:
        for status, box in dialog.status_boxes.items():
            box.setChecked(status in statuses)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    dialog.wait()
    return dialog


def test_export_writes_the_chosen_documents_only(qtbot, tagged, tmp_path):
    target = tmp_path / "审核后.xlsx"
    run_export(qtbot, tagged, target, statuses={"reviewed"})
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames == ["汇总", "举措", "数据", "标注", "文章"]
    articles = list(book["文章"].iter_rows(min_row=2, values_only=True))
    assert len(articles) == 1 and "格尔木市：文明之花绽放昆仑山下" in articles[0]
    figures = [row for row in book["数据"].iter_rows(min_row=2, values_only=True) if any(row)]
    assert len(figures) == 1 and 30000 in figures[0]


def test_the_last_choice_is_remembered(qtbot, tagged, tmp_path):
    run_export(qtbot, tagged, tmp_path / "a.xlsx", statuses={"reviewed", "done"})
    again = ExportDialog(tagged.session, tagged, settings=tagged.settings)
    qtbot.addWidget(again)
    assert again.options() == ExportOptions(statuses={"reviewed", "done"})
    assert again.path_edit.text() == str(tmp_path / "a.xlsx")


@pytest.mark.parametrize("answer, replaced", [(QMessageBox.No, False), (QMessageBox.Yes, True)])
def test_an_existing_file_is_replaced_only_after_asking(qtbot, tagged, tmp_path, monkeypatch, answer, replaced):
    target = tmp_path / "old.xlsx"
    target.write_bytes(b"an older file")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args) or answer)
    dialog = ExportDialog(tagged.session, tagged, settings=tagged.settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    dialog.start()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=30000)
    dialog.wait()
    qtbot.waitUntil(lambda: (target.read_bytes() != b"an older file") == replaced, timeout=30000)
    assert (target.read_bytes() == b"an older file") is not replaced


def test_corrections_from_the_workbook_apply_as_one_undoable_edit(qtbot, tagged, tmp_path):
    from curator.services.exporting import plan_corrections

    target = tmp_path / "out.xlsx"
    run_export(qtbot, tagged, target)
    book = openpyxl.load_workbook(target)
    sheet = book["数据"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("数值") + 1, value=31000)
    book.save(target)
    plan = plan_corrections(tagged.project, target)
    dialog = CorrectionsDialog(tagged.session, plan, target, tagged)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Apply), Qt.LeftButton)
    assert tagged.project.facts("figures")[0]["value"] == 31000
    tagged.session.undo_stack.undo()
    assert tagged.project.facts("figures")[0]["value"] == 30000


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyError("boom"), ValueError("boom")])
def test_any_error_in_the_export_is_shown_and_the_dialog_stays_usable(qtbot, tagged, tmp_path, monkeypatch, error):
    import curator.ui.export_dialog as export_dialog

    def broken(*args, **kwargs):
        raise error

    shown = []
    monkeypatch.setattr(export_dialog, "export", broken)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    dialog = ExportDialog(tagged.session, tagged, settings=tagged.settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "x.xlsx"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    dialog.wait()
    assert shown[0][0] == "导出失败" and "boom" in shown[0][1] and type(error).__name__ in shown[0][1]
    assert dialog.buttons.isEnabled() and dialog.progress.isHidden()
    qtbot.waitUntil(lambda: dialog.running() == 0, timeout=30000)


def test_every_export_job_stays_alive_until_its_thread_has_ended(qtbot, tagged, tmp_path, monkeypatch):
    """The segfault in full-suite runs: a second export dropped the first job while its thread still ran."""
    import gc
    import threading
    import weakref

    import curator.ui.export_dialog as export_dialog

    release = threading.Event()
    real = export_dialog.export

    def slow(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "export", slow)
    dialog = ExportDialog(tagged.session, tagged, settings=tagged.settings)
    qtbot.addWidget(dialog)
    results = []
    dialog.exported.connect(results.append)
    jobs = []
    try:
        for name in ("a.xlsx", "b.xlsx"):
            dialog.path_edit.setText(str(tmp_path / name))
            dialog.start()
            jobs.append(weakref.ref(dialog._running[-1][1]))
        gc.collect()
        assert dialog.running() == 2 and all(job() is not None for job in jobs)
    finally:
        release.set()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.running() == 0, timeout=30000)
    assert (tmp_path / "a.xlsx").exists() and (tmp_path / "b.xlsx").exists()


def test_closing_the_dialog_lets_a_running_export_finish(qtbot, tagged, tmp_path, monkeypatch):
    import threading

    import curator.ui.export_dialog as export_dialog

    release = threading.Event()
    real = export_dialog.export
    monkeypatch.setattr(export_dialog, "export", lambda *a, **kw: release.wait(30) and real(*a, **kw))
    dialog = ExportDialog(tagged.session, tagged, settings=tagged.settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "a.xlsx"))
    dialog.start()
    threading.Timer(0.3, release.set).start()
    dialog.reject()  # Esc while exporting
    assert all(thread.isFinished() for thread, _job in dialog._running)
    assert (tmp_path / "a.xlsx").exists()
