"""A picture of the window on a seed article, tagged and with suggestions, saved in the test's folder.

Set CURATOR_SCREENSHOT=docs/screenshot.png to also refresh the README's copy.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase

from curator.core.edits import propose_spans
from curator.core.suggest import suggest


def test_screenshot_of_a_tagged_seed_article(window, qtbot, tmp_path: Path):
    assert any("WenQuanYi" in family or "CJK" in family for family in QFontDatabase.families()), "no CJK font"
    project = window.project
    doc = project.document(1)
    window.show_document(1)
    for piece, key in (("格尔木市", Qt.Key_3), ("青海省", Qt.Key_3), ("创建全国文明城市", Qt.Key_1), ("文明城市", Qt.Key_4),
                       ("《全国文明城市测评体系》", Qt.Key_6), ("146项", Qt.Key_2), ("近年来", Qt.Key_7)):
        start = doc.text.index(piece)
        window.article.select(start, start + len(piece))
        qtbot.keyClick(window.article, key)
    taken = {(s.start, s.end) for s in window.article.spans()}
    proposals = [(s.start, s.end, s.label, s.attrs) for s in suggest(doc.text[:900])
                 if not any(a < s.end and s.start < b for a, b in taken)][:6]
    window.session.apply(propose_spans("建议", doc, proposals, first_id=project.next_id("spans") + 100, source="rules"))
    qtbot.wait(200)
    window.resize(1360, 840)
    window.article.set_selected_span(None)
    image = window.grab().toImage()
    path = tmp_path / "window.png"
    assert image.save(str(path))
    assert image.width() >= 1000 and path.stat().st_size > 50_000
    # the article area shows the place colour somewhere: highlights were painted
    article = window.article.viewport().grab().toImage()
    colours = {article.pixelColor(x, y).name() for x in range(0, article.width(), 3) for y in range(0, 200, 3)}
    assert QColor("#a9d18e").name() in colours
    copy = os.environ.get("CURATOR_SCREENSHOT")
    if copy:
        shutil.copyfile(path, copy)
