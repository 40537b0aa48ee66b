"""A PDF's own pages as images, drawn by PDFium: what the preview shows and what is printed
(``printing`` paints them onto the printer's sheets).

PDFium (through pypdfium2) draws the very bytes that Save writes, so the preview and the printout
cannot differ from the file. PDFium is not thread-safe: no two of its calls may run at the same
time, not even on different documents, so every call here holds one process-wide lock and a
page can be drawn in any thread. pypdfium2 is imported when the first PDF is opened, never at
start-up (its import alone takes about 0.15 s).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72
# Re-entrant: a PdfPages dropped unclosed closes itself in __del__, which the garbage collector
# may run in a thread that already holds the lock (between two PDFium calls, never during one).
_PDFIUM = threading.RLock()


class PdfPages:
    """The pages of one PDF, each drawn on request at any scale, from any thread."""

    def __init__(self, pdf: bytes) -> None:
        self._document: Any = None
        self.sizes: tuple[QSizeF, ...] = ()
        with _PDFIUM:
            import pypdfium2

            self._document = pypdfium2.PdfDocument(pdf)
            self.sizes = tuple(
                QSizeF(*self._document.get_page_size(index)) for index in range(len(self._document))
            )

    @property
    def count(self) -> int:
        return len(self.sizes)

    def image(self, index: int, scale: float) -> QImage:
        """Page ``index`` with ``scale`` pixels to a point (1/72 inch); null once closed."""
        with _PDFIUM:
            if self._document is None:
                return QImage()
            page = self._document[index]
            try:
                bitmap = page.render(
                    scale=scale, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=False
                )
                try:
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    )
                    return image.copy()  # the bitmap's memory is freed when it closes
                finally:
                    bitmap.close()
            finally:
                page.close()

    def __del__(self) -> None:
        # Otherwise pypdfium2's finaliser would close the document without the lock.
        self.close()

    def close(self) -> None:
        with _PDFIUM:
            if self._document is not None:
                self._document.close()
                self._document = None
