"""A column of PDF pages to scroll through, zoom and page through, as a PDF viewer shows them.

Only the pages in view (and the next one) are drawn, in a background thread, and only a bounded
number of page images is kept, so a cohort's agreements of a thousand pages open as quickly and
take as little memory as a one-page summary.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from revmentor_desktop.ui.pdf_pages import POINTS_PER_INCH, PdfPages

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
GAP = 16  # pixels around and between pages
SHADOW = 3
CACHE_BYTES = 96 * 1024 * 1024  # about 25 pages at the width the dialog opens with
# Beyond this (a 2880 × 4100 image of an A4 page, 45 MB) a page is drawn no sharper but scaled
# up, so that 400 % on a high-density screen does not take a quarter of a gigabyte a page.
MAX_PIXELS_PER_POINT = 6.0
PAGE_STEP_FROM_TOP = 3  # the current page is the one a third of the way down the view


@dataclass(frozen=True)
class _Wanted:
    pages: PdfPages
    index: int
    scale: float


class PageDrawer(QObject):
    """Draws the pages that views ask for, newest request first, in one background thread.

    One for the whole app, as PDFium draws one page at a time anyway. Its thread is a daemon that
    no view owns, so closing a preview while a page is being drawn never waits or crashes; the
    finished page is then simply not wanted.
    """

    rendered = Signal(object, int, float, QImage)  # pages, index, scale, image

    def __init__(self) -> None:
        super().__init__()
        self._condition = threading.Condition()
        self._wanted: dict[PdfPages, list[_Wanted]] = {}
        self._drawing: _Wanted | None = None
        self._thread: threading.Thread | None = None

    def want(self, pages: PdfPages, wanted: list[_Wanted]) -> None:
        """Replace what is still to draw of ``pages``: only what is in view now matters."""
        with self._condition:
            self._wanted.pop(pages, None)
            wanted = [item for item in wanted if item != self._drawing]
            if wanted:
                self._wanted[pages] = wanted  # last in the dict: asked for most recently
                self._condition.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pages", daemon=True)
                self._thread.start()

    def forget(self, pages: PdfPages) -> None:
        with self._condition:
            self._wanted.pop(pages, None)

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._wanted:
                    self._condition.wait()
                pages, wanted = next(reversed(self._wanted.items()))
                item = self._drawing = wanted.pop(0)
                if not wanted:
                    del self._wanted[pages]
            image = item.pages.image(item.index, item.scale)
            with self._condition:
                self._drawing = None
            if not image.isNull():
                self.rendered.emit(item.pages, item.index, item.scale, image)


_drawer: PageDrawer | None = None


def page_drawer() -> PageDrawer:
    """The app's one PageDrawer, made on first use (in the GUI thread)."""
    global _drawer
    if _drawer is None:
        _drawer = PageDrawer()
    return _drawer


class PageView(QAbstractScrollArea):
    """Shows a PdfPages as a column of sheets; Page Up/Down, Home/End and Ctrl+wheel work."""

    current_page_changed = Signal(int)  # index from 0
    zoom_changed = Signal(float)  # 1.0 is the paper's actual size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._zoom = 1.0
        self._fits_width = True
        self._tops: list[int] = []
        self._current = 0
        self._moving = False
        self._message = ""
        self._images: OrderedDict[int, tuple[float, QImage]] = OrderedDict()
        self._drawer = page_drawer()
        self._drawer.rendered.connect(self._on_rendered)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Pages")
        # Always there, so fitting the width never makes the scroll bar appear and re-fit.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)

    # What is shown

    @property
    def pages(self) -> PdfPages | None:
        return self._pages

    @property
    def page_count(self) -> int:
        return self._pages.count if self._pages is not None else 0

    def set_pages(self, pages: PdfPages | None) -> None:
        """Show ``pages`` where the reader was: same page, same place on it, if there is one."""
        place = self._place()
        if self._pages is not None:
            self._drawer.forget(self._pages)
        self._pages = pages
        self._images.clear()
        if place is None or place[0] >= self.page_count:
            self._lay_out(None)
            self.go_to_page(0, force=True)
        else:
            self._lay_out(place)
            self._set_current(place[0], force=True)

    def set_message(self, text: str) -> None:
        """What the view says while it has no pages, such as "Drawing the pages…"."""
        self._message = text
        self.viewport().update()

    def page_image(self, index: int) -> QImage | None:
        """The image drawn of page ``index`` so far, if any (at whatever zoom it was drawn)."""
        entry = self._images.get(index)
        return entry[1] if entry is not None else None

    def shutdown(self) -> None:
        """Draw no more of the pages shown; call before they are closed."""
        if self._pages is not None:
            self._drawer.forget(self._pages)

    # Zoom

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def fits_width(self) -> bool:
        return self._fits_width

    def zoom_in(self) -> None:
        self.set_zoom(
            next((step for step in ZOOM_STEPS if step > self._zoom + 0.01), ZOOM_STEPS[-1])
        )

    def zoom_out(self) -> None:
        smaller = [step for step in ZOOM_STEPS if step < self._zoom - 0.01]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def set_zoom(self, zoom: float) -> None:
        self._fits_width = False
        self._zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._lay_out(self._place())

    def fit_width(self) -> None:
        self._fits_width = True
        self._lay_out(self._place())

    # Pages

    @property
    def current_page(self) -> int:
        return self._current

    def go_to_page(self, index: int, force: bool = False) -> None:
        """Scroll so that page ``index`` (from 0) starts at the top of the view."""
        if not self._tops:
            return
        index = min(max(index, 0), len(self._tops) - 1)
        self._moving = True
        try:
            self.verticalScrollBar().setValue(self._tops[index] - GAP)
        finally:
            self._moving = False
        self._set_current(index, force)

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` is in the view's viewport, in its pixels."""
        size = self._page_pixels(index)
        content_width = max(self._content_width(), self.viewport().width())
        left = (content_width - size.width()) // 2 - self.horizontalScrollBar().value()
        top = self._tops[index] - self.verticalScrollBar().value()
        return QRect(left, top, size.width(), size.height())

    # Layout

    def _pixels_per_point(self) -> float:
        return self._zoom * self.logicalDpiX() / POINTS_PER_INCH

    def _page_pixels(self, index: int) -> QSize:
        assert self._pages is not None
        size = self._pages.sizes[index] * self._pixels_per_point()
        return QSize(round(size.width()), round(size.height()))

    def _content_width(self) -> int:
        if self._pages is None or not self._pages.count:
            return 0
        widest = max(size.width() for size in self._pages.sizes)
        return round(widest * self._pixels_per_point()) + 2 * GAP

    def _lay_out(self, place: tuple[int, float] | None) -> None:
        """Place every page at the zoom and size the scroll bars; scroll back to ``place``."""
        if self._fits_width and self._pages is not None and self._pages.count:
            widest = max(size.width() for size in self._pages.sizes)
            room = max(self.viewport().width() - 2 * GAP, 50)
            self._zoom = room / (widest * self.logicalDpiX() / POINTS_PER_INCH)
        self._tops = []
        bottom = GAP
        for index in range(self.page_count):
            self._tops.append(bottom)
            bottom += self._page_pixels(index).height() + GAP
        viewport = self.viewport().size()
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, bottom - viewport.height()))
        vertical.setPageStep(viewport.height())
        vertical.setSingleStep(max(20, viewport.height() // 20))
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, self._content_width() - viewport.width()))
        horizontal.setPageStep(viewport.width())
        horizontal.setSingleStep(20)
        if place is not None:
            index, fraction = place
            height = self._page_pixels(index).height() + GAP
            self._moving = True
            try:
                vertical.setValue(self._tops[index] - GAP + round(fraction * height))
            finally:
                self._moving = False
        self.zoom_changed.emit(self._zoom)
        self.viewport().update()

    def _place(self) -> tuple[int, float] | None:
        """The page at the top of the view and how far down it the view starts."""
        if not self._tops:
            return None
        top = self.verticalScrollBar().value()
        index = max(0, bisect.bisect_right(self._tops, top + GAP) - 1)
        height = self._page_pixels(index).height() + GAP
        return index, (top - self._tops[index] + GAP) / height

    def _visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        last = bisect.bisect_left(self._tops, top + self.viewport().height())
        return range(first, min(last, len(self._tops)))

    def _on_scrolled(self, value: int) -> None:
        if not self._moving and self._tops:
            reading_line = value + self.viewport().height() // PAGE_STEP_FROM_TOP
            index = max(0, bisect.bisect_right(self._tops, reading_line) - 1)
            if value >= self.verticalScrollBar().maximum():
                index = max(index, self._last_fully_visible(value))
            self._set_current(index)
        self.viewport().update()

    def _last_fully_visible(self, value: int) -> int:
        bottom = value + self.viewport().height()
        visible = self._visible_pages()
        fully = [i for i in visible if self._tops[i] + self._page_pixels(i).height() <= bottom]
        return fully[-1] if fully else 0

    def _set_current(self, index: int, force: bool = False) -> None:
        if index != self._current or force:
            self._current = index
            self.setAccessibleDescription(f"Page {index + 1} of {self.page_count}")
            self.current_page_changed.emit(index)

    # Drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Mid))
        if self._pages is None or not self._pages.count:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self._message)
            return
        scale = min(self._pixels_per_point() * self.devicePixelRatioF(), MAX_PIXELS_PER_POINT)
        missing: list[_Wanted] = []
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in self._visible_pages():
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(SHADOW, SHADOW), QColor(0, 0, 0, 70))
            painter.fillRect(rect, Qt.GlobalColor.white)
            drawn = self._images.get(index)
            if drawn is not None:
                self._images.move_to_end(index)
                painter.drawImage(QRectF(rect), drawn[1])
            if drawn is None or abs(drawn[0] - scale) > 1e-6:
                missing.append(_Wanted(self._pages, index, scale))
        following = self._visible_pages().stop
        if following < self._pages.count and following not in self._images:
            missing.append(_Wanted(self._pages, following, scale))
        self._drawer.want(self._pages, missing)

    def _on_rendered(self, pages: PdfPages, index: int, scale: float, image: QImage) -> None:
        if pages is not self._pages:
            return  # drawn for a document that has since been replaced
        self._images[index] = (scale, image)
        self._images.move_to_end(index)
        self._forget_old_images()
        self.viewport().update()

    def _forget_old_images(self) -> None:
        visible = set(self._visible_pages())
        total = sum(image.sizeInBytes() for _, image in self._images.values())
        for index in list(self._images):
            if total <= CACHE_BYTES:
                break
            if index not in visible:
                total -= self._images.pop(index)[1].sizeInBytes()

    # Keys and wheel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._tops:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_PageDown:
            self.go_to_page(self._current + 1)
        elif key == Qt.Key.Key_PageUp:
            at_its_top = self.verticalScrollBar().value() <= self._tops[self._current] - GAP
            self.go_to_page(self._current - 1 if at_its_top else self._current)
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(self._place())
