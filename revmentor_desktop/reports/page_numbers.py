"""The footer of every page: the section's text and "Page X of Y", counted in each section.

A document may hold several sections (the agreements of a cohort): page numbers then restart in
each section, so each pair's copy reads "Page 1 of 3" on its own. The canvas keeps every page
until the end, when the totals are known.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.house_style import (
    FOOTER_SIZE,
    HEADER_GAP,
    MARGIN_BOTTOM,
    MARGIN_X,
    MUTED,
    RULE,
)
from revmentor_desktop.reports.text_fitting import draw_line


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
