"""User text fitted to the room it has, and laid out in time proportional to its length.

Long text is set as a run of short Paragraphs, a table cell takes the cheapest form that shows
it whole, a name shrinks inside its box, and a header or footer line is cut with an ellipsis.
"""

from __future__ import annotations

import functools
import re

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import CELL_PADDING, HEADER_GAP
from revmentor_desktop.reports.paragraph import Paragraph

# ReportLab lays a paragraph out in time that grows faster than its length (a 200 KB note took
# minutes), so long text is set as a run of Paragraphs of at most this many characters each.
PARAGRAPH_CHARACTERS = 2000
# Text one table row holds, per point of its column's width: about a dozen lines of cell text.
ROW_CHARACTERS_PER_POINT = 2.5
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]”’]* ")


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
