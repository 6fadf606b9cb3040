"""The open project as the window sees it: one QUndoStack, one signal for what changed.

Every change is an Edit pushed here; widgets refresh from `changed(tables)`, never
from each other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from curator.core.edits import Edit, combine
from curator.services.identity import annotator_for
from curator.store import Project, ProjectError


class EditCommand(QUndoCommand):
    def __init__(self, session: Session, edit: Edit) -> None:
        super().__init__(edit.label)
        self._session = session
        self.edit = edit
        self.succeeded = False

    def redo(self) -> None:
        self.succeeded = self._session._commit(self.edit)
        if not self.succeeded:
            self.setObsolete(True)  # the stack drops it: undo never replays what did not happen

    def undo(self) -> None:
        if not self._session._commit(self.edit.inverse()):
            self.setObsolete(True)


class Session(QObject):
    """Project + undo stack. `apply(edit)` returns once the edit is on disk."""

    changed = Signal(frozenset)  # names of the tables an edit (or its undo) changed
    failed = Signal(str)  # a message for the user when an edit could not be saved

    def __init__(self, project: Project, parent: QObject | None = None, *, annotator: str = "") -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self._last: EditCommand | None = None  # the newest command this session pushed
        self._chosen_annotator = annotator

    @property
    def annotator(self) -> str:
        """The name this session's edits carry: a work package's annotator, else the user's chosen name."""
        return annotator_for(self.project, self._chosen_annotator)

    @property
    def annotator_fixed(self) -> bool:
        """True in a work package: its annotator is used whoever opens it."""
        return bool(self.project.package_annotator())

    def set_annotator(self, name: str) -> None:
        self._chosen_annotator = name

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    def apply(self, edit: Edit) -> bool:
        """Commit edit and put it on the undo stack; False (and `failed` emitted) if not saved."""
        if not edit.changes:
            return False
        if self.read_only:
            self.failed.emit(self.tr("项目以只读方式打开，修改未保存。"))
            return False
        command = EditCommand(self, edit)
        self.undo_stack.push(command)
        self._last = command if command.succeeded else None
        return command.succeeded

    def extend_last(self, edit: Edit, *, after: Edit) -> bool:
        """Commit edit as part of the undo step that applied `after`, if that step is still the newest.

        For work that follows an action at once but is computed a moment later (spreading a tag
        to its other occurrences): one Ctrl+Z then undoes both. If `after` was undone or other
        steps came since, nothing is applied (False).
        """
        last = self._last
        on_top = last is not None and self.undo_stack.index() == self.undo_stack.count() and last.edit is after
        if not on_top or not edit.changes or self.read_only:
            return False
        if not self._commit(edit):
            return False
        last.edit = combine(after.label, [after, edit])
        return True

    def _commit(self, edit: Edit) -> bool:
        try:
            tables = self.project.apply(edit)
        except ProjectError as exc:
            self.failed.emit(str(exc))
            return False
        self.changed.emit(tables)
        return True
