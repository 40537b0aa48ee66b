"""The house style of every document: page sizes, colours, margins and the paragraph styles.

One place to change how the documents look; the renderers, tables and page footers read it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.fonts import text

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


def health_markup(level: str, word: str) -> str:
    """A coloured dot and the health's word, as the window shows it ("On track")."""
    colour = HEALTH_COLOURS.get(level, HEALTH_COLOURS["none"]).hexval()[2:]
    return f'<font color="#{colour}">●</font> {text(word)}'
