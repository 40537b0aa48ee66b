"""Printing a PDF's own pages: Qt's print dialog on the PDF's paper, the pages chosen in it,
and each page painted onto a sheet, drawn by PDFium (``pdf_pages``) at the printer's resolution.

What is printed is the very PDF that is previewed and saved, never a second drawing of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.ui.pdf_pages import POINTS_PER_INCH, PdfPages

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

# A page at a PDF printer's 1200 dpi would be a 540 MB image; 300 dpi prints text and lines as
# sharply as the eye sees on paper, at 34 MB a page.
PRINT_DPI_LIMIT = 300


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The pages (from 0) picked in the print dialog: all, the current one, or ranges "1-3, 5"."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.printRange() == QPrinter.PrintRange.CurrentPage:
        return [current]
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        return [index for index in range(count) if ranges.contains(index + 1)]
    return list(range(count))


def choose_printer(
    parent: QWidget, pages: PdfPages, current: int, title: str
) -> tuple[QPrinter, list[int]] | None:
    """A printer set up in Qt's print dialog on the PDF's own paper, and the pages to print."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    printer.setPageSize(QPageSize(pages.sizes[0], QPageSize.Unit.Point))
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, pages.count)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer, chosen_pages(printer, pages.count, current)


def fitted(size: QSizeF, frame: QRectF) -> QRectF:
    """``size`` scaled to fit ``frame`` without changing its shape, centred in it."""
    scaled = size.scaled(frame.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = frame.left() + (frame.width() - scaled.width()) / 2
    top = frame.top() + (frame.height() - scaled.height()) / 2
    return QRectF(left, top, scaled.width(), scaled.height())


def print_pages(
    pages: PdfPages, printer: QPrinter, indexes: Sequence[int], progress: Progress
) -> None:
    """Paint each chosen page, drawn at the printer's resolution, onto a sheet of its paper.

    The printer must be set to ``setFullPage(True)``: the PDF page already has its margins, so it
    covers the whole sheet, at its actual size when the paper is the PDF's own size. Painting on
    a QPrinter is allowed outside the GUI thread, so this runs as a background job.
    """
    scale = min(printer.resolution(), PRINT_DPI_LIMIT) / POINTS_PER_INCH
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started; check that it is connected and ready")
    try:
        for position, index in enumerate(indexes):
            progress(position, len(indexes))
            if position > 0:
                printer.newPage()
            sheet = QRectF(painter.viewport())
            painter.drawImage(fitted(pages.sizes[index], sheet), pages.image(index, scale))
        progress(len(indexes), len(indexes))
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
