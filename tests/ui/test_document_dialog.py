"""The document dialog: made in the background, shown as its own pages, saved and printed as is."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageRanges
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from revmentor_desktop.reports import registry
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs import document_dialog
from revmentor_desktop.ui.dialogs.document_dialog import DocumentDialog
from revmentor_desktop.ui.pdf_pages import PdfPages
from revmentor_desktop.ui.printing import chosen_pages
from revmentor_desktop.ui.undo import EditStack
from revmentor_desktop.ui.widgets import page_view
from revmentor_desktop.ui.workers import Job, Progress
from tests.fresh_imports import imports_library
from tests.reports.helpers import page_count, page_texts, pdf_text
from tests.reports.programme import NOTE, build_programme, clock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def context(data_file: DataFile) -> AppContext:
    return AppContext(EditStack(), clock)


def _made(qtbot: QtBot, dialog: DocumentDialog) -> bytes:
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20_000)
    assert dialog.pdf is not None
    return dialog.pdf


def _drawn_page(qtbot: QtBot, dialog: DocumentDialog, index: int) -> QImage:
    """The image the view shows of page ``index``, once drawn at the view's zoom."""
    view = dialog.page_view

    def drawn_now() -> bool:
        image = view.page_image(index)
        return image is not None and abs(image.width() - view.page_rect(index).width()) <= 1

    qtbot.waitUntil(drawn_now, timeout=10_000)
    image = view.page_image(index)
    assert image is not None
    return image


def _opened(qtbot: QtBot, dialog: DocumentDialog) -> DocumentDialog:
    """Shown and active, so that its shortcuts work, with its PDF made."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.generate()
    _made(qtbot, dialog)
    return dialog


def _ink(image: QImage) -> float:
    """The share of pixels that are not near white."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    stride, width = grey.bytesPerLine(), grey.width()
    pixels = [
        data[row * stride + column] for row in range(grey.height()) for column in range(width)
    ]
    return sum(1 for value in pixels if value < 200) / len(pixels)


def test_agreements_for_a_cohort_are_made_with_progress(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = DocumentDialog(context, registry.AGREEMENTS, programme.cohort_id)
    qtbot.addWidget(dialog)
    bar = dialog.job_progress.bar
    steps: list[int] = []
    bar.valueChanged.connect(steps.append)  # the bar moves on the window's thread
    dialog.generate()
    pdf = _made(qtbot, dialog)
    assert len(steps) > 1 and steps == sorted(steps)  # it moved, and only forwards
    assert steps[-1] >= bar.maximum() - 1  # up to the last agreement
    assert page_count(pdf) >= 10
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.status.text().startswith(f"{page_count(pdf)} pages")


def test_the_pages_shown_are_the_pdf_that_save_writes(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.COHORT_REPORT, programme.cohort_id))
    controls = dialog.page_controls
    target = tmp_path / "cohort"
    proposed: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        proposed.append(Path(suggested).name)
        return str(target), ""

    monkeypatch.setattr(document_dialog.QFileDialog, "getSaveFileName", choose)
    saved = dialog.save_as()
    assert proposed == ["Cohort-report-Reverse-mentoring-2026.pdf"]
    assert saved == tmp_path / "cohort.pdf"
    assert saved.read_bytes() == dialog.pdf
    assert "Headline figures" in pdf_text(saved.read_bytes())

    pages = page_count(saved.read_bytes())
    assert dialog.page_view.page_count == pages
    assert (controls.page_box.maximum(), controls.page_total.text()) == (pages, f"of {pages}")
    first = _drawn_page(qtbot, dialog, 0)
    box = PdfReader(saved).pages[0].mediabox
    assert first.width() / first.height() == pytest.approx(box.width / box.height, rel=0.01)
    assert 0.01 < _ink(first) < 0.5, "the page shows the report's text and lines on white"
    # Pixel for pixel, the page shown is the saved file's first page at the view's zoom.
    from_file = PdfPages(saved.read_bytes())
    try:
        assert from_file.image(0, dialog.page_view._pixels_per_point()) == first
    finally:
        from_file.close()


def test_private_notes_are_drawn_again_live(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.PAIR_SUMMARY, programme.pair_id))
    controls = dialog.page_controls
    assert not dialog.private_notes.isHidden()
    without = dialog.pdf
    assert without is not None and NOTE not in pdf_text(without)
    shown_before = dialog.page_view.pages
    dialog.page_view.go_to_page(1)
    _drawn_page(qtbot, dialog, 1)

    dialog.private_notes.setChecked(True)  # makes the document again
    assert dialog.pdf is None and not dialog.save_button.isEnabled(), "nothing stale is saved"
    with_notes = _made(qtbot, dialog)
    assert NOTE in pdf_text(with_notes)
    assert dialog.page_view.pages is not shown_before
    assert dialog.page_view.page_count == page_count(with_notes)
    assert dialog.page_view.current_page == 1 and controls.page_box.value() == 2, "same place"
    _drawn_page(qtbot, dialog, 1)

    dialog.private_notes.setChecked(False)
    assert NOTE not in pdf_text(_made(qtbot, dialog))


def test_a_new_option_stops_the_drawing_in_flight(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = DocumentDialog(context, registry.PAIR_SUMMARY, programme.pair_id)
    qtbot.addWidget(dialog)
    dialog.generate()
    first = dialog.job_progress.worker
    dialog.private_notes.setChecked(True)
    assert first is not None and first.isFinished()
    assert NOTE in pdf_text(_made(qtbot, dialog))


def _job_that_runs_until_stopped(started: threading.Event) -> Callable[[object], Job]:
    def drawing_job(_document: object) -> Job:
        def job(progress: Progress) -> None:
            started.set()
            while True:
                progress(0, 2)
                time.sleep(0.01)

        return job

    return drawing_job


def test_stop_ends_the_drawing_and_says_nothing_was_made(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    monkeypatch.setattr(document_dialog, "_drawing_job", _job_that_runs_until_stopped(started))
    programme = build_programme()
    dialog = DocumentDialog(context, registry.AGREEMENTS, programme.cohort_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.generate()
    assert started.wait(10)
    bar = dialog.job_progress.bar
    qtbot.waitUntil(lambda: bar.format() == f"{registry.AGREEMENTS.step} 1 of 2")

    qtbot.mouseClick(dialog.job_progress.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Stopped; nothing was made.")
    assert dialog.job_progress.isHidden()
    assert dialog.pdf is None and not dialog.save_button.isEnabled()
    assert dialog.private_notes.isEnabled()


def test_a_drawing_that_fails_says_why(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_job(_document: object) -> Job:
        def job(_progress: Progress) -> None:
            raise OSError("no room left on the disk")

        return job

    monkeypatch.setattr(document_dialog, "_drawing_job", failing_job)
    programme = build_programme()
    dialog = DocumentDialog(context, registry.AGREEMENT, programme.pair_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("The PDF could not be made"))
    assert dialog.status.text() == "The PDF could not be made: no room left on the disk"
    assert dialog.job_progress.isHidden() and not dialog.save_button.isEnabled()


def test_zoom_from_the_keyboard(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.AGREEMENT, programme.pair_id))
    view = dialog.page_view
    assert view.fits_width
    fitted = view.zoom
    width = view.page_rect(0).width()
    assert width == pytest.approx(view.viewport().width() - 2 * page_view.GAP, abs=2)

    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > fitted and not view.fits_width
    assert view.page_rect(0).width() > width
    assert dialog.page_controls.zoom_label.text() == f"{view.zoom * 100:.0f} %"
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < fitted
    assert view.page_rect(0).width() < width
    _drawn_page(qtbot, dialog, 0)  # drawn again for the new size
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.fits_width and view.zoom == pytest.approx(fitted)


def test_page_navigation_from_the_keyboard(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.AGREEMENTS, programme.cohort_id))
    controls = dialog.page_controls
    view = dialog.page_view
    last = view.page_count - 1
    assert view.current_page == 0 and controls.page_box.value() == 1

    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page == 1 and controls.page_box.value() == 2
    assert view.page_rect(1).top() == page_view.GAP, "page 2 starts at the top of the view"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page == last and controls.page_box.value() == last + 1
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page == last - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page == 0

    controls.page_box.setFocus()
    controls.page_box.selectAll()
    qtbot.keyClicks(controls.page_box, "5")
    qtbot.keyClick(controls.page_box, Qt.Key.Key_Return)
    assert view.current_page == 4
    assert view.page_rect(4).top() == page_view.GAP
    _drawn_page(qtbot, dialog, 4)

    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert controls.page_box.value() == last + 1, "scrolling to the end shows the last page"


def test_a_long_document_keeps_few_page_images(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.AGREEMENTS, programme.cohort_id))
    view = dialog.page_view
    page_bytes = _drawn_page(qtbot, dialog, 0).sizeInBytes()
    monkeypatch.setattr(page_view, "CACHE_BYTES", 3 * page_bytes)
    for index in range(view.page_count):
        view.go_to_page(index)
        _drawn_page(qtbot, dialog, index)
    kept = [index for index in range(view.page_count) if view.page_image(index) is not None]
    assert len(kept) <= 4, kept
    assert view.page_count - 1 in kept


def test_printing_paints_the_pdfs_own_pages(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme()
    dialog = _opened(qtbot, DocumentDialog(context, registry.AGREEMENT, programme.pair_id))
    pdf = dialog.pdf
    assert pdf is not None
    output = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    printer.setFullPage(True)
    chosen: list[int] = []

    def choose(_parent: object, pages: object, current: int, title: str) -> tuple[QPrinter, list]:
        chosen.append(current)
        return printer, list(range(dialog.page_view.page_count))

    monkeypatch.setattr(document_dialog, "choose_printer", choose)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent"), timeout=30_000)
    assert chosen == [0]
    printed = PdfReader(output)
    assert len(printed.pages) == page_count(pdf)
    for page in printed.pages:
        assert len(page.images) == 1
        assert page.extract_text().strip() == "", "a picture of the page, not Qt's own text"
        assert page.mediabox.width == pytest.approx(
            float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width), abs=1
        )
    assert all(text.strip() for text in page_texts(pdf))
    assert dialog.print_button.isEnabled()


def test_the_print_dialogs_page_choice() -> None:
    printer = QPrinter()
    assert chosen_pages(printer, 4, 2) == [0, 1, 2, 3]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 4, 2) == [2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("1, 3-9"))
    assert chosen_pages(printer, 4, 2) == [0, 2, 3]


def test_an_unknown_pair_is_said_plainly(qtbot: QtBot, context: AppContext) -> None:
    dialog = DocumentDialog(context, registry.AGREEMENT, 404)
    qtbot.addWidget(dialog)
    dialog.generate()
    assert "There is no pair with number 404." in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_show_document_opens_the_dialog_titled_for_the_pair(
    qtbot: QtBot, context: AppContext
) -> None:
    programme = build_programme()
    dialog = document_dialog.show_document(context, registry.AGREEMENT, programme.pair_id)
    qtbot.addWidget(dialog)
    _made(qtbot, dialog)
    assert dialog.windowTitle() == "Agreement – Agnès Dubois & Jörg Müller"
    assert dialog.private_notes.isHidden()
    dialog.close()


def test_the_dialog_loads_without_pdfium() -> None:
    """PDFium's binding loads when a preview opens, not with the window (start-up time)."""
    assert not imports_library("revmentor_desktop.ui.dialogs.document_dialog", "pypdfium2")
    assert imports_library("pypdfium2", "pypdfium2"), "the check can see the library"
