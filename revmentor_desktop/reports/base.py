"""What every document shares: page size, styles, header and footer, "Page X of Y", writing.

The pattern follows pretix's invoice renderer: a renderer class with a style-sheet factory,
fonts registered once, page templates that draw the header and footer, and a numbered canvas
that writes "Page X of Y" when the total is known. A document may hold several sections (the
agreements of a cohort): page numbers then restart in each section, so each pair's copy reads
"Page 1 of 3" on its own.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
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
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from revmentor_desktop.domain.report_data import Letterhead, long_date
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports import logo as header_logo
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.storage.files import write_atomically

Target = Path | str | BinaryIO
Progress = Callable[[int, int], None]

PAGE_SIZES = {"A4": A4, "Letter": LETTER}

# A restrained palette: dark blue for structure, grey for secondary text, colour only for meaning.
INK = colors.HexColor("#1D2433")
NAVY = colors.HexColor("#1F3A5F")
ACCENT = colors.HexColor("#2A6F97")
MUTED = colors.HexColor("#5B6472")
RULE = colors.HexColor("#C9D1DB")
HEAD_FILL = colors.HexColor("#EAF0F6")
BAND_FILL = colors.HexColor("#F6F8FA")
HEALTH_COLOURS = {
    "green": colors.HexColor("#2E7D32"),
    "amber": colors.HexColor("#B26A00"),
    "red": colors.HexColor("#C62828"),
    "none": colors.HexColor("#8A94A3"),
    "info": ACCENT,
}

MARGIN_X = 22 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 22 * mm
LOGO_BOX = (30 * mm, 10 * mm)  # the most room a logo takes at the left of the header

# ReportLab lays a paragraph out in time that grows faster than its length (a 200 KB note took
# minutes), so long text is set as a run of Paragraphs of at most this many characters each.
PARAGRAPH_CHARACTERS = 2000
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles, all in the bundled font."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        spaceAfter=5,
        embeddedHyphenation=1,
        splitLongWords=1,
        bulletFontName=fonts.REGULAR,
    )

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "title": derive(
            "title", fontName=fonts.BOLD, fontSize=20, leading=25, textColor=NAVY, spaceAfter=3
        ),
        "subtitle": derive("subtitle", fontSize=11.5, leading=15, textColor=ACCENT, spaceAfter=2),
        "meta": derive("meta", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=0),
        "h1": derive(
            "h1",
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            textColor=NAVY,
            spaceBefore=12,
            spaceAfter=5,
        ),
        "h2": derive(
            "h2",
            fontName=fonts.BOLD,
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "bullet": derive("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2.5),
        "small": derive("small", fontSize=8.5, leading=11.5, spaceAfter=3),
        "muted": derive("muted", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=3),
        "cell": derive("cell", fontSize=8.5, leading=11, spaceAfter=0),
        "cell_right": derive(
            "cell_right", fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_muted": derive("cell_muted", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0),
        "cell_head": derive(
            "cell_head", fontName=fonts.BOLD, fontSize=8, leading=10.5, textColor=NAVY, spaceAfter=0
        ),
        "label": derive(
            "label", fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=1, alignment=TA_LEFT
        ),
        "party_name": derive(
            "party_name", fontName=fonts.BOLD, fontSize=12, leading=15, spaceAfter=1
        ),
        "figure": derive(
            "figure", fontName=fonts.BOLD, fontSize=17, leading=21, textColor=NAVY, spaceAfter=0
        ),
    }


def paragraphs(value: str, style: ParagraphStyle) -> list[Flowable]:
    """User text of any length as Paragraphs that lay out in time proportional to its length.

    Each line becomes its own Paragraph (a blank line keeps the style's space after), and a line
    longer than ``PARAGRAPH_CHARACTERS`` is cut at a space near that length, or by force inside
    an unbroken run. Pieces of one paragraph follow each other with no space between them, so
    the page looks as if the text had been set in one Paragraph.
    """
    joined = ParagraphStyle(f"{style.name}-joined", parent=style, spaceAfter=0)
    flowables: list[Flowable] = []
    blocks = [block for block in _BLANK_LINE.split(value.replace("\r\n", "\n")) if block.strip()]
    for block in blocks:
        pieces = [piece for line in block.split("\n") for piece in _bounded_pieces(line)]
        flowables.extend(Paragraph(text(piece), joined) for piece in pieces[:-1])
        flowables.append(Paragraph(text(pieces[-1]), style))
    return flowables


def _bounded_pieces(line: str) -> list[str]:
    """``line`` in pieces of at most ``PARAGRAPH_CHARACTERS``, cut at a space where one is near."""
    pieces = []
    while len(line) > PARAGRAPH_CHARACTERS:
        cut = line.rfind(" ", PARAGRAPH_CHARACTERS // 2, PARAGRAPH_CHARACTERS)
        cut = cut + 1 if cut > 0 else PARAGRAPH_CHARACTERS
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line or " ")
    return pieces


def health_markup(level: str, word: str) -> str:
    """A coloured dot and the health's word, as the window shows it ("On track")."""
    colour = HEALTH_COLOURS.get(level, HEALTH_COLOURS["none"]).hexval()[2:]
    return f'<font color="#{colour}">●</font> {text(word)}'


def table_style(commands: Sequence[Any]) -> TableStyle:
    """A TableStyle whose plain-text cells use the bundled font (ReportLab's default is
    Helvetica, which would then be listed, unembedded, in the PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def grid_style(
    header_rows: int = 1, *, zebra: bool = True, extra: Sequence[Any] = ()
) -> TableStyle:
    """The look of every data table: a tinted header, hairlines between rows."""
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, NAVY),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, BAND_FILL]))
    commands.extend(extra)
    return table_style(commands)


def data_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    extra: Sequence[Any] = (),
) -> Table:
    """A table that splits across pages with its header repeated, long cells split in-row."""
    table = Table(
        rows,
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(grid_style(header_rows, zebra=zebra, extra=extra))
    return table


def facts_table(
    pairs: Sequence[tuple[str, str]],
    width: float,
    st: dict[str, ParagraphStyle],
    label_share: float = 0.32,
) -> Table:
    """Label / value lines, such as "Start date | 1 March 2027"; values are already markup."""
    rows = [
        [Paragraph(text(label), st["cell_muted"]), Paragraph(value, st["cell"])]
        for label, value in pairs
    ]
    table = Table(rows, colWidths=[width * label_share, width * (1 - label_share)], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return table


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


class NumberedCanvas(fonts.ActualTextCanvas):
    """A canvas that keeps each page until the end, then writes the footers with page numbers."""

    letterhead: Letterhead | None = None
    default_footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._section_of_page: list[int] = []
        self._section_footers: list[str] = [self.default_footer]
        self._section_started_here = False

    def start_section(self, footer: str) -> None:
        """Called on the first page of a section, before anything else is drawn on it."""
        if self._pages or self._section_started_here:
            self._section_footers.append(footer)
        else:
            self._section_footers[0] = footer
        self._section_started_here = True

    def showPage(self) -> None:
        self._section_of_page.append(len(self._section_footers) - 1)
        self._pages.append(dict(self.__dict__))
        self._section_started_here = False
        self._startPage()

    def save(self) -> None:
        counts: dict[int, int] = {}
        for section in self._section_of_page:
            counts[section] = counts.get(section, 0) + 1
        numbers: dict[int, int] = {}
        for state, section in zip(self._pages, self._section_of_page, strict=True):
            self.__dict__.update(state)
            numbers[section] = numbers.get(section, 0) + 1
            self._draw_footer(self._section_footers[section], numbers[section], counts[section])
            super().showPage()
        super().save()

    def _draw_footer(self, footer: str, number: int, total: int) -> None:
        width, _ = self._pagesize
        y = MARGIN_BOTTOM - 12 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 9, width - MARGIN_X, y + 9)
        self.setFillColor(MUTED)
        self.setFont(fonts.REGULAR, 7.5)
        _draw_line(
            self, MARGIN_X, y, _fit(footer, fonts.REGULAR, 7.5, width - 2 * MARGIN_X - 70), 7.5
        )
        self.drawRightString(width - MARGIN_X, y, f"Page {number} of {total}")
        self.restoreState()


def _draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    value: str,
    size: float,
    bold: bool = False,
    right: float = 0,
) -> None:
    """One line of user text (names) on the canvas, with the same care as a Paragraph."""
    if fonts.prints_plainly(value):
        font = fonts.BOLD if bold else fonts.REGULAR
        canvas.setFont(font, size)
        if right:
            canvas.drawRightString(right, y, value)
        else:
            canvas.drawString(x, y, value)
        return
    colour = canvas._fillColorObj
    style = ParagraphStyle(
        "line",
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        leading=size * 1.2,
        textColor=colour,
        alignment=TA_RIGHT if right else TA_LEFT,
    )
    paragraph = Paragraph(text(value), style)
    width = (right - x) if right else canvas._pagesize[0]
    paragraph.wrapOn(canvas, width, size * 2)
    paragraph.drawOn(canvas, x, y - size * 0.2)


def _fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` cut with an ellipsis to fit ``width`` points on one line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


@dataclass
class DocumentInfo:
    title: str
    subject: str
    header_right: str  # the document's name in the header, e.g. "Pairing agreement"
    footer: str  # footer text for pages outside any section


class Renderer:
    """Builds one document: subclasses provide ``info`` and ``flowables``."""

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.page_size = PAGE_SIZES.get(letterhead.page_size, A4)
        self.styles = styles()
        self.frame_width = self.page_size[0] - 2 * MARGIN_X
        self.logo = header_logo.prepare(letterhead.logo)

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
        canvas.setFillColor(NAVY)
        organisation = self.letterhead.organisation_name or "Mentoring programme"
        _draw_line(canvas, x, top, _fit(organisation, fonts.BOLD, 9, width / 2 - x), 9, bold=True)
        canvas.setFillColor(MUTED)
        header = _fit(info.header_right, fonts.REGULAR, 8, width / 2 - MARGIN_X)
        _draw_line(canvas, width / 2, top, header, 8, right=width - MARGIN_X)
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
            author=self.letterhead.organisation_name or "RevMentor",
            creator="RevMentor Desktop",
            initialFontName=fonts.REGULAR,
            invariant=1,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            self.frame_width,
            self.page_size[1] - MARGIN_TOP - MARGIN_BOTTOM,
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
        st = self.styles
        if coordinator := self.letterhead.coordinator_line:
            meta = f"{meta}<br/>{text(coordinator)}"
        return [
            Paragraph(text(title), st["title"]),
            Paragraph(text(subtitle), st["subtitle"]),
            Paragraph(meta, st["meta"]),
            Spacer(1, 3 * mm),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=4 * mm),
        ]

    def heading(self, title: str) -> list[Flowable]:
        """A section heading that never ends a page: it moves on when little room is left."""
        return [CondPageBreak(32 * mm), Paragraph(text(title), self.styles["h1"])]

    def nothing_yet(self, message: str) -> Paragraph:
        """What an empty section says instead of an empty table."""
        return Paragraph(text(message), self.styles["muted"])

    def header_row(self, heads: Sequence[str]) -> list[object]:
        return [Paragraph(text(head), self.styles["cell_head"]) for head in heads]

    def issued(self) -> str:
        return f"Issued {long_date(self.letterhead.issued_on)}"


def write_pdf(data: bytes, target: Target) -> None:
    """Write ``data`` to a file object, or to a path by way of a temporary file and a rename.

    A crash or a full disk half-way leaves the old file (or none), never half a PDF.
    """
    if not isinstance(target, (str, Path)):
        target.write(data)
        return
    write_atomically(Path(target), data)
