"""Retention: people whose last cohort ended long enough ago to be erased."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import fn

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import system_clock
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.namesakes import person_labels
from revmentor_desktop.storage.counting import count_where
from revmentor_desktop.storage.models import (
    Cohort,
    Erasure,
    Participation,
)


@dataclass(frozen=True)
class RetentionCandidate:
    """Someone offered for erasure; ``name`` is their label, so namesakes are told apart."""

    person_id: int
    name: str
    last_cohort: str
    ended_on: date


def retention_months() -> int:
    return settings.get(settings.RETENTION_MONTHS)


def set_retention_months(months: int) -> None:
    if problem := settings.RETENTION_MONTHS.problem(months):
        raise ValidationError({"months": problem})
    settings.put(settings.RETENTION_MONTHS, months)


def _months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    return date(year, month, 1)  # pragma: no cover


def people_due_for_erasure(
    months: int | None = None, today: date | None = None
) -> list[RetentionCandidate]:
    """People whose last cohort ended more than ``months`` ago (and none is still running)."""
    months = retention_months() if months is None else months
    today = today or system_clock().date()
    cutoff = _months_before(today, months)
    erased = Erasure.select(Erasure.person_id)
    rows = (
        Participation.select(
            Participation.person,
            fn.MAX(Cohort.end_date),
            count_where(Cohort.end_date.is_null()),
        )
        .join(Cohort)
        .where(Participation.person.not_in(erased))
        .group_by(Participation.person)
        .tuples()
    )
    ended_on: dict[int, date] = {}
    for person_id, last_end, open_cohorts in rows:
        if open_cohorts or last_end is None:
            continue
        ended = last_end if isinstance(last_end, date) else date.fromisoformat(str(last_end)[:10])
        if ended < cutoff:
            ended_on[person_id] = ended
    names = person_labels(ended_on)
    last_cohort = _last_cohort_names(list(ended_on))
    due = [
        RetentionCandidate(person_id, names[person_id], last_cohort.get(person_id, ""), ended)
        for person_id, ended in ended_on.items()
    ]
    return sorted(due, key=lambda item: (item.ended_on, item.name))


def _last_cohort_names(person_ids: list[int]) -> dict[int, str]:
    """The name of the cohort that ended last, for each person (one query for all)."""
    rows = (
        Participation.select(Participation.person, Cohort.name)
        .join(Cohort)
        .where(Participation.person.in_(person_ids))
        .order_by(Cohort.end_date.desc())
        .tuples()
    )
    last: dict[int, str] = {}
    for person_id, name in rows:
        last.setdefault(person_id, name)
    return last
