"""The cohort report: its figures equal those computed here, directly from the rows."""

from __future__ import annotations

import io
import statistics
from datetime import date

import pytest

from revmentor_desktop.domain import pairs, people, report_data
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.health import HEALTH_WORDS, health_words
from revmentor_desktop.reports.cohort_report import (
    HEALTH_COLUMN,
    PAIR_COLUMNS,
    render_cohort_report,
)
from revmentor_desktop.reports.house_style import (
    CELL_PADDING,
    MARGIN_X,
    PAGE_SIZES,
    health_markup,
    styles,
)
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Participation
from tests.reports.helpers import pdf_text
from tests.reports.programme import NOW, build_programme, clock


def _render(data: report_data.CohortReportData) -> str:
    buffer = io.BytesIO()
    render_cohort_report(data, buffer)
    return pdf_text(buffer.getvalue())


def _independent_figures(cohort_id: int, today: date) -> dict[str, object]:
    """The headline figures, counted straight from the tables."""
    cohort = Cohort.get_by_id(cohort_id)
    pair_rows = list(Pair.select().where(Pair.cohort == cohort_id))
    enrolled = {
        row.person_id for row in Participation.select().where(Participation.cohort == cohort_id)
    }
    in_pair = {row.mentor_id for row in pair_rows} | {row.mentee_id for row in pair_rows}
    meetings = [m for m in Meeting.select() if m.pair.cohort_id == cohort_id]
    held = [m for m in meetings if m.status == "held"]
    started = [row for row in pair_rows if row.status != "proposed"]
    held_by_pair: dict[int, list[Meeting]] = {}
    for meeting in held:
        held_by_pair.setdefault(meeting.pair_id, []).append(meeting)
    due = 0
    for row in started:
        start = row.start_date or cohort.start_date
        end = row.end_date or cohort.end_date
        if start is None:
            continue
        until = today if end is None else min(end, today)
        due += max(0, (until - start).days) // cohort.cadence_days
    waits = [
        (min(m.starts_at for m in held_by_pair[row.id]).date() - row.start_date).days
        for row in started
        if row.start_date and row.id in held_by_pair
    ]
    with_three = sum(1 for row in started if len(held_by_pair.get(row.id, [])) >= 3)
    return {
        "pairs_total": len(pair_rows),
        "enrolled": len(enrolled),
        "people_unpaired": len(enrolled - in_pair),
        "match_rate": len(enrolled & in_pair) / len(enrolled) if enrolled else None,
        "sessions_held": len(held),
        "sessions_cancelled": sum(1 for m in meetings if m.status == "cancelled"),
        "sessions_due": due,
        "minutes_held": sum(m.duration_minutes for m in held),
        "pairs_started": len(started),
        "pairs_with_three": with_three,
        "share_with_three": with_three / len(started) if started else None,
        "median_days_to_first": float(statistics.median(waits)) if waits else None,
        "ended_early": sum(1 for row in pair_rows if row.status == "ended early"),
        "by_status": {
            status: sum(1 for row in pair_rows if row.status == status)
            for status in ("proposed", "active", "paused", "completed", "ended early")
        },
    }


def _assert_figures_match(data: report_data.CohortReportData, expected: dict[str, object]) -> None:
    figures = data.figures
    for name, value in expected.items():
        if name == "by_status":
            assert {line.label: line.count for line in figures.pairs_by_status} == value
        else:
            assert getattr(figures, name) == value, name


def test_figures_equal_an_independent_count(data_file: DataFile) -> None:
    programme = build_programme()
    data = report_data.cohort_report(programme.cohort_id, clock)
    _assert_figures_match(data, _independent_figures(programme.cohort_id, NOW.date()))
    # And by hand, for this small programme:
    figures = data.figures
    assert figures.pairs_total == 7
    assert figures.enrolled == 15 and figures.people_unpaired == 1
    assert figures.sessions_held == 4 and figures.minutes_held == 210
    assert figures.pairs_with_three == 1
    assert figures.median_days_to_first == 7.0


def test_figures_equal_an_independent_count_on_demo_data(data_file: DataFile) -> None:
    generate_demo(people=200, sessions=2500, seed=7, today=NOW.date())
    today_clock = clock
    for cohort in Cohort.select():
        data = report_data.cohort_report(cohort.id, today_clock)
        _assert_figures_match(data, _independent_figures(cohort.id, NOW.date()))
        held_in_months = sum(month.held for month in data.months)
        assert held_in_months <= data.figures.sessions_held


def test_report_prints_figures_pairs_health_and_attention(data_file: DataFile) -> None:
    programme = build_programme()
    text = _render(report_data.cohort_report(programme.cohort_id, clock))
    for expected in (
        "Cohort report",
        "Reverse mentoring 2026",
        "Headline figures",
        "93 %",  # match rate: 14 of 15 people
        "14 of 15 people in a pair",
        "Sessions held per month",
        "Topics covered in held sessions",
        "Microsoft Teams",
        "Pairs that need attention",
        "Siobhán Ó Súilleabháin & Mehmet Yılmaz",
        "No session yet, 98 days after starting.",
        "Every pair",
        "Agnès Dubois",
        "Jörg Müller",
        "Mehmet Yılmaz",
        "On track",  # health in the window's words
        "Stalled",
        "Ended early",
        "23 May 2026",
        "Page 1 of",
    ):
        assert expected in text, expected


def test_small_groups_are_not_broken_down(data_file: DataFile) -> None:
    programme = build_programme()
    data = report_data.cohort_report(programme.cohort_id, clock)
    # Two pairs (four people) ended early for the same reason: fewer than five people.
    assert data.figures.ended_early == 2
    assert data.figures.ended_early_reasons == ()
    assert "fewer than 5 people" in data.figures.reasons_note
    text = _render(data)
    assert "Personal circumstances" not in text
    # Departments: Finance (7) and Logistics (5) are shown; Marketing, Operations and Legal
    # (one person each) are combined and, being three people, not shown at all.
    labels = {line.label: line for line in data.departments}
    assert labels["Finance"].people == 7
    assert labels["Logistics"].people == 5
    assert "Marketing" not in labels and "Legal" not in labels
    other = labels["Other departments (each fewer than 5 people)"]
    assert other.people is None and other.sessions_attended is None
    assert "Marketing" not in text and "Legal" not in text
    assert "not broken down" in text


def test_a_reason_shared_by_enough_people_is_shown(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=5)
    for mentor, mentee in (("Person 00", "Person 01"), ("Person 02", "Person 03")):
        pair_id = next(
            row.id
            for row in pairs.list_pairs(pairs.PairQuery(cohort_id=programme.cohort_id))
            if row.mentor_name == mentor and row.mentee_name == mentee
        )
        pairs.change_status(pair_id, "end_early", "Personal circumstances", clock=clock)
    data = report_data.cohort_report(programme.cohort_id, clock)
    assert [(line.label, line.count) for line in data.figures.ended_early_reasons] == [
        ("Personal circumstances", 4)
    ]
    assert people  # imported for the helpers' side effects in other tests


@pytest.mark.parametrize("page", ["A4", "Letter"])
@pytest.mark.parametrize("word", health_words())
def test_every_health_word_fits_on_one_line_of_the_pairs_table(word: str, page: str) -> None:
    """ "Needs a nudge" broke after "a" in the table of every pair."""
    frame = PAGE_SIZES[page][0] - 2 * MARGIN_X
    column = frame * PAIR_COLUMNS[HEALTH_COLUMN] - 2 * CELL_PADDING
    level = next((level for level, said in HEALTH_WORDS.items() if said == word), "none")
    cell = Paragraph(health_markup(level, word), styles()["cell"])
    cell.wrap(column, 100)
    assert len(cell.blPara.lines) == 1
