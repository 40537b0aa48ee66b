"""The demo's sessions read as real: a cadence apart, on working days and hours, and never
more held than the cohort report says were planned."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.demo.holidays import bank_holidays, easter_sunday, is_working_day
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Meeting, Pair

# A "today" just after the new year, so the sample spans Christmas, Easter and August.
TODAY = date(2027, 1, 6)


def clock() -> datetime:
    return datetime.combine(TODAY, time(12, 0))


@pytest.fixture(params=[(150, None), (300, 900)], ids=["as many as fit", "thinned"])
def demo(request: pytest.FixtureRequest, data_file: DataFile) -> None:
    people, sessions = request.param
    generate_demo(people=people, sessions=sessions, seed=11, today=TODAY)


def test_each_pair_meets_about_once_a_cadence(demo: None) -> None:
    cadence = dict(Pair.select(Pair.id, Cohort.cadence_days).join(Cohort).tuples())
    days: dict[int, list[date]] = defaultdict(list)
    for pair_id, starts_at in Meeting.select(Meeting.pair, Meeting.starts_at).tuples():
        days[pair_id].append(starts_at.date())
    gaps_checked = 0
    for pair_id, dates in days.items():
        dates.sort()
        for earlier, later in pairwise(dates):
            assert (later - earlier).days >= 0.7 * cadence[pair_id], (pair_id, earlier, later)
            gaps_checked += 1
    assert gaps_checked > 100


def test_sessions_fall_on_working_days_in_working_hours(demo: None) -> None:
    moments = [row[0] for row in Meeting.select(Meeting.starts_at).tuples()]
    minutes = [row[0] for row in Meeting.select(Meeting.duration_minutes).tuples()]
    assert moments
    for starts_at, duration in zip(moments, minutes, strict=True):
        assert starts_at.weekday() < 5, starts_at
        assert starts_at.date() not in bank_holidays(starts_at.year), starts_at
        assert starts_at.time() >= time(9, 0), starts_at
        assert (starts_at + timedelta(minutes=duration)).time() <= time(17, 30), starts_at


def test_no_cohort_report_holds_more_sessions_than_planned(demo: None) -> None:
    reports = [report_data.cohort_report(cohort.id, clock) for cohort in Cohort.select()]
    started = [report for report in reports if report.figures.sessions_due]
    assert len(started) >= 4
    for report in reports:
        figures = report.figures
        assert figures.sessions_held <= figures.sessions_due, report.name
    held = sum(report.figures.sessions_held for report in started)
    due = sum(report.figures.sessions_due for report in started)
    assert held >= 0.5 * due, "sample pairs mostly keep to their cadence"


def test_the_sample_has_sessions_to_mark_and_to_come(demo: None) -> None:
    planned = Meeting.select(Meeting.starts_at).where(Meeting.status == SessionStatus.PLANNED.value)
    days = [row[0].date() for row in planned.tuples()]
    assert any(day < TODAY for day in days), "a session left to mark"
    assert any(day > TODAY for day in days), "a session to come"


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"]),
        # New Year on a Saturday, Christmas on a Sunday: Monday 3 January, Tuesday 27 December.
        (2022, ["01-03", "04-15", "04-18", "05-02", "05-30", "08-29", "12-26", "12-27"]),
        # Christmas on a Saturday: both days move to Monday and Tuesday.
        (2021, ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"]),
        (2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]),
    ],
)
def test_bank_holidays_of_england_and_wales(year: int, expected: list[str]) -> None:
    assert sorted(f"{day:%m-%d}" for day in bank_holidays(year)) == expected


def test_easter_and_working_days() -> None:
    assert [easter_sunday(year) for year in (2000, 2019, 2025, 2038)] == [
        date(2000, 4, 23),
        date(2019, 4, 21),
        date(2025, 4, 20),
        date(2038, 4, 25),
    ]
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day's substitute
    assert not is_working_day(date(2026, 11, 28))  # a Saturday
    assert is_working_day(date(2026, 11, 25))
