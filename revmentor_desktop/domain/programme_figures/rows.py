"""The programme figures flattened to rows (section, label, measure, value, note): one row per
number, for a CSV someone builds their own slides from, a printed summary, or two selections
side by side. Shares are percentages and hours are hours, rounded as they are shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum
from typing import Any

from revmentor_desktop.domain.programme_figures.records import (
    Comparison,
    ProgrammeFigures,
)

HEADERS = ("section", "label", "measure", "value", "note")


@dataclass(frozen=True)
class FigureRow:
    section: str
    label: str
    measure: str
    value: float | int | str | None  # None: not shown (``note`` says why) or not known
    note: str = ""


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)


def _rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _funnel(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    for index, step in enumerate(figures.funnel.steps):
        yield FigureRow("Participation funnel", step.label, "people", step.count)
        yield FigureRow(
            "Participation funnel",
            step.label,
            "share of enrolled (%)",
            _percent(step.share_of_enrolled),
        )
        if index:
            yield FigureRow("Participation funnel", step.label, "left at this step", step.drop_out)


def _health(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    for line in figures.health_now:
        yield FigureRow("Pair health now", line.word, "active pairs", line.count)
    for week in figures.health_weeks:
        label = f"Week ending {week.week_ending.isoformat()}"
        for count in figures.health_now:
            yield FigureRow("Pair health by week", label, count.word, week.count(count.level))


def _sessions(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    sessions = figures.sessions
    yield FigureRow("Sessions", "All", "held", sessions.held)
    yield FigureRow("Sessions", "All", "hours held", _rounded(sessions.hours_held, 1))
    yield FigureRow(
        "Sessions",
        "All",
        "planned",
        sessions.planned,
        "" if sessions.planned is not None else "no started pair has a start date and a rhythm",
    )
    yield FigureRow("Sessions", "All", "held of planned (%)", _percent(sessions.share_of_planned))
    yield FigureRow("Sessions", "All", "cancelled", sessions.cancelled)
    yield FigureRow("Sessions", "All", "upcoming", sessions.upcoming)
    for month in sessions.months:
        label = f"{month.year}-{month.month:02d}"
        yield FigureRow("Sessions per month", label, "held", month.held)
        yield FigureRow("Sessions per month", label, "hours held", _rounded(month.hours_held, 1))
        yield FigureRow("Sessions per month", label, "planned", month.planned)


def _topics(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    for line in figures.topics.focus_areas:
        yield FigureRow("Focus areas", line.label, "pairs", line.count)
    for line in figures.topics.session_topics:
        yield FigureRow("Session topics", line.label, "held sessions", line.count)


def _end_reasons(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    reasons = figures.end_reasons
    yield FigureRow("Ended early", "All", "pairs", reasons.ended_early, reasons.note)
    for line in reasons.reasons:
        yield FigureRow("Ended early", line.label, "pairs", line.pairs)


def _outcomes(figures: ProgrammeFigures) -> Iterator[FigureRow]:
    for line in figures.outcomes.learning:
        label = f"{line.label} ({line.role_label})"
        section = "Before and after"
        yield FigureRow(section, label, "respondents", line.respondents)
        yield FigureRow(section, label, "mean before", _rounded(line.mean_before), line.hidden)
        yield FigureRow(section, label, "mean after", _rounded(line.mean_after), line.hidden)
        yield FigureRow(section, label, "mean change", _rounded(line.mean_change), line.hidden)
        yield FigureRow(section, label, "improved (%)", _percent(line.improved), line.hidden)


def figure_rows(figures: ProgrammeFigures) -> list[FigureRow]:
    """Every figure as a row, section by section in the order the dashboard shows them."""
    return [
        row
        for section in (_funnel, _health, _sessions, _topics, _end_reasons, _outcomes)
        for row in section(figures)
    ]


def side_by_side(comparison: Comparison) -> list[tuple[str, str, str, Any, Any]]:
    """(section, label, measure, first value, second value) for every figure either side has,
    in the first side's order, then any only the second has."""
    first = {
        (row.section, row.label, row.measure): row.value for row in figure_rows(comparison.first)
    }
    second = {
        (row.section, row.label, row.measure): row.value for row in figure_rows(comparison.second)
    }
    keys = [*first, *(key for key in second if key not in first)]
    return [(*key, first.get(key), second.get(key)) for key in keys]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def figures_record(figures: ProgrammeFigures) -> dict[str, Any]:
    """The figures as plain data (lists, numbers, text, ISO dates) for JSON."""
    record = _plain(asdict(figures))
    record["funnel"]["match_rate"] = figures.funnel.match_rate
    record["sessions"]["share_of_planned"] = figures.sessions.share_of_planned
    return record
