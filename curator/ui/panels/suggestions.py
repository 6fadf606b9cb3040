"""The 建议 panel: suggestions awaiting review, one key to accept or reject, and the suggestion run."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.core.edits import Edit, combine
from curator.core.model import Span
from curator.services import reviewing
from curator.services.suggesting import proposals_edit
from curator.ui.panels.common import (
    SpanListReactions,
    fit_columns,
    table_view,
)
from curator.ui.panels.delegates import SuggestionDelegate
from curator.ui.panels.readings import score_of
from curator.ui.panels.suggestion_filter import LabelProxy, below, passes
from curator.ui.panels.learning import Learner
from curator.ui.panels.span_model import SpanTableModel
from curator.ui.panels.suggest_run import RunSignals, SuggestionRun
from curator.ui.session import Session
from curator.ui.settings import Settings

SOURCE = "rules"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REJECT_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
TEXT_COLUMN, DETAIL_COLUMN, SCORE_COLUMN = 1, 2, 4  # of SUGGESTION_COLUMNS


class SuggestionsPanel(SpanListReactions, QWidget):
    """Pending suggestions (spans with origin 'suggested') of the current document, grouped by label."""

    evidence_requested = Signal(int, int)  # code-point start, end of the activated suggestion
    suggestion_focused = Signal(int)  # span id of the current suggestion
    FOCUS_SIGNAL = "suggestion_focused"
    run_finished = Signal(int)  # how many new suggestions a run stored
    message = Signal(str)  # for the window's status bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)  # first child: deleted first, so it waits for a running worker
        self.pool.setMaxThreadCount(1)
        self.session = session
        self.model = SpanTableModel(session, suggested_only=True, parent=self)
        self.proxy = LabelProxy(self)
        self.proxy.setSourceModel(self.model)
        self._run: SuggestionRun | None = None
        self._quiet = False  # the current row follows the article: do not send it back there
        self._signals: RunSignals | None = None

        self.settings = Settings()
        self.label_filter = QComboBox(self)
        self.label_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label_filter.currentIndexChanged.connect(lambda _: self.proxy.set_label(self.label_filter.currentData()))
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setValue(self.settings.min_score())
        self.min_score.setToolTip(self.tr("隐藏分数低于此值的建议（规则和学习的建议都带分数）"))
        self.proxy.set_min_score(self.min_score.value())
        self.min_score.valueChanged.connect(self._set_min_score)
        score_caption = QLabel(self.tr("最低分数"), self)
        score_caption.setBuddy(self.min_score)
        self.hidden_note = QLabel(self)
        self.hidden_note.setStyleSheet("color: palette(mid);")
        self.suggest_button = QPushButton(self.tr("建议"), self)
        self.suggest_button.setToolTip(self.tr("用规则为本文找出可能的标注"))
        self.suggest_button.clicked.connect(self.suggest_document)
        self.learn_button = QPushButton(self.tr("学习"), self)
        self.learn_button.setToolTip(self.tr("从已接受的标注学习，为本文提出更多建议（带分数）；之后随标注自动重新学习"))
        self.learn_button.clicked.connect(self.learn_document)
        self.learner = Learner(session, self)
        self.learner.trained.connect(self._learned)
        self.learner.failed.connect(lambda text: self._say(self.tr("学习失败：{0}").format(text)))
        self.project_button = QPushButton(self.tr("全部文档"), self)
        self.project_button.setToolTip(self.tr("为项目中的每一篇文章生成建议"))
        self.project_button.clicked.connect(self.suggest_project)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v / %m 篇"))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_run)
        self.view = table_view(self, self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setItemDelegateForColumn(TEXT_COLUMN, SuggestionDelegate(DETAIL_COLUMN, self.view))
        self.view.verticalHeader().setDefaultSectionSize(SuggestionDelegate.row_height(self.view.fontMetrics()))
        self.view.verticalHeader().hide()
        self.view.setColumnHidden(DETAIL_COLUMN, True)  # the delegate shows the reading under the text
        fit_columns(self.view, {0: "数据＃", 3: "第00段", 4: "0.00"}, stretch=TEXT_COLUMN)  # ＃: the swatch
        self.view.horizontalHeader().setMinimumSectionSize(36)
        self.view.installEventFilter(self)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(self._focus)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: palette(mid);")

        accept = self._tool(self.tr("接受"), self.tr("接受当前建议（Enter）"), self.accept_current)
        reject = self._tool(self.tr("拒绝"), self.tr("拒绝当前建议，以后不再提出（Backspace）"), self.reject_current)
        accept_all = self._tool(self.tr("全部接受"), self.tr("接受本文中与当前建议同一标签的全部建议（Shift+Enter）"),
                                lambda: self.accept_all_of_label(self.current_label()))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (self.suggest_button, self.learn_button, self.project_button, self.progress, self.cancel_button):
            top.addWidget(widget)
        top.addStretch(1)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label_filter, score_caption, self.min_score, self.hidden_note):
            filters.addWidget(widget)
        filters.addStretch(1)
        keys = QHBoxLayout()
        keys.setContentsMargins(0, 0, 0, 0)
        for widget in (accept, reject, accept_all):
            keys.addWidget(widget)
        keys.addStretch(1)
        keys.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(keys)

        self.model.modelReset.connect(self._update_labels)
        for signal in (self.model.modelReset, self.model.dataChanged, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_scores)
        session.changed.connect(self._on_changed)
        self._set_running(False)
        self._update_labels()
        self._update_scores()

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- the document --------------------------------------------------------------------

    def set_document(self, doc_id: int | None) -> None:
        self.model.set_document(doc_id)
        self._make_current(0)
        if self._run is None:  # a finished run's "新增 N 条建议" was about the article it ran on
            self.status.setText("")

    def select_rows_for_span(self, span_id: int) -> None:
        """Make the suggestion span_id current (a click on it in the article), without flashing it there."""
        row = self.model.row_of(span_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            return
        self._quiet = True
        try:
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._quiet = False

    def current_span(self) -> Span | None:
        index = self.view.currentIndex()
        return self.model.span_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def current_label(self) -> str | None:
        span = self.current_span()
        return span.label if span else None

    # -- review --------------------------------------------------------------------------

    def accept_current(self) -> bool:
        span = self.current_span()
        if span is None:
            return False
        return self._apply_keeping_row(reviewing.accept(self.session.project, span, annotator=self.session.annotator))

    def reject_current(self) -> bool:
        span = self.current_span()
        if span is None:
            return False
        return self._apply_keeping_row(reviewing.reject(self.session.project, span))

    def accept_all_of_label(self, label: str | None) -> bool:
        """Every suggestion of label in this document that the list shows, accepted as one undo step."""
        spans = [s for s in self.model.spans() if s.label == label and passes(s, self.proxy.min_score)]
        if not spans:
            return False
        title = self.model.label_title(label)
        name = self.tr("接受全部 {0}（{1} 处）").format(title, len(spans))
        return self._apply_keeping_row(reviewing.accept_all(self.session.project, spans, annotator=self.session.annotator, name=name))

    def _apply_keeping_row(self, edit: Edit) -> bool:
        row = max(0, self.view.currentIndex().row())
        done = self.session.apply(edit)
        self._make_current(row)  # the row that slid into place is the next suggestion
        self.view.setFocus()
        return done

    def _make_current(self, row: int) -> None:
        count = self.proxy.rowCount()
        if count:
            self.view.setCurrentIndex(self.proxy.index(min(row, count - 1), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The review keys act on this list even when the window binds the same keys for the article.
        if watched is self.view and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in ENTER_KEYS and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier) \
                    or key in REJECT_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
                if event.type() == QEvent.Type.KeyPress:
                    if key in REJECT_KEYS:
                        self.reject_current()
                    elif modifiers == Qt.KeyboardModifier.ShiftModifier:
                        self.accept_all_of_label(self.current_label())
                    else:
                        self.accept_current()
                event.accept()
                return True
        return super().eventFilter(watched, event)

    # -- running the rules ---------------------------------------------------------------

    def suggest_document(self) -> None:
        if self.model.doc_id is not None:
            doc = self.session.project.document(self.model.doc_id)
            self._start([(doc.id, doc.text)])

    def learn_document(self) -> None:
        """学习: the learned suggester's suggestions for this article (training first when needed)."""
        if self.model.doc_id is None or self.session.read_only:
            return
        if not self.learner.current:
            self._say(self.tr("正在学习…"))
        if not self.learner.suggest(self.model.doc_id):
            self._say(self.tr("还没有已接受的标注可供学习：先标注或接受一些建议。"))

    def _learned(self, model, count: int) -> None:
        if count < 0:
            return  # retrained in the background: nothing to say until asked
        if model is None:
            self._say(self.tr("已接受的标注还不够学习。"))
            return
        self._say(self.tr("学习建议：新增 {0} 条（依据 {1} 篇文章中的 {2} 个标注）").format(count, model.documents, model.spans))
        if count and self.view.currentIndex().row() < 0:
            self._make_current(0)

    def suggest_project(self) -> None:
        project = self.session.project
        self._start([(d.id, project.document(d.id).text) for d in project.documents()])

    def cancel_run(self) -> None:
        if self._run is not None:
            self._run.cancel()
            self.status.setText(self.tr("正在取消…"))

    def is_running(self) -> bool:
        return self._run is not None

    def _start(self, documents: list[tuple[int, str]]) -> None:
        if self._run is not None or self.session.read_only or not documents:
            return
        from curator.core.suggest import LABELS

        known = {label.name for label in self.session.project.labels()}
        self._signals = RunSignals()
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._store_results)
        self._signals.failed.connect(self._run_failed)
        self._run = SuggestionRun(documents, [name for name in LABELS if name in known], self._signals)
        self.progress.setRange(0, len(documents))
        self.progress.setValue(0)
        self._set_running(True, whole_project=len(documents) > 1)
        self.status.setText(self.tr("正在生成建议…"))
        self.pool.start(self._run)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _store_results(self, results: dict, cancelled: bool) -> None:
        """On the GUI thread: keep what is new and not rejected, store it as one undo step."""
        self._finish_run()
        if cancelled:
            self._say(self.tr("已取消，未保存任何建议。"))
            self.run_finished.emit(0)
            return
        project = self.session.project
        edits, count = [], 0
        for doc_id, suggestions in results.items():
            edit = proposals_edit(project, project.document(doc_id), suggestions, source=SOURCE, label="")
            if edit:
                edits.append(edit)
                count += len(edit.changes)
        if edits:
            self.session.apply(combine(self.tr("建议 {0} 处").format(count), edits))
            if self.view.currentIndex().row() < 0:
                self._make_current(0)
        self._say(self.tr("新增 {0} 条建议。").format(count) if count else self.tr("没有新的建议。"))
        self.run_finished.emit(count)

    def _run_failed(self, text: str) -> None:
        self._finish_run()
        self._say(self.tr("生成建议失败：{0}").format(text))
        self.run_finished.emit(0)

    def _finish_run(self) -> None:
        self._run = None
        self._signals = None
        self._set_running(False)

    def _set_running(self, running: bool, *, whole_project: bool = False) -> None:
        self.suggest_button.setEnabled(not running)
        self.project_button.setEnabled(not running)
        self.progress.setVisible(running and whole_project)
        self.cancel_button.setVisible(running)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    # -- reacting ------------------------------------------------------------------------

    def _set_min_score(self, value: float) -> None:
        self.proxy.set_min_score(value)
        self.settings.set_min_score(value)
        self._update_scores()
        if not self.view.currentIndex().isValid():
            self._make_current(0)

    def _update_scores(self, *args) -> None:
        """The 分数 column shows only when some suggestion has a score below 1; say how many the threshold hides."""
        scores = [score for score in map(score_of, self.model.spans()) if score is not None]
        self.view.setColumnHidden(SCORE_COLUMN, not any(score < 1.0 for score in scores))
        hidden = sum(1 for score in scores if below(score, self.proxy.min_score))
        self.hidden_note.setText(self.tr("隐藏 {0} 条").format(hidden) if hidden else "")

    def _update_labels(self) -> None:
        """The label filter lists the labels that have suggestions here, with their counts."""
        counts: dict[str, int] = {}
        for span in self.model.spans():
            counts[span.label] = counts.get(span.label, 0) + 1
        chosen = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(self.tr("全部标签（{0}）").format(self.model.rowCount()), None)
        for label in self.session.project.labels():
            if label.name in counts:
                self.label_filter.addItem(f"{label.title}（{counts[label.name]}）", label.name)
        found = self.label_filter.findData(chosen)
        self.label_filter.setCurrentIndex(max(0, found))
        self.label_filter.blockSignals(False)
        if found < 0 and chosen is not None:
            self.proxy.set_label(None)
