"""The suggestions panel: the run in a worker, Enter / Backspace / Shift+Enter, rejections remembered."""

from __future__ import annotations

import threading

import pytest
from conftest import double_click, tag
from PySide6.QtCore import Qt

from curator.ui.panels.span_model import SPAN_ID_ROLE
from curator.ui.panels.suggestions import SuggestionsPanel

# What the rules find in the astral article, in the panel's order (grouped by label: 举措, 数据, 地点).
EXPECTED = ["光盘行动", "超3万人", "12个", "5场", "2500份", "格尔木市"]


@pytest.fixture
def panel(qtbot, session, doc_id):
    panel = SuggestionsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.set_document(doc_id)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def run_suggest(qtbot, panel) -> int:
    with qtbot.waitSignal(panel.run_finished, timeout=20000) as blocker:
        qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


@pytest.fixture
def suggested(qtbot, panel):
    assert run_suggest(qtbot, panel) == len(EXPECTED)
    return panel


def texts(panel) -> list[str]:
    return [panel.proxy.index(r, 1).data() for r in range(panel.proxy.rowCount())]


def current_text(panel) -> str:
    return panel.view.currentIndex().siblingAtColumn(1).data()


def suggestions_in_store(store, doc_id) -> list[str]:
    return [s.text for s in store.spans(doc_id, origin="suggested")]


def test_the_suggest_button_stores_proposals_once_and_lists_them_by_label(qtbot, suggested, store, doc_id):
    assert texts(suggested) == EXPECTED
    assert sorted(suggestions_in_store(store, doc_id)) == sorted(EXPECTED)
    assert all(s.attrs["source"] == "rules" for s in store.spans(doc_id, origin="suggested"))
    assert [suggested.proxy.index(r, 0).data() for r in range(2)] == ["举措", "数据"]
    assert suggested.proxy.index(1, 2).data() == "志愿者 = 30,000 人（超）"
    assert run_suggest(qtbot, suggested) == 0  # a second run adds nothing already there
    assert len(store.spans(doc_id)) == len(EXPECTED)


def test_suggest_skips_what_the_annotator_already_tagged(qtbot, panel, store, doc_id):
    tag(store, doc_id, "12个", "figure")
    panel.model.refresh()
    assert run_suggest(qtbot, panel) == len(EXPECTED) - 1
    assert "12个" not in texts(panel)


def test_the_run_happens_off_the_gui_thread(qtbot, panel, monkeypatch):
    import curator.core.suggest as engine

    threads = []
    real = engine.suggest
    monkeypatch.setattr(engine, "suggest", lambda text, labels=None: threads.append(threading.current_thread()) or real(text, labels))
    run_suggest(qtbot, panel)
    assert threads and threads[0] is not threading.main_thread()


def test_enter_accepts_the_current_suggestion_and_the_next_becomes_current(qtbot, suggested, session, store, doc_id):
    suggested.view.setCurrentIndex(suggested.proxy.index(1, 0))
    assert current_text(suggested) == "超3万人"
    with qtbot.waitSignal(suggested.suggestion_focused) as focused:
        qtbot.keyClick(suggested.view, Qt.Key.Key_Return)

    span = next(s for s in store.spans(doc_id) if s.text == "超3万人")
    assert span.origin == "manual"
    figure, = store.facts("figures", doc_id=doc_id)
    assert (figure["value"], figure["unit"], figure["qualifier"], figure["indicator"]) == (30000, "人", "超", "志愿者")
    assert figure["span_ids"] == [span.id]
    assert current_text(suggested) == "12个"
    assert focused.args == [suggested.view.currentIndex().data(SPAN_ID_ROLE)]

    session.undo_stack.undo()
    assert store.facts("figures", doc_id=doc_id) == []
    assert "超3万人" in suggestions_in_store(store, doc_id)


def test_accepting_an_entity_suggestion_makes_no_fact(qtbot, suggested, store, doc_id):
    suggested.view.setCurrentIndex(suggested.proxy.index(5, 0))
    assert suggested.accept_current()
    assert next(s for s in store.spans(doc_id) if s.text == "格尔木市").origin == "manual"
    assert store.facts("figures", doc_id=doc_id) == store.facts("initiatives", doc_id=doc_id) == []
    assert current_text(suggested) == "2500份"  # the last row went: the one above is current


def test_backspace_rejects_and_a_new_run_does_not_bring_it_back(qtbot, suggested, session, store, doc_id):
    suggested.view.setCurrentIndex(suggested.proxy.index(2, 0))
    qtbot.keyClick(suggested.view, Qt.Key.Key_Backspace)
    assert "12个" not in suggestions_in_store(store, doc_id)
    start = store.document(doc_id).text.index("12个")
    assert store.rejections(doc_id) == {(start, start + 3, "figure")}
    assert current_text(suggested) == "5场"

    assert run_suggest(qtbot, suggested) == 0
    assert "12个" not in texts(suggested)

    session.undo_stack.undo()  # undoing the rejection brings the suggestion back and forgets the rejection
    assert "12个" in texts(suggested) and store.rejections(doc_id) == set()


def test_shift_enter_accepts_every_suggestion_of_the_label_as_one_step(qtbot, suggested, session, store, doc_id):
    suggested.view.setCurrentIndex(suggested.proxy.index(3, 0))
    steps = session.undo_stack.count()
    qtbot.keyClick(suggested.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)

    assert session.undo_stack.count() == steps + 1
    assert sorted(f["value"] for f in store.facts("figures", doc_id=doc_id)) == [5, 12, 2500, 30000]
    assert texts(suggested) == ["光盘行动", "格尔木市"]
    assert store.facts("initiatives", doc_id=doc_id) == []

    session.undo_stack.undo()
    assert store.facts("figures", doc_id=doc_id) == []
    assert texts(suggested) == EXPECTED


def test_double_click_asks_for_the_suggestion_in_code_points(qtbot, suggested, store, doc_id):
    text = store.document(doc_id).text
    start = text.index("2500份")
    assert len(text[:start].encode("utf-16-le")) // 2 != start
    rect = suggested.view.visualRect(suggested.proxy.index(4, 1))
    with qtbot.waitSignal(suggested.evidence_requested) as blocker:
        double_click(qtbot, suggested.view, rect.center())
    assert blocker.args == [start, start + 5]


def test_label_filter_keeps_one_label(suggested):
    combo = suggested.label_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部标签（6）", "举措（1）", "数据（4）", "地点（1）"]
    combo.setCurrentIndex(2)
    assert texts(suggested) == ["超3万人", "12个", "5场", "2500份"]
    suggested.view.setCurrentIndex(suggested.proxy.index(0, 0))
    suggested.reject_current()
    assert combo.currentText() == "数据（3）" and texts(suggested) == ["12个", "5场", "2500份"]


def test_whole_project_run_reports_progress_and_stores_for_every_document(qtbot, panel, store):
    progress = []
    panel.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(panel.run_finished, timeout=60000) as blocker:
        qtbot.mouseClick(panel.project_button, Qt.MouseButton.LeftButton)
        assert panel.cancel_button.isVisible() and not panel.suggest_button.isEnabled()
    assert blocker.args[0] > 0
    assert progress[-1] == len(store.documents())
    assert all(store.spans(d.id, origin="suggested") for d in store.documents())
    assert not panel.cancel_button.isVisible() and panel.suggest_button.isEnabled()


def test_cancel_stops_the_run_and_stores_nothing(qtbot, panel, store, monkeypatch):
    import curator.core.suggest as engine

    gate, real = threading.Event(), engine.suggest
    monkeypatch.setattr(engine, "suggest", lambda text, labels=None: gate.wait(10) and real(text, labels))
    with qtbot.waitSignal(panel.run_finished, timeout=20000) as blocker:
        panel.suggest_project()
        panel.cancel_run()
        gate.set()
    assert blocker.args == [0]
    assert all(not store.spans(d.id, origin="suggested") for d in store.documents())
    assert "取消" in panel.status.text()


def test_scored_suggestions_come_surest_first_and_a_threshold_hides_the_weak(qtbot, panel, session, store, doc_id):
    from curator.core.edits import propose_spans
    from curator.ui.settings import Settings

    text = store.document(doc_id).text
    found = []
    for piece, score in (("12个", 0.4), ("5场", 0.9), ("2500份", None)):
        start = text.index(piece)
        attrs = {"value": float(piece[:-1]), "unit": piece[-1], "qualifier": ""} | ({"score": score} if score else {})
        found.append((start, start + len(piece), "figure", attrs))
    session.apply(propose_spans("建议", store.document(doc_id), found, first_id=store.next_id("spans", 3), source="model"))
    assert texts(panel) == ["2500份", "5场", "12个"]  # a rule's suggestion (no score) counts as sure
    assert not panel.view.isColumnHidden(4)
    assert [panel.proxy.index(r, 4).data() for r in range(3)] == ["", "0.90", "0.40"]

    panel.min_score.setFocus()
    panel.min_score.selectAll()
    qtbot.keyClicks(panel.min_score, "0.5")
    qtbot.keyClick(panel.min_score, Qt.Key.Key_Return)
    assert texts(panel) == ["2500份", "5场"]
    assert panel.hidden_note.text() == "隐藏 1 条"
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # all shown figures
    assert [s.text for s in store.spans(doc_id, origin="suggested")] == ["12个"]

    assert Settings().min_score() == 0.5  # remembered for the next start
    again = SuggestionsPanel(session)
    qtbot.addWidget(again)
    assert again.min_score.value() == 0.5
