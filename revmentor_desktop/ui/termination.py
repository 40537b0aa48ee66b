"""SIGTERM (logout, shutdown, ``kill``) closes the window exactly as File → Quit does.

Python runs a signal handler only when the interpreter next gets control, which in Qt's event
loop may be never. So the handler does nothing itself: ``signal.set_wakeup_fd`` writes the
signal's number to a socket, and a ``QSocketNotifier`` on the other end wakes the event loop,
which closes any dialog open in front of the window (as Escape would) and then the window:
settings saved, close-time backup, checkpoint, lock released.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class CloseOnTermination(QObject):
    """Installed once the window is shown; lives as long as the window (its parent)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._receiver, self._sender = socket.socketpair()
        for end in (self._receiver, self._sender):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wake_up)
        signal.set_wakeup_fd(self._sender.fileno())
        signal.signal(signal.SIGTERM, _note_termination)
        self.destroyed.connect(_restore_default_handling)

    def _on_wake_up(self) -> None:
        try:
            received = self._receiver.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM in received:
            _dismiss_open_dialogs()
            self._window.close()


def _dismiss_open_dialogs() -> None:
    """Reject every dialog open in front of the window, innermost first, as Escape would: no
    question is taken as answered, and nothing is saved behind a closed data file."""
    while isinstance(modal := QApplication.activeModalWidget(), QDialog):
        modal.reject()
        modal.hide()  # a dialog that refuses to reject still leaves the way to the window


def _note_termination(_signal_number: int, _frame: object) -> None:
    """Replaces the default handler (which would end the process at once); the window is
    closed by ``CloseOnTermination`` from the event loop."""


def _restore_default_handling() -> None:
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
