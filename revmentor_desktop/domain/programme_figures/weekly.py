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

    def __init__(self, first_week_end: int, weeks: int) -> None:
        self.first = first_week_end
        self.weeks = weeks
        self.changes = {level: [0] * (weeks + 1) for level in RUNNING_LEVELS}

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
        self.add(HealthLevel.GREEN, first_day, min(last_day, green_end))
        self.add(HealthLevel.AMBER, max(first_day, green_end + 1), min(last_day, amber_end))
        self.add(HealthLevel.RED, max(first_day, amber_end + 1), last_day)

    def totals(self, level: HealthLevel) -> list[int]:
        running, totals = 0, []
        for change in self.changes[level][: self.weeks]:
            running += change
            totals.append(running)
        return totals


def _count_span(counter: _WeekCounter, span: RunningSpan) -> None:
    """Adds one pair's running days to the weeks, level by level."""
    met = health_bounds(span.cadence_days, has_met=True)
    green_until = met.green_until
    start, stop = span.start, span.stop
    held = span.held
    # Sessions before the start count (a pair may meet before its recorded start date):
    # the last of them is where the count begins.
    first = bisect_right(held, start)
    end = bisect_right(held, stop)
    if first == 0:
        waiting = health_bounds(span.cadence_days, has_met=False)
        counter.add_levels(start, waiting, start, (held[0] - 1) if end else stop)
        green_from = held[0] if end else stop + 1
    else:
        first -= 1
        green_from = start
    for position in range(first, end):
        anchor = held[position]
        if position + 1 < end:
            until = held[position + 1] - 1
            if until <= anchor + green_until:
                continue  # met again while still on track: the green run goes on
        else:
            until = stop
        counter.add(HealthLevel.GREEN, green_from, min(until, anchor + green_until))
        counter.add_levels(anchor, met, max(anchor + green_until + 1, start), until)
        green_from = until + 1


def health_by_week(spans: Iterable[RunningSpan], weeks: list[date]) -> tuple[HealthWeek, ...]:
    """For each week ending in ``weeks`` (consecutive Sundays), the running pairs by level."""
    if not weeks:
        return ()
    counter = _WeekCounter(weeks[0].toordinal(), len(weeks))
    for span in spans:
        _count_span(counter, span)
    green, amber, red = (counter.totals(level) for level in RUNNING_LEVELS)
    return tuple(
        HealthWeek(week, green[index], amber[index], red[index]) for index, week in enumerate(weeks)
    )
