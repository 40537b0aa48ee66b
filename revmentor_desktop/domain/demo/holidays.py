"""Working days for the demo: weekdays that are not bank holidays in England and Wales.

The sample programme is set in an English organisation, so its sessions avoid the bank holidays
a coordinator there would never book a meeting on. The dates follow the standing rules for any
year (Easter computed, substitute days when a holiday falls on a weekend); one-off changes made
by proclamation (a moved early-May holiday, a jubilee) are not modelled.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

SATURDAY = 5
MONDAY = 0


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - MONDAY) % 7)


def _with_substitutes(days: list[date]) -> set[date]:
    """Each holiday on a weekend moves to the next weekday that is not already a holiday."""
    taken = {day for day in days if day.weekday() < SATURDAY}
    for day in days:
        if day.weekday() >= SATURDAY:
            moved = day
            while moved.weekday() >= SATURDAY or moved in taken:
                moved += timedelta(days=1)
            taken.add(moved)
    return taken


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """The eight bank holidays of England and Wales in ``year``, substitute days included."""
    easter = easter_sunday(year)
    fixed = {
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _first_monday(year, 5),  # early May
        _last_monday(year, 5),  # spring
        _last_monday(year, 8),  # summer
    }
    new_year = _with_substitutes([date(year, 1, 1)])
    christmas = _with_substitutes([date(year, 12, 25), date(year, 12, 26)])
    return frozenset(fixed | new_year | christmas)


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and day not in bank_holidays(day.year)


def working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
