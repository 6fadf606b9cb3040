"""What the window must keep doing that no test held: a failed edit off the undo stack, Ctrl+Enter and statuses,
tagging the same text twice, the origin of an accepted spread suggestion."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from curator.core.edits import set_status
from window_fixtures import ASTRAL_ARTICLE, caret_at, rows, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


def status_of(project_path, doc_id: int) -> str:
    return rows(project_path, "SELECT status FROM documents WHERE id = ?", [doc_id])[0][0]


def tag(window, qtbot, text: str, key) -> None:
    start = TEXT.index(text)
    select_with_keyboard(qtbot, window.article, TEXT, start, start + len(text))
    qtbot.keyClick(window.article, key)


# -- undo ------------------------------------------------------------------------------------------

def test_a_failed_edit_does_not_stay_on_the_undo_stack(window, qtbot, project_path):
    window.actions["spread"].trigger()  # one step per tag, nothing added a moment later
    window.show_document(ASTRAL_DOC)
    tag(window, qtbot, "光盘行动", Qt.Key_1)
    stack = window.session.undo_stack
    assert stack.count() == 1 and status_of(project_path, ASTRAL_DOC) == "in_progress"
    tag_step = stack.undoText()

    stale = replace(window.project.document(ASTRAL_DOC), status="todo")  # the document is in_progress by now
    with qtbot.waitSignal(window.session.failed):
        assert not window.session.apply(set_status(stale, "done", label="stale"))
    assert stack.count() == 1 and stack.undoText() == tag_step
    assert "changed meanwhile" in window.statusBar().currentMessage()

    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)  # undoes the tag, not the edit that never happened
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]
    assert status_of(project_path, ASTRAL_DOC) == "todo"
    assert not stack.canUndo()


def test_an_undo_that_fails_is_dropped_and_leaves_the_row_alone(window, qtbot, project_path):
    window.actions["spread"].trigger()
    window.show_document(ASTRAL_DOC)
    qtbot.keyClick(window.article, Qt.Key_3, Qt.ControlModifier)  # 已完成
    window.project.apply(set_status(window.project.document(ASTRAL_DOC), "reviewed"))  # changed behind the stack
    with qtbot.waitSignal(window.session.failed):
        qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert status_of(project_path, ASTRAL_DOC) == "reviewed"
    assert window.session.undo_stack.count() == 0


# -- status and Ctrl+Enter ---------------------------------------------------------------------------

def test_ctrl_enter_on_a_reviewed_document_keeps_it_reviewed(window, qtbot, project_path):
    qtbot.keyClick(window.article, Qt.Key_4, Qt.ControlModifier)  # 已审核
    assert status_of(project_path, 1) == "reviewed"
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert status_of(project_path, 1) == "reviewed"
    assert window.current_doc == 2


def test_next_unfinished_takes_documents_in_progress_and_skips_done_and_reviewed(window, qtbot, project_path):
    for doc_id, key in ((2, Qt.Key_3), (3, Qt.Key_4), (4, Qt.Key_2)):  # 已完成, 已审核, 标注中
        window.show_document(doc_id)
        qtbot.keyClick(window.article, key, Qt.ControlModifier)
    assert [status_of(project_path, d) for d in (2, 3, 4)] == ["done", "reviewed", "in_progress"]
    window.show_document(1)
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert status_of(project_path, 1) == "done"
    assert window.current_doc == 4  # 标注中 is unfinished; 2 and 3 are skipped
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert window.current_doc == 5
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)  # the last unfinished one
    assert window.current_doc == 5
    assert [status_of(project_path, d) for d in range(1, 6)] == ["done", "done", "reviewed", "done", "done"]
    assert "所有文章都已完成" in window.statusBar().currentMessage()


def test_next_unfinished_wraps_round_to_the_first(window, qtbot, project_path):
    window.show_document(4)
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert window.current_doc == 5
    qtbot.keyClick(window.article, Qt.Key_Return, Qt.ControlModifier)
    assert window.current_doc == 1


# -- tagging twice ------------------------------------------------------------------------------------

def test_tagging_the_same_text_twice_with_one_label_is_refused_and_another_label_is_allowed(window, qtbot, project_path):
    window.actions["spread"].trigger()
    window.show_document(ASTRAL_DOC)
    tag(window, qtbot, "格尔木市", Qt.Key_3)  # 地点
    tag(window, qtbot, "格尔木市", Qt.Key_3)
    assert "已经标注为“地点”" in window.statusBar().currentMessage()
    assert rows(project_path, "SELECT label FROM spans") == [("place",)]
    assert window.session.undo_stack.count() == 1
    tag(window, qtbot, "格尔木市", Qt.Key_4)  # 机构: the same text, another label
    assert rows(project_path, "SELECT label, text FROM spans ORDER BY id") == [("place", "格尔木市"), ("org", "格尔木市")]
    assert sorted(s.label for s in window.article.spans()) == ["org", "place"]


# -- spreading ------------------------------------------------------------------------------------------

def test_an_accepted_spread_suggestion_is_propagated_and_a_rule_suggestion_manual(window, qtbot, project_path):
    window.show_document(ASTRAL_DOC)
    tag(window, qtbot, "格尔木市", Qt.Key_3)
    qtbot.waitUntil(lambda: rows(project_path, "SELECT COUNT(*) FROM spans WHERE origin = 'suggested'")[0][0] > 0)
    (doc_id, start), *_ = rows(project_path, "SELECT doc_id, start FROM spans WHERE origin = 'suggested' ORDER BY doc_id, start")
    window.show_document(doc_id)
    text = window.project.document(doc_id).text
    qtbot.waitUntil(lambda: any(s.origin == "suggested" for s in window.article.spans()))
    window.article.setFocus()
    caret_at(window.article, text, start + 1)
    qtbot.keyClick(window.article, Qt.Key_Return)
    assert rows(project_path, "SELECT origin, annotator = '' FROM spans WHERE doc_id = ? AND start = ?", [doc_id, start]) == [
        ("propagated", 1)]
    assert rows(project_path, "SELECT origin FROM spans WHERE doc_id = ?", [ASTRAL_DOC]) == [("manual",)]
