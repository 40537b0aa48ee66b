"""The periods the sessions list filters by, and the first and last day of each around a day."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

# The periods the sessions list filters by, as (label, key).
SESSION_PERIODS = (
    ("Upcoming", "upcoming"),
    ("Past 30 days", "past_30"),
    ("This month", "this_month"),
    ("Next month", "next_month"),
    ("This year", "this_year"),
)

DateRange = tuple[date | None, date | None]


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month; ``month`` 13 is January of the next year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def period_range(period: str, today: date) -> DateRange:
    """First and last day of a named period around ``today`` (None: open-ended)."""
    if period == "upcoming":
        return today, None
    if period == "past_30":
        return today - timedelta(days=30), today
    if period == "this_month":
        return month_range(today.year, today.month)
    if period == "next_month":
        return month_range(today.year, today.month + 1)
    if period == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None
