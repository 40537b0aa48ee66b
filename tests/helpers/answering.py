"""Filling questionnaires in tests, through the one way answers are written
(``forms.record_answers``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import AnswerKind, Questionnaire

ANSWERED_AT = datetime(2026, 6, 20, 9, 0)


def issued(cohort_id: int, questionnaire: Questionnaire) -> dict[int, forms.FormToFill]:
    """The cohort's forms of ``questionnaire``, by person id."""
    return {
        form.person_id: form
        for form in forms.issue_forms(cohort_id, questionnaire, clock=lambda: ANSWERED_AT)
    }


def fill(
    form: forms.FormToFill,
    rating: int | None = None,
    answers: Mapping[str, forms.AnswerValue] | None = None,
    when: datetime = ANSWERED_AT,
) -> None:
    """Answer every benefit and focus-area rating of ``form`` with ``rating`` (None leaves them
    blank), and the other items by the end of their key (``{"usefulness": 4}``)."""
    values: dict[str, forms.AnswerValue] = {}
    for item in form.items:
        name = item.key.split(".", 1)[1]
        if answers and name in answers:
            values[item.key] = answers[name]
        elif item.dimension and item.answer_kind is AnswerKind.RATING:
            values[item.key] = rating
    forms.record_answers(form.form_id, values, forms.Channel.PAPER, clock=lambda: when)
