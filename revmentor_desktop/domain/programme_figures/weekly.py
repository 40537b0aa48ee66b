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
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from revmentor_desktop.domain.health import HealthBounds, HealthLevel, health_bounds
from revmentor_desktop.domain.programme_figures.records import RUNNING_LEVELS, HealthWeek

SUNDAY = 6


class RunningSpan(NamedTuple):
    """A pair that was running (active) from ``start`` to ``stop`` (day numbers, both
    included), with its held sessions' day numbers in order. A named tuple: thousands are
    made for one count."""

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
    """Adds runs of days at one level to the weeks whose last day they include. Called some
    ten thousand times for a large file: plain arithmetic, no ``min``/``max`` calls."""

    def __init__(self, weeks: list[date]) -> None:
        self.first = weeks[0].toordinal()
        self.last = weeks[-1].toordinal()
        self.weeks = len(weeks)
        self.changes = {level: [0] * (self.weeks + 1) for level in RUNNING_LEVELS}
        self.green, self.amber, self.red = (self.changes[level] for level in RUNNING_LEVELS)

    def add(self, changes: list[int], first_day: int, last_day: int) -> None:
        """One more pair at a level (``changes``: that level's) from ``first_day`` to
        ``last_day``, in the weeks ending within them."""
        low = (first_day - self.first + 6) // 7  # the first week end on or after first_day
        high = (last_day - self.first) // 7
        if low < 0:
            low = 0
        if high >= self.weeks:
            high = self.weeks - 1
        if low <= high:
            changes[low] += 1
            changes[high + 1] -= 1

    def add_levels(self, anchor: int, bounds: HealthBounds, first_day: int, last_day: int) -> None:
        """Days ``first_day``–``last_day`` counted from ``anchor`` (last session or start)."""
        green_end = anchor + bounds.green_until
        amber_end = anchor + bounds.amber_until
        if first_day <= green_end:
            self.add(self.green, first_day, last_day if last_day < green_end else green_end)
        if last_day > green_end and first_day <= amber_end:
            self.add(
                self.amber,
                first_day if first_day > green_end else green_end + 1,
                last_day if last_day < amber_end else amber_end,
            )
        if last_day > amber_end:
            self.add(self.red, first_day if first_day > amber_end else amber_end + 1, last_day)

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
    low = span.start if span.start > counter.first else counter.first
    high = span.stop if span.stop < counter.last else counter.last
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
    # The sessions after which the pair went past on track before it met again (and its last
    # session): between them, each session renews a green run that goes on.
    lapses = [
        position
        for position in range(begin, end - 1)
        if held[position + 1] - 1 > held[position] + green_until
    ]
    lapses.append(end - 1)
    green_from = held[begin] if held[begin] > low else low
    for position in lapses:
        anchor = held[position]
        until = held[position + 1] - 1 if position + 1 < end else high
        green_end = anchor + green_until
        counter.add(counter.green, green_from, until if until < green_end else green_end)
        counter.add_levels(anchor, met, green_end + 1 if green_end + 1 > low else low, until)
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
