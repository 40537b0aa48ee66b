"""Undo and redo for every change made in the window, over the domain's ``Edit`` records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.irreversible import IrreversibleChange


def undo_keys() -> list[QKeySequence]:
    """The keys of Undo, declared once: the Edit menu binds them and messages name them.
    (A function: the platform's standard keys are known only once the application runs.)"""
    return [QKeySequence(QKeySequence.StandardKey.Undo)]


def redo_keys() -> list[QKeySequence]:
    return [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]


def key_text(keys: Sequence[QKeySequence]) -> str:
    """Keys as this platform writes them in menus ("Ctrl+Z", "⌘Z"; "Ctrl+Shift+Z or Ctrl+Y"):
    the one wording of keys for messages, the guide and its table of shortcuts."""
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(sequence.toString(native) for sequence in keys)


def undo_key_text() -> str:
    """The key of Undo, for sentences that promise it ("Ctrl+Z undoes this")."""
    return key_text(undo_keys())


def done_message(edit: Edit) -> str:
    """What the status bar says once an edit is made: "Pair activated — Ctrl+Z to undo"."""
    return f"{edit.outcome} — {undo_key_text()} to undo"


def undone_message(edit: Edit) -> str:
    return f"Undone: {edit.outcome} — {key_text(redo_keys()[:1])} to redo"


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
        if self._refused(edits.redo):
            return
        self._stack.data_changed.emit()
        self._stack.message.emit(done_message(self._edit))

    def undo(self) -> None:
        if self._refused(edits.undo):
            return
        self._stack.data_changed.emit()
        self._stack.message.emit(undone_message(self._edit))

    def _refused(self, step: Callable[[Edit], None]) -> bool:
        """Take ``step``; when another coordinator changed the edit's rows since, leave their
        change, drop this edit from the history (it can no longer be taken back) and say so."""
        try:
            step(self._edit)
        except edits.LaterChangeKept as refusal:
            self.setObsolete(True)
            self._stack.data_changed.emit()
            self._stack.refused.emit(str(refusal))
            return True
        return False


class EditStack(QObject):
    """The window's history of edits. Views refresh when ``data_changed`` fires; ``message``
    says what an edit did and how to undo it, for the status bar (so no caller words it);
    ``refused`` says why an undo or redo was not made (the window shows it in a message box).

    Nothing outside clears the history: it drops itself when an irreversible change is pushed
    and when another data file is opened (``forget_history``, connected to the file session).
    """

    data_changed = Signal()
    message = Signal(str)
    refused = Signal(str)  # undo or redo left another coordinator's later change in place

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
        if isinstance(change, Edit):
            self.message.emit(done_message(change))

    def forget_history(self) -> None:
        """Another data file is open: the edits so far belong to the one that was closed."""
        self.undo_stack.clear()
