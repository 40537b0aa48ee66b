"""ReportLab's Paragraph, read once for each text and laid out once for each width.

A batch of agreements repeats most of its paragraphs word for word (the clauses that name no
one, the headings, the labels), and ReportLab reads each one's markup with an HTML parser:
here a text already read in the same style is copied from the first reading instead.

A table lays out each cell's paragraphs to size its rows, again for each part when it splits
at a page end, and again to draw them; a group kept together on one page is laid out to
measure it and again when it is placed: several line breakings of the same text at the same
width, the dearest step of drawing a document. Here the later ones return the first's lines.
Every document builds its paragraphs from this class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

from revmentor_desktop.reports import fonts

READINGS_KEPT = 2000  # distinct short paragraphs remembered; a batch of agreements has ~100
SHORTEST_KEPT, LONGEST_KEPT = 8, 1000  # characters: shorter is cheap to read, longer is rare

# (text, id of the style) → (the style, the style the markup gave, its fragments)
_readings: dict[tuple[str, int], tuple[ParagraphStyle, ParagraphStyle, list[Any]]] = {}


class Paragraph(paragraph.Paragraph):
    _wrapped: tuple[float, tuple[float, float]] | None = None

    def _setup(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: str | None,  # noqa: N803 (ReportLab's names)
        frags: list[Any] | None,
        cleaner: Callable[[str], str],
    ) -> None:
        if (
            frags is not None
            or bulletText is not None
            or not (SHORTEST_KEPT <= len(text) <= LONGEST_KEPT)
        ):
            super()._setup(text, style, bulletText, frags, cleaner)
            if frags is None:
                self._embolden()
            return
        key = (text, id(style))
        known = _readings.get(key)
        if known is not None and known[0] is style:  # the same style object, not a new one
            fragments = [frag.clone() for frag in known[2]]
            super()._setup(cleaner(text), known[1], None, fragments, cleaner)
            return
        super()._setup(text, style, None, None, cleaner)
        self._embolden()
        if len(_readings) >= READINGS_KEPT:
            _readings.clear()
        _readings[key] = (style, self.style, [frag.clone() for frag in self.frags])

    def _embolden(self) -> None:
        """Set the text of a bold paragraph (a title, a name in a card) that ``fonts.text`` put
        in a computer's font in that font's bold face: ReportLab's ``<font face>`` markup
        always gives the face named, so a Korean name in a bold title printed light."""
        if self.style.fontName != fonts.BOLD:
            return
        for frag in self.frags:
            if frag.fontName.startswith(fonts.FALLBACK_PREFIX):
                frag.fontName, frag.text = fonts.in_bold(frag.fontName, frag.text)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The paragraph's size at ``available_width``; its height does not depend on the room
        below, so the lines broken for the same width before still hold."""
        wrapped = self._wrapped
        # ReportLab drops the lines (blPara) of a paragraph it moves on whole to the next page.
        if wrapped is not None and wrapped[0] == available_width and "blPara" in self.__dict__:
            return wrapped[1]
        size = super().wrap(available_width, available_height)
        self._wrapped = (available_width, size)
        return size
