"""The fonts every document uses, and the one way user text becomes Paragraph markup.

DejaVu Sans ships with the app (``resources/fonts``, Bitstream Vera licence) and is embedded
in every PDF, so accented, Greek, Cyrillic, Hebrew and Arabic letters print on any computer.
Characters it lacks (Chinese, Japanese, Korean, Devanagari and other Indic scripts, rarer
symbols) are set in a font the computer already has (``system_fonts``), embedded the same
way. Text that only DejaVu needs never looks for one, so ordinary pages cost nothing extra.

Scripts whose letters change shape with their neighbours (Devanagari's conjuncts and vowel
signs) are shaped with HarfBuzz (``uharfbuzz``, which ReportLab uses for the purpose). The
shaped glyphs no longer spell the text, so each such word is marked in the PDF with its
``ActualText``: copying, searching and ``pdftotext`` give back the letters as typed.

A character no font on the computer has prints as a visible "�", never as an empty box or
nothing, and the document says which characters those were (``missing_characters``).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from revmentor_desktop.reports import rtl, system_fonts

REGULAR = "RevMentorSans"
BOLD = "RevMentorSans-Bold"
ITALIC = "RevMentorSans-Italic"
FAMILY = REGULAR
PLACEHOLDER = "\ufffd"  # "�", which DejaVu has: a character no font here can print
FALLBACK_PREFIX = "RevMentorFallback-"  # the registered names of the computer's fonts

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}
# Characters that belong to the letter before them: they stay in its font (and its shaping).
_JOINING_CATEGORIES = ("Mn", "Mc", "Me", "Cf")
_SPACES = frozenset("\n\t ")

_missing: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "missing_characters", default=None
)


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the bundled fonts once per process; returns the code points DejaVu covers."""
    folder = resources.files("revmentor_desktop").joinpath("resources", "fonts")
    for name, file_name in _FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


class _Fallbacks:
    """System fonts registered as they are first needed, and what each covers."""

    def __init__(self) -> None:
        self.coverage: dict[str, frozenset[int]] = {}  # registered name → code points
        self.names: dict[system_fonts.FontFile, str | None] = {}  # None: cannot be used
        self.actual_text: dict[tuple[str, str], str] = {}  # (font, shaped word) → as typed
        self.rescaled: set[tuple[str, int]] = set()  # (font, glyph code): each font numbers its own
        self.files: dict[str, system_fonts.FontFile] = {}  # registered name → its file
        self.bold: dict[str, str | None] = {}  # registered name → its bold face's, if any

    def name_of(self, font_file: system_fonts.FontFile) -> str | None:
        """The registered name of ``font_file``, registering it on first use."""
        if font_file not in self.names:
            self.names[font_file] = self._register(font_file)
        return self.names[font_file]

    def _register(self, font_file: system_fonts.FontFile) -> str | None:
        stem = re.sub(r"[^A-Za-z0-9]+", "", font_file.name) or "Font"
        name = f"{FALLBACK_PREFIX}{stem}-{font_file.index}"
        try:
            font = TTFont(name, font_file.path, subfontIndex=font_file.index)
        except Exception:  # CFF outlines, a damaged file, a colour-only emoji font
            return None
        pdfmetrics.registerFont(font)
        self.coverage[name] = frozenset(font.face.charToGlyph)
        self.files[name] = font_file
        return name

    def bold_of(self, name: str) -> str | None:
        """The registered name of the bold face of ``name``'s family, registering it on first
        use; None when the family has none (or ``name`` is already bold)."""
        if name not in self.bold:
            sibling = system_fonts.bold_face(self.files[name])
            bold = None if sibling is None else self.name_of(sibling)
            self.bold[name] = None if bold == name else bold
            if bold is not None:
                self.bold[bold] = None
        return self.bold[name]

    def covers(self, name: str, char: str) -> bool:
        return ord(char) in self.coverage[name]

    def best_for(self, chars: str) -> str | None:
        """The font that prints the longest start of ``chars`` (at least its first letter).

        Fontconfig says what each font covers before any is read, so only the chosen one is
        opened; fonts from a folder are opened in order until one has the first letter.
        """
        code = ord(chars[0])
        candidates = [font for font in system_fonts.installed_fonts() if font.may_cover(code)]
        candidates.sort(key=lambda font: -_covered_length(chars, lambda c: font.may_cover(ord(c))))
        for font_file in candidates:  # sorting is stable: best suited first among equals
            name = self.name_of(font_file)
            if name is not None and self.covers(name, chars[0]):
                return name
        return None

    def widen(self, name: str, shaped: str, typed: str) -> None:
        """Remember ``shaped``'s text for ActualText, and scale the widths ReportLab recorded
        for new glyphs (conjuncts) in font units rather than thousandths of an em."""
        self.actual_text[(name, shaped)] = typed
        face = pdfmetrics.getFont(name).face  # type: ignore[attr-defined]
        if face.unitsPerEm == 1000:
            return
        for code in {ord(char) for char in shaped} - set(map(ord, typed)):
            if (name, code) not in self.rescaled:
                face.charWidths[code] = face.charWidths[code] * 1000 / face.unitsPerEm
                self.rescaled.add((name, code))


_fallbacks = _Fallbacks()


def _covered_length(chars: str, covers: Callable[[str], bool]) -> int:
    """How many of ``chars``, from the first, ``covers`` prints (with the marks they carry)."""
    length = 0
    for char in chars:
        if not (covers(char) or unicodedata.category(char) in _JOINING_CATEGORIES):
            break
        length += 1
    return length


def _runs(raw: str, covered: frozenset[int]) -> Iterator[tuple[bool, str]]:
    """``raw`` in runs: (True, text DejaVu prints) or (False, text it lacks)."""
    start = 0
    inside: bool | None = None
    for index, char in enumerate(raw):
        if inside is not None and unicodedata.category(char) in _JOINING_CATEGORIES:
            continue  # a vowel sign or joiner stays with its letter
        here = ord(char) in covered or char in _SPACES
        if here != inside:
            if inside is not None:
                yield inside, raw[start:index]
            start, inside = index, here
    if inside is not None:
        yield inside, raw[start:]


@functools.lru_cache(maxsize=4096)
def _fallback_runs(run: str) -> tuple[tuple[tuple[str | None, str], ...], str]:
    """A run DejaVu cannot print, in pieces of one fallback font each (None: the placeholder
    in DejaVu), and the characters no font here has."""
    pieces: list[tuple[str | None, str]] = []
    missing: list[str] = []
    position = 0
    while position < len(run):
        rest = run[position:]
        name = _fallbacks.best_for(rest)
        if name is None:
            missing.append(rest[0])
            pieces.append((None, PLACEHOLDER))
            position += 1
            continue
        length = _covered_length(rest, lambda char, name=name: _fallbacks.covers(name, char))
        pieces.append((name, _shaped(name, rest[:length])))
        position += length
    return tuple(pieces), "".join(missing)


def _shaped(name: str, piece: str) -> str:
    """``piece`` as the glyphs HarfBuzz chooses (conjuncts, reordered vowel signs), remembered
    with the text as typed for the PDF's ActualText. Right-to-left text is left to ``rtl``."""
    if ttfonts.uharfbuzz is None or any(rtl.is_rtl(char) for char in piece):
        return piece
    shaped = str(ttfonts.shapeStr(piece, name, 10))
    if shaped != piece:
        _fallbacks.widen(name, shaped, piece)
    return shaped


@functools.lru_cache(maxsize=4096)
def in_bold(name: str, piece: str) -> tuple[str, str]:
    """``piece``, set by ``text()`` in the fallback font ``name``, as the bold face of that
    font's family sets it (shaped anew): the font and the piece. Unchanged when the family has
    no bold face, or it lacks one of the characters."""
    bold = _fallbacks.bold_of(name) if name.startswith(FALLBACK_PREFIX) else None
    if bold is None:
        return name, piece
    typed = _fallbacks.actual_text.get((name, piece), piece)
    if not all(_fallbacks.covers(bold, char) for char in typed):
        return name, piece
    return bold, _shaped(bold, typed)


# Letters written right to left (Hebrew, Arabic and their presentation forms): ``rtl`` turns them.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff]")


def prints_plainly(value: str) -> bool:
    """Whether DejaVu prints ``value`` as it stands: no right-to-left run to turn round and no
    character from another font. Most text, accented or not, takes this quick path."""
    return value.isascii() or (
        _RIGHT_TO_LEFT.search(value) is None and register_fonts().issuperset(map(ord, value))
    )


def text(value: object) -> str:
    """``value`` as Paragraph markup that prints exactly as typed.

    Escapes ``<``, ``>`` and ``&`` (a note "Call <Anna>" would otherwise print "Call"), keeps
    line breaks, puts right-to-left names in visual order (``rtl``), and sets characters
    DejaVu lacks in a system font instead of empty boxes.
    """
    raw = "" if value is None else str(value)
    if prints_plainly(raw):
        return escape(raw).replace("\n", "<br/>")
    raw = rtl.visual(raw)
    covered = register_fonts()
    parts: list[str] = []
    for printable, run in _runs(raw, covered):
        if printable:
            parts.append(escape(run))
            continue
        pieces, missing = _fallback_runs(run)
        parts += [
            escape(piece) if name is None else f'<font face="{name}">{escape(piece)}</font>'
            for name, piece in pieces
        ]
        if missing and (noted := _missing.get()) is not None:
            noted.update(missing)
    return "".join(parts).replace("\n", "<br/>")


def width(value: str, font: str, size: float) -> float:
    """How wide ``value`` prints on one line in ``font`` at ``size`` points, set as ``text()``
    sets it: characters DejaVu lacks in the fallback font that prints them, in its bold face
    when ``font`` is bold (as the Paragraph sets them)."""
    if prints_plainly(value):
        return pdfmetrics.stringWidth(value, font, size)
    total = 0.0
    for printable, run in _runs(rtl.visual(value), register_fonts()):
        if printable:
            total += pdfmetrics.stringWidth(run, font, size)
            continue
        for name, piece in _fallback_runs(run)[0]:
            if name is not None and font == BOLD:
                name, piece = in_bold(name, piece)
            total += pdfmetrics.stringWidth(piece, name or font, size)
    return total


@contextlib.contextmanager
def missing_characters() -> Iterator[set[str]]:
    """Collects, while open, the characters ``text`` could not print in any font."""
    token = _missing.set(set())
    try:
        noted = _missing.get()
        assert noted is not None
        yield noted
    finally:
        _missing.reset(token)


def missing_note(characters: set[str]) -> str:
    """The document's sentence on characters it printed as "�"."""
    listed = ", ".join(
        f"U+{ord(char):04X} {unicodedata.name(char, '').title()}".rstrip()
        for char in sorted(characters)
    )
    return (
        f"Some characters could not be printed, because no font on this computer has them, "
        f"and show as {PLACEHOLDER}: {listed}. Installing a font that covers them (the Noto "
        "fonts cover most scripts) and printing again shows them."
    )


def actual_text(font_name: str, drawn: str) -> str | None:
    """What ``drawn`` (a line's run of shaped glyphs in ``font_name``) says, as typed."""
    if not _fallbacks.actual_text:
        return None
    pieces = re.split(r"(\s+)", drawn)
    typed = [_fallbacks.actual_text.get((font_name, piece), piece) for piece in pieces]
    result = "".join(typed)
    return None if result == drawn else result


class _ActualTextObject(PDFTextObject):
    """A text object that marks shaped runs with the text they spell (PDF ActualText)."""

    def _formatText(self, text: str) -> str:
        code = super()._formatText(text)
        if not self._fontname.startswith(FALLBACK_PREFIX):
            return code
        typed = actual_text(self._fontname, str(text))
        if typed is None:
            return code
        hexed = (b"\xfe\xff" + typed.encode("utf-16-be")).hex().upper()
        return f"/Span <</ActualText <{hexed}>>> BDC {code} EMC"


class ActualTextCanvas(Canvas):
    """A canvas whose text objects keep shaped words searchable and copyable."""

    def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> PDFTextObject:
        return _ActualTextObject(self, x, y, direction=direction)
