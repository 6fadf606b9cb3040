"""Label all occurrences: tagging a name proposes every other occurrence in the project, in the same undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


def occurrences(project_path, text: str) -> int:
    return sum(body.count(text) for (body,) in rows(project_path, "SELECT text FROM documents"))


def test_tagging_a_place_proposes_its_other_occurrences_and_one_undo_takes_both(window, qtbot, project_path):
    window.show_document(ASTRAL_DOC)
    start = TEXT.index("格尔木市")
    select_with_keyboard(qtbot, window.article, TEXT, start, start + 4)
    qtbot.keyClick(window.article, Qt.Key_3)  # 地点
    expected = occurrences(project_path, "格尔木市") - 1
    qtbot.waitUntil(lambda: rows(project_path, "SELECT COUNT(*) FROM spans WHERE origin = 'suggested'") == [(expected,)])
    proposed = rows(project_path, "SELECT DISTINCT text, label FROM spans WHERE origin = 'suggested'")
    assert proposed == [("格尔木市", "place")] and expected > 10
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT COUNT(*) FROM spans") == [(0,)]


def test_spreading_can_be_switched_off(window, qtbot, project_path):
    window.actions["spread"].trigger()
    assert not window.actions["spread"].isChecked()
    window.show_document(ASTRAL_DOC)
    start = TEXT.index("格尔木市")
    select_with_keyboard(qtbot, window.article, TEXT, start, start + 4)
    qtbot.keyClick(window.article, Qt.Key_3)
    qtbot.wait(50)
    assert rows(project_path, "SELECT origin, COUNT(*) FROM spans GROUP BY origin") == [("manual", 1)]
