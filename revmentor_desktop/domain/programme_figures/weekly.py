"""Pair health week by week: how the running pairs stood at the end of each week.

The level of a running pair on a day follows ``health.health_bounds`` (the rule the pairs list
applies today), counted from its last session before that day, or from its start date. Rather
than judging every pair on every week, each pair's days are cut into runs of one level between
its sessions, and each run adds one to the weeks it covers (a difference array): one pass over
the sessions, however many weeks are shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from revmentor_desktop.domain.health import HealthBounds, HealthLevel, health_bounds
from revmentor_desktop.domain.programme_figures.records import RUNNING_LEVELS, HealthWeek

SUNDAY = 6


@dataclass(frozen=True)
class RunningSpan:
    """A pair that was running (active) from ``start`` to ``stop`` (day numbers, both
    included), with its held sessions' day numbers in order."""

    start: int
    stop: int
    cadence_days: int
    held: Sequence[int]


def week_endings(first: date, last: date) -> list[date]:
    """Every Sunday from ``first`` to ``last``."""
    sunday = first + timedelta(days=(SUNDAY - first.weekday()) % 7)
    count = max(0, (last - sunday).days // 7 + 1)
    return [sunday + timedelta(days=7 * week) for week in range(count)]


class _WeekCounter:
    """Adds runs of days at one level to the weeks whose last day they include."""

    def __init__(self, weeks: list[date]) -> None:
        self.first = weeks[0].toordinal()
        self.last = weeks[-1].toordinal()
        self.weeks = len(weeks)
        self.changes = {level: [0] * (self.weeks + 1) for level in RUNNING_LEVELS}

    def add(self, level: HealthLevel, first_day: int, last_day: int) -> None:
        low = max(0, -((self.first - first_day) // 7))  # the first week end on or after it
        high = min(self.weeks - 1, (last_day - self.first) // 7)
        if low <= high:
            changes = self.changes[level]
            changes[low] += 1
            changes[high + 1] -= 1

    def add_levels(self, anchor: int, bounds: HealthBounds, first_day: int, last_day: int) -> None:
        """Days ``first_day``–``last_day`` counted from ``anchor`` (last session or start)."""
        green_end = anchor + bounds.green_until
        amber_end = anchor + bounds.amber_until
        if first_day <= green_end:
            self.add(HealthLevel.GREEN, first_day, min(last_day, green_end))
        if last_day > green_end and first_day <= amber_end:
            self.add(HealthLevel.AMBER, max(first_day, green_end + 1), min(last_day, amber_end))
        if last_day > amber_end:
            self.add(HealthLevel.RED, max(first_day, amber_end + 1), last_day)

    def totals(self, level: HealthLevel) -> list[int]:
        running, totals = 0, []
        for change in self.changes[level][: self.weeks]:
            running += change
            totals.append(running)
        return totals


@cache
def _bounds(cadence_days: int) -> tuple[HealthBounds, HealthBounds]:
    """The bounds before a first session and after one: a few cadences serve every pair."""
    return health_bounds(cadence_days, has_met=False), health_bounds(cadence_days, has_met=True)


def _count_span(counter: _WeekCounter, span: RunningSpan) -> None:
    """Adds one pair's running days to the weeks, level by level. Only the days from the
    first week's end to the last's are looked at: a week counts the day it ends on."""
    low, high = max(span.start, counter.first), min(span.stop, counter.last)
    if low > high:
        return
    waiting, met = _bounds(span.cadence_days)
    green_until = met.green_until
    held = span.held
    # The count on a day begins at the last session on or before it (one held before the
    # recorded start date counts too), else at the start date, with a grace period.
    begin = bisect_right(held, low) - 1
    end = bisect_right(held, high)
    if begin < 0:
        first_session = held[0] if end else high + 1
        counter.add_levels(span.start, waiting, low, first_session - 1)
        if not end:
            return
        begin = 0
    green_from = max(held[begin], low)
    for position in range(begin, end):
        anchor = held[position]
        if position + 1 < end:
            until = held[position + 1] - 1
            if until <= anchor + green_until:
                continue  # met again while still on track: the green run goes on
        else:
            until = high
        counter.add(HealthLevel.GREEN, green_from, min(until, anchor + green_until))
        counter.add_levels(anchor, met, max(anchor + green_until + 1, low), until)
        green_from = until + 1


def health_by_week(spans: Iterable[RunningSpan], weeks: list[date]) -> tuple[HealthWeek, ...]:
    """For each week ending in ``weeks`` (consecutive Sundays), the running pairs by level."""
    if not weeks:
        return ()
    counter = _WeekCounter(weeks)
    for span in spans:
        _count_span(counter, span)
    green, amber, red = (counter.totals(level) for level in RUNNING_LEVELS)
    return tuple(
        HealthWeek(week, green[index], amber[index], red[index]) for index, week in enumerate(weeks)
    )
