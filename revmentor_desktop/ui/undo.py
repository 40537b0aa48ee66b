"""Undo and redo for every change made in the window, over the domain's ``Edit`` records."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.edits import Edit


class _EditCommand(QUndoCommand):
    def __init__(self, edit: Edit, stack: EditStack) -> None:
        super().__init__(edit.description)
        self._edit = edit
        self._stack = stack
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:  # the edit was made before it was pushed
            self._already_applied = False
            return
        edits.redo(self._edit)
        self._stack.data_changed.emit()

    def undo(self) -> None:
        edits.undo(self._edit)
        self._stack.data_changed.emit()


class EditStack(QObject):
    """The window's history of edits. Views refresh when ``data_changed`` fires."""

    data_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)

    def push(self, edit: Edit) -> None:
        """Record an edit that has just been made, so it can be undone."""
        self.undo_stack.push(_EditCommand(edit, self))
        self.data_changed.emit()

    def clear(self) -> None:
        self.undo_stack.clear()
