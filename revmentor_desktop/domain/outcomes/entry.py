"""Typing in answers from paper: the forms of a cohort's questionnaire, one per person due it,
each with whether its answers are already recorded.

A person who has already answered keeps that form (the coordinator may replace its answers);
everyone else gets the form they were sent, or a new one made now. A form made for typing in is
not marked as sent, so it never counts as "not returned".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.models import OutcomeForm, database_proxy


@dataclass(frozen=True)
class EntryForm:
    """One person's form in the entry dialog's list."""

    form: forms.FormToFill
    returned_at: datetime | None  # when its answers were recorded; None: not yet
    channel: str  # how they came back: "paper", "pdf", "form tool"

    @property
    def answered(self) -> bool:
        return self.returned_at is not None


def _answered_forms(cohort_id: int, questionnaire: Questionnaire) -> list[OutcomeForm]:
    return list(
        OutcomeForm.select()
        .where(
            (OutcomeForm.cohort == cohort_id)
            & (OutcomeForm.questionnaire == questionnaire.value)
            & OutcomeForm.returned_at.is_null(False)
        )
        .order_by(OutcomeForm.id)
    )


def entry_forms(
    cohort_id: int, questionnaire: Questionnaire, clock: Clock = system_clock
) -> list[EntryForm]:
    """Everyone due ``questionnaire`` in the cohort, by name: the answered forms as they are,
    a form to fill for each person who has not answered yet."""
    with database_proxy.atomic():
        answered = _answered_forms(cohort_id, questionnaire)
        answered_people = {row.person_id for row in answered}
        due_people = {
            person_id
            for pair in forms.due_pairs(cohort_id, questionnaire)
            for person_id in (pair.mentor_id, pair.mentee_id)
        }
        # Only those still waiting: issuing for everyone would give each person who has
        # answered a second, blank form.
        waiting = sorted(due_people - answered_people)
        fresh = forms.issue_forms(cohort_id, questionnaire, waiting, clock=clock, mark_issued=False)
        entries = [EntryForm(form, None, "") for form in fresh]
        entries += [
            EntryForm(forms.form_to_fill(row.id), row.returned_at, row.channel) for row in answered
        ]
    return sorted(entries, key=lambda entry: entry.form.person_name.casefold())


def entry_form(form_id: int) -> EntryForm:
    """One form, for typing in its answers on its own (opened from Today or a pair)."""
    form = forms.form_to_fill(form_id)
    row = OutcomeForm.get_by_id(form_id)
    return EntryForm(form, row.returned_at, row.channel)
