"""Small pieces the documents share: settings, paper, dates and the phrases built from them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from revmentor_desktop.domain import paper, settings
from revmentor_desktop.domain.dates import MONTHS
from revmentor_desktop.domain.paper import paper_for_locale as paper_for_locale  # re-exported
from revmentor_desktop.domain.paper import system_locale_name as system_locale_name
from revmentor_desktop.domain.vocabulary import cadence_phrase as cadence_phrase  # re-exported

PAGE_SIZES = settings.PAGE_SIZES

TOP_TOPICS = 10
MONTHS_SHOWN = 24
TO_BE_AGREED = "to be agreed"  # a date the partners have not set yet, in a document
NO_DATE = "–"  # an unknown date in a table cell


# ---------------------------------------------------------------------------------------------
# Small shared pieces


def page_size_setting(locale_name: str | None = None) -> str:
    """The paper documents print on: the setting if valid, else the locale's default."""
    return paper.page_size(locale_name)


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1][:3]} {year % 100:02d}"


def review_date(start: date | None, end: date | None) -> date | None:
    """The mid-point review: half-way between the start and end dates (rounded down)."""
    if start is None or end is None or end <= start:
        return None
    return start + timedelta(days=(end - start).days // 2)


def sessions_due(start: date | None, end: date | None, cadence_days: int, today: date) -> int:
    """How many sessions the cadence planned from ``start`` up to ``today`` (or ``end``).

    One session per full cadence period elapsed: a pair that started three weeks ago with a
    three-week cadence has one session planned so far. No start date, nothing planned.
    """
    if start is None or cadence_days <= 0:
        return 0
    until = today if end is None else min(end, today)
    return max(0, (until - start).days) // cadence_days


def sessions_in_term(start: date | None, end: date | None, cadence_days: int) -> int | None:
    """How many sessions the cadence plans over the whole term; None without both dates."""
    if start is None or end is None or cadence_days <= 0 or end <= start:
        return None
    return (end - start).days // cadence_days


def meeting_format_phrase(formats: Iterable[str]) -> str:
    """How a pair meets, from both partners' preferred formats."""
    phrases = {"in person": "in person", "video call": "by video call", "phone": "by phone"}
    chosen = sorted({fmt for fmt in formats if fmt in phrases})
    if len(chosen) == 1:
        return phrases[chosen[0]]
    if not chosen:
        return "in person or by video call, as suits both"
    return " or ".join(phrases[fmt] for fmt in chosen) + ", as suits both"
