"""A progress bar and a Stop button for one job at a time in a worker thread.

The thread never outlives the widget's owner: it is stopped and waited for before the job's
outcome is handed on, and whenever ``stop`` is called (a new job, the dialog closing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from revmentor_desktop.ui.workers import Job, JobThread


@dataclass(frozen=True)
class Running:
    """What is said and done about the job in the worker thread."""

    step: str  # the progress bar's words, as in "Pair 3 of 20"
    done: Callable[[Any], None]  # given the job's result
    stopped: str  # said when Stop was pressed
    failed: str  # said before the reason when the job failed


class JobProgress(QWidget):
    ended_without_result = Signal(str)  # the sentence to show: stopped, or failed and why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: JobThread | None = None
        self._running: Running | None = None
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.stop_button = QPushButton("&Stop")
        self.stop_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.stop_button)

    def start(self, job: Job, running: Running) -> None:
        self.show()
        self.bar.setRange(0, 0)
        thread = JobThread(job, self)
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_succeeded)
        thread.failed.connect(self._on_failed)
        thread.cancelled.connect(self._on_cancelled)
        self.worker, self._running = thread, running
        thread.start()

    def cancel(self) -> None:
        """Ask the job to stop; it says so through ``ended_without_result``."""
        if self.worker is not None:
            self.worker.cancel()

    def stop(self) -> None:
        """Stop the job, if one runs, and wait for its thread; nothing more is heard from it."""
        thread, self.worker, self._running = self.worker, None, None
        if thread is None:
            return
        thread.cancel()
        for signal in (thread.progressed, thread.succeeded, thread.failed, thread.cancelled):
            signal.disconnect()
        thread.wait()
        thread.deleteLater()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 1 and self._running is not None:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{self._running.step} {min(done + 1, total)} of {total}")

    def _finish(self) -> Running:
        running = self._running
        assert running is not None
        self.stop()  # it is returning from run(); wait so it never outlives the dialog
        self.hide()
        return running

    def _on_succeeded(self, result: object) -> None:
        self._finish().done(result)

    def _on_failed(self, message: str) -> None:
        self.ended_without_result.emit(f"{self._finish().failed}: {message}")

    def _on_cancelled(self) -> None:
        self.ended_without_result.emit(self._finish().stopped)
