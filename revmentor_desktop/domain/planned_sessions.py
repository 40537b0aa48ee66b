"""How many sessions a pair's meeting rhythm plans: the one rule the cohort report, the pair
summary and the programme figures count "planned" by."""

from __future__ import annotations

from datetime import date


def sessions_due(
    start: date | None, end: date | None, cadence_days: int, today: date
) -> int | None:
    """How many sessions the cadence planned from ``start`` up to ``today`` (or ``end``).

    One session per full cadence period elapsed: a pair that started three weeks ago with a
    three-week cadence has one session planned so far; a pair that ended before its start
    date had none. None when it cannot be known: no start date or no meeting rhythm.
    """
    if start is None or cadence_days <= 0:
        return None
    return len(planned_days(start, end, cadence_days, today))


def planned_days(start: date | None, end: date | None, cadence_days: int, today: date) -> range:
    """The day (``date.toordinal()``) of each session ``sessions_due`` counts: one at the close
    of each full cadence period from ``start``, up to ``today`` or ``end``, whichever is first.
    A range, so the programme figures count them per month without listing them."""
    if start is None or cadence_days <= 0:
        return range(0)
    until = today if end is None else min(end, today)
    return range(start.toordinal() + cadence_days, until.toordinal() + 1, cadence_days)


def sessions_in_term(start: date | None, end: date | None, cadence_days: int) -> int | None:
    """How many sessions the cadence plans over the whole term; None without both dates."""
    if start is None or end is None or cadence_days <= 0 or end <= start:
        return None
    return (end - start).days // cadence_days
