"""Dates as people read them: one format for the window, the documents and the command line.

The order of day, month and year follows the computer's locale ("22 Nov 2033" in most of the
world, "Nov 22, 2033" in the United States, "2033-11-22" where years come first); month and
day names are English, like every other word of the app. Nothing here writes dates with
``strftime``, whose month names follow the process locale and would mix languages.

The order is a property of the whole process, like the locale it comes from: the window sets
it once from Qt's reading of the system locale (which knows the desktop's regional settings),
the command line reads the operating system's; tests choose one with ``use_date_order``.
"""

from __future__ import annotations

import locale
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Day, month and year all differ, and none of them is inside another: written in a locale's
# short format, where each lands tells the locale's order.
REFERENCE_DATE = date(2033, 11, 22)


@dataclass(frozen=True)
class Period:
    """From ``first`` to ``last``, both days included: what a dashboard or a figure covers."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"A period cannot end ({self.last}) before it starts ({self.first}).")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


class DateOrder(StrEnum):
    DAY_MONTH_YEAR = "dmy"
    MONTH_DAY_YEAR = "mdy"
    YEAR_MONTH_DAY = "ymd"


DEFAULT_ORDER = DateOrder.DAY_MONTH_YEAR  # when the locale says nothing (C, POSIX, unknown)

_chosen_order: DateOrder | None = None
_system_order: DateOrder | None = None


def order_of_sample(sample: str) -> DateOrder:
    """The order of a locale, from ``REFERENCE_DATE`` written in its short date format."""
    places = {part: sample.find(text) for part, text in (("d", "22"), ("m", "11"), ("y", "33"))}
    if min(places.values()) < 0:  # digits of another script, or no numbers at all
        return DEFAULT_ORDER
    order = "".join(sorted(places, key=places.__getitem__))
    if order.startswith("y"):
        return DateOrder.YEAR_MONTH_DAY
    if order.startswith("m"):
        return DateOrder.MONTH_DAY_YEAR
    return DateOrder.DAY_MONTH_YEAR


def system_date_order() -> DateOrder:
    """The order of the operating system's locale for dates (LC_TIME), read once."""
    global _system_order
    if _system_order is None:
        _system_order = _read_system_order()
    return _system_order


def _read_system_order() -> DateOrder:
    previous = locale.setlocale(locale.LC_TIME)
    try:
        name = locale.setlocale(locale.LC_TIME, "")
        if name in {"C", "POSIX"} or name.startswith(("C.", "POSIX.")):
            return DEFAULT_ORDER
        return order_of_sample(REFERENCE_DATE.strftime("%x"))
    except locale.Error:
        return DEFAULT_ORDER
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def use_date_order(order: DateOrder | None) -> None:
    """Write dates in ``order`` from now on; None goes back to the system's order."""
    global _chosen_order
    _chosen_order = order


def date_order() -> DateOrder:
    return _chosen_order or system_date_order()


def format_date(value: date | None, missing: str = "") -> str:
    """``22 Nov 2033``, ``Nov 22, 2033`` or ``2033-11-22``, as the locale orders them."""
    if value is None:
        return missing
    month = MONTHS[value.month - 1][:3]
    order = date_order()
    if order == DateOrder.MONTH_DAY_YEAR:
        return f"{month} {value.day}, {value.year}"
    if order == DateOrder.YEAR_MONTH_DAY:
        return value.isoformat()
    return f"{value.day} {month} {value.year}"


def format_day_and_month(value: date, today: date) -> str:
    """``3 Nov`` (``Nov 3`` where months come first) for a date of this year; other years'
    dates in full, as ``format_date`` writes them: short, and never ambiguous."""
    if value.year != today.year:
        return format_date(value)
    month = MONTHS[value.month - 1][:3]
    if date_order() == DateOrder.DAY_MONTH_YEAR:
        return f"{value.day} {month}"
    return f"{month} {value.day}"


def format_near_day(value: date, today: date) -> str:
    """``Thu 12 Nov``: a day near ``today``, with its weekday, the year only when it differs."""
    return f"{WEEKDAYS[value.weekday()][:3]} {format_day_and_month(value, today)}"


def month_label(year: int, month: int) -> str:
    """A month as a chart's axis labels it: "Mar 26"."""
    return f"{MONTHS[month - 1][:3]} {year % 100:02d}"


def format_time(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: datetime) -> str:
    """``Tue 22 Nov 2033, 14:00``: a moment, with its weekday."""
    weekday = WEEKDAYS[value.weekday()][:3]
    return f"{weekday} {format_date(value.date())}, {format_time(value)}"


def format_day(value: date) -> str:
    """``Tuesday, 22 Nov 2033``: a day named in full, for headings."""
    return f"{WEEKDAYS[value.weekday()]}, {format_date(value)}"
