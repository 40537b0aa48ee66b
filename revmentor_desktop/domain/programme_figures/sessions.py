"""Sessions held per month, with their hours, against the sessions planned, and the topics
held sessions covered: grouped in SQL, the plan counted from pairs grouped by what it
depends on (start, end and cadence), never pair by pair."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from datetime import date
from itertools import pairwise

from peewee import fn

from revmentor_desktop.domain.planned_sessions import planned_days
from revmentor_desktop.domain.programme_figures.pairs import PairFacts
from revmentor_desktop.domain.programme_figures.records import (
    MonthFigures,
    Sessions,
    TopicCount,
)
from revmentor_desktop.domain.programme_figures.selection import Selection, rows
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus
from revmentor_desktop.storage.counting import checked_row_by_row, each_label, year_month
from revmentor_desktop.storage.models import Meeting, Pair

Month = tuple[int, int]
# Started pairs that share a start date, an end date and a cadence plan alike: (start, end,
# cadence, how many pairs).
_PlanGroup = tuple[date, date | None, int, int]


def _next(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def _plan_groups(pairs: PairFacts) -> list[_PlanGroup]:
    """Started pairs with a start date and a rhythm, counted by what their plan depends on:
    start, end (the pair's, else its cohort's) and cadence."""
    counts = Counter(
        (start, end or cohort_end, cadence)
        for _, _, _, _, status, start, end, _, cadence, cohort_end in pairs.rows
        if status != PairStatus.PROPOSED and start is not None and cadence > 0
    )
    return [(start, end, cadence, count) for (start, end, cadence), count in counts.items()]


def _by_month_and_status(selection: Selection) -> dict[tuple[Month, str], tuple[int, int]]:
    """(month, status) -> sessions and their minutes, in the period."""
    month = year_month(Meeting.starts_at)
    query = (
        Meeting.select(
            month, Meeting.status, fn.COUNT(Meeting.id), fn.SUM(Meeting.duration_minutes)
        )
        .where(selection.sessions_in_period())
        .group_by(month, Meeting.status)
    )
    return {
        ((int(key[:4]), int(key[5:7])), status): (count, int(minutes or 0))
        for key, status, count, minutes in rows(query)
    }


def _months_shown(
    held: dict[Month, tuple[int, int]], groups: list[_PlanGroup], selection: Selection
) -> list[Month]:
    """The period's months; without one, from the first start or session to the last session
    or the last day a pair was planned to meet (never past today)."""
    period, today = selection.period, selection.today
    if period is not None:
        first, last = (period.first.year, period.first.month), (period.last.year, period.last.month)
    else:
        running = [
            (start, min(end or today, today)) for start, end, _, _ in groups if start <= today
        ]
        firsts = [*held, *((start.year, start.month) for start, _ in running)]
        lasts = [*held, *((until.year, until.month) for _, until in running)]
        if not firsts:
            return []
        first, last = min(firsts), max(lasts)
    months = [first]
    while months[-1] < last:
        months.append(_next(months[-1]))
    return months


def _planned(groups: list[_PlanGroup], months: list[Month], selection: Selection) -> list[int]:
    """Sessions planned in each of ``months`` (within the period, if any): counted day by day
    in one list, then summed month by month."""
    starts = [date(year, number, 1).toordinal() for year, number in [*months, _next(months[-1])]]
    low, high = starts[0], starts[-1] - 1
    if selection.period is not None:
        low = max(low, selection.period.first.toordinal())
        high = min(high, selection.period.last.toordinal())
    on_day = [0] * (starts[-1] - starts[0])  # day - starts[0] -> sessions planned that day
    for start, end, cadence, count in groups:
        days = planned_days(start, end, cadence, selection.today)
        for day in days[bisect_left(days, low) : bisect_right(days, high)]:
            on_day[day - starts[0]] += count
    return [sum(on_day[first - starts[0] : after - starts[0]]) for first, after in pairwise(starts)]


def sessions(selection: Selection, pairs: PairFacts) -> Sessions:
    counted = _by_month_and_status(selection)
    held = {month: value for (month, status), value in counted.items() if status == "held"}
    totals: dict[str, int] = defaultdict(int)
    for (_, status), (count, _) in counted.items():
        totals[status] += count
    groups = _plan_groups(pairs)
    months = _months_shown(held, groups, selection)
    # Without a period the months shown run from the first start to the last day planned,
    # so they hold every planned session; with one, only the period's count.
    planned = _planned(groups, months, selection) if months else []
    planned_total = sum(planned)
    return Sessions(
        held=totals[SessionStatus.HELD.value],
        minutes_held=sum(minutes for _, minutes in held.values()),
        planned=planned_total if groups else None,
        cancelled=totals[SessionStatus.CANCELLED.value],
        upcoming=totals[SessionStatus.PLANNED.value],
        months=tuple(
            MonthFigures(year, number, *held.get((year, number), (0, 0)), planned[index])
            for index, (year, number) in enumerate(months)
        ),
    )


def _ranked(counts: dict[str, int]) -> tuple[TopicCount, ...]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(TopicCount(label, count) for label, count in ordered)


def session_topics(selection: Selection) -> tuple[TopicCount, ...]:
    """Held sessions in the period that covered each topic, most first. The held ones are
    picked as the sessions are read straight through (nine in ten are held): looking them up
    through the status index took half as long again."""
    topics, label = each_label(Meeting.topics, "topic")
    held = checked_row_by_row(Meeting.status == SessionStatus.HELD.value)
    query = (
        Meeting.select(label, fn.COUNT(Meeting.id))
        .from_(Meeting, topics)
        .where(selection.sessions_in_period() & held)
        .group_by(label)
    )
    return _ranked({str(topic): count for topic, count in rows(query)})


def focus_areas(selection: Selection) -> tuple[TopicCount, ...]:
    """Pairs that chose each focus area, most first: with a period, the pairs that were
    running in it (started by its end, not ended before it began)."""
    areas, label = each_label(Pair.focus_areas, "area")
    where = selection.pairs()
    if selection.period is not None:
        where &= (Pair.start_date <= selection.period.last) & (
            Pair.end_date.is_null() | (Pair.end_date >= selection.period.first)
        )
    query = (
        Pair.select(label, fn.COUNT(fn.DISTINCT(Pair.id)))
        .from_(Pair, areas)
        .where(where)
        .group_by(label)
    )
    return _ranked({str(area): count for area, count in rows(query)})
