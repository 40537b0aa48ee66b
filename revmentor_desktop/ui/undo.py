"""Undo and redo for every change made in the window, over the domain's ``Edit`` records."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.irreversible import IrreversibleChange


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
    """The window's history of edits. Views refresh when ``data_changed`` fires.

    Nothing outside clears the history: it drops itself when an irreversible change is pushed
    and when another data file is opened (``forget_history``, connected to the file session).
    """

    data_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)

    def push(self, change: Edit | IrreversibleChange) -> None:
        """Record a change that has just been made: an edit, so it can be undone, or a change
        that cannot be, after which no earlier edit can be undone either."""
        if isinstance(change, IrreversibleChange):
            self.undo_stack.clear()
        else:
            self.undo_stack.push(_EditCommand(change, self))
        self.data_changed.emit()

    def forget_history(self) -> None:
        """Another data file is open: the edits so far belong to the one that was closed."""
        self.undo_stack.clear()
