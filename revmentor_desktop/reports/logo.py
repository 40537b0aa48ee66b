"""The organisation's logo in a document's header, fitted into a box keeping its shape.

PNG and JPEG go in through ReportLab's ``ImageReader`` (Pillow underneath), embedded once per
document and drawn on every page. SVG is converted by svglib into a ReportLab drawing, so it
stays sharp at any zoom: svglib is ReportLab's own companion for SVG, and the domain layer
cannot borrow Qt's renderer. The SVG is read from memory, so links in it to other files are
never followed.
"""

from __future__ import annotations

import io
import logging

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from revmentor_desktop.domain.logo import SVG, Logo
from revmentor_desktop.reports import fonts

log = logging.getLogger(__name__)
FORM_NAME = "OrganisationLogo"


class HeaderLogo:
    """A logo made ready once for a document: its picture and its size in points."""

    def __init__(self, picture: ImageReader | Drawing, width: float, height: float) -> None:
        self.picture = picture
        self.width = width
        self.height = height

    def fit(self, box_width: float, box_height: float) -> tuple[float, float]:
        """The largest size within the box that keeps the logo's proportions."""
        scale = min(box_width / self.width, box_height / self.height)
        return self.width * scale, self.height * scale

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> float:
        """Draw the logo in the box whose lower left corner is (x, y), as large as its
        proportions allow, centred on the box's height; return the width it took.

        The logo is written into the PDF once, as a form every page's header refers to, so
        its pixels are neither converted nor stored again for each page.
        """
        box_height = height
        width, height = self.fit(width, height)
        if not canvas.hasForm(FORM_NAME):
            canvas.beginForm(FORM_NAME, 0, 0, self.width, self.height)
            self._draw_picture(canvas)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y + (box_height - height) / 2)
        canvas.scale(width / self.width, height / self.height)
        canvas.doForm(FORM_NAME)
        canvas.restoreState()
        return width

    def _draw_picture(self, canvas: Canvas) -> None:
        """The logo at its own size, its lower left corner at the origin."""
        if isinstance(self.picture, Drawing):
            renderPDF.draw(self.picture, canvas, 0, 0)
        else:
            canvas.drawImage(self.picture, 0, 0, self.width, self.height, mask="auto")


def prepare(logo: Logo | None) -> HeaderLogo | None:
    """The logo ready to draw, or None: a logo that cannot be drawn must not stop a document."""
    if logo is None:
        return None
    try:
        if logo.media_type == SVG:
            drawing = _svg_drawing(logo.data)
            if drawing is None or drawing.width <= 0 or drawing.height <= 0:
                raise ValueError("the SVG has no size")
            # ReportLab's graphics start in Helvetica, which would then be listed, unembedded,
            # in the PDF even when the logo has no text.
            drawing.initialFontName = fonts.REGULAR
            return HeaderLogo(drawing, float(drawing.width), float(drawing.height))
        image = ImageReader(io.BytesIO(logo.data))
        width, height = image.getSize()
        return HeaderLogo(image, float(width), float(height))
    except Exception as error:  # any library's failure means "no logo"
        log.warning("The logo (%s) could not be drawn: %s", logo.media_type, error)
        return None


def _svg_drawing(data: bytes) -> Drawing | None:
    from svglib.svglib import svg2rlg  # only documents with an SVG logo pay for its import

    return svg2rlg(io.BytesIO(data))
