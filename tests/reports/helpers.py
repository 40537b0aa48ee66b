"""Reading documents back: text, pages and fonts of a PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from revmentor_desktop.reports import fonts


def pdf_text(data: bytes) -> str:
    """All text of the PDF with runs of white space made single spaces."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def pdffonts(path: Path) -> list[list[str]] | None:
    """Rows of ``pdffonts`` (name, type, encoding, emb, sub, uni, ...), or None if missing."""
    if shutil.which("pdffonts") is None:
        return None
    output = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return [line.split() for line in output.splitlines()[2:] if line.strip()]


@dataclass(frozen=True)
class TextLine:
    """One line of text as printed: where it starts and ends, its baseline and size, in points."""

    text: str
    left: float
    right: float
    baseline: float
    size: float

    def overlaps(self, other: TextLine) -> bool:
        """Whether the two lines' ink boxes (a little inside the glyphs' extent) cross."""
        return (
            self.left + 0.5 < other.right
            and other.left + 0.5 < self.right
            and self.baseline - 0.2 * self.size < other.baseline + 0.7 * other.size
            and other.baseline - 0.2 * other.size < self.baseline + 0.7 * self.size
        )


def text_lines(data: bytes) -> list[list[TextLine]]:
    """The lines of text on each page with their positions, measured with the fonts' metrics."""
    reader = PdfReader(io.BytesIO(data))
    fonts_by_name = _registered_fonts()
    pages = []
    for page in reader.pages:
        collector = _LineCollector(fonts_by_name)
        page.extract_text(visitor_text=collector.visit, visitor_operand_before=collector.operator)
        pages.append([line for line in collector.lines if line.text.strip()])
    return pages


class _LineCollector:
    """pypdf reports each run of text with the position where its line starts: runs reported
    at the same position make one line, as wide as its runs together (spaces at its end, which
    print nothing, left out). Spaces are as wide as the word spacing (``Tw``) makes them:
    ReportLab narrows them a little to fit a line."""

    def __init__(self, fonts_by_name: dict[str, str]) -> None:
        self.fonts_by_name = fonts_by_name
        self.lines: list[TextLine] = []
        self.last_position: tuple[float, ...] | None = None
        self.advance = 0.0  # where the next run of the line starts, from its left
        self.word_spacing = 0.0  # added to each space, in text space units

    def operator(self, operator: bytes, operands: list, cm: list, tm: list) -> None:
        if operator == b"Tw":
            self.word_spacing = float(operands[0])

    def visit(self, text: str, cm: list, tm: list, font: dict | None, size: float) -> None:
        run = text.replace("\n", "")
        if not run or font is None:
            return
        position = (*cm, *tm)
        same_line = position == self.last_position
        self.last_position = position
        if not same_line:
            run = run.lstrip()  # pypdf puts a space before a run it finds far from the last
            self.advance = 0.0
        size *= tm[0] * cm[0]
        name = str(font.get("/BaseFont", "")).split("+")[-1].lstrip("/")
        font_name = self.fonts_by_name.get(name, fonts.REGULAR)
        inked = self.advance + self._width(run.rstrip(), font_name, size, tm[0] * cm[0])
        self.advance += self._width(run, font_name, size, tm[0] * cm[0])
        if same_line:
            line = self.lines[-1]
            right = line.left + inked if run.strip() else line.right
            self.lines[-1] = TextLine(line.text + run, line.left, right, line.baseline, line.size)
            return
        left = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        baseline = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        self.lines.append(TextLine(run, left, left + inked, baseline, size))

    def _width(self, run: str, font_name: str, size: float, scale: float) -> float:
        return stringWidth(run, font_name, size) + run.count(" ") * self.word_spacing * scale


def overlapping_lines(page: list[TextLine]) -> list[tuple[str, str]]:
    """Pairs of lines on a page that print over each other."""
    return [
        (first.text, second.text)
        for index, first in enumerate(page)
        for second in page[index + 1 :]
        if first.overlaps(second)
    ]


def _registered_fonts() -> dict[str, str]:
    """ReportLab's name of each font the documents use, by the name a PDF gives it."""
    fonts.register_fonts()
    fonts.text("王")  # registers the computer's CJK font, if it has one
    names = {}
    for name in pdfmetrics.getRegisteredFontNames():
        face = getattr(pdfmetrics.getFont(name), "face", None)
        postscript = getattr(face, "name", name)
        names[postscript.decode() if isinstance(postscript, bytes) else str(postscript)] = name
    return names
