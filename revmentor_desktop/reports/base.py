"""What every document shares: page size, styles, header and footer, "Page X of Y", writing.

The pattern follows pretix's invoice renderer: a renderer class with a style-sheet factory,
fonts registered once, page templates that draw the header and footer, and a numbered canvas
that writes "Page X of Y" when the total is known. A document may hold several sections (the
agreements of a cohort): page numbers then restart in each section, so each pair's copy reads
"Page 1 of 3" on its own.
"""

from __future__ import annotations

import functools
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
from reportlab.pdfbase.pdfmetrics import stringWidth
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

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.report_data import Letterhead
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
FOOTER_SIZE = 7.5
TITLE_SMALLEST = 13  # points: a long title shrinks to this before it takes more lines
HEADER_GAP = 6 * mm  # between the two texts of a header or footer line

CELL_SIZE = 8.5  # table text, as a Paragraph ("cell" style) or as plain text (``cell_text``)
CELL_LEADING = 11
CELL_PADDING = 5  # points left and right of the text in a data table's cell

# ReportLab lays a paragraph out in time that grows faster than its length (a 200 KB note took
# minutes), so long text is set as a run of Paragraphs of at most this many characters each.
PARAGRAPH_CHARACTERS = 2000
# Text one table row holds, per point of its column's width: about a dozen lines of cell text.
ROW_CHARACTERS_PER_POINT = 2.5
# Room left at a page end above which a table splits inside its next row (about five lines).
ROW_SPLIT_ROOM = 60
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]”’]* ")


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
        "cell": derive("cell", fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0),
        "cell_right": derive(
            "cell_right",
            fontSize=CELL_SIZE,
            leading=CELL_LEADING,
            spaceAfter=0,
            alignment=TA_RIGHT,
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


def paragraphs(
    value: str, style: ParagraphStyle, characters: int = PARAGRAPH_CHARACTERS
) -> list[Flowable]:
    """User text of any length as Paragraphs that lay out in time proportional to its length.

    Each line becomes its own Paragraph (a blank line keeps the style's space after), and a line
    longer than ``characters`` is cut at a space near that length, or by force inside an
    unbroken run. Pieces of one paragraph follow each other with no space between them, so
    the page looks as if the text had been set in one Paragraph.
    """
    joined = ParagraphStyle(f"{style.name}-joined", parent=style, spaceAfter=0)
    flowables: list[Flowable] = []
    blocks = [block for block in _BLANK_LINE.split(value.replace("\r\n", "\n")) if block.strip()]
    for block in blocks:
        pieces = [
            piece for line in block.split("\n") for piece in _bounded_pieces(line, characters)
        ]
        flowables.extend(Paragraph(text(piece), joined) for piece in pieces[:-1])
        flowables.append(Paragraph(text(pieces[-1]), style))
    return flowables


def _bounded_pieces(line: str, characters: int) -> list[str]:
    """``line`` in pieces of at most ``characters``, cut after a sentence or at a space where
    one is near (each piece starts a new line, so a cut after a sentence reads best)."""
    pieces = []
    while len(line) > characters:
        window = line[characters // 2 : characters]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        if ends:
            cut = characters // 2 + ends[-1]
        else:
            space = window.rfind(" ")
            cut = characters // 2 + space + 1 if space >= 0 else characters
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line or " ")
    return pieces


def row_characters(column: float) -> int:
    """How much text one table row holds in a column ``column`` points wide: about a dozen
    lines. A row is laid out whole, again at each page it is split across."""
    return max(100, int(column * ROW_CHARACTERS_PER_POINT))


def fitted_style(
    style: ParagraphStyle, value: str, room: float, *, lines: int, smallest: float
) -> ParagraphStyle:
    """``style``, or a smaller copy when ``value`` would take more than ``lines`` lines of
    ``room`` points: a long name shrinks inside its box (down to ``smallest`` points) before
    it wraps onto more lines."""
    natural = fonts.width(value, style.fontName, style.fontSize)
    usable = room * lines * 0.9  # lines break between words, so they are never quite full
    if natural <= usable:
        return style
    size = max(smallest, int(style.fontSize * usable / natural * 2) / 2)
    return ParagraphStyle(
        f"{style.name}-{size}",
        parent=style,
        fontSize=size,
        leading=style.leading * size / style.fontSize,
    )


def cell_text(value: str, style: ParagraphStyle, column: float) -> str | Flowable | list[Flowable]:
    """User text for a data table's cell, in the cheapest form that shows it whole.

    A short value the bundled font prints as it stands is table text, which ReportLab draws
    without parsing or laying out a paragraph (several times faster); other text is a
    Paragraph; longer text (a note, or a name pasted before there were limits) is the pieces of
    ``paragraphs()``, which ``data_table`` spreads over rows. ``column`` is the column's width;
    ``style`` must look like the table's own text.
    """
    if (
        fonts.prints_plainly(value)
        and "\n" not in value
        and stringWidth(value, style.fontName, style.fontSize) <= column - 2 * CELL_PADDING
    ):
        return value
    characters = row_characters(column)
    if len(value) <= characters:
        return Paragraph(text(value), style)
    return paragraphs(value, style, characters)


def health_markup(level: str, word: str) -> str:
    """A coloured dot and the health's word, as the window shows it ("On track")."""
    colour = HEALTH_COLOURS.get(level, HEALTH_COLOURS["none"]).hexval()[2:]
    return f'<font color="#{colour}">●</font> {text(word)}'


def table_style(commands: Sequence[Any]) -> TableStyle:
    """A TableStyle whose plain-text cells use the bundled font (ReportLab's default is
    Helvetica, which would then be listed, unembedded, in the PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def side_by_side_cards(
    cards: tuple[list[Flowable], list[Flowable]],
    widths: tuple[float, float],
    *,
    padding: float,
    divider: float,
    top: float,
    bottom: float,
) -> Table:
    """Two cards side by side on the light fill, split by a white line ``divider`` points
    wide: an agreement's two parties, what each partner prepares for a meeting. A card may
    split across pages, as text saved before there were limits can be longer than a page."""
    table = Table([list(cards)], colWidths=list(widths), splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), HEAD_FILL),
                ("LINEBEFORE", (1, 0), (1, 0), divider, "white"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ]
        )
    )
    return table


def grid_style(
    header_rows: int = 1,
    *,
    zebra: bool = True,
    extra: Sequence[Any] = (),
    record_ends: Sequence[int] | None = None,
) -> TableStyle:
    """The look of every data table: a tinted header, hairlines between records.

    ``record_ends`` lists the last table row of each record (header rows included) when a
    record takes several rows (see ``data_table``); the rule and the band then go round the
    record, not each of its rows.
    """
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        # Plain text in a cell (``cell_text``) looks like a Paragraph in the "cell" style.
        ("FONTSIZE", (0, header_rows), (-1, -1), CELL_SIZE),
        ("LEADING", (0, header_rows), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, header_rows), (-1, -1), INK),
    ]
    if record_ends is None:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, BAND_FILL]))
    else:
        starts = [0, *(end + 1 for end in record_ends[:-1])]
        records = list(zip(starts, record_ends, strict=True))[header_rows:]
        commands += [
            ("LINEBELOW", (0, first), (-1, last), 0.4, RULE) for first, last in _runs(record_ends)
        ]
        for first, last in records:
            if last > first:  # the text runs on from row to row as if in one cell
                commands += [
                    ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                    ("TOPPADDING", (0, first + 1), (-1, last), 0),
                ]
        if zebra:
            commands += [
                ("BACKGROUND", (0, first), (-1, last), BAND_FILL) for first, last in records[1::2]
            ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, NAVY),
        ]
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
    """A table that splits across pages with its header repeated, long cells split in-row.

    A cell given as a list of flowables (``paragraphs()`` of a long note) is spread over as
    many table rows as it needs, ``row_characters`` of text in each, with no rule between
    them. ReportLab lays out again all of a row that it splits at a page end, once per page,
    so one row holding a whole note took time growing with the square of its length.
    Row numbers in ``extra`` count records (the rows as given) and are mapped to table rows.
    """
    table_rows, record_ends = _spread_long_cells(rows, header_rows, widths)
    spread = len(table_rows) != len(rows)
    if spread:
        extra = [_mapped_command(command, record_ends) for command in extra]
    table = DataTable(
        table_rows,
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=1,
        hAlign="LEFT",
    )
    style = grid_style(
        header_rows, zebra=zebra, extra=extra, record_ends=record_ends if spread else None
    )
    table.setStyle(style)
    return table


class DataTable(Table):
    """A table that fills the page: at its end it splits inside a tall row, but leaves a row
    whole when too little room is left for a useful part of it.

    ReportLab splits between rows when it can. Before a tall row that left most of the page
    blank; and the rest of the table, its header repeated, was then split inside that row in
    the same space: a second header in the middle of the page, or over the last two lines.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        used = 0.0
        for height in self._rowHeights:
            if used + height > availHeight:
                break
            used += height
        if availHeight - used >= ROW_SPLIT_ROOM:
            self.splitByRow = 0  # inside the row first
            return super().split(availWidth, availHeight)
        self.splitByRow, self.splitInRow = 1, 0  # between rows, or on the next page
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = 1
        for part in parts:
            part.splitInRow = 1
        return parts


def _spread_long_cells(
    rows: list[list[Any]], header_rows: int, widths: Sequence[float]
) -> tuple[list[list[Any]], list[int]]:
    """The table rows for ``rows`` and the index of the last table row of each given row."""
    table_rows: list[list[Any]] = list(rows[:header_rows])
    record_ends = list(range(header_rows))
    for row in rows[header_rows:]:
        columns = [_cell_pieces(cell, width) for cell, width in zip(row, widths, strict=True)]
        for index in range(max(len(column) for column in columns)):
            table_rows.append([column[index] if index < len(column) else "" for column in columns])
        record_ends.append(len(table_rows) - 1)
    return table_rows, record_ends


def _cell_pieces(cell: Any, column: float) -> list[Any]:
    """A cell's flowables in groups of about ``row_characters`` of text, one group per row."""
    if not isinstance(cell, list) or len(cell) < 2:
        return [cell]
    most = row_characters(column)
    groups: list[list[Flowable]] = [[]]
    size = 0
    for flowable in cell:
        length = len(getattr(flowable, "text", ""))
        if groups[-1] and size + length > most:
            groups.append([])
            size = 0
        groups[-1].append(flowable)
        size += length
    return groups


def _mapped_command(command: tuple[Any, ...], record_ends: Sequence[int]) -> tuple[Any, ...]:
    """A style command on records as one on the table rows that hold them."""
    (first_column, first), (last_column, last) = command[1], command[2]
    if isinstance(first, int) and first >= 0:
        first = record_ends[first - 1] + 1 if first else 0
    if isinstance(last, int) and last >= 0:
        last = record_ends[last]
    return (command[0], (first_column, first), (last_column, last), *command[3:])


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Increasing ``numbers`` as (first, last) runs of consecutive ones: 0 1 2 5 6 → 0–2, 5–6."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


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
    table = Table(
        rows,
        colWidths=[width * label_share, width * (1 - label_share)],
        hAlign="LEFT",
        splitInRow=1,
    )
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
        """The footer text on the left, cut to leave the page number its own room."""
        width, _ = self._pagesize
        y = MARGIN_BOTTOM - 12 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 9, width - MARGIN_X, y + 9)
        self.setFillColor(MUTED)
        widest_number = fonts.width(f"Page {total} of {total}", fonts.REGULAR, FOOTER_SIZE)
        room = width - 2 * MARGIN_X - widest_number - HEADER_GAP
        draw_line(self, MARGIN_X, y, footer, FOOTER_SIZE, room)
        draw_line(
            self,
            width - MARGIN_X,
            y,
            f"Page {number} of {total}",
            FOOTER_SIZE,
            widest_number,
            align_right=True,
        )
        self.restoreState()


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    value: str,
    size: float,
    room: float,
    *,
    bold: bool = False,
    align_right: bool = False,
) -> None:
    """One line of user text on the canvas, cut with an ellipsis to ``room`` points.

    It starts at ``x``, or ends there with ``align_right``. Text the bundled font prints as it
    stands is drawn directly; other text goes through a Paragraph, for the same fallback fonts,
    shaping and right-to-left order as the body.
    """
    font = fonts.BOLD if bold else fonts.REGULAR
    value = fit_line(value, font, size, room)
    if fonts.prints_plainly(value):
        canvas.setFont(font, size)
        if align_right:
            canvas.drawRightString(x, y, value)
        else:
            canvas.drawString(x, y, value)
        return
    style = ParagraphStyle(
        "line",
        fontName=font,
        fontSize=size,
        leading=size * 1.2,
        textColor=canvas._fillColorObj,
        alignment=TA_RIGHT if align_right else TA_LEFT,
    )
    paragraph = Paragraph(text(value), style)
    paragraph.wrapOn(canvas, room + 1, size * 2)  # + 1: rounding must not push a word over
    paragraph.drawOn(canvas, x - room - 1 if align_right else x, y - size * 0.2)


@functools.lru_cache(maxsize=256)
def fit_line(value: str, font: str, size: float, room: float) -> str:
    """``value`` cut with an ellipsis to print within ``room`` points on one line.

    Headers and footers repeat on every page, so the answer is kept; a search by halves
    measures only as much of a long value as could ever fit.
    """
    if fonts.width(value, font, size) <= room:
        return value
    shortest, longest = 0, min(len(value), int(room / (0.15 * size)) + 1)
    while shortest < longest:
        middle = (shortest + longest + 1) // 2
        if fonts.width(value[:middle].rstrip() + "…", font, size) <= room:
            shortest = middle
        else:
            longest = middle - 1
    return value[:shortest].rstrip() + "…"


def share_line(first: float, second: float, room: float) -> tuple[float, float]:
    """Room for two texts side by side on one line, ``HEADER_GAP`` apart.

    Each gets what it needs when both fit; otherwise one shorter than half keeps its width
    and the other has the rest, and two long ones get half each.
    """
    room -= HEADER_GAP
    half = room / 2
    if first + second <= room:
        return first, second
    if first <= half:
        return first, room - first
    if second <= half:
        return room - second, second
    return half, half


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
