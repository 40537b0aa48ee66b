"""Dates as staff lists write them: ISO, day-first or month-first, never silently guessed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from revmentor_desktop.domain.text import quoted


class DateOrder(StrEnum):
    DMY = "dmy"  # 31/12/2024
    MDY = "mdy"  # 12/31/2024


_YEAR_FIRST = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_YEAR_LAST = re.compile(
    r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})"
    r"(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$"
)

EXAMPLES = "such as 2024-03-31, 31/03/2024 or 03/31/2024"


class DateProblem(ValueError):
    """A cell that is not a real date; ``str()`` is the reason shown for the row."""


def order_evidence(text: str) -> DateOrder | None:
    """The order a single value proves (a part above 12 can only be the day), if any."""
    match = _YEAR_LAST.match(text.strip())
    if match is None:
        return None
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second:
        return DateOrder.DMY
    if second > 12 >= first:
        return DateOrder.MDY
    return None


def needs_order(text: str) -> bool:
    """True for a day/month/year value whose order is not settled by the value itself."""
    match = _YEAR_LAST.match(text.strip())
    return match is not None and int(match["a"]) != int(match["b"]) and order_evidence(text) is None


def infer_order(values: Iterable[str]) -> tuple[DateOrder | None, bool]:
    """The order the column's values prove, and whether they contradict each other.

    Returns (None, False) when no value decides it (every day is 12 or less, or all are ISO).
    """
    seen: set[DateOrder] = set()
    for value in values:
        evidence = order_evidence(value)
        if evidence is not None:
            seen.add(evidence)
            if len(seen) == 2:
                return None, True
    return (seen.pop() if seen else None), False


def parse_date(text: str, order: DateOrder | None) -> date:
    """The date ``text`` names; raises ``DateProblem`` with the reason for the row."""
    value = text.strip()
    match = _YEAR_FIRST.match(value)
    if match is not None:
        return _make(int(match["y"]), int(match["m"]), int(match["d"]), value)
    match = _YEAR_LAST.match(value)
    if match is not None:
        first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
        if order is None:
            order = order_evidence(value)
        if order is None and first == second:
            order = DateOrder.DMY  # 05/05/2024 is the same date either way
        if order is None:
            raise DateProblem(
                f"{quoted(value)} could be day-first or month-first; choose the date order."
            )
        day, month = (first, second) if order == DateOrder.DMY else (second, first)
        return _make(year, month, day, value)
    raise DateProblem(f"{quoted(value)} is not a date ({EXAMPLES}).")


def _make(year: int, month: int, day: int, value: str) -> date:
    try:
        result = date(year, month, day)
    except ValueError as error:
        raise DateProblem(f"{quoted(value)} is not a real date.") from error
    if not 1900 <= result.year <= 2200:
        raise DateProblem(f"{quoted(value)} is not a plausible date (the year is out of range).")
    return result


def parse_timestamp(text: str, order: DateOrder | None) -> date:
    """The date part of a form's timestamp (the time of day is not needed)."""
    value = text.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return parse_date(value, order)
