"""The Outcomes section of the cohort report, and a pair's own before/after in its progress
summary.

The cohort section follows the four levels programme evaluators use (reaction, learning,
behaviour, results). It prints only what ``OutcomeFigures`` carries: aggregates, each hidden
figure with its reason; no free text reaches it. The before/after chart is a dumbbell per
benefit: a hollow dot for the starting point, a filled one for the close, so it reads the same
printed in grey.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from revmentor_desktop.domain.outcomes.figures import (
    DETRACTOR_HIGHEST,
    PROMOTER_LOWEST,
    ChangeLine,
    FocusProgress,
    OutcomeFigures,
)
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.base import Renderer
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import ACCENT, INK, MUTED, NAVY, RULE
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.tables import data_table
from revmentor_desktop.reports.text_fitting import fit_line

SCALE = (1, 5)
ROW_HEIGHT = 21  # points per benefit in the chart
LABEL_SIZE = 7.5


def share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def change(value: float | None) -> str:
    """A signed change to one decimal: "+0.6", "−0.3", "0.0"."""
    if value is None:
        return "–"
    shown = f"{abs(value):.1f}"
    if shown == "0.0":
        return shown
    return f"+{shown}" if value > 0 else f"−{shown}"


def not_shown(reason: str) -> str:
    return f"Not shown: {reason}"


def outcomes_section(renderer: Renderer, figures: OutcomeFigures | None) -> list[Flowable]:
    """The cohort report's Outcomes section: the four levels, in order."""
    st = renderer.styles
    story: list[Flowable] = [*renderer.heading("Outcomes")]
    if figures is None or not any(line.forms for line in figures.completion):
        story.append(renderer.nothing_yet("No questionnaire has been sent out or typed in yet."))
        return story
    story.append(
        Paragraph(
            "From the questionnaires people returned, in the four levels programme evaluators "
            f"use. A figure from fewer than {figures.smallest_group} people is not shown, so "
            "that no one's answers can be told from it; what people wrote in their own words "
            "stays with the coordinator.",
            st["muted"],
        )
    )
    story += _reaction(renderer, figures)
    story += _learning(renderer, figures)
    story += _behaviour(renderer, figures)
    story += _results(renderer, figures)
    return story


def _subheading(renderer: Renderer, title: str, first: Flowable) -> Flowable:
    """A level's heading kept with what follows it."""
    return KeepTogether([Paragraph(text(title), renderer.styles["h2"]), first])


def _reaction(renderer: Renderer, figures: OutcomeFigures) -> list[Flowable]:
    st, width = renderer.styles, renderer.frame_width
    rows: list[list[object]] = [renderer.header_row(("Measure", "People", "Result"))]
    for line in figures.reaction:
        result = not_shown(line.hidden) if line.hidden else f"{mean(line.mean)} of 5"
        rows.append(_measure_row(renderer, f"{line.label} (1–5)", line.respondents, result))
    recommend = figures.recommendation
    label = "Would recommend the programme (0–10)"
    if recommend.hidden:
        rows.append(
            _measure_row(renderer, label, recommend.respondents, not_shown(recommend.hidden))
        )
    else:
        net = recommend.net_score or 0.0
        rows += [
            _measure_row(renderer, label, recommend.respondents, f"{mean(recommend.mean)} of 10"),
            _measure_row(
                renderer,
                f"Of them, answered {PROMOTER_LOWEST} or 10",
                None,
                share(recommend.promoters),
            ),
            _measure_row(
                renderer,
                f"Of them, answered 0 to {DETRACTOR_HIGHEST}",
                None,
                share(recommend.detractors),
            ),
            _measure_row(renderer, "Net recommendation score", None, f"{net:+.0f}"),
        ]
    table = data_table(rows, [width * 0.55, width * 0.13, width * 0.32])
    note = Paragraph(
        f"Net recommendation score: the percentage who answered {PROMOTER_LOWEST} or 10 less "
        f"the percentage who answered 0 to {DETRACTOR_HIGHEST}, from −100 to +100.",
        st["muted"],
    )
    return [
        _subheading(renderer, "Reaction: how people found the partnership", table),
        Spacer(1, 1.5 * mm),
        note,
    ]


def _measure_row(renderer: Renderer, label: str, people: int | None, result: str) -> list[object]:
    st = renderer.styles
    hidden = result.startswith("Not shown")
    return [
        Paragraph(text(label), st["cell"]),
        Paragraph("" if people is None else f"{people:,}", st["cell_right"]),
        Paragraph(text(result), st["cell_muted"] if hidden else st["cell"]),
    ]


def _learning(renderer: Renderer, figures: OutcomeFigures) -> list[Flowable]:
    st, width = renderer.styles, renderer.frame_width
    title = "Learning: self-ratings before and after (1–5)"
    if not figures.learning:
        return [
            _subheading(
                renderer,
                title,
                renderer.nothing_yet(
                    "No one has answered both the starting-point and the closing questionnaire yet."
                ),
            )
        ]
    story: list[Flowable] = []
    shown = figures.shown_changes
    if shown:
        story.append(_subheading(renderer, title, change_chart(shown, width)))
        story.append(Spacer(1, 3 * mm))
    heads = ("Benefit", "Role", "People", "Before", "After", "Change", "Improved")
    widths = [width * part for part in (0.33, 0.18, 0.09, 0.09, 0.09, 0.1, 0.12)]
    rows: list[list[object]] = [renderer.header_row(heads)]
    spans = []
    for number, line in enumerate(figures.learning, start=1):
        cells: list[object] = [
            Paragraph(text(line.label), st["cell"]),
            Paragraph(text(line.role_label), st["cell"]),
            Paragraph(f"{line.respondents:,}", st["cell_right"]),
        ]
        if line.hidden:
            cells += [Paragraph(text(not_shown(line.hidden)), st["cell_muted"]), "", "", ""]
            spans.append(("SPAN", (3, number), (6, number)))
        else:
            cells += [
                Paragraph(mean(line.mean_before), st["cell_right"]),
                Paragraph(mean(line.mean_after), st["cell_right"]),
                Paragraph(f"<b>{change(line.mean_change)}</b>", st["cell_right"]),
                Paragraph(share(line.improved), st["cell_right"]),
            ]
        rows.append(cells)
    table = data_table(rows, widths, extra=spans)
    # The table's head and a few rows together, not one row at the foot of a page.
    story += [CondPageBreak(35 * mm), table] if shown else [_subheading(renderer, title, table)]
    story.append(Spacer(1, 1.5 * mm))
    story.append(
        Paragraph(
            "Each person rated each benefit from 1 (not at all) to 5 (completely) in the "
            "starting-point questionnaire and again at the close. Only people who rated a "
            "benefit both times are counted; improved: the share whose rating went up.",
            st["muted"],
        )
    )
    return story


def change_chart(lines: Sequence[ChangeLine], width: float) -> Drawing:
    """A dumbbell per benefit and role: starting point (hollow) to close (filled), 1 to 5."""
    label_width = min(70 * mm, width * 0.42)
    change_width = 16 * mm
    left = label_width + 6
    right = width - change_width
    top_margin, bottom_margin = 22, 24
    height = top_margin + bottom_margin + ROW_HEIGHT * len(lines)
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR  # not Helvetica, which would be listed unembedded

    def x_of(value: float) -> float:
        low, high = SCALE
        return left + (value - low) / (high - low) * (right - left)

    plot_top = height - top_margin
    plot_bottom = bottom_margin
    for value in range(SCALE[0], SCALE[1] + 1):
        x = x_of(value)
        drawing.add(Line(x, plot_bottom, x, plot_top, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_string(x, plot_bottom - 10, str(value), MUTED, 7, "middle"))
    drawing.add(_string(left, 2, "1 = not at all", MUTED, 6.5, "start"))
    drawing.add(_string(right, 2, "5 = completely", MUTED, 6.5, "end"))
    _legend(drawing, left, height - 9)
    drawing.add(_string(width, height - 9, "Change", NAVY, 7, "end", bold=True))
    for index, line in enumerate(lines):
        y = plot_top - ROW_HEIGHT * index - ROW_HEIGHT / 2
        if index and line.role_label != lines[index - 1].role_label:  # the next role's group
            top = y + ROW_HEIGHT / 2
            drawing.add(Line(0, top, width, top, strokeColor=MUTED, strokeWidth=0.5))
        _dumbbell(drawing, line, x_of, y, label_width, width)
    return drawing


def _dumbbell(
    drawing: Drawing,
    line: ChangeLine,
    x_of: Callable[[float], float],
    y: float,
    label_width: float,
    width: float,
) -> None:
    label = fit_line(line.label, fonts.REGULAR, LABEL_SIZE, label_width)
    role = fit_line(
        f"{line.role_label} · {plural(line.respondents, 'person')}", fonts.REGULAR, 6.5, label_width
    )
    drawing.add(_string(0, y + 1.5, label, INK, LABEL_SIZE, "start"))
    drawing.add(_string(0, y - 7, role, MUTED, 6.5, "start"))
    before, after = x_of(line.mean_before or 0), x_of(line.mean_after or 0)
    drawing.add(Line(before, y, after, y, strokeColor=NAVY, strokeWidth=1.6))
    drawing.add(Circle(before, y, 3.4, fillColor=colors.white, strokeColor=NAVY, strokeWidth=1.2))
    drawing.add(Circle(after, y, 3.4, fillColor=ACCENT, strokeColor=NAVY, strokeWidth=0.8))
    drawing.add(_string(width, y - 2.5, change(line.mean_change), INK, 8, "end", bold=True))


def _legend(drawing: Drawing, x: float, y: float) -> None:
    drawing.add(
        Circle(x + 3, y + 2.5, 3, fillColor=colors.white, strokeColor=NAVY, strokeWidth=1.2)
    )
    drawing.add(_string(x + 10, y, "Starting point", INK, 7, "start"))
    after_x = x + 16 + stringWidth("Starting point", fonts.REGULAR, 7)
    drawing.add(
        Circle(after_x + 3, y + 2.5, 3, fillColor=ACCENT, strokeColor=NAVY, strokeWidth=0.8)
    )
    drawing.add(
        _string(after_x + 10, y, "Closing questionnaire (mean of each group)", INK, 7, "start")
    )


def _string(
    x: float,
    y: float,
    value: str,
    colour: colors.Color,
    size: float,
    anchor: str,
    bold: bool = False,
) -> String:
    return String(
        x,
        y,
        value,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        fillColor=colour,
        textAnchor=anchor,
    )


def _behaviour(renderer: Renderer, figures: OutcomeFigures) -> list[Flowable]:
    behaviour, st = figures.behaviour, renderer.styles
    if behaviour.hidden:
        sentence = text(not_shown(behaviour.hidden)) + "."
    else:
        described = behaviour.described or 0
        verb = "describes" if described == 1 else "describe"
        sentence = (
            f"<b>{described:,} of {plural(behaviour.respondents, 'person')}</b> who returned the "
            f"closing questionnaire {verb} something they now do differently "
            "because of the partnership. What they wrote stays with the "
            "coordinator: this report only counts it."
        )
    return [
        _subheading(
            renderer, "Behaviour: what people now do differently", Paragraph(sentence, st["body"])
        )
    ]


def _results(renderer: Renderer, figures: OutcomeFigures) -> list[Flowable]:
    st, width = renderer.styles, renderer.frame_width
    rows: list[list[object]] = [
        renderer.header_row(("Questionnaire", "Forms", "Answered", "Share answered"))
    ]
    rows += [
        [
            Paragraph(text(line.questionnaire.title), st["cell"]),
            Paragraph(f"{line.forms:,}", st["cell_right"]),
            Paragraph(f"{line.answered:,}", st["cell_right"]),
            Paragraph(share(line.share_answered), st["cell_right"]),
        ]
        for line in figures.completion
    ]
    table = data_table(rows, [width * 0.46, width * 0.18, width * 0.18, width * 0.18])
    completed, early = figures.pairs_completed, figures.pairs_ended_early
    ended = completed + early
    if ended:
        pairs = (
            f"{plural(completed, 'pair')} completed the partnership and {early:,} ended early: "
            f"{share(completed / ended)} of the pairs that have ended completed."
        )
    else:
        pairs = "No pair has ended yet."
    return [
        _subheading(renderer, "Results: questionnaires answered and pairs completed", table),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "Forms: made for someone, whether sent out or typed in from paper. " + pairs,
            st["muted"],
        ),
    ]


# --- A pair's own before and after ---------------------------------------------------------


def pair_focus_section(
    renderer: Renderer, lines: Sequence[FocusProgress], first_name: str, second_name: str
) -> list[Flowable]:
    """How confident each partner felt with each focus area at the start and at the close."""
    if not lines:
        return []
    st, width = renderer.styles, renderer.frame_width
    widths = [width * 0.36, width * 0.32, width * 0.32]
    rows: list[list[object]] = [
        [
            Paragraph("Focus area", st["cell_head"]),
            renderer.column_head(first_name, widths[1]),
            renderer.column_head(second_name, widths[2]),
        ]
    ]
    rows += [
        [
            Paragraph(text(line.area), st["cell"]),
            Paragraph(_before_after(line.first_before, line.first_after), st["cell"]),
            Paragraph(_before_after(line.second_before, line.second_after), st["cell"]),
        ]
        for line in lines
    ]
    return [
        *renderer.heading("Confidence in the focus areas"),
        Paragraph(
            "Each partner's own rating, from 1 (not confident) to 5 (very confident), in the "
            "starting-point questionnaire and at the close.",
            st["muted"],
        ),
        data_table(rows, widths),
    ]


def _before_after(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "Not answered"
    shown = f"{_rating(before)} → {_rating(after)}"
    if before is not None and after is not None:
        difference = after - before
        shown += " (no change)" if not difference else f" ({difference:+d})".replace("-", "−")
    return shown


def _rating(value: int | None) -> str:
    return "–" if value is None else str(value)
