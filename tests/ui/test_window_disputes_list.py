"""The document list shows how many disputes each document has after a team merge (issue 14)."""

from __future__ import annotations

from curator.core.edits import Edit, RowChange
from curator.ui.document_list import DocumentListModel


def _dispute(dispute_id: int, doc_id: int, *, resolved: int = 0) -> RowChange:
    return RowChange("disputes", None, {"id": dispute_id, "doc_id": doc_id, "kind": "span", "start": 0, "end": 2,
                                        "label": "org", "versions": "{}", "resolved": resolved, "resolution": "",
                                        "span_id": None})


def test_open_disputes_show_in_the_list_and_go_when_decided(qtbot, window):
    window.session.apply(Edit("分歧", (_dispute(1, 2), _dispute(2, 2), _dispute(3, 3, resolved=1))))
    window.documents.refresh()
    model = window.documents.model
    shown = {model.doc_id(r): model.data(model.index(r, DocumentListModel.SPANS)) for r in range(model.rowCount())}
    assert str(shown[2]).startswith("⚑2 ") and "⚑" not in str(shown[3]) and "⚑" not in str(shown[1])
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: "⚑" not in str(model.data(model.index(model.row_of(2), DocumentListModel.SPANS))))
