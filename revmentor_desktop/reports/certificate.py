"""Certificates of participation: one landscape page per person, drawn straight on the canvas.

A certificate is a composed page, not flowing text, so each block (organisation, title, name,
role, what they did, figures, focus areas, signatures) is measured first and the room left
over is shared out between them: a long name or a cohort with no focus areas still gives a
balanced page. Every line of user text shrinks to fit its line (a name down to a third of its
size, then onto up to three lines): nothing is ever drawn past the border.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.report_data import CertificateBatch, CertificateData, Signatory
from revmentor_desktop.domain.report_data.certificates import NO_BREAK
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports import logo as header_logo
from revmentor_desktop.reports.base import Progress, Target, write_pdf
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import ACCENT, INK, MUTED, NAVY, PAGE_SIZES, RULE
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.text_fitting import fit_line, fitted_style

OUTER_BORDER = 9 * mm  # from the paper's edge
INNER_BORDER = 12 * mm
CONTENT_MARGIN = 28 * mm  # text keeps this far from the paper's edge, left and right
TOP = 22 * mm  # from the top edge to the top of the logo (or the organisation's name)
SIGNATURE_LINE = 32 * mm  # from the bottom edge to the signature lines
LOGO_BOX = (60 * mm, 16 * mm)
GOLD = colors.HexColor("#B08D3C")  # the ornaments only
PAPER_TINT = colors.HexColor("#FBFAF6")

TITLE = "Certificate of Participation"
PRESENTED = "This certificate is presented to"
NAME_SIZE = 34
NAME_ONE_LINE_SMALLEST = 16  # smaller than this, a name takes more lines instead
NAME_SMALLEST = 9
NAME_LINES = 3
FIGURE_SIZE = 24
SIGNATURE_WIDTH = 62 * mm


@dataclass(frozen=True)
class _Block:
    """A part of the page: its height, and how to draw it with its top at ``y``."""

    height: float
    draw: Callable[[float], None]


class CertificatePages:
    """Draws the certificates of a batch on one canvas, a page each."""

    def __init__(self, batch: CertificateBatch, canvas: Canvas) -> None:
        self.batch = batch
        self.canvas = canvas
        self.width, self.height = canvas._pagesize
        self.room = self.width - 2 * CONTENT_MARGIN
        self.logo = header_logo.prepare(batch.letterhead.logo)
        self.organisation = batch.letterhead.organisation_name

    def draw(self, certificate: CertificateData) -> None:
        self._frame()
        top = self.height - TOP
        head = self._head_blocks()
        body = self._body_blocks(certificate)
        y = top
        for block in head:
            block.draw(y)
            y -= block.height + 4 * mm
        # The body shares the room between the title and the signatures evenly around it.
        bottom = SIGNATURE_LINE + 9 * mm  # above the date written on its line
        used = sum(block.height for block in body)
        gap = max(2 * mm, (y - bottom - used) / (len(body) + 1))
        y -= gap
        for block in body:
            block.draw(y)
            y -= block.height + gap
        self._signatures()
        self.canvas.showPage()

    # The frame and the fixed parts

    def _frame(self) -> None:
        canvas, width, height = self.canvas, self.width, self.height
        canvas.saveState()
        canvas.setFillColor(PAPER_TINT)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(2.4)
        canvas.rect(OUTER_BORDER, OUTER_BORDER, width - 2 * OUTER_BORDER, height - 2 * OUTER_BORDER)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.8)
        canvas.rect(INNER_BORDER, INNER_BORDER, width - 2 * INNER_BORDER, height - 2 * INNER_BORDER)
        canvas.setFillColor(GOLD)
        for x in (INNER_BORDER, width - INNER_BORDER):
            for y in (INNER_BORDER, height - INNER_BORDER):
                _diamond(canvas, x, y, 2.2 * mm)
        canvas.restoreState()

    def _head_blocks(self) -> list[_Block]:
        blocks = []
        if self.logo is not None:
            logo = self.logo
            logo_width, logo_height = logo.fit(*LOGO_BOX)
            blocks.append(
                _Block(
                    logo_height,
                    lambda y: logo.draw(
                        self.canvas,
                        (self.width - logo_width) / 2,
                        y - logo_height,
                        logo_width,
                        logo_height,
                    ),
                )
            )
        if self.organisation:
            blocks.append(self._line(self.organisation, fonts.BOLD, 12, NAVY, spaced=0.6))
        blocks.append(self._title())
        return blocks

    def _title(self) -> _Block:
        size = 28

        def draw(y: float) -> None:
            canvas = self.canvas
            canvas.setFillColor(NAVY)
            canvas.setFont(fonts.BOLD, size)
            canvas.drawCentredString(self.width / 2, y - size, TITLE.upper(), charSpace=2.2)
            canvas.setStrokeColor(GOLD)
            canvas.setLineWidth(1.2)
            rule_y = y - size - 4 * mm
            canvas.line(self.width / 2 - 30 * mm, rule_y, self.width / 2 + 30 * mm, rule_y)
            canvas.setFillColor(GOLD)
            _diamond(canvas, self.width / 2, rule_y, 1.6 * mm)

        return _Block(size + 4 * mm, draw)

    # What the person did

    def _body_blocks(self, certificate: CertificateData) -> list[_Block]:
        """Who (the name), as what (role and programme), and how much (figures, focus)."""
        who = [self._line(PRESENTED, fonts.ITALIC, 12, MUTED), self._name(certificate.name)]
        role = self._line(certificate.role_label.upper(), fonts.BOLD, 13, ACCENT, spaced=2)
        what = [role, self._sentence(_what_they_did(certificate, self.organisation), 12, INK)]
        how_much = [self._figures(certificate.figures)]
        if certificate.focus_areas:
            focus = "Focus areas: " + " · ".join(certificate.focus_areas)
            how_much.append(self._sentence(focus, 10.5, MUTED, lines=2))
        return [_stacked(who, 2 * mm), _stacked(what, 2.5 * mm), _stacked(how_much, 5 * mm)]

    def _name(self, name: str) -> _Block:
        """The name as large as fits one line, down to ``NAME_ONE_LINE_SMALLEST``; a longer
        name takes up to three lines, set smaller still, and is cut only past those."""
        natural = fonts.width(name, fonts.BOLD, NAME_SIZE)
        if natural <= self.room:
            return self._line(name, fonts.BOLD, NAME_SIZE, NAVY, gap_below=3 * mm, underline=True)
        one_line = int(NAME_SIZE * self.room / natural * 4) / 4
        if one_line >= NAME_ONE_LINE_SMALLEST:
            return self._line(name, fonts.BOLD, one_line, NAVY, gap_below=3 * mm, underline=True)
        style = _centred(fonts.BOLD, NAME_ONE_LINE_SMALLEST, NAVY)
        style = fitted_style(style, name, self.room, lines=NAME_LINES, smallest=NAME_SMALLEST)
        name = fit_line(name, style.fontName, style.fontSize, NAME_LINES * self.room * 0.9)
        return self._paragraph(name, style, underline=True)

    def _figures(self, figures: tuple[tuple[str, str], ...]) -> _Block:
        column = min(55 * mm, self.room / len(figures))
        label_size = 8.5
        height = FIGURE_SIZE + 3 * mm + label_size

        def draw(y: float) -> None:
            canvas = self.canvas
            left = self.width / 2 - column * len(figures) / 2
            for index, (value, label) in enumerate(figures):
                centre = left + column * (index + 0.5)
                canvas.setFillColor(NAVY)
                canvas.setFont(fonts.BOLD, FIGURE_SIZE)
                canvas.drawCentredString(centre, y - FIGURE_SIZE * 0.85, value)
                canvas.setFillColor(MUTED)
                canvas.setFont(fonts.REGULAR, label_size)
                canvas.drawCentredString(centre, y - height + 1, label.upper(), charSpace=1)
                if index:
                    canvas.setStrokeColor(RULE)
                    canvas.setLineWidth(0.6)
                    x = left + column * index
                    canvas.line(x, y - 2, x, y - height + 2)

        return _Block(height, draw)

    def _signatures(self) -> None:
        """The date of issue, then a line to sign for each signatory, spread across the page."""
        issued = format_date(self.batch.letterhead.issued_on)
        people = [Signatory(issued, "Date"), *self.batch.signatories]
        count = len(people)
        gap = (self.room - count * SIGNATURE_WIDTH) / max(1, count - 1) if count > 1 else 0
        left = CONTENT_MARGIN if count > 1 else (self.width - SIGNATURE_WIDTH) / 2
        canvas = self.canvas
        for index, person in enumerate(people):
            x = left + index * (SIGNATURE_WIDTH + gap)
            centre = x + SIGNATURE_WIDTH / 2
            canvas.setStrokeColor(NAVY)
            canvas.setLineWidth(0.7)
            canvas.line(x, SIGNATURE_LINE, x + SIGNATURE_WIDTH, SIGNATURE_LINE)
            room = SIGNATURE_WIDTH
            if index == 0:  # the date is printed above its line, as if written there
                self._centred_line(person.name, fonts.REGULAR, 11, INK, centre, SIGNATURE_LINE + 4)
                self._centred_line(
                    person.title, fonts.REGULAR, 8.5, MUTED, centre, SIGNATURE_LINE - 12
                )
                continue
            if person.name:
                size = _size_to_fit(person.name, fonts.BOLD, 10.5, room, smallest=7)
                self._centred_line(person.name, fonts.BOLD, size, INK, centre, SIGNATURE_LINE - 13)
            size = _size_to_fit(person.title, fonts.REGULAR, 8.5, room, smallest=6.5)
            title_y = SIGNATURE_LINE - (25 if person.name else 12)
            self._centred_line(person.title, fonts.REGULAR, size, MUTED, centre, title_y)

    # Lines of text

    def _line(
        self,
        value: str,
        font: str,
        size: float,
        colour: colors.Color,
        *,
        spaced: float = 0,
        gap_below: float = 0,
        underline: bool = False,
    ) -> _Block:
        """One centred line, set smaller (to a third of ``size``, then cut) to fit the room."""
        size = _size_to_fit(value, font, size, self.room, smallest=size / 3, spacing=spaced)
        value = fit_line(value, font, size, self.room)

        def draw(y: float) -> None:
            baseline = y - size * 0.9
            self._centred_line(value, font, size, colour, self.width / 2, baseline, spaced)
            if underline:
                self._underline(y - size * 1.2 - gap_below / 2)

        return _Block(size * 1.2 + gap_below + (3 * mm if underline else 0), draw)

    def _centred_line(
        self,
        value: str,
        font: str,
        size: float,
        colour: colors.Color,
        centre: float,
        baseline: float,
        spaced: float = 0,
    ) -> None:
        canvas = self.canvas
        canvas.setFillColor(colour)
        if fonts.prints_plainly(value):
            canvas.setFont(font, size)
            canvas.drawCentredString(centre, baseline, value, charSpace=spaced)
            return
        paragraph = Paragraph(text(value), _centred(font, size, colour))
        room = fonts.width(value, font, size) + 2
        paragraph.wrapOn(canvas, room, size * 3)
        paragraph.drawOn(canvas, centre - room / 2, baseline - size * 0.25)

    def _sentence(self, value: str, size: float, colour: colors.Color, *, lines: int = 3) -> _Block:
        """Centred text on up to ``lines`` lines, set smaller when it would take more."""
        style = fitted_style(
            _centred(fonts.REGULAR, size, colour), value, self.room, lines=lines, smallest=7
        )
        value = fit_line(value, style.fontName, style.fontSize, lines * self.room * 0.9)
        return self._paragraph(value, style)

    def _paragraph(self, value: str, style: ParagraphStyle, *, underline: bool = False) -> _Block:
        paragraph = Paragraph(text(value), style)
        _, height = paragraph.wrapOn(self.canvas, self.room, self.height)
        extra = 4 * mm if underline else 0

        def draw(y: float) -> None:
            paragraph.drawOn(self.canvas, CONTENT_MARGIN, y - height)
            if underline:
                self._underline(y - height - 1.5 * mm)

        return _Block(height + extra, draw)

    def _underline(self, y: float) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        half = min(self.room / 2, 90 * mm)
        canvas.line(self.width / 2 - half, y, self.width / 2 + half, y)


def _stacked(blocks: list[_Block], gap: float) -> _Block:
    """Blocks drawn one under the other, ``gap`` apart, as one block."""

    def draw(y: float) -> None:
        for block in blocks:
            block.draw(y)
            y -= block.height + gap

    return _Block(sum(block.height for block in blocks) + gap * (len(blocks) - 1), draw)


def _what_they_did(certificate: CertificateData, organisation: str) -> str:
    """The sentence under the role: the programme, the partner and when. The kind of mentoring
    is named unless the cohort's name says it ("Reverse mentoring 2026")."""
    kind = certificate.kind_label.lower()
    named = kind in certificate.programme.lower()
    where = "" if named else f", a {kind} programme"
    at = f" at {organisation}" if organisation else ""
    role = certificate.partner_role_label.replace(" ", NO_BREAK)  # "(Reverse mentor)" stays whole
    partner = f"together with {certificate.partner_name} ({role})"
    period = f", {certificate.period}" if certificate.period else ""
    return f"for taking part in {certificate.programme}{where}{at}, {partner}{period}."


def _size_to_fit(
    value: str, font: str, size: float, room: float, *, smallest: float, spacing: float = 0
) -> float:
    """``size``, or the smaller size (not below ``smallest``) at which ``value`` fits ``room``."""
    natural = fonts.width(value, font, size) + spacing * max(0, len(value) - 1)
    if natural <= room:
        return size
    return max(smallest, int(size * room / natural * 4) / 4)


def _centred(font: str, size: float, colour: colors.Color) -> ParagraphStyle:
    return ParagraphStyle(
        f"certificate-{font}-{size}",
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        textColor=colour,
        alignment=TA_CENTER,
        splitLongWords=1,
    )


def _diamond(canvas: Canvas, x: float, y: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def render_certificate(
    batch: CertificateBatch, target: Target, progress: Progress | None = None
) -> None:
    """Write the certificates of ``batch`` as one PDF, a landscape page each, to a path or a
    binary file object. ``progress(index, total)`` is called before each page; raising from it
    stops and writes nothing."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    page_size = landscape(PAGE_SIZES.get(batch.letterhead.page_size, PAGE_SIZES["A4"]))
    canvas = fonts.ActualTextCanvas(
        buffer, pagesize=page_size, invariant=1, initialFontName=fonts.REGULAR
    )
    canvas.setTitle(batch.title)
    canvas.setSubject("Certificate of participation")
    canvas.setAuthor(batch.letterhead.organisation_name or "RevMentor")
    canvas.setCreator("RevMentor Desktop")
    pages = CertificatePages(batch, canvas)
    total = len(batch.certificates)
    for index, certificate in enumerate(batch.certificates):
        if progress is not None:
            progress(index, total)
        pages.draw(certificate)
    canvas.save()
    write_pdf(buffer.getvalue(), target)
