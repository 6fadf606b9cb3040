"""The adjudication view by keys: 0 and Delete reject, Shift+Tab goes back, a picture of it.

Set CURATOR_ADJUDICATION_SCREENSHOT=docs/adjudication.png to also refresh the README's copy.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from team_fixtures import (
    NAMES, annotate_shared, doc_by_sha, finish, package_path, set_figure_value, shared_sha, split_seeds, tag,
)

from curator.services.team.merge import merge_packages
from curator.store import Project
from curator.ui.team_dialogs import open_adjudication


def merged_window(team_project, team_window, tmp_path: Path):
    split_seeds(team_project, tmp_path / "out")
    annotate_shared(tmp_path / "out", shared_sha(tmp_path / "out"))
    merge_packages(team_project, [package_path(tmp_path / "out", n) for n in NAMES])
    return team_window()


def test_delete_and_zero_reject_every_version_and_shift_tab_goes_back(team_project, team_window, qtbot, tmp_path):
    window = merged_window(team_project, team_window, tmp_path)
    view = open_adjudication(window)
    assert [d.kind for d in view.open] == ["span", "value"]
    qtbot.keyClick(view, Qt.Key_Tab)
    qtbot.keyClick(view, Qt.Key_Tab, Qt.ShiftModifier)
    assert view.current().kind == "span"
    spans_before = team_project.spans(view.doc.id)
    qtbot.keyClick(view, Qt.Key_Delete)
    assert [d.kind for d in view.open] == ["value"] and team_project.spans(view.doc.id) == spans_before
    qtbot.keyClick(view, Qt.Key_0)
    assert view.open == []
    (figure,) = team_project.facts("figures", doc_id=view.doc.id)
    assert figure["value"] is None  # no version taken: the value stays open for the lead to type
    assert window.documents.project is team_project  # the window is still the one showing the project
    qtbot.keyClick(view, Qt.Key_9)  # no such row, no dispute: nothing happens
    assert window.session.undo_stack.count() == 2


def tag_piece(package, doc, piece: str, label: str, *, value: float | None = None) -> None:
    start = doc.text.index(piece)
    span = tag(package, doc, start, start + len(piece), label)
    if value is not None:
        set_figure_value(package, span, value)


def test_a_picture_of_the_adjudication_view(team_project, team_window, qtbot, tmp_path):
    split_seeds(team_project, tmp_path / "out", overlap=1.0)
    sha = team_project.document(1).sha256
    versions = {"张三": ("创建全国文明城市", 146.0), "李四": ("全国文明城市", 146.0), "王五": ("创建全国文明城市", 145.0)}
    for name, (initiative, value) in versions.items():
        with Project.open(package_path(tmp_path / "out", name)) as package:
            doc = doc_by_sha(package, sha)
            tag_piece(package, doc, "格尔木市", "place")
            tag_piece(package, doc, initiative, "initiative")
            tag_piece(package, doc, "146项", "figure", value=value)
            finish(package, doc)
    merge_packages(team_project, [package_path(tmp_path / "out", n) for n in NAMES])
    window = team_window()
    window.show_document(1)
    window.resize(1280, 800)
    view = open_adjudication(window)
    view.resize(980, 430)
    view.move(window.x() + 150, window.y() + 330)
    qtbot.wait(300)
    screen = QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "xcb":  # under Xvfb: the window with the view on top of it
        image = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height() + 40).toImage()
    else:
        image = view.grab().toImage()
    path = tmp_path / "adjudication.png"
    assert image.save(str(path)) and path.stat().st_size > 20_000
    colours = {view.grab().toImage().pixelColor(x, y).name() for x in range(0, view.width(), 4)
               for y in range(0, view.height(), 4)}
    assert {"#fde4e4", "#e3effd", "#e5f6e0"} <= colours  # a coloured row per annotator
    copy = os.environ.get("CURATOR_ADJUDICATION_SCREENSHOT")
    if copy:
        shutil.copyfile(path, copy)
