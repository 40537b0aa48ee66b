"""Print agreement…, Progress summary…, Cohort report…: make a PDF, show its pages, save or print.

The data is gathered from the domain on the GUI thread (a fraction of a second even for a
500-pair cohort); drawing the PDF, the slow part, runs in a worker thread with progress
(``ui/widgets/job_progress.py``). The preview shows the pages of the very bytes that Save as…
writes, drawn by PDFium (see ``ui/pdf_pages.py``), and Print… paints those same pages onto the
printer's sheets (see ``ui/printing.py``): what is seen, saved and printed is one PDF. Changing
an option (coordinator-only notes) draws the PDF again. The zoom and page controls are
``ui/widgets/page_controls.py``.

The kinds of document, with their data, titles and file names, come from
``revmentor_desktop.reports.registry``; the main window opens one with ``show_document``.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSize, Qt, QUrl
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.reports.registry import Document, DocumentKind, Request
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.pdf_pages import PdfPages
from revmentor_desktop.ui.printing import choose_printer, print_pages
from revmentor_desktop.ui.widgets.job_progress import JobProgress, Running
from revmentor_desktop.ui.widgets.page_controls import PageControls
from revmentor_desktop.ui.widgets.page_view import PageView
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, available_size, fitted_size

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


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


@dataclass(frozen=True)
class Drawn:
    """A PDF and its pages, opened for drawing; made together in the worker thread."""

    pdf: bytes
    pages: PdfPages


def _drawing_job(document: Document[Any]) -> Callable[[Progress], Drawn]:
    def draw(progress: Progress) -> Drawn:
        buffer = io.BytesIO()
        document.render(buffer, progress)
        pdf = buffer.getvalue()
        return Drawn(pdf, PdfPages(pdf))

    return draw


class DocumentDialog(RemembersSize, QDialog):
    """Makes one document in the background, shows its pages, and saves or prints that PDF."""

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
        self.pdf: bytes | None = None  # the bytes shown, saved and printed
        self.prepared: Document[Any] | None = None
        self._temporary: list[Path] = []
        self.setWindowTitle("Document")
        self.setSizeGripEnabled(True)

        self.private_notes = QCheckBox("Include &coordinator-only notes (not for the partners)")
        self.private_notes.setVisible(kind.offers_private_notes)
        self.private_notes.toggled.connect(self.generate)
        self.page_view = PageView(self)
        self.page_view.setAccessibleName("Pages of the document")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.job_progress = JobProgress()
        self.job_progress.ended_without_result.connect(self._on_not_made)

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

        layout = QVBoxLayout(self)
        layout.addLayout(self._tool_row())
        layout.addWidget(self.page_view, 1)
        layout.addWidget(self.job_progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._size_for_a_page()
        self.page_view.setFocus()
        self._set_ready(False)

    def _tool_row(self) -> QHBoxLayout:
        """Options on the left; zoom and "Page 3 of 12" on the right, with their shortcuts."""
        self.page_controls = PageControls(self.page_view)
        row = QHBoxLayout()
        row.addWidget(self.private_notes)
        row.addStretch(1)
        row.addWidget(self.page_controls)
        return row

    def _size_for_a_page(self) -> None:
        """At first, a page at its actual size across, as tall as the screen allows; later, the
        size it was left at (``RemembersSize``), always fitted to the screen (1280×800 too)."""
        page_width = round(self.logicalDpiX() * 8.5)  # Letter, the wider of the two papers
        width = page_width + self.fontMetrics().averageCharWidth() * 10
        self.resize(fitted_size(self, QSize(width, available_size(self).height())))

    # Generating

    def generate(self) -> None:
        """Gather the data and start drawing; a drawing in flight is stopped first.

        The pages shown so far stay until the new ones are ready, but nothing can be saved or
        printed meanwhile: what is saved is always what is shown.
        """
        self.job_progress.stop()
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
            self.page_view.set_message("This document cannot be made.")
            self.status.setText(str(problem))
            self.job_progress.hide()
            return
        self.setWindowTitle(self.prepared.title)
        if self.page_view.pages is None:
            self.page_view.set_message("Drawing the pages…")
            self.status.setText("Drawing the PDF…")
        else:
            self.status.setText("Drawing the PDF again with the new option…")
        self.job_progress.start(
            _drawing_job(self.prepared),
            Running(
                self.kind.step,
                self._on_drawn,
                "Stopped; nothing was made.",
                "The PDF could not be made",
            ),
        )

    def _on_not_made(self, sentence: str) -> None:
        """The drawing or the printing stopped or failed: the last PDF made stays usable."""
        self.status.setText(sentence)
        self._set_ready(self.pdf is not None)
        self.private_notes.setEnabled(True)

    def _on_drawn(self, drawn: Drawn) -> None:
        replaced = self.page_view.pages
        self.pdf = drawn.pdf
        self.page_view.set_pages(drawn.pages)
        if replaced is not None:
            replaced.close()
        count = drawn.pages.count
        self.page_controls.show_page_count(count)
        self.status.setText(
            f"{plural(count, 'page')}, {len(drawn.pdf) / 1024:.0f} KB, "
            "as they will be saved and printed."
        )
        self._set_ready(True)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.view_button, self.save_button, self.print_button):
            button.setEnabled(ready)

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
        """Write the bytes shown, as they are: nothing is drawn again."""
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
        """Qt's print dialog, then the chosen pages of this PDF onto the chosen printer."""
        pages = self.page_view.pages
        if self.pdf is None or pages is None or self.prepared is None:
            return
        choice = choose_printer(self, pages, self.page_view.current_page, self.prepared.title)
        if choice is not None:
            self.print_to(*choice)

    def print_to(self, printer: QPrinter, indexes: Sequence[int]) -> None:
        """Print pages ``indexes`` (from 0) of the PDF shown, in the background, with progress."""
        pages = self.page_view.pages
        assert pages is not None and self.pdf is not None
        self._set_ready(False)
        self.private_notes.setEnabled(False)
        self.status.setText("Printing…")
        name = printer.printerName() or printer.outputFileName() or "the printer"
        count = len(indexes)
        sent = f"Sent {plural(count, 'page')} to {name}."
        self.job_progress.start(
            lambda progress: print_pages(pages, printer, indexes, progress),
            Running(
                "Page", lambda _: self._on_printed(sent), "Printing stopped.", "Printing failed"
            ),
        )

    def _on_printed(self, message: str) -> None:
        self.status.setText(message)
        self._set_ready(True)
        self.private_notes.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shut_down()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._shut_down()
        for path in self._temporary:
            # The viewer may still have the file open; the folder is the system's temp folder.
            try:
                path.unlink(missing_ok=True)
                path.parent.rmdir()
            except OSError:
                pass
        super().done(result)

    def _shut_down(self) -> None:
        self.job_progress.stop()
        self.page_view.shutdown()
        if self.page_view.pages is not None:
            self.page_view.pages.close()


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
