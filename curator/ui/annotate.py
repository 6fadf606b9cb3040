"""The annotator's actions on the current document: tag, delete, set status.

Each builds an Edit from core.edits and hands it to the session; the article view is
updated at once for the annotator's own spans (re-reading 5,000 spans would cost ~40 ms),
and reconciled with the store after any other change (undo, the panels).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from curator.core import segment
from curator.core.edits import combine, delete_span, set_status, tag_span
from curator.core.model import FACT_TABLES, Document, Label, Span
from curator.services.suggesting import SPREAD_LABELS, spread_edit
from curator.store import ProjectError
from curator.ui import review
from curator.ui.article_view import ArticleView
from curator.ui.session import Session
from curator.ui.texts import status_title


class Annotator(QObject):
    document_changed = Signal()  # the current document's row (status) changed
    message = Signal(str)  # a short note for the status bar
    spans_shown = Signal()  # the article's highlights changed
    spans_changed_elsewhere = Signal()  # an edit (an undo, say) changed spans of another document

    def __init__(self, session: Session, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.project = session.project
        self.view = view
        self.doc: Document | None = None
        self.labels: dict[str, Label] = {label.name: label for label in self.project.labels()}
        self.snap_words = False
        self.snap_quotes = False
        self.spread = True  # propose every other occurrence of a tagged name (label all occurrences)
        self._last_tag = None  # the newest tag edit: spreading joins its undo step
        self._reconcile_timer = QTimer(self, singleShot=True, interval=0, timeout=self.reconcile)
        self._applying_own_edit = False  # the view shows this edit's spans itself: no re-read
        session.changed.connect(self._on_changed)
        self._connected = True

    # -- documents -----------------------------------------------------------------------

    def open_document(self, doc_id: int | None) -> None:
        self._reconcile_timer.stop()
        self.doc = self.project.document(doc_id) if doc_id is not None else None
        self.view.show_document(self.doc, self.project.spans(doc_id) if doc_id is not None else ())

    def _on_changed(self, tables: frozenset) -> None:
        if self.doc is None:
            return
        if "documents" in tables:
            self.doc = self.project.document(self.doc.id)
            self.document_changed.emit()
        if "spans" in tables and not self._applying_own_edit:
            self._reconcile_timer.start()

    def reconcile(self) -> None:
        """Bring the highlights in line with the stored spans (after undo, or a panel's edit)."""
        if self.doc is None:
            return
        if self.view.set_spans(self.project.spans(self.doc.id)):
            self.spans_shown.emit()
        else:
            self.spans_changed_elsewhere.emit()

    def stop(self) -> None:
        """No more reading from the project (it is about to close)."""
        self._reconcile_timer.stop()
        if self._connected:
            self._connected = False
            self.session.changed.disconnect(self._on_changed)
        self.doc = None

    # -- tagging -------------------------------------------------------------------------

    def tag_selection(self, label_name: str) -> Span | None:
        """Tag the selected text (snapped, when asked) with label_name; the new span, or None."""
        if self.doc is None or label_name not in self.labels:
            return None
        start, end = self.view.selection()
        if start == end:
            self.message.emit(self.tr("先选中要标注的文字。"))
            return None
        start, end = segment.snap(self.doc.text, start, end, words=self.snap_words, quotes=self.snap_quotes)
        if start >= end:
            return None
        label = self.labels[label_name]
        if self.view.has_span(start, end, label_name):
            self.message.emit(self.tr("这段文字已经标注为“{0}”。").format(label.title))
            return None
        table = FACT_TABLES.get(label_name)
        edit = tag_span(
            self.doc, start, end, label_name,
            span_id=self.project.next_id("spans"),
            fact_id=self.project.next_id(table) if table else None,
            label_title=label.title, doc_spans=self.view.spans() if table else (),
        )
        if self.doc.status == "todo":
            edit = combine(edit.label, [edit, set_status(self.doc, "in_progress")])
        if not self._apply_own(edit):
            return None
        self._last_tag = edit
        span = Span.from_row(dict(edit.changes[0].after))
        self.view.add_span(span)
        self.view.clear_selection()
        self.spans_shown.emit()
        if self.spread and label_name in SPREAD_LABELS:
            QTimer.singleShot(0, lambda: self.spread_span(span))  # after the new highlight is painted
        return span

    def spread_span(self, span: Span) -> int:
        """Propose span's label for every other occurrence of its text in the project (one undo step)."""
        edit = spread_edit(self.project, span)
        if not edit.changes or not self.session.extend_last(edit, after=self._last_tag):
            return 0
        documents = len({change.after["doc_id"] for change in edit.changes})
        self.message.emit(self.tr("“{0}”另有 {1} 处（{2} 篇文章），已列入建议。").format(span.text, len(edit.changes), documents))
        return len(edit.changes)

    # -- suggestions under the caret ------------------------------------------------------------

    def suggestion_at_caret(self) -> Span | None:
        span = self.view.selected_span()
        if span is not None and span.origin == "suggested":
            return span
        caret = self.view.selection()[0]
        return next((s for s in self.view.spans_at(caret) if s.origin == "suggested"), None)

    def accept_suggestion(self) -> bool:
        """Enter: the suggestion under the caret becomes an annotation (with its fact row)."""
        span = self.suggestion_at_caret()
        if span is None or self.doc is None:
            self.message.emit(self.tr("光标处没有建议。"))
            return False
        return self._apply_and_show(review.accept_edit(self.project, span, label_title=self._title(span.label)))

    def accept_all_like_caret(self) -> bool:
        """Shift+Enter: every suggestion of the caret suggestion's label in this document, one undo step."""
        span = self.suggestion_at_caret()
        if span is None or self.doc is None:
            self.message.emit(self.tr("光标处没有建议。"))
            return False
        same = [s for s in self.view.spans() if s.origin == "suggested" and s.label == span.label]
        title = self._title(span.label)
        name = self.tr("接受全部 {0}（{1} 处）").format(title, len(same))
        return self._apply_and_show(review.accept_all_edit(self.project, same, label_title=title, name=name))

    def _apply_and_show(self, edit) -> bool:
        """Apply, and show the result at once (the next key may act on it)."""
        done = self._apply_own(edit)
        if done:
            self.reconcile()
        return done

    def _title(self, label_name: str) -> str:
        return self.labels[label_name].title if label_name in self.labels else label_name

    def delete_selected_span(self, parent: QWidget | None = None) -> bool:
        """Delete or Backspace: a suggestion is rejected (and remembered), an annotation deleted."""
        span = self.view.selected_span()
        if span is None or self.doc is None:
            self.message.emit(self.tr("没有选中的标注。"))
            return False
        if span.origin == "suggested":
            return self._apply_and_show(review.reject_edit(self.project, span, label_title=self._title(span.label)))
        facts = self.project.facts_citing(span)
        citing = [row for _table, row in facts if span.id in row["span_ids"]]
        if any(row.get("edited") == 1 for row in citing):
            answer = QMessageBox.question(
                parent, self.tr("删除标注"),
                self.tr("引用这段文字的事实行已被人工修改过。仍然删除这条标注吗？"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                return False
        title = self.labels[span.label].title if span.label in self.labels else span.label
        if not self._apply_own(delete_span(span, facts=facts, label_title=title)):
            return False
        self.view.remove_span(span)
        self.spans_shown.emit()
        return True

    def _apply_own(self, edit) -> bool:
        self._applying_own_edit = True
        try:
            return self.session.apply(edit)
        finally:
            self._applying_own_edit = False

    # -- status --------------------------------------------------------------------------

    def set_status(self, status: str) -> bool:
        if self.doc is None:
            return False
        edit = set_status(self.doc, status, label=self.tr("状态：{0}").format(status_title(status)))
        return self.session.apply(edit)

    def refresh_labels(self) -> None:
        try:
            self.labels = {label.name: label for label in self.project.labels()}
        except ProjectError as exc:
            self.message.emit(str(exc))
