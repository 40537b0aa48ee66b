"""The progress summary of one pair: where it stands, what happened, what comes next."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.report_data import NOT_SET_FACT, PairSummaryData
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.base import DocumentInfo, Progress, Renderer, Target
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import (
    ACCENT,
    BAND_FILL,
    HEAD_FILL,
    HEALTH_COLOURS,
    MARGIN_X,
    NAVY,
    PAGE_SIZES,
    RULE,
    TITLE_SMALLEST,
    health_markup,
)
from revmentor_desktop.reports.house_style import styles as document_styles
from revmentor_desktop.reports.outcomes import pair_focus_section
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.tables import data_table, facts_table, table_style
from revmentor_desktop.reports.text_fitting import cell_text, fit_line, paragraphs


class ProgressBar(Flowable):
    """A thin bar filled to ``percent``, with the figure beside it."""

    def __init__(self, percent: int, width: float, font: str) -> None:
        super().__init__()
        self.percent = max(0, min(100, percent))
        self.bar_width = width
        self.font = font

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.bar_width, 11

    def draw(self) -> None:
        canvas = self.canv
        track = self.bar_width - 30
        canvas.setFillColor(HEAD_FILL)
        canvas.roundRect(0, 3, track, 5, 2, stroke=0, fill=1)
        if self.percent:
            canvas.setFillColor(ACCENT)
            canvas.roundRect(0, 3, max(4, track * self.percent / 100), 5, 2, stroke=0, fill=1)
        canvas.setFillColor(NAVY)
        canvas.setFont(self.font, 8)
        canvas.drawRightString(self.bar_width, 2.5, f"{self.percent} %")


TILE_PADDING = 7  # points left of a tile's text (5 on the right)
# Room for a figure in the narrowest of four tiles on any paper size.
_NARROWEST_TILE_TEXT = (min(size[0] for size in PAGE_SIZES.values()) - 2 * MARGIN_X) / 4 - (
    2 * TILE_PADDING
)


def _fits(word: str, size: float) -> bool:
    """Whether a health tile's dot and ``word`` fit one line of the narrowest tile."""
    return stringWidth(f"● {word}", fonts.BOLD, size) <= _NARROWEST_TILE_TEXT


def figure_tiles(
    tiles: Sequence[tuple[str, str, str]], width: float, styles: dict, columns: int = 4
) -> Table:
    """Headline figures as tiles: (label, figure markup, note markup)."""
    cells = [
        [
            Paragraph(text(label.upper()), styles["label"]),
            Paragraph(figure, styles["figure"]),
            Paragraph(note or "&nbsp;", styles["cell_muted"]),
        ]
        for label, figure, note in tiles
    ]
    rows = [cells[start : start + columns] for start in range(0, len(cells), columns)]
    if len(rows[-1]) < columns:
        rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), BAND_FILL),
                ("LINEAFTER", (0, 0), (-2, -1), 3, "white"),
                ("LINEBELOW", (0, 0), (-1, -2), 3, "white"),
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), TILE_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def hours(minutes: int) -> str:
    """Hours to one decimal, whole from 100 on (with thousands separators)."""
    value = minutes / 60
    if value >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def days_since(days: int | None) -> str:
    """A short figure for a tile: "Today", "1 day", "14 days"."""
    if days is None:
        return "–"
    if days == 0:
        return "Today"
    return plural(days, "day")


class ProgressSummaryRenderer(Renderer):
    def __init__(self, data: PairSummaryData) -> None:
        super().__init__(data.letterhead)
        self.data = data

    def info(self) -> DocumentInfo:
        pair = f"{self.data.first.name} & {self.data.second.name}"
        private = " · Includes coordinator-only notes" if self.data.include_private_notes else ""
        return DocumentInfo(
            title=f"Progress summary – {pair}",
            subject=f"Progress summary of a mentoring pair in {self.data.programme}",
            header_right="Progress summary" + (" · coordinator copy" if private else ""),
            footer=f"Progress summary · {pair} · {self.issued()}{private}",
        )

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        data = self.data
        st = self.styles
        width = self.frame_width
        meta = f"{text(data.kind_label)} · Pair no. {data.pair_id} · {self.issued()}"
        # Each name at most two lines of the smallest title, so that both are in the title.
        first, second = (
            fit_line(name, fonts.BOLD, TITLE_SMALLEST, 2 * width)
            for name in (data.first.name, data.second.name)
        )
        story = self.title_block(
            f"{first} & {second}", f"Progress summary · {data.programme}", meta
        )
        held = f"{data.sessions_held}"
        story.append(
            figure_tiles(
                [
                    (
                        "Health",
                        self._health_figure(data.health_level, data.health_word),
                        text(data.health_reason),
                    ),
                    ("Sessions held", held, text(data.planned_note)),
                    (
                        "Hours together",
                        hours(data.total_minutes),
                        f"{data.sessions_cancelled} cancelled",
                    ),
                    (
                        "Since the last session",
                        text(days_since(data.days_since_last)),
                        text(format_date(data.last_held, "No session held yet")),
                    ),
                ],
                width,
                st,
            )
        )
        story.append(Spacer(1, 4 * mm))
        story.append(self._facts())
        story.extend(self._goals())
        story.extend(
            pair_focus_section(self, data.focus_progress, data.first.name, data.second.name)
        )
        story.extend(self._sessions())
        story.extend(self._takeaways())
        story.extend(self.heading("Next steps"))
        story.extend(
            Paragraph(text(step), st["bullet"], bulletText="•") for step in data.next_steps
        )
        if data.include_private_notes:
            story.extend(self._private_notes())
        return story

    def _facts(self) -> Flowable:
        """Who, status and dates: two lists side by side, or one list when long names and
        titles would make them taller than a third of the page (it may then split)."""
        data, st, width = self.data, self.styles, self.frame_width
        who = [
            (party.role_label, text(party.name) + _details(party.job_title, party.department))
            for party in (data.first, data.second)
        ]
        who += [("Status", self._status()), ("Meets", text(data.cadence.capitalize()))]
        when = [
            ("Start date", text(format_date(data.start_date, NOT_SET_FACT))),
            ("Mid-point review", text(format_date(data.review_date, NOT_SET_FACT))),
            ("End date", text(format_date(data.end_date, NOT_SET_FACT))),
            ("Agreement signed", text(format_date(data.agreement_signed, "Not yet"))),
        ]
        column = width / 2 - 8 * mm
        side_by_side = _two_columns(
            facts_table(who, column, st, label_share=0.38),
            facts_table(when, column, st, label_share=0.38),
            width,
        )
        if side_by_side.wrap(width, self.frame_height)[1] <= self.frame_height / 3:
            return side_by_side
        return facts_table(who + when, width, st, label_share=0.2)

    def _status(self) -> str:
        status = text(self.data.status.capitalize())
        if self.data.end_reason:
            status += f" ({text(self.data.end_reason)})"
        return status

    def _goals(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("Goals")]
        if data.focus_areas:
            areas = ", ".join(text(area) for area in data.focus_areas)
            story.append(Paragraph(f"<b>Focus areas:</b> {areas}", st["body"]))
        if not data.goals:
            story.append(self.nothing_yet("No goals are recorded for this pair yet."))
            return story
        rows: list[list[object]] = [
            [Paragraph(head, st["cell_head"]) for head in ("Goal", "Whose goal", "Progress")]
        ]
        bar_width = width * 0.25 - 10
        rows += [
            [
                cell_text(goal.description, st["cell"], width * 0.53),
                cell_text(goal.owner_name, st["cell"], width * 0.22),
                ProgressBar(goal.progress, bar_width, fonts.REGULAR),
            ]
            for goal in data.goals
        ]
        story.append(data_table(rows, [width * 0.53, width * 0.22, width * 0.25], zebra=False))
        return story

    @staticmethod
    def _health_figure(level: str, word: str) -> str:
        """The health tile's figure, set smaller if its word would not fit on one line."""
        markup = health_markup(level, word)
        if _fits(word, document_styles()["figure"].fontSize):
            return markup
        size = 12 if _fits(word, 12) else 10
        return f'<font size="{size}">{markup}</font>'

    def _sessions(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("Sessions")]
        if not data.sessions:
            story.append(self.nothing_yet("No sessions are recorded yet."))
            return story
        heads = ("Date", "Length", "Format", "Status", "Topics", "Cancelled by")
        widths = [width * part for part in (0.14, 0.09, 0.13, 0.13, 0.33, 0.18)]
        rows: list[list[object]] = [self.header_row(heads)]
        for line in data.sessions:
            rows.append(
                [
                    Paragraph(text(format_date(line.starts_at.date())), st["cell"]),
                    Paragraph(f"{line.duration_minutes} min", st["cell"]),
                    Paragraph(text(line.meeting_format.capitalize()), st["cell"]),
                    Paragraph(text(line.status.capitalize()), st["cell"]),
                    cell_text(", ".join(line.topics) or "–", st["cell"], widths[4]),
                    cell_text(line.cancelled_by or "–", st["cell"], widths[5]),
                ]
            )
        story.append(data_table(rows, widths))
        return story

    def _takeaways(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("What each side took away")]
        lines = [line for line in data.sessions if line.first_takeaway or line.second_takeaway]
        if data.shared_summary:
            summary = paragraphs(data.shared_summary, st["body"])
            story.append(KeepTogether([Paragraph("In the pair's own words", st["h2"]), summary[0]]))
            story.extend(summary[1:])
        if not lines:
            story.append(self.nothing_yet("No take-aways are recorded yet."))
            return story
        rows: list[list[object]] = [
            [
                Paragraph("Session", st["cell_head"]),
                self.column_head(data.first.name, width * 0.43),
                self.column_head(data.second.name, width * 0.43),
            ]
        ]
        rows += [
            [
                Paragraph(text(format_date(line.starts_at.date())), st["cell"]),
                cell_text(line.first_takeaway or "–", st["cell"], width * 0.43),
                cell_text(line.second_takeaway or "–", st["cell"], width * 0.43),
            ]
            for line in lines
        ]
        story.append(data_table(rows, [width * 0.14, width * 0.43, width * 0.43]))
        return story

    def _private_notes(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [
            *self.heading("Coordinator-only notes"),
            Paragraph(
                "Not for the partners or their managers: this copy was printed with the "
                "coordinator's private notes.",
                st["muted"],
            ),
        ]
        story.extend(
            paragraphs(data.private_notes, st["body"])
            or [Paragraph("No notes about the pair.", st["body"])]
        )
        noted = [line for line in data.sessions if line.private_note]
        if noted:
            rows: list[list[object]] = [
                [Paragraph("Session", st["cell_head"]), Paragraph("Note", st["cell_head"])]
            ]
            rows += [
                [
                    Paragraph(text(format_date(line.starts_at.date())), st["cell"]),
                    cell_text(line.private_note, st["cell"], width * 0.86),
                ]
                for line in noted
            ]
            story.append(
                data_table(
                    rows,
                    [width * 0.14, width * 0.86],
                    extra=[("LINEBEFORE", (0, 0), (0, -1), 2, HEALTH_COLOURS["amber"])],
                )
            )
        return story


def _details(job_title: str, department: str) -> str:
    parts = [text(part) for part in (job_title, department) if part]
    return f'<br/><font size="7.5" color="#5B6472">{" · ".join(parts)}</font>' if parts else ""


def _two_columns(left: Flowable, right: Flowable, width: float) -> Table:
    table = Table([[left, right]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 0, RULE),
            ]
        )
    )
    return table


def render_progress_summary(
    data: PairSummaryData, target: Target, progress: Progress | None = None
) -> None:
    """Write the progress summary of one pair to a path or a binary file object."""
    ProgressSummaryRenderer(data).render(target, progress)
