"""The learned suggester in the window: trained in a worker on the project's accepted spans,
retrained a little after the annotator's work changes them, asked for one document at a time.

The examples are read on the GUI thread (the project's SQLite connection belongs to it); the
training itself (curator.services.learning.model_from_examples) touches no project and runs in a
QThreadPool worker, so the window never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from curator.core.edits import Edit
from curator.services.learning import TrainedModel, learned_suggestions, model_from_examples, training_examples
from curator.ui.session import Session

RETRAIN_AFTER_MS = 15_000  # after the last change to accepted spans


class _Signals(QObject):
    done = Signal(object, int)  # TrainedModel or None, the generation it was trained for
    failed = Signal(str)


class _Training(QRunnable):
    def __init__(self, examples: list, generation: int, signals: _Signals) -> None:
        super().__init__()
        self.examples, self.generation, self.signals = examples, generation, signals

    def run(self) -> None:
        try:
            self.signals.done.emit(model_from_examples(self.examples), self.generation)
        except Exception as exc:  # noqa: BLE001 - a training bug must reach the user, not kill the thread
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")


class Learner(QObject):
    """Holds the newest model; `suggest(doc_id)` trains first when the spans changed since."""

    trained = Signal(object, int)  # TrainedModel or None; suggestions offered (-1: a retraining nobody asked for)
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: TrainedModel | None = None
        self._generation = 0  # bumped by every change of spans; a model is current for its generation
        self._model_generation = -1
        self._waiting: list[int] = []  # documents to suggest for once the running training ends
        self._running = False
        self._stopped = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._trained)
        self._signals.failed.connect(self._failed)
        self._retrain = QTimer(self, singleShot=True, interval=RETRAIN_AFTER_MS, timeout=self.train)
        session.changed.connect(self._on_changed)

    @property
    def current(self) -> bool:
        return self.model is not None and self._model_generation == self._generation

    def _on_changed(self, tables: frozenset) -> None:
        if "spans" in tables:
            self._generation += 1
            if self.model is not None:  # once used, it keeps up with the annotator
                self._retrain.start()

    def train(self) -> bool:
        """Start training on the accepted spans as they are now; False when there are none."""
        self._retrain.stop()
        if self._stopped:
            return False
        if self._running:
            return True
        examples = training_examples(self.session.project)
        if not examples:
            return False
        self._running = True
        self.pool.start(_Training(examples, self._generation, self._signals))
        return True

    def suggest(self, doc_id: int) -> bool:
        """Offer the model's suggestions for doc_id, training first if needed (`trained` says how many);
        False if there is nothing to learn from."""
        if self.current:
            self.trained.emit(self.model, self._apply(doc_id))
            return True
        self._waiting.append(doc_id)
        if not self.train():
            self._waiting.clear()
            return False
        return True

    def _trained(self, model: TrainedModel | None, generation: int) -> None:
        self._running = False
        if self._stopped:
            return
        self.model, self._model_generation = model, generation
        waiting, self._waiting = self._waiting, []
        offered = sum(self._apply(doc_id) for doc_id in dict.fromkeys(waiting)) if waiting else -1
        self.trained.emit(model, offered)

    def _failed(self, text: str) -> None:
        self._running = False
        self._waiting.clear()
        self.failed.emit(text)

    def _apply(self, doc_id: int) -> int:
        if self.model is None or self.session.read_only:
            return 0
        edit: Edit = learned_suggestions(self.session.project, doc_id, self.model)
        if edit and not self.session.apply(edit):
            return 0
        return len(edit.changes)

    def stop(self) -> None:
        """No more reading from the project (it is about to close): a training still running is let finish, unused."""
        self._stopped = True
        self._retrain.stop()
        self._waiting.clear()
        self.pool.waitForDone()
