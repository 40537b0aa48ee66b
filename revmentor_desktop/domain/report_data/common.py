"""Small pieces the documents share: settings, paper, dates and the phrases built from them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from revmentor_desktop.domain import paper, settings
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.dates import month_label as month_label  # re-exported
from revmentor_desktop.domain.paper import paper_for_locale as paper_for_locale  # re-exported
from revmentor_desktop.domain.paper import system_locale_name as system_locale_name
from revmentor_desktop.domain.planned_sessions import sessions_due as sessions_due  # re-exported
from revmentor_desktop.domain.planned_sessions import sessions_in_term as sessions_in_term
from revmentor_desktop.domain.vocabulary import cadence_phrase as cadence_phrase  # re-exported

PAGE_SIZES = settings.PAGE_SIZES

TOP_TOPICS = 10
MONTHS_SHOWN = 24
NOT_SET_FACT = "Not set yet"  # a date no one has set, in a table of facts
NO_DATE = "–"  # an unknown date in a table cell


# ---------------------------------------------------------------------------------------------
# Small shared pieces


def page_size_setting(locale_name: str | None = None) -> str:
    """The paper documents print on: the setting if valid, else the locale's default."""
    return paper.page_size(locale_name)


def review_date(start: date | None, end: date | None) -> date | None:
    """The mid-point review: half-way between the start and end dates (rounded down)."""
    if start is None or end is None or end <= start:
        return None
    return start + timedelta(days=(end - start).days // 2)


def plan_unknown_note(start: date | None, cadence_days: int) -> str:
    """What is known when no number of planned sessions can be given, and what is missing."""
    if start is not None:
        return f"since {format_date(start)}; no meeting rhythm is set to plan by"
    if cadence_days > 0:
        return f"meeting {cadence_phrase(cadence_days)}; no start date to count from yet"
    return "no start date or meeting rhythm is set to plan by"


def planned_note(held: int, due: int | None, in_term: int | None = None, unknown: str = "") -> str:
    """What the sessions held compare with: "of 4 planned so far; 14 over the term".

    More held than planned reads "ahead of the 2 planned so far" rather than "5 of 2"; when
    nothing can be planned, the note says what is known instead (``unknown``, such as
    ``plan_unknown_note`` gives).
    """
    if due is None:
        return unknown or "no plan to compare with"
    note = f"ahead of the {due} planned so far" if held > due else f"of {due} planned so far"
    if in_term is not None:
        note += f"; {in_term} over the term"
    return note


def share_of_planned(held: int, due: int | None) -> float | None:
    """Held sessions as a share of the planned ones, only when that is a true share (≤ 1)."""
    if not due or held > due:
        return None
    return held / due


def percent(share: float | None) -> str:
    """A share of 0–1 as a whole percentage ("40 %"), or a dash when there is none."""
    return "–" if share is None else f"{share * 100:.0f} %"


def _for_known_dates(
    start: date | None, end: date | None, both: str, start_only: str, end_only: str, neither: str
) -> str:
    """The wording for whichever of the two dates are known, its ``{start}`` and ``{end}``
    written out."""
    if start is not None and end is not None:
        wording = both
    elif start is not None:
        wording = start_only
    elif end is not None:
        wording = end_only
    else:
        wording = neither
    return wording.format(
        start=format_date(start) if start else "", end=format_date(end) if end else ""
    )


def date_range(start: date | None, end: date | None) -> str:
    """When something runs, for a title line: both dates, one of them, or that none is set."""
    return _for_known_dates(
        start,
        end,
        both="{start} – {end}",
        start_only="from {start}",
        end_only="until {end}",
        neither="dates not set yet",
    )


def term_sentence(start: date | None, end: date | None) -> str:
    """The agreement's sentence on when the partnership runs, for whichever dates are known."""
    if start is not None and end is not None and end < start:
        return (
            f"The partnership was due to start on {format_date(start)} and ended on "
            f"{format_date(end)}, before it began."
        )
    return _for_known_dates(
        start,
        end,
        both="The partnership runs from {start} to {end}.",
        start_only="The partnership starts on {start}; its end date is still to be set.",
        end_only="The partnership runs until {end}; its start date is still to be set.",
        neither="The partnership starts when the coordinator sets its dates.",
    )


def halfway_phrase(review: date | None) -> str:
    """How the review sentence opens: "Around 13 Jul 2026, half-way through," or without."""
    return f"Around {format_date(review)}, half-way through," if review else "Half-way through,"


def meeting_format_phrase(formats: Iterable[str]) -> str:
    """How a pair meets, from both partners' preferred formats."""
    phrases = {"in person": "in person", "video call": "by video call", "phone": "by phone"}
    chosen = sorted({fmt for fmt in formats if fmt in phrases})
    if len(chosen) == 1:
        return phrases[chosen[0]]
    if not chosen:
        return "in person or by video call, as suits both"
    return " or ".join(phrases[fmt] for fmt in chosen) + ", as suits both"
