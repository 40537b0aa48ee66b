"""Check-ins coming up or overdue, and forms sent but not returned: what Today reminds of.

A check-in point is *due* in the ``DUE_WITHIN_DAYS`` before its date and *overdue* once the date
has passed while someone due it has not answered. It is chased until the next point's date
(a starting point answered after the check-in says little), the closing questionnaire for
``AFTER_THE_END_DAYS`` after its date; a cohort is looked at while it runs and that long
after. A form sent out (a PDF made for it) and not returned after ``NOT_RETURNED_AFTER_DAYS``
is listed by person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.outcomes import checkins, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.queries import id_list
from revmentor_desktop.storage.models import OutcomeForm, Person

DUE_WITHIN_DAYS = 7
NOT_RETURNED_AFTER_DAYS = 14
AFTER_THE_END_DAYS = 30


@dataclass(frozen=True)
class CheckInReminder:
    cohort_id: int
    cohort_name: str
    questionnaire: Questionnaire
    due_date: date
    waiting: int  # people due it who have not answered
    due_people: int

    def is_overdue(self, today: date) -> bool:
        return self.due_date < today


def _answered_people(cohort_ids: list[int]) -> dict[tuple[int, str], set[int]]:
    """Who has answered each questionnaire in each of the cohorts (one query)."""
    answered: dict[tuple[int, str], set[int]] = {}
    query = (
        OutcomeForm.select(OutcomeForm.cohort, OutcomeForm.questionnaire, OutcomeForm.person)
        .where(OutcomeForm.cohort.in_(id_list(cohort_ids)) & OutcomeForm.returned_at.is_null(False))
        .tuples()
    )
    for cohort_id, questionnaire, person_id in query:
        answered.setdefault((cohort_id, questionnaire), set()).add(person_id)
    return answered


def _points_to_chase(
    dates: dict[Questionnaire, date | None], today: date
) -> list[tuple[Questionnaire, date]]:
    """The points due within a week, or past and not yet overtaken by the next point."""
    points = sorted(
        ((questionnaire, due) for questionnaire, due in dates.items() if due is not None),
        key=lambda point: point[1],
    )
    chased = []
    for index, (questionnaire, due) in enumerate(points):
        following = points[index + 1][1] if index + 1 < len(points) else None
        until = following or due + timedelta(days=AFTER_THE_END_DAYS)
        if due <= today + timedelta(days=DUE_WITHIN_DAYS) and today < until:
            chased.append((questionnaire, due))
    return chased


def check_in_reminders(today: date) -> list[CheckInReminder]:
    """The check-in points due within a week or overdue, soonest due first. A few queries,
    whatever the number of cohorts: Today counts these at start-up."""
    running = cohorts.running_cohorts(today - timedelta(AFTER_THE_END_DAYS))
    due_dates = checkins.due_dates_of([cohort_id for cohort_id, _ in running])
    chased = {
        (cohort_id, cohort_name): points
        for cohort_id, cohort_name in running
        if (points := _points_to_chase(due_dates[cohort_id], today))
    }
    cohort_ids = [cohort_id for cohort_id, _ in chased]
    answered = _answered_people(cohort_ids)
    due_people = forms.due_people_by_cohort(cohort_ids)
    reminders = []
    for (cohort_id, cohort_name), points in chased.items():
        for questionnaire, due in points:
            due_now = due_people.get((cohort_id, questionnaire), set())
            waiting = due_now - answered.get((cohort_id, questionnaire.value), set())
            if waiting:
                reminders.append(
                    CheckInReminder(
                        cohort_id, cohort_name, questionnaire, due, len(waiting), len(due_now)
                    )
                )
    return sorted(reminders, key=lambda reminder: reminder.due_date)


@dataclass(frozen=True)
class UnreturnedForm:
    form_id: int
    person_id: int
    person_name: str
    pair_id: int | None
    questionnaire: Questionnaire
    issued_at: datetime


def unreturned_forms(now: datetime) -> list[UnreturnedForm]:
    """Forms sent more than ``NOT_RETURNED_AFTER_DAYS`` ago and not returned, oldest first."""
    query = (
        OutcomeForm.select(
            OutcomeForm.id,
            OutcomeForm.person,
            Person.name,
            OutcomeForm.pair,
            OutcomeForm.questionnaire,
            OutcomeForm.issued_at,
        )
        .join(Person)
        .where(
            OutcomeForm.returned_at.is_null()
            & (OutcomeForm.issued_at < now - timedelta(days=NOT_RETURNED_AFTER_DAYS))
        )
        .order_by(OutcomeForm.issued_at, OutcomeForm.id)
        .tuples()
    )
    return [
        UnreturnedForm(form_id, person_id, name, pair_id, Questionnaire(kind), issued_at)
        for form_id, person_id, name, pair_id, kind, issued_at in query
    ]
