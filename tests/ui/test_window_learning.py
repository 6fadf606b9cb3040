"""学习 in the 建议 tab: the learned suggester trains in a worker on accepted spans and offers scored
suggestions for the article; a rejected one never comes back (issue 12)."""

from __future__ import annotations

from curator.core.edits import tag_span
from window_fixtures import rows


def _accept_places(window, doc_id: int) -> None:
    project = window.project
    doc = project.document(doc_id)
    for name in ("格尔木市", "青海省"):
        start = doc.text.find(name)
        while start >= 0:
            window.session.apply(tag_span(doc, start, start + len(name), "place", span_id=project.next_id("spans")))
            start = doc.text.find(name, start + len(name))


def test_learn_offers_scored_suggestions_and_remembers_rejections(qtbot, window, project_path):
    _accept_places(window, 1)
    window.show_document(2)
    window.tabs.setCurrentWidget(window.panels.suggestions)
    panel = window.panels.suggestions
    window._sync_panels()
    panel.learn_button.click()
    qtbot.waitUntil(lambda: "学习建议" in panel.status.text(), timeout=60_000)
    learned = rows(project_path, "SELECT id, attrs FROM spans WHERE doc_id = 2 AND origin = 'suggested' "
                                 "AND json_extract(attrs, '$.source') = 'learned'")
    assert learned, panel.status.text()
    assert all(0 < __import__("json").loads(attrs)["score"] <= 1 for _, attrs in learned)
    # reject one, learn again: it does not come back
    span = window.project.span(learned[0][0])
    from curator.services.reviewing import reject

    window.session.apply(reject(window.project, span))
    panel.learn_button.click()
    qtbot.waitUntil(lambda: not panel.learner._running, timeout=60_000)
    again = rows(project_path, "SELECT COUNT(*) FROM spans WHERE doc_id = 2 AND start = ? AND end = ? AND label = ?",
                 [span.start, span.end, span.label])
    assert again == [(0,)]


def test_learn_with_nothing_accepted_says_so(qtbot, window):
    window.tabs.setCurrentWidget(window.panels.suggestions)
    window._sync_panels()
    window.panels.suggestions.learn_button.click()
    assert "还没有已接受的标注" in window.panels.suggestions.status.text()
