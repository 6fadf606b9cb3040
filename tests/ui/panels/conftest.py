from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from curator.core.edits import tag_span  # noqa: E402
from curator.core.importing import read_path  # noqa: E402
from curator.core.model import FACT_TABLES  # noqa: E402
from curator.store import Project  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
# Characters outside the BMP (𠮷, 😀) before every span: code points and UTF-16 units differ there.
ASTRAL_ARTICLE = (
    "𠮷祥社区😀文明简报\n"
    "𠮷祥社区😀报道：格尔木市开展“光盘行动”和“文明交通劝导”，志愿者超3万人参与，"
    "建成志愿服务站12个，开展活动5场，发放倡议书2500份。\n"
)


@dataclass
class Tagged:
    span_id: int
    fact_id: int | None


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Project]:
    """A real project file: the seed articles, then the astral article (the last document)."""
    article = tmp_path / "astral.txt"
    article.write_text(ASTRAL_ARTICLE, encoding="utf-8")
    with Project.open(tmp_path / "p.curator") as project:
        report = project.import_batches([*read_path(ROOT / "seeds"), *read_path(article)])
        assert len(report.added) == 5 and not report.problems
        yield project


@pytest.fixture
def doc_id(store: Project) -> int:
    return store.documents()[-1].id


def tag(store: Project, doc_id: int, piece: str, label: str, *, occurrence: int = 0) -> Tagged:
    """Tag the occurrence-th `piece` of the document, as the annotator would."""
    doc = store.document(doc_id)
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(piece, start + 1)
    table = FACT_TABLES.get(label)
    fact_id = store.next_id(table) if table else None
    edit = tag_span(doc, start, start + len(piece), label, span_id=store.next_id("spans"), fact_id=fact_id,
                    doc_spans=store.spans(doc_id))
    store.apply(edit)
    return Tagged(edit.changes[0].after["id"], fact_id)


@pytest.fixture
def session(qapp, store: Project):
    from curator.ui.session import Session

    return Session(store)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method commits it."""
    import re

    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def double_click(qtbot, view, pos) -> None:
    """A real double-click: press-release, then the double-click (item views want the press first)."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
