"""Health week by week counts each pair as ``pair_health`` judges it on that day: the weekly
figures are worked out by runs of days, so they are checked against the rule day by day."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.programme_figures.weekly import (
    RunningSpan,
    health_by_week,
    week_endings,
)

FIRST_DAY = date(2026, 1, 1)


@st.composite
def spans(draw: st.DrawFn) -> RunningSpan:
    start = FIRST_DAY.toordinal() + draw(st.integers(0, 60))
    stop = start + draw(st.integers(0, 150))
    held = sorted(draw(st.lists(st.integers(start - 20, stop + 20), max_size=20)))
    cadence = draw(st.sampled_from([0, 2, 3, 4, 5, 7, 14, 21]))
    return RunningSpan(start, stop, cadence, held)


def _judged_day_by_day(span: RunningSpan, week: date) -> HealthLevel | None:
    day = week.toordinal()
    if not span.start <= day <= span.stop:
        return None
    earlier = [held for held in span.held if held <= day]
    last = date.fromordinal(earlier[-1]) if earlier else None
    start = date.fromordinal(span.start)
    return pair_health("active", start, last, span.cadence_days, week).level


@settings(max_examples=300, deadline=None)
@given(st.lists(spans(), max_size=10))
def test_weekly_counts_follow_the_health_rule(pairs: list[RunningSpan]) -> None:
    weeks = week_endings(FIRST_DAY, FIRST_DAY + timedelta(days=240))
    counted = health_by_week(pairs, weeks)
    for week in counted:
        expected = Counter(_judged_day_by_day(span, week.week_ending) for span in pairs)
        assert week.on_track == expected[HealthLevel.GREEN]
        assert week.needs_a_nudge == expected[HealthLevel.AMBER]
        assert week.stalled == expected[HealthLevel.RED]


def test_weeks_end_on_sundays_within_the_dates() -> None:
    weeks = week_endings(date(2026, 3, 2), date(2026, 3, 22))  # Monday to Sunday
    assert weeks == [date(2026, 3, 8), date(2026, 3, 15), date(2026, 3, 22)]
    assert week_endings(date(2026, 3, 2), date(2026, 3, 7)) == []
