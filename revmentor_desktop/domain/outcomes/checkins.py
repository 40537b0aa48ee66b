"""Each cohort's check-in points: when the starting-point, check-in and closing questionnaires
are due. The coordinator may set a date; otherwise it follows from the cohort's dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.queries import id_list
from revmentor_desktop.storage.models import CheckInDate, Cohort, database_proxy

# Questionnaires due on a date of the cohort's; "ending early" is due when a pair ends.
SCHEDULED = (Questionnaire.STARTING, Questionnaire.CHECKIN, Questionnaire.CLOSING)


def default_due_dates(cohort: Cohort) -> dict[Questionnaire, date | None]:
    """Starting point at the start, check-in half-way, closing at the end. Without an end date
    the check-in comes after three meetings' worth of time (the cadence)."""
    start, end = cohort.start_date, cohort.end_date
    checkin: date | None = None
    if start is not None and end is not None and end > start:
        checkin = start + timedelta(days=(end - start).days // 2)
    elif start is not None:
        checkin = start + timedelta(days=3 * int(cohort.cadence_days or 21))
    return {
        Questionnaire.STARTING: start,
        Questionnaire.CHECKIN: checkin,
        Questionnaire.CLOSING: end,
    }


def due_dates(cohort_id: int) -> dict[Questionnaire, date | None]:
    """The cohort's check-in points: the coordinator's dates where set, else the defaults."""
    return {point.questionnaire: point.due for point in check_in_points(cohort_id)}


def due_dates_of(cohort_ids: Sequence[int]) -> dict[int, dict[Questionnaire, date | None]]:
    """``due_dates`` of each of the cohorts, in two queries whatever their number (Today
    looks at every running cohort at start-up)."""
    chosen: dict[int, dict[Questionnaire, date]] = {}
    dates_set = CheckInDate.select().where(CheckInDate.cohort.in_(id_list(cohort_ids)))
    for row in dates_set:
        chosen.setdefault(row.cohort_id, {})[Questionnaire(row.questionnaire)] = row.due_date
    return {
        cohort.id: {
            questionnaire: chosen.get(cohort.id, {}).get(questionnaire) or default
            for questionnaire, default in default_due_dates(cohort).items()
        }
        for cohort in Cohort.select().where(Cohort.id.in_(id_list(cohort_ids)))
    }


def set_due_date(cohort_id: int, questionnaire: Questionnaire, due: date | None) -> None:
    """Set a check-in point, or (``None``) go back to the date derived from the cohort's."""
    if questionnaire not in SCHEDULED:
        raise ValidationError(
            {"questionnaire": "The ending-early form is due when a pair ends; it has no date."}
        )
    with database_proxy.atomic():
        if Cohort.get_or_none(Cohort.id == cohort_id) is None:
            raise NotFound("That cohort no longer exists.")
        CheckInDate.delete().where(
            (CheckInDate.cohort == cohort_id) & (CheckInDate.questionnaire == questionnaire.value)
        ).execute()
        if due is not None:
            CheckInDate.create(cohort=cohort_id, questionnaire=questionnaire.value, due_date=due)


@dataclass(frozen=True)
class CheckInPoint:
    """One check-in point as the coordinator sees it: the default, and the date set by hand."""

    questionnaire: Questionnaire
    default: date | None  # derived from the cohort's dates
    chosen: date | None  # set by the coordinator; None: the default applies
    default_reason: str  # where the default comes from, in words

    @property
    def due(self) -> date | None:
        return self.chosen or self.default


def _default_reasons(cohort: Cohort) -> dict[Questionnaire, str]:
    if cohort.start_date is not None and cohort.end_date is not None:
        checkin = "half-way between the cohort's start and end"
    else:
        checkin = "three meetings' time after the cohort's start (it has no end date)"
    return {
        Questionnaire.STARTING: "the cohort's start date",
        Questionnaire.CHECKIN: checkin,
        Questionnaire.CLOSING: "the cohort's end date",
    }


def check_in_points(cohort_id: int) -> list[CheckInPoint]:
    """The cohort's starting point, check-in and closing, each with its default."""
    cohort = Cohort.get_or_none(Cohort.id == cohort_id)
    if cohort is None:
        raise NotFound("That cohort no longer exists.")
    defaults = default_due_dates(cohort)
    reasons = _default_reasons(cohort)
    chosen = {
        Questionnaire(row.questionnaire): row.due_date
        for row in CheckInDate.select().where(CheckInDate.cohort == cohort_id)
    }
    return [
        CheckInPoint(
            questionnaire,
            defaults[questionnaire],
            chosen.get(questionnaire),
            reasons[questionnaire],
        )
        for questionnaire in SCHEDULED
    ]
