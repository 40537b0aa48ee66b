"""The periods the Programme view offers, worked out from today's date."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from revmentor_desktop.domain.dates import Period


class PeriodChoice(StrEnum):
    COHORTS = "The cohorts' own dates"
    THIS_YEAR = "This year"
    LAST_12_MONTHS = "Last 12 months"
    CUSTOM = "Custom dates"


def preset_period(choice: PeriodChoice, today: date) -> Period | None:
    """The period of a preset; None for the cohorts' own dates (all the file holds of them).

    A custom period is the caller's own two dates, so it has no preset.
    """
    if choice is PeriodChoice.THIS_YEAR:
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    if choice is PeriodChoice.LAST_12_MONTHS:
        # This month and the eleven before it, whole, so the monthly bars are twelve.
        months_back = today.year * 12 + today.month - 1 - 11
        return Period(date(months_back // 12, months_back % 12 + 1, 1), today)
    return None
