"""Print agreement…, Progress summary…, Cohort report…: make a PDF, preview it, save or print.

The data is gathered from the domain on the GUI thread (a fraction of a second even for a
500-pair cohort); drawing the PDF, the slow part, runs in a worker thread with progress. This
PySide6 build has no QtPdf, so the preview describes the document and "Open in viewer" shows
the real pages in the system's PDF viewer; "Print…" sends the PDF to a printer through the
operating system (CUPS ``lp`` or the Windows print verb), falling back to the viewer.

The kinds of document, with their data, titles and file names, come from
``revmentor_desktop.reports.registry``; the main window opens one with ``show_document``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.reports.registry import Document, DocumentKind, Request
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize
from revmentor_desktop.ui.workers import JobThread, ProgressCallback


def prepare(
    context: AppContext,
    kind: DocumentKind[Any],
    target_id: int,
    include_private_notes: bool = False,
    locale_name: str | None = None,
) -> Document[Any]:
    """Gather the data for a document (GUI thread); drawing it may then run in any thread."""
    request = Request(include_private_notes, context.clock, locale_name)
    return kind.gather_document(target_id, request)


def _drawing_job(document: Document[Any]) -> Callable[[ProgressCallback], bytes]:
    def draw(progress: ProgressCallback) -> bytes:
        buffer = io.BytesIO()
        document.render(buffer, progress)
        return buffer.getvalue()

    return draw


class DocumentDialog(RemembersSize, QDialog):
    """Makes one document in the background, then offers Open in viewer, Save as… and Print…."""

    def __init__(
        self,
        context: AppContext,
        kind: DocumentKind[Any],
        target_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.target_id = target_id
        self.pdf: bytes | None = None
        self.prepared: Document[Any] | None = None
        self._thread: JobThread | None = None
        self._temporary: list[Path] = []
        self.setWindowTitle("Document")

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.private_notes = QCheckBox("Include &coordinator-only notes (not for the partners)")
        self.private_notes.setVisible(kind.offers_private_notes)
        self.private_notes.toggled.connect(self.generate)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName("Document preview")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("&Stop")
        self.cancel_button.clicked.connect(self.cancel)

        self.view_button = QPushButton("&Open in viewer")
        self.save_button = QPushButton("&Save as…")
        self.print_button = QPushButton("&Print…")
        self.view_button.clicked.connect(self.open_in_viewer)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.view_button, self.save_button, self.print_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.private_notes)
        layout.addWidget(self.preview, 1)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.height() * 26)
        self._set_ready(False)

    # Generating

    def generate(self) -> None:
        """Gather the data and start drawing; a running job is cancelled first."""
        self._stop_thread()
        self.pdf = None
        self._set_ready(False)
        try:
            with _wait_cursor():
                self.prepared = prepare(
                    self.context,
                    self.kind,
                    self.target_id,
                    self.private_notes.isChecked(),
                    QLocale().name(),
                )
        except DomainError as problem:
            self.prepared = None
            self.heading.setText("This document cannot be made")
            self.status.setText(str(problem))
            self.progress.hide()
            self.cancel_button.hide()
            return
        self.setWindowTitle(self.prepared.title)
        self.heading.setText(self.prepared.title)
        self.preview.setHtml(self.prepared.preview)
        self.status.setText("Preparing the PDF…")
        self.progress.show()
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        thread = JobThread(_drawing_job(self.prepared), self)
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_done)
        thread.failed.connect(self._on_failed)
        thread.cancelled.connect(self._on_cancelled)
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        if self._thread is not None:
            self._thread.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 1:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"Pair {done + 1} of {total}")

    def _on_done(self, pdf: bytes) -> None:
        self._stop_thread()  # it is returning from run(); wait so it never outlives the dialog
        self.pdf = pdf
        pages = page_count(pdf)
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(f"Ready: {plural(pages, 'page')}, {len(pdf) / 1024:.0f} KB.")
        self._set_ready(True)

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(f"The PDF could not be made: {message}")

    def _on_cancelled(self) -> None:
        self._stop_thread()
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText("Stopped; nothing was made.")

    def _set_ready(self, ready: bool) -> None:
        for button in (self.view_button, self.save_button, self.print_button):
            button.setEnabled(ready)

    def _stop_thread(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.cancel()
        for signal in (thread.progressed, thread.succeeded, thread.failed, thread.cancelled):
            signal.disconnect()
        thread.wait()
        thread.deleteLater()

    # Using the PDF

    def _temporary_copy(self) -> Path:
        assert self.pdf is not None and self.prepared is not None
        folder = Path(tempfile.mkdtemp(prefix="revmentor-"))
        path = folder / self.prepared.file_name
        path.write_bytes(self.pdf)
        self._temporary.append(path)
        return path

    def open_in_viewer(self) -> None:
        if self.pdf is None:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._temporary_copy())))

    def save_as(self) -> Path | None:
        if self.pdf is None or self.prepared is None:
            return None
        from revmentor_desktop.reports.base import write_pdf

        suggested = str(Path.home() / self.prepared.file_name)
        name, _ = QFileDialog.getSaveFileName(self, "Save PDF", suggested, "PDF files (*.pdf)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(path.suffix + ".pdf")
        try:
            write_pdf(self.pdf, path)
        except OSError as problem:
            QMessageBox.warning(self, "Save PDF", f"The PDF could not be saved: {problem}")
            return None
        self.status.setText(f"Saved to {path}")
        return path

    def print_document(self) -> None:
        """Send the PDF to a printer through the operating system, or open it to print."""
        if self.pdf is None:
            return
        path = self._temporary_copy()
        if sys.platform == "win32":
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            self.status.setText("Sent to the default printer.")
            return
        lp = shutil.which("lp")
        printer = _choose_printer(self) if lp else None
        if lp and printer is not None:
            name, copies = printer
            command = [lp, "-n", str(copies), str(path)]
            if name:
                command[1:1] = ["-d", name]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            if result.returncode == 0:
                self.status.setText(f"Sent to {name or 'the default printer'}.")
                return
            self.status.setText(f"The printer refused the job: {result.stderr.strip()}")
            return
        if lp and printer is None and _print_support_available():
            return  # the user cancelled the print dialog
        self.open_in_viewer()
        self.status.setText("Opened in your PDF viewer: print from there.")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_thread()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._stop_thread()
        for path in self._temporary:
            # The viewer may still have the file open; the folder is the system's temp folder.
            try:
                path.unlink(missing_ok=True)
                path.parent.rmdir()
            except OSError:
                pass
        super().done(result)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF ReportLab wrote (its page objects are uncompressed dictionaries)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _print_support_available() -> bool:
    try:
        from PySide6 import QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


def _choose_printer(parent: QWidget) -> tuple[str, int] | None:
    """The printer and copies the user picks in Qt's print dialog, or None if cancelled."""
    if not _print_support_available():
        return ("", 1)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print PDF")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer.printerName(), max(1, printer.copyCount())


class _wait_cursor:  # noqa: N801 - used like a function: ``with _wait_cursor():``
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc_info: Any) -> None:
        QApplication.restoreOverrideCursor()


def show_document(
    context: AppContext, kind: DocumentKind[Any], target_id: int, parent: QWidget | None = None
) -> DocumentDialog:
    """Open the dialog (not modal) and start making the document."""
    dialog = DocumentDialog(context, kind, target_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.generate()
    return dialog
