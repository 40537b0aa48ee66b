"""Long jobs off the GUI thread: a worker thread that reports progress and can be cancelled.

Only pure-Python work goes here (drawing a PDF from data already gathered): the data file's
connection belongs to the GUI thread, so nothing in a job may query the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QDialog

from revmentor_desktop.domain.progress import Progress

Job = Callable[[Progress], Any]


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


class DialogJob(QObject):
    """One job at a time for a dialog, which never outlives it: the thread is stopped (and
    waited for) before ``succeeded`` or ``failed`` is called, and when the dialog closes."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.thread: JobThread | None = None
        dialog.finished.connect(self.stop)

    def start(
        self,
        job: Job,
        *,
        progressed: Callable[[int, int], None],
        succeeded: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        self.stop()
        thread = JobThread(job, self)
        thread.progressed.connect(progressed)
        thread.succeeded.connect(lambda result: self._then(succeeded, result))
        thread.failed.connect(lambda message: self._then(failed, message))
        self.thread = thread
        thread.start()

    def _then(self, handler: Callable[[Any], None], outcome: object) -> None:
        self.stop()  # the thread is returning from run(): wait for it, then hand over
        handler(outcome)

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()
            self.thread = None
