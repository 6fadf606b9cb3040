"""Running the suggestion rules off the GUI thread.

The worker only computes (core.suggest is pure); the panel writes the results on the GUI
thread, because the project's sqlite connection belongs there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

Key = tuple[int, int, str]  # start, end, label


def new_proposals(suggestions: Iterable[Any], *, present: set[Key], rejected: set[Key],
                  labels: Iterable[str] | None = None) -> list[tuple[int, int, str, dict[str, Any]]]:
    """Suggestions worth storing: not already a span with the same start/end/label, never rejected here."""
    wanted = None if labels is None else set(labels)
    fresh: list[tuple[int, int, str, dict[str, Any]]] = []
    seen = set(present) | set(rejected)
    for s in suggestions:
        key = (s.start, s.end, s.label)
        if key in seen or (wanted is not None and s.label not in wanted):
            continue
        seen.add(key)
        fresh.append((s.start, s.end, s.label, dict(s.attrs)))
    return fresh


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
