"""Issue 11 item 8: places do not depend on the order of work. A document has a place (inferred from its
title and first paragraph when none was given); fact rows take it unless a nearer place span says otherwise;
a place span added later fills the fact rows that have none, in the same undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from window_fixtures import ASTRAL_ARTICLE, rows, select_with_keyboard

ASTRAL_DOC = 5
NO_DIVISION = "社区简报\n志愿者超3万人参与，在河西街道开展清洁活动。\n"


def _tag(qtbot, window, text: str, fragment: str, key, *, after: int = 0) -> None:
    start = text.index(fragment, after)
    select_with_keyboard(qtbot, window.article, text, start, start + len(fragment))
    qtbot.keyClick(window.article, key)


def test_a_figure_tagged_before_any_place_span_takes_the_document_place(window, qtbot, project_path):
    assert rows(project_path, "SELECT place FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("",)]
    window.show_document(ASTRAL_DOC)
    _tag(qtbot, window, ASTRAL_ARTICLE, "3万人", Qt.Key_2)
    assert rows(project_path, "SELECT place FROM figures") == [("格尔木市",)]
    assert rows(project_path, "SELECT place FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("格尔木市",)]
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)  # the inferred place goes with the tag
    assert rows(project_path, "SELECT place FROM documents WHERE id = ?", [ASTRAL_DOC]) == [("",)]


@pytest.fixture
def plain(window, qtbot, tmp_path):
    """A sixth article that names no administrative division at all."""
    from curator.services.importing import import_paths

    path = tmp_path / "plain.txt"
    path.write_text(NO_DIVISION, encoding="utf-8")
    (doc_id,) = import_paths(window.project, [path]).report.added
    window.documents.refresh()
    window.show_document(doc_id)
    return doc_id


def test_a_place_span_added_later_fills_the_facts_without_one_in_the_same_undo_step(plain, window, qtbot, project_path):
    _tag(qtbot, window, NO_DIVISION, "3万人", Qt.Key_2)
    assert rows(project_path, "SELECT place FROM figures") == [("",)]
    _tag(qtbot, window, NO_DIVISION, "河西街道", Qt.Key_3)
    assert rows(project_path, "SELECT place FROM figures") == [("河西街道",)]
    qtbot.keyClick(window.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT place FROM figures") == [("",)]
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE label = 'place'") == [(0,)]
