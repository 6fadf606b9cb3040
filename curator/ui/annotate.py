"""The annotator's actions on the current document, as the window calls them.

Each asks a use case in curator.services (annotating, reviewing) for its Edit and hands it to
the session; the article view is updated at once for the annotator's own spans (re-reading
5,000 spans would cost ~40 ms), and reconciled with the store after any other change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from curator.core.edits import Edit
from curator.core.model import Document, Label, Span
from curator.services import annotating, reviewing
from curator.store import ProjectError
from curator.ui.article_view import ArticleView
from curator.ui.review import ask_pending
from curator.ui.session import Session
from curator.ui.texts import status_title

FINISHED = ("done", "reviewed")


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
        tagged = annotating.tag(self.project, self.doc.id, start, end, label_name, annotator=self.session.annotator,
                                words=self.snap_words, quotes=self.snap_quotes, doc=self.doc)
        if tagged.duplicate:
            self.message.emit(self.tr("这段文字已经标注为“{0}”。").format(self.labels[label_name].title))
            return None
        if tagged.span is None or not self._apply_own(tagged.edit):
            return None
        self._last_tag = tagged.edit
        span = tagged.span
        self.view.add_span(span)
        self.view.clear_selection()
        self.spans_shown.emit()
        if self.spread and annotating.spreads(label_name):
            QTimer.singleShot(0, lambda: self.spread_span(span))  # after the new highlight is painted
        return span

    def spread_span(self, span: Span) -> int:
        """Propose span's label for every other occurrence of its text in the project (one undo step)."""
        edit = annotating.spread(self.project, span)
        if not edit.changes or not self.session.extend_last(edit, after=self._last_tag):
            return 0
        documents = len({change.after["doc_id"] for change in edit.changes})
        self.message.emit(self.tr("“{0}”另有 {1} 处（{2} 篇文章），已列入建议。").format(span.text, len(edit.changes), documents))
        return len(edit.changes)

    # -- suggestions under the caret ------------------------------------------------------------

    def suggestion_at_caret(self) -> Span | None:
        if self.doc is None:
            return None
        selected = self.view.selected_span()
        return reviewing.suggestion_at(self.project, self.doc.id, self.view.selection()[0],
                                       selected=selected.id if selected is not None else None)

    def accept_suggestion(self) -> bool:
        """Enter: the suggestion under the caret becomes an annotation (with its fact row)."""
        span = self.suggestion_at_caret()
        if span is None:
            self.message.emit(self.tr("光标处没有建议。"))
            return False
        return self._apply_and_show(reviewing.accept(self.project, span, annotator=self.session.annotator))

    def accept_all_like_caret(self) -> bool:
        """Shift+Enter: every suggestion of the caret suggestion's label in this document, one undo step."""
        span = self.suggestion_at_caret()
        if span is None:
            self.message.emit(self.tr("光标处没有建议。"))
            return False
        pending = reviewing.pending_suggestions(self.project, span.doc_id, label=span.label)
        name = self.tr("接受全部 {0}（{1} 处）").format(self._title(span.label), len(pending))
        return self._apply_and_show(reviewing.accept_all_of_label(
            self.project, span.doc_id, span.label, annotator=self.session.annotator, name=name))

    def resolve_pending(self, *, accept_them: bool) -> bool:
        """Every pending suggestion of this document accepted (or rejected), one undo step."""
        if self.doc is None:
            return False
        return self._apply_and_show(reviewing.resolve_pending(
            self.project, self.doc.id, accept_them=accept_them, annotator=self.session.annotator))

    def _apply_and_show(self, edit: Edit) -> bool:
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
        if not delete_spans(self.session, [span], parent):
            return False
        self.reconcile()
        return True

    def _apply_own(self, edit: Edit) -> bool:
        self._applying_own_edit = True
        try:
            return self.session.apply(edit)
        finally:
            self._applying_own_edit = False

    # -- status --------------------------------------------------------------------------

    def set_status(self, status: str) -> bool:
        if self.doc is None:
            return False
        label = self.tr("状态：{0}").format(status_title(status))
        return self.session.apply(annotating.change_status(self.project, self.doc.id, status, label=label))

    def mark_done(self, parent: QWidget | None = None) -> bool:
        """Ctrl+Enter: the article is done; suggestions still pending are asked about first
        (accept all, reject all, keep). False if the user cancelled."""
        if self.doc is None:
            return False
        if self.doc.status in FINISHED:
            return True
        pending = reviewing.pending_suggestions(self.project, self.doc.id)
        if pending:
            choice = ask_pending(parent, len(pending))
            if choice is None:
                return False
            if choice != "keep":
                self.resolve_pending(accept_them=choice == "accept")
        self.set_status("done")
        return True

    def refresh_labels(self) -> None:
        try:
            self.labels = {label.name: label for label in self.project.labels()}
        except ProjectError as exc:
            self.message.emit(str(exc))


def delete_spans(session: Session, spans: list[Span], parent: QWidget | None = None) -> bool:
    """Delete spans (the article's Delete, the 标注 panel's): suggestions are rejected and remembered;
    if a fact row citing one was edited by hand, ask first. One undo step; False if nothing was deleted."""
    project, stack = session.project, session.undo_stack
    confirmed = False
    deleted = 0
    if len(spans) > 1:
        stack.beginMacro(_tr("删除 {0} 个标注").format(len(spans)))
    try:
        for span in spans:  # one by one: each delete sees the facts as the previous one left them
            result = annotating.delete(project, span, confirmed=confirmed)
            if result.needs_confirmation:
                if not ask_delete_edited(parent):
                    continue
                confirmed = True
                result = annotating.delete(project, span, confirmed=True)
            if not session.apply(result.edit):
                break
            deleted += 1
    finally:
        if len(spans) > 1:
            stack.endMacro()
    return deleted > 0


def ask_delete_edited(parent: QWidget | None) -> bool:
    answer = QMessageBox.question(
        parent, _tr("删除标注"), _tr("引用这段文字的事实行已被人工修改过。仍然删除这条标注吗？"),
        QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
    )
    return answer == QMessageBox.Yes


def _tr(text: str) -> str:
    return QCoreApplication.translate("Annotator", text)
