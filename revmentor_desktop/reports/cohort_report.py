"""The cohort report: headline figures, charts, every pair's health and who needs attention.

Written for management: breakdowns never show a group smaller than the programme's anonymity
threshold (five people unless the coordinator chose otherwise; the data layer merges or hides
them), so no one can be identified from a figure.
"""

from __future__ import annotations

from reportlab.graphics.charts.axes import ValueAxis
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel
from revmentor_desktop.domain.report_data import NO_DATE, CohortReportData, date_range, percent
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.base import DocumentInfo, Progress, Renderer, Target
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import (
    ACCENT,
    HEALTH_COLOURS,
    INK,
    MUTED,
    RULE,
    health_markup,
)
from revmentor_desktop.reports.outcomes import outcomes_section
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.progress import figure_tiles, hours
from revmentor_desktop.reports.tables import data_table, table_style
from revmentor_desktop.reports.text_fitting import cell_text

OTHER_TOPICS = "Other topics"
# Shares of the width of the "Every pair" table: the two names, status, health, held, last
# session. The health column holds "● Needs a nudge" on one line.
PAIR_COLUMNS = (0.23, 0.23, 0.13, 0.185, 0.07, 0.155)
HEALTH_COLUMN = 3


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    shown = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return f"{shown}{unit}"


class CohortReportRenderer(Renderer):
    def __init__(self, data: CohortReportData) -> None:
        super().__init__(data.letterhead)
        self.data = data

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            title=f"Cohort report – {self.data.name}",
            subject=f"Mentoring cohort report for {self.data.name}",
            header_right=f"Cohort report · {self.data.name}",
            footer=f"Cohort report · {self.data.name} · {self.issued()}",
        )

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        data, st = self.data, self.styles
        dates = date_range(data.start_date, data.end_date)
        meta = (
            f"{text(data.kind_label)} · {text(dates)} · meets {text(data.cadence)}<br/>"
            f"Figures as of {text(format_date(data.letterhead.issued_on))}"
        )
        story = self.title_block("Cohort report", data.name, meta)
        story.extend(self._headline())
        story.extend(self._participation())
        story.extend(self._status_and_reasons())
        story.extend(self._charts())
        story.extend(self._departments())
        story.extend(outcomes_section(self, data.outcomes))
        story.extend(self._attention())
        story.extend(self._pairs())
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(self._definitions(), st["muted"]))
        return story

    def _headline(self) -> list[Flowable]:
        figures, st = self.data.figures, self.styles
        tiles = [
            ("Pairs", str(figures.pairs_total), f"{figures.pairs_started} started"),
            (
                "Match rate",
                percent(figures.match_rate),
                f"{figures.people_paired} of {figures.enrolled} people in a pair",
            ),
            ("People without a pair", str(figures.people_unpaired), "enrolled, not yet matched"),
            ("Sessions held", str(figures.sessions_held), text(figures.held_note)),
            ("Hours of mentoring", hours(figures.minutes_held), "in held sessions"),
            (
                "Pairs with 3+ sessions",
                percent(figures.share_with_three),
                f"{figures.pairs_with_three} of {figures.pairs_started} started pairs",
            ),
            (
                "Days to first session",
                _number(figures.median_days_to_first),
                "median, from the pair's start",
            ),
            ("Ended early", str(figures.ended_early), "no fault implied"),
        ]
        return [*self.heading("Headline figures"), figure_tiles(tiles, self.frame_width, st)]

    def _participation(self) -> list[Flowable]:
        """The funnel and today's health, as the Programme view shows them."""
        figures, st, width = self.data.figures, self.styles, self.frame_width
        if not figures.funnel:
            return []
        heads = ("From enrolment to completion", "People", "Of those enrolled", "Left at this step")
        rows: list[list[object]] = [self.header_row(heads)]
        for index, step in enumerate(figures.funnel):
            rows.append(
                [
                    Paragraph(text(step.label), st["cell"]),
                    Paragraph(str(step.count), st["cell_right"]),
                    Paragraph(percent(step.share_of_enrolled), st["cell_right"]),
                    Paragraph(str(step.drop_out) if index else "", st["cell_right"]),
                ]
            )
        story: list[Flowable] = [
            *self.heading("Participation"),
            data_table(rows, [width * 0.46, width * 0.14, width * 0.2, width * 0.2]),
        ]
        health = " · ".join(f"{line.label} {line.count}" for line in figures.health)
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            Paragraph(
                text(
                    f"Active pairs today: {health}. Each step counts the people who also "
                    "reached every step before it."
                ),
                st["muted"],
            )
        )
        return story

    def _status_and_reasons(self) -> list[Flowable]:
        figures, st, width = self.data.figures, self.styles, self.frame_width
        status_rows: list[list[object]] = [
            [Paragraph("Pairs by status", st["cell_head"]), Paragraph("Pairs", st["cell_head"])]
        ]
        status_rows += [
            [
                Paragraph(text(line.label.capitalize()), st["cell"]),
                Paragraph(str(line.count), st["cell_right"]),
            ]
            for line in figures.pairs_by_status
        ]
        reason_rows: list[list[object]] = [
            [
                Paragraph("Why pairs ended early", st["cell_head"]),
                Paragraph("Pairs", st["cell_head"]),
            ]
        ]
        reason_rows += [
            [Paragraph(text(line.label), st["cell"]), Paragraph(str(line.count), st["cell_right"])]
            for line in figures.ended_early_reasons
        ]
        if not figures.ended_early_reasons:
            note = figures.reasons_note or "No pair has ended early."
            reason_rows.append([Paragraph(text(note), st["cell_muted"]), ""])
        elif figures.reasons_note:
            reason_rows.append([Paragraph(text(figures.reasons_note), st["cell_muted"]), ""])
        column = width / 2 - 8 * mm
        left = data_table(status_rows, [column * 0.75, column * 0.25], zebra=False)
        right = data_table(reason_rows, [column * 0.8, column * 0.2], zebra=False)
        table = Table([[left, right]], colWidths=[width / 2, width / 2], hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, 0), 8 * mm),
                ]
            )
        )
        return [Spacer(1, 5 * mm), table]

    def _charts(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = []
        months = Paragraph("Sessions held per month", st["h1"])
        if data.months:
            story += [CondPageBreak(75 * mm), months, self._month_chart(width)]
        else:
            story += [
                *self.heading("Sessions held per month"),
                self.nothing_yet("No sessions held yet."),
            ]
        topics = Paragraph("Topics covered in held sessions", st["h1"])
        if data.topics:
            chart = self._topic_chart(width)
            story += [CondPageBreak(chart.height + 15 * mm), topics, chart]
        else:
            story += [
                *self.heading("Topics covered in held sessions"),
                self.nothing_yet("No topics are recorded yet."),
            ]
        return story

    def _month_chart(self, width: float) -> Drawing:
        months = self.data.months
        height = 52 * mm
        drawing = _drawing(width, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 28, 20
        chart.width, chart.height = width - 36, height - 30
        chart.data = [[month.held for month in months]]
        chart.bars[0].fillColor = ACCENT
        chart.bars[0].strokeColor = None
        chart.barSpacing = 1
        chart.groupSpacing = max(2, int(chart.width / len(months) * 0.25))
        _style_value_axis(chart.valueAxis, max(month.held for month in months))
        chart.categoryAxis.categoryNames = [month.label for month in months]
        chart.categoryAxis.labels.fontName = fonts.REGULAR
        chart.categoryAxis.labels.fontSize = 7 if len(months) <= 12 else 6
        chart.categoryAxis.labels.fillColor = INK
        chart.categoryAxis.labels.angle = 0 if len(months) <= 12 else 45
        chart.categoryAxis.labels.boxAnchor = "n" if len(months) <= 12 else "ne"
        chart.categoryAxis.strokeColor = RULE
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = fonts.REGULAR
        chart.barLabels.fontSize = 6.5
        chart.barLabels.fillColor = MUTED
        chart.barLabels.nudge = 6
        drawing.add(chart)
        return drawing

    def _topic_chart(self, width: float) -> Drawing:
        named = [line for line in self.data.topics if line.label != OTHER_TOPICS]
        other = sum(line.count for line in self.data.topics if line.label == OTHER_TOPICS)
        topics = list(reversed(named))  # the chart draws from the bottom up
        bar = 11
        height = len(topics) * bar + 34
        label_width = 60 * mm
        drawing = _drawing(width, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = label_width, 24
        chart.width, chart.height = width - label_width - 24, len(topics) * bar
        chart.data = [[line.count for line in topics]]
        chart.bars[0].fillColor = ACCENT
        chart.bars[0].strokeColor = None
        chart.barSpacing = 0
        chart.groupSpacing = 3
        _style_value_axis(chart.valueAxis, max(line.count for line in topics))
        chart.categoryAxis.categoryNames = [_short(line.label, 38) for line in topics]
        chart.categoryAxis.labels.fontName = fonts.REGULAR
        chart.categoryAxis.labels.fontSize = 7.5
        chart.categoryAxis.labels.fillColor = INK
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.strokeColor = RULE
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = fonts.REGULAR
        chart.barLabels.fontSize = 6.5
        chart.barLabels.fillColor = MUTED
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        caption = "Held sessions that covered each topic"
        if other:
            caption += f"; {other:,} more mentions of other topics"
        drawing.add(
            String(
                label_width,
                2,
                caption,
                fontName=fonts.REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
            )
        )
        return drawing

    def _departments(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("Participation by department")]
        if not data.departments:
            story.append(self.nothing_yet("No one is enrolled yet."))
            return story
        heads = ("Department", "People enrolled", "In a pair", "Sessions attended")
        rows: list[list[object]] = [self.header_row(heads)]
        for line in data.departments:
            if line.people is None:
                rows.append(
                    [
                        Paragraph(text(line.label), st["cell"]),
                        Paragraph(
                            f"Fewer than {data.min_group_size} people in all: not broken down",
                            st["cell_muted"],
                        ),
                        "",
                        "",
                    ]
                )
                continue
            rows.append(
                [
                    Paragraph(text(line.label), st["cell"]),
                    Paragraph(str(line.people), st["cell_right"]),
                    Paragraph(str(line.paired), st["cell_right"]),
                    Paragraph(str(line.sessions_attended), st["cell_right"]),
                ]
            )
        spans = [
            ("SPAN", (1, row), (3, row))
            for row, line in enumerate(data.departments, start=1)
            if line.people is None
        ]
        story.append(
            data_table(rows, [width * 0.46, width * 0.18, width * 0.16, width * 0.2], extra=spans)
        )
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            Paragraph(
                f"Departments with fewer than {data.min_group_size} people are combined, so "
                "that no one can be identified from a figure.",
                st["muted"],
            )
        )
        return story

    def _attention(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("Pairs that need attention")]
        if not data.attention:
            story.append(self.nothing_yet("No pair needs attention today."))
            return story
        rows: list[list[object]] = [
            [Paragraph("Pair", st["cell_head"]), Paragraph("Why", st["cell_head"])]
        ]
        words = {"red": "Red", "amber": "Amber", "info": "To do"}
        for line in data.attention:
            colour = HEALTH_COLOURS.get(line.level, ACCENT).hexval()[2:]
            marker = f'<font color="#{colour}">●</font> <b>{words.get(line.level, "")}</b> · '
            rows.append(
                [
                    cell_text(line.pair_label, st["cell"], width * 0.4),
                    Paragraph(marker + text(line.reason), st["cell"]),
                ]
            )
        story.append(data_table(rows, [width * 0.4, width * 0.6]))
        return story

    def _pairs(self) -> list[Flowable]:
        data, st, width = self.data, self.styles, self.frame_width
        story: list[Flowable] = [*self.heading("Every pair")]
        if not data.pairs:
            story.append(self.nothing_yet("The cohort has no pairs yet."))
            return story
        heads = (data.first_label, data.second_label, "Status", "Health", "Held", "Last session")
        widths = [width * part for part in PAIR_COLUMNS]
        rows: list[list[object]] = [self.header_row(heads)]
        rows += [
            [
                cell_text(line.first_name, st["cell"], widths[0]),
                cell_text(line.second_name, st["cell"], widths[1]),
                Paragraph(text(line.status.capitalize()), st["cell"]),
                Paragraph(health_markup(line.health_level, line.health_word), st["cell"]),
                Paragraph(str(line.sessions_held), st["cell_right"]),
                Paragraph(text(format_date(line.last_held, NO_DATE)), st["cell"]),
            ]
            for line in data.pairs
        ]
        story.append(data_table(rows, widths))
        return story

    def _definitions(self) -> str:
        return text(
            "How the figures are counted. Match rate: enrolled people who are in a pair of the "
            "cohort. Planned sessions: one per cadence period since each started pair's start "
            "date (up to its end date). Pairs with 3+ sessions and days to first session count "
            "pairs that have started (past “proposed”). Health of an active pair: "
            f"{HEALTH_WORDS[HealthLevel.GREEN].lower()} while it meets within 1.5 times the "
            f"cadence, {HEALTH_WORDS[HealthLevel.AMBER].lower()} beyond that, "
            f"{HEALTH_WORDS[HealthLevel.RED].lower()} beyond three times."
        )


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR  # not Helvetica, which would be listed unembedded
    return drawing


def _style_value_axis(axis: ValueAxis, top: int) -> None:
    """The counted axis of both charts: from zero to a round number, light grid lines."""
    axis.valueMin = 0
    axis.valueMax = _nice_ceiling(top)
    axis.valueStep = _nice_ceiling(top) / 4
    axis.labels.fontName = fonts.REGULAR
    axis.labels.fontSize = 7
    axis.labels.fillColor = MUTED
    axis.strokeColor = RULE
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3
    axis.visibleGrid = 1
    axis.labelTextFormat = _axis_label


def _nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value``: four equal whole-number steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 3, 4, 5, 6, 8):
            step = factor * magnitude
            if 4 * step >= value:
                return 4 * step
        magnitude *= 10


def _axis_label(value: float) -> str:
    return f"{value:,.0f}"


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def render_cohort_report(
    data: CohortReportData, target: Target, progress: Progress | None = None
) -> None:
    """Write the cohort report to a path or a binary file object."""
    CohortReportRenderer(data).render(target, progress)
