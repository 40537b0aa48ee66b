"""Fillable PDF form fields drawn on a ReportLab canvas: tick boxes, boxes to write in and
hidden fields, plus the plain boxes a printed copy has instead.

Form fields may only use the PDF's standard fonts, and every field is drawn on the page as
well, so a form prints the same from a reader that leaves fields out.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.acroform import AcroForm, RadioGroup
from reportlab.pdfbase.pdfdoc import PDFName, PDFObject
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfgen.canvas import Canvas

from revmentor_desktop.reports.house_style import INK, NAVY

FIELD_FONT = "Helvetica"  # form fields may only use the PDF's standard fonts
FIELD_FONT_SIZE = 10
BOX_FILL = colors.white


TICK_BOX_FLAGS = "noToggleToOff radio"  # one box of a group; a click on another moves the tick
_PRINTED = 4  # the annotation flag "print": the box prints with the page


class TickBoxes(AcroForm):
    """ReportLab's form fields, with a lean tick box (one box of a radio group).

    ReportLab's own ``radio`` draws six appearances per box and writes a dozen entries, each
    formatted object by object: 0.5 ms per box, 25 ms for a closing questionnaire's fifty
    boxes, more than the rest of the form. Every box of a form looks alike, so its two
    appearances (ticked, empty) are drawn once per document and each box is written as one
    short dictionary.
    """

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self._looks: dict[float, tuple[object, object]] = {}

    def tick_box(
        self, group: str, value: str, x: float, y: float, size: float, tooltip: str
    ) -> None:
        """One box of the radio group ``group`` at (x, y) in the current drawing position."""
        radios = self._radios
        if group not in radios:
            radios[group] = RadioGroup(group, tooltip=tooltip, fieldFlags=TICK_BOX_FLAGS)
            radios[group]._ref = self.getRef(radios[group])
            self.fields.append(radios[group]._ref)
        x, y = self.canv.absolutePosition(x, y)
        ticked, empty = self._look(size)
        widget = _TickBox(value, (x, y, x + size, y + size), ticked, empty, radios[group]._ref)
        self.canv._addAnnotation(widget)
        radios[group].kids.append(self.getRef(widget))
        # The box is drawn on the page as well: it prints even where a reader leaves fields out.
        self.checkForceBorder(x, y, size, size, True, "square", "solid", 0.8, NAVY, BOX_FILL)

    def _look(self, size: float) -> tuple[object, object]:
        if size not in self._looks:
            self._looks[size] = tuple(  # type: ignore[assignment]
                self.getRef(
                    self.checkboxAP(
                        "N",
                        state,
                        buttonStyle="check",
                        shape="square",
                        fillColor=BOX_FILL,
                        borderColor=NAVY,
                        textColor=INK,
                        borderWidth=0.8,
                        size=size,
                    )
                )
                for state in ("Yes", "Off")
            )
        return self._looks[size]


class _TickBox(PDFObject):
    """A radio button's widget, written in one piece."""

    def __init__(
        self,
        value: str,
        rect: tuple[float, float, float, float],
        ticked: object,
        empty: object,
        parent: object,
    ) -> None:
        self.value, self.rect = value, rect
        self.ticked, self.empty, self.parent = ticked, empty, parent

    def format(self, document: object) -> bytes:
        refs = [pdf_format(ref, document) for ref in (self.ticked, self.empty, self.parent)]
        rect = fp_str(*self.rect).encode("ascii")
        name = PDFName(self.value).encode("ascii")
        return (
            b"<< /Type /Annot /Subtype /Widget /F %d /Rect [ %s ] /AS /Off"
            b" /AP << /N << %s %s /Off %s >> >> /MK << /CA (4) >> /Parent %s >>"
            % (_PRINTED, rect, name, refs[0], refs[1], refs[2])
        )


def fields_of(canvas: Canvas) -> TickBoxes:
    """The canvas's form fields (``canvas.acroForm``, where ReportLab looks for them)."""
    if "AcroForm" not in vars(canvas):
        canvas.AcroForm = TickBoxes(canvas)
        canvas._doc._catalog.AcroForm = canvas.AcroForm
    return canvas.acroForm


def text_box(
    canvas: Canvas,
    name: str,
    rect: tuple[float, float, float, float],
    tooltip: str,
    max_length: int,
) -> None:
    """A box to write several lines in, ``rect`` (x, y, width, height) in the current drawing
    position."""
    x, y, width, height = rect
    fields_of(canvas).textfield(
        name=name,
        value="",
        x=x,
        y=y,
        width=width,
        height=height,
        borderColor=NAVY,
        fillColor=BOX_FILL,
        textColor=INK,
        borderWidth=0.8,
        forceBorder=True,
        fontName=FIELD_FONT,
        fontSize=FIELD_FONT_SIZE,
        maxlen=max_length,
        fieldFlags="multiline doNotSpellCheck",
        tooltip=tooltip,
        relative=True,
    )


def hidden_field(canvas: Canvas, name: str, value: str) -> None:
    """A read-only field no reader shows or prints: it carries a value back with the file."""
    fields_of(canvas).textfield(
        name=name,
        value=value,
        x=0,
        y=0,
        width=1,
        height=1,
        fieldFlags="readOnly",
        annotationFlags="hidden",
        fontName=FIELD_FONT,
        fontSize=FIELD_FONT_SIZE,
        relative=True,
    )


def plain_box(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """A box drawn where a fillable form has a field, for a copy meant for paper."""
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()
