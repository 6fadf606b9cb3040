"""Running the suggestion rules off the GUI thread.

The worker only computes (core.suggest is pure); the panel writes the results on the GUI
thread, because the project's sqlite connection belongs there.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class RunSignals(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls to the panel."""

    progress = Signal(int, int)  # documents done, documents in all
    finished = Signal(object, bool)  # {doc_id: [Suggestion, ...]}, cancelled
    failed = Signal(str)


class SuggestionRun(QRunnable):
    """Suggestions for (doc_id, text) pairs; stops between documents when cancelled."""

    def __init__(self, documents: Sequence[tuple[int, str]], labels: Sequence[str] | None, signals: RunSignals) -> None:
        super().__init__()
        self.documents = list(documents)
        self.labels = None if labels is None else list(labels)
        self.signals = signals
        self.cancelled = threading.Event()
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            from curator.core.suggest import suggest

            results: dict[int, list[Any]] = {}
            total = len(self.documents)
            for done, (doc_id, text) in enumerate(self.documents, start=1):
                if self.cancelled.is_set():
                    break
                results[doc_id] = suggest(text, self.labels)
                self.signals.progress.emit(done, total)
            self.signals.finished.emit(results, self.cancelled.is_set())
        except Exception as exc:  # noqa: BLE001 - a rule's bug must reach the user, not kill the thread
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
