"""How a document is built and written: the renderer every document subclasses, and the PDF.

The pattern follows pretix's invoice renderer: a renderer class with a style-sheet factory
(``house_style``), fonts registered once, a page template that draws the header, and a
numbered canvas (``page_numbers``) that writes "Page X of Y" when the total is known. A
document may hold several sections (the agreements of a cohort), each started by a
``SectionStart``; the tables and the fitting of text live in ``tables`` and ``text_fitting``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports import logo as header_logo
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import (
    CELL_PADDING,
    LOGO_BOX,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    PAGE_SIZES,
    RULE,
    TITLE_SMALLEST,
    styles,
)
from revmentor_desktop.reports.page_numbers import NumberedCanvas
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.text_fitting import draw_line, fit_line, fitted_style, share_line
from revmentor_desktop.storage.files import write_atomically

Target = Path | str | BinaryIO


class SectionStart(Flowable):
    """An invisible marker: a new section (one pair's agreement) starts on this page.

    It also tells the caller how far the batch has got, so a window can show progress (and
    cancel, by raising from the callback).
    """

    def __init__(
        self, footer: str, index: int = 0, total: int = 1, progress: Progress | None = None
    ):
        super().__init__()
        self.footer = footer
        self.index = index
        self.total = total
        self.progress = progress

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, NumberedCanvas):
            canvas.start_section(self.footer)
        if self.progress is not None:
            self.progress(self.index, self.total)


@dataclass
class DocumentInfo:
    title: str
    subject: str
    header_right: str  # the document's name in the header, e.g. "Pairing agreement"
    footer: str  # footer text for pages outside any section
    keywords: str = ""  # the PDF's keywords (a form's identifiers)


class Renderer:
    """Builds one document: subclasses provide ``info`` and ``flowables``."""

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.page_size = PAGE_SIZES.get(letterhead.page_size, A4)
        self.styles = styles()
        self.frame_width = self.page_size[0] - 2 * MARGIN_X
        self.logo = header_logo.prepare(letterhead.logo)
        self.frame_height = self.page_size[1] - MARGIN_TOP - MARGIN_BOTTOM

    # Subclasses override these two.
    def info(self) -> DocumentInfo:
        raise NotImplementedError

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        raise NotImplementedError

    def _on_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        width, height = self.page_size
        info = self._info
        top = height - 13 * mm
        canvas.saveState()
        x = MARGIN_X
        if self.logo is not None:
            x += self.logo.draw(canvas, x, top - 4 * mm, *LOGO_BOX) + 3 * mm
        organisation = self.letterhead.organisation_name or "Mentoring programme"
        organisation_room, name_room = share_line(
            fonts.width(organisation, fonts.BOLD, 9),
            fonts.width(info.header_right, fonts.REGULAR, 8),
            width - MARGIN_X - x,
        )
        canvas.setFillColor(NAVY)
        draw_line(canvas, x, top, organisation, 9, organisation_room, bold=True)
        canvas.setFillColor(MUTED)
        draw_line(canvas, width - MARGIN_X, top, info.header_right, 8, name_room, align_right=True)
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 5.5 * mm, width - MARGIN_X, top - 5.5 * mm)
        canvas.restoreState()

    def render(self, target: Target, progress: Progress | None = None) -> None:
        """Write the PDF to a path (atomically) or to a binary file object such as BytesIO."""
        self._info = self.info()
        buffer = io.BytesIO()
        document = BaseDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=self._info.title,
            subject=self._info.subject,
            keywords=self._info.keywords,
            author=self.letterhead.organisation_name or "RevMentor",
            creator="RevMentor Desktop",
            initialFontName=fonts.REGULAR,
            invariant=1,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            self.frame_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        document.addPageTemplates([PageTemplate("page", frames=[frame], onPage=self._on_page)])
        canvas_class = type(
            "DocumentCanvas", (NumberedCanvas,), {"default_footer": self._info.footer}
        )
        document.build(self._story(progress), canvasmaker=canvas_class)
        write_pdf(buffer.getvalue(), target)

    def _story(self, progress: Progress | None) -> list[Flowable]:
        """The document's flowables, ending with a note if a character could not be printed."""
        with fonts.missing_characters() as missing:
            story = self.flowables(progress)
            for line in (self.letterhead.organisation_name, self._info.header_right):
                text(line)  # the header's text, drawn later, is checked here too
        if missing:
            story += [
                Spacer(1, 4 * mm),
                Paragraph(text(fonts.missing_note(missing)), self.styles["muted"]),
            ]
        return story

    # Building blocks shared by the documents

    def title_block(self, title: str, subtitle: str, meta: str) -> list[Flowable]:
        st, width = self.styles, self.frame_width
        if coordinator := self.letterhead.coordinator_line:
            meta = f"{meta}<br/>{text(coordinator)}"
        return [
            self.fitted(title, st["title"], width, smallest=TITLE_SMALLEST),
            self.fitted(subtitle, st["subtitle"], width, smallest=9),
            Paragraph(meta, st["meta"]),
            Spacer(1, 3 * mm),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=4 * mm),
        ]

    @staticmethod
    def fitted(value: str, style: ParagraphStyle, room: float, *, smallest: float) -> Paragraph:
        """A name in its box: set smaller to fit two lines, and cut with an ellipsis past
        about four (the whole name is printed where there is room for it)."""
        fitted = fitted_style(style, value, room, lines=2, smallest=smallest)
        value = fit_line(value, fitted.fontName, fitted.fontSize, 4 * room)
        return Paragraph(text(value), fitted)

    def heading(self, title: str) -> list[Flowable]:
        """A section heading that never ends a page: it moves on when little room is left."""
        return [CondPageBreak(32 * mm), Paragraph(text(title), self.styles["h1"])]

    def nothing_yet(self, message: str) -> Paragraph:
        """What an empty section says instead of an empty table."""
        return Paragraph(text(message), self.styles["muted"])

    def header_row(self, heads: Sequence[str]) -> list[object]:
        return [Paragraph(text(head), self.styles["cell_head"]) for head in heads]

    def column_head(self, value: str, column: float, lines: int = 3) -> Paragraph:
        """A column's heading made of user text (a name), cut with an ellipsis to about
        ``lines`` lines: a heading repeats on every page and cannot split across pages."""
        style = self.styles["cell_head"]
        room = lines * (column - 2 * CELL_PADDING)
        return Paragraph(text(fit_line(value, style.fontName, style.fontSize, room)), style)

    def issued(self) -> str:
        return f"Issued {format_date(self.letterhead.issued_on)}"


def write_pdf(data: bytes, target: Target) -> None:
    """Write ``data`` to a file object, or to a path by way of a temporary file and a rename.

    A crash or a full disk half-way leaves the old file (or none), never half a PDF.
    """
    if not isinstance(target, (str, Path)):
        target.write(data)
        return
    write_atomically(Path(target), data)
