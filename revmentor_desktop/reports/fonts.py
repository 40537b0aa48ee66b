"""The fonts every document uses, and the one way user text becomes Paragraph markup.

DejaVu Sans ships with the app (``resources/fonts``, Bitstream Vera licence) and is embedded
in every PDF, so accented, Greek, Cyrillic, Hebrew and Arabic letters print on any computer.
DejaVu has no Chinese, Japanese or Korean characters (a usable CJK font would add 4–20 MB to
the app). Runs of them are set in a TrueType CJK font the computer already has, embedded like
DejaVu, when one is found in the usual places; otherwise in Adobe's standard CJK fonts, which
PDF viewers supply themselves.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from revmentor_desktop.reports import rtl

REGULAR = "RevMentorSans"
BOLD = "RevMentorSans-Bold"
ITALIC = "RevMentorSans-Italic"
FAMILY = REGULAR

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}
CJK_FONT = "STSong-Light"  # Chinese (and the kana and hanja that GB fonts carry)
KOREAN_FONT = "HYSMyeongJo-Medium"
SYSTEM_CJK_FONT = "RevMentorCJK"

# TrueType (not CFF/OpenType) CJK fonts that ReportLab can embed, where systems usually keep them.
SYSTEM_CJK_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
)


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the bundled fonts once per process; returns the code points DejaVu covers."""
    folder = resources.files("revmentor_desktop").joinpath("resources", "fonts")
    for name, file_name in _FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    pdfmetrics.registerFont(UnicodeCIDFont(KOREAN_FONT))
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


@functools.cache
def _system_cjk() -> frozenset[int]:
    """Register the first usable system CJK TrueType font; returns what it covers (or nothing)."""
    for location, index in SYSTEM_CJK_CANDIDATES:
        if not Path(location).is_file():
            continue
        try:
            font = TTFont(SYSTEM_CJK_FONT, location, subfontIndex=index)
        except Exception:
            continue
        pdfmetrics.registerFont(font)
        return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]
    return frozenset()


def _fallback_font(char: str) -> str:
    code = ord(char)
    if code in _system_cjk():
        return SYSTEM_CJK_FONT
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return KOREAN_FONT
    return CJK_FONT


def text(value: object) -> str:
    """``value`` as Paragraph markup that prints exactly as typed.

    Escapes ``<``, ``>`` and ``&`` (a note "Call <Anna>" would otherwise print "Call"), keeps
    line breaks, puts right-to-left names in visual order (``rtl``), and sets characters
    DejaVu lacks in a CJK font instead of empty boxes.
    """
    raw = "" if value is None else str(value)
    if raw.isascii():
        return escape(raw).replace("\n", "<br/>")
    parts = [
        escape(chunk) if font is None else f'<font face="{font}">{escape(chunk)}</font>'
        for font, chunk in _runs(rtl.visual(raw))
    ]
    return "".join(parts).replace("\n", "<br/>")


def width(value: str, font: str, size: float) -> float:
    """How wide ``value`` prints on one line in ``font`` at ``size`` points, set as ``text()``
    sets it (CJK characters in their own, wider font)."""
    if value.isascii():
        return pdfmetrics.stringWidth(value, font, size)
    return sum(
        pdfmetrics.stringWidth(chunk, run_font or font, size)
        for run_font, chunk in _runs(rtl.visual(value))
    )


def _runs(visual: str) -> list[tuple[str | None, str]]:
    """``visual`` in runs of one font: None for DejaVu, else the fallback font's name."""
    covered = register_fonts()
    runs: list[tuple[str | None, str]] = []
    run: list[str] = []
    run_font: str | None = None
    for char in visual:
        if char in "\n\t ":
            font = run_font  # a space belongs to the run it is in: ReportLab measures it so
        else:
            font = None if ord(char) in covered else _fallback_font(char)
        if font != run_font and run:
            runs.append((run_font, "".join(run)))
            run.clear()
        run_font = font
        run.append(char)
    if run:
        runs.append((run_font, "".join(run)))
    return runs
