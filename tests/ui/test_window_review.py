"""Reviewing suggestions in the article with one key: Enter accepts, Backspace rejects, Shift+Enter takes all of a label."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from curator.core.edits import propose_spans
from window_fixtures import ASTRAL_ARTICLE, caret_at, rows

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE


@pytest.fixture
def proposed(window, qtbot):
    """Three suggestions in the astral article: two figures and a place, after 𠮷 and 😀."""
    project = window.project
    doc = project.document(ASTRAL_DOC)
    found = [(TEXT.index(t), TEXT.index(t) + len(t), label, attrs) for t, label, attrs in (
        ("超3万人", "figure", {"value": 30000.0, "unit": "人", "qualifier": "超"}),
        ("12个", "figure", {"value": 12.0, "unit": "个", "qualifier": ""}),
        ("格尔木市", "place", {}),
    )]
    window.session.apply(propose_spans("建议", doc, found, first_id=project.next_id("spans"), source="rules"))
    for _ in found[1:]:
        project.next_id("spans")
    window.show_document(ASTRAL_DOC)
    qtbot.waitUntil(lambda: len(window.article.spans()) == 3)
    window.article.setFocus()
    return window


def test_enter_accepts_the_suggestion_under_the_caret_with_its_fact_row(proposed, qtbot, project_path):
    caret_at(proposed.article, TEXT, TEXT.index("3万人"))
    qtbot.keyClick(proposed.article, Qt.Key_Return)
    assert rows(project_path, "SELECT text, origin FROM spans WHERE label = 'figure' ORDER BY start") == [
        ("超3万人", "manual"), ("12个", "suggested")]
    assert rows(project_path, "SELECT value, unit, qualifier FROM figures") == [(30000.0, "人", "超")]


def test_backspace_rejects_and_the_rejection_is_remembered(proposed, qtbot, project_path):
    caret_at(proposed.article, TEXT, TEXT.index("尔木市"))
    qtbot.keyClick(proposed.article, Qt.Key_Backspace)
    start = TEXT.index("格尔木市")
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE label = 'place'") == [(0,)]
    assert rows(project_path, "SELECT doc_id, start, end, label FROM rejections") == [(ASTRAL_DOC, start, start + 4, "place")]


def test_shift_enter_accepts_every_suggestion_of_that_label_as_one_step(proposed, qtbot, project_path):
    caret_at(proposed.article, TEXT, TEXT.index("12个"))
    qtbot.keyClick(proposed.article, Qt.Key_Return, Qt.ShiftModifier)
    assert rows(project_path, "SELECT label, origin FROM spans ORDER BY start") == [
        ("place", "suggested"), ("figure", "manual"), ("figure", "manual")]
    assert rows(project_path, "SELECT COUNT(*) FROM figures") == [(2,)]
    qtbot.keyClick(proposed.article, Qt.Key_Z, Qt.ControlModifier)
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE origin = 'suggested'") == [(3,)]
    assert rows(project_path, "SELECT COUNT(*) FROM figures") == [(0,)]


def test_delete_on_an_annotation_still_deletes_it(proposed, qtbot, project_path):
    caret_at(proposed.article, TEXT, TEXT.index("12个"))
    qtbot.keyClick(proposed.article, Qt.Key_Return)
    caret_at(proposed.article, TEXT, TEXT.index("12个"))
    qtbot.keyClick(proposed.article, Qt.Key_Delete)
    assert rows(project_path, "SELECT COUNT(*) FROM spans WHERE text = '12个'") == [(0,)]
    assert rows(project_path, "SELECT COUNT(*) FROM rejections") == [(0,)]
