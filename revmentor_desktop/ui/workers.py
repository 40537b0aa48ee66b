"""Long jobs off the GUI thread: a worker thread that reports progress and can be cancelled.

Only pure-Python work goes here (drawing a PDF from data already gathered): the data file's
connection belongs to the GUI thread, so nothing in a job may query the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

ProgressCallback = Callable[[int, int], None]
Job = Callable[[ProgressCallback], Any]


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class JobThread(QThread):
    """Runs ``job(progress)`` once; emits ``progressed``, then ``succeeded`` or ``failed``.

    ``cancel()`` asks the job to stop at its next progress report; ``cancelled`` is emitted
    instead of ``succeeded`` when it does.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as problem:  # reported to the user, never lost in a thread
            self.failed.emit(str(problem) or type(problem).__name__)
        else:
            self.succeeded.emit(result)
