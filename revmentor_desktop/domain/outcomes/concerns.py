"""Answers that signal trouble, the one rule Today and the reports share: a meeting rated 1 or 2
for comfort or usefulness, a request for the coordinator's help, any private note to the
coordinator. A form's concerns stay on Today until the coordinator marks the form handled.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import datetime
from functools import reduce

from peewee import Expression, fn

from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import AnswerKind, FormItem, Questionnaire
from revmentor_desktop.storage.models import Answer, Cohort, OutcomeForm, Person

LOW_RATING = 2  # a rating this low or lower, for comfort or usefulness, is a concern
RATED_FOR_TROUBLE = ("comfort", "usefulness")
HELP_QUESTION = "wants-help"
YES = 1


def question_name(item_key: str) -> str:
    """ "checkin.comfort" -> "comfort"; "starting.focus-area:Teams" -> "focus-area"."""
    return item_key.split(".", 1)[-1].split(":", 1)[0]


def concern_of(
    item_key: str, answer_kind: AnswerKind, number: int | None, text: str | None
) -> str | None:
    """Why this answer needs the coordinator, in words; None when it does not."""
    name = question_name(item_key)
    if answer_kind is AnswerKind.PRIVATE_TEXT and text and text.strip():
        return "a private note to the coordinator"
    if number is None:
        return None
    if answer_kind is AnswerKind.RATING and name in RATED_FOR_TROUBLE and number <= LOW_RATING:
        return f"{name} rated {number} of 5"
    if answer_kind is AnswerKind.YES_NO and name == HELP_QUESTION and number == YES:
        return "asks for the coordinator's help"
    return None


@dataclass(frozen=True)
class Concern:
    """A returned form, not yet handled, with what in it needs the coordinator."""

    form_id: int
    person_name: str
    cohort_name: str
    questionnaire: Questionnaire
    returned_at: datetime
    reasons: tuple[str, ...]


def _may_be_a_concern() -> Expression:
    """The answers ``concern_of`` could call a concern, in SQL: a returned form holds dozens
    of answers, and reading them all made Today slow to open. ``concern_of`` still decides."""
    private_note = (Answer.answer_kind == AnswerKind.PRIVATE_TEXT.value) & (
        fn.TRIM(Answer.text) != ""
    )
    low_rating = (
        (Answer.answer_kind == AnswerKind.RATING.value)
        & (Answer.number <= LOW_RATING)
        & reduce(operator.or_, [Answer.question_key.contains(name) for name in RATED_FOR_TROUBLE])
    )
    asks_for_help = (
        (Answer.answer_kind == AnswerKind.YES_NO.value)
        & (Answer.number == YES)
        & Answer.question_key.contains(HELP_QUESTION)
    )
    return private_note | low_rating | asks_for_help


def open_concerns() -> list[Concern]:
    """Every returned form not yet marked handled whose answers signal trouble, oldest first.
    One query, whatever the number of forms."""
    query = (
        Answer.select(
            Answer.question_key,
            Answer.answer_kind,
            Answer.number,
            Answer.text,
            OutcomeForm.id,
            OutcomeForm.questionnaire,
            OutcomeForm.returned_at,
            Person.name,
            Cohort.name,
        )
        .join(OutcomeForm)
        .join(Person)
        .switch(OutcomeForm)
        .join(Cohort)
        .where(
            OutcomeForm.returned_at.is_null(False)
            & OutcomeForm.handled_at.is_null()
            & _may_be_a_concern()
        )
        .order_by(OutcomeForm.returned_at, OutcomeForm.id, Answer.position)
        .tuples()
    )
    found: dict[int, Concern] = {}
    for key, kind, number, text, form_id, questionnaire, returned_at, person, cohort in query:
        reason = concern_of(key, AnswerKind(kind), number, text)
        if reason is None:
            continue
        earlier = found.get(form_id)
        reasons = (*earlier.reasons, reason) if earlier else (reason,)
        found[form_id] = Concern(
            form_id, person, cohort, Questionnaire(questionnaire), returned_at, reasons
        )
    return list(found.values())


@dataclass(frozen=True)
class AnswerLine:
    """One answer as the coordinator reads it: the wording it was asked in, the answer in
    words, and why it is a concern (empty when it is not)."""

    wording: str
    answer: str
    concern: str


@dataclass(frozen=True)
class AnswerSheet:
    form: forms.FormToFill
    returned_at: datetime | None
    channel: str
    handled_at: datetime | None
    lines: tuple[AnswerLine, ...]


def answer_words(item: FormItem, value: forms.AnswerValue) -> str:
    """A stored answer in words: "2 — A little", "Yes", "8 of 10", the text, or "—"."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if item.answer_kind is AnswerKind.YES_NO:
        return "Yes" if value == YES else "No"
    if item.answer_kind is AnswerKind.RECOMMEND:
        return f"{value} of 10"
    if item.scale and 1 <= value <= len(item.scale):
        return f"{value} — {item.scale[value - 1]}"
    return str(value)


def answer_sheet(form_id: int) -> AnswerSheet:
    """A form's answers, read-only, each with the concern it raises."""
    form = forms.form_to_fill(form_id)
    row = OutcomeForm.get_by_id(form_id)
    values = forms.answers_of(form_id)
    lines = []
    for item in form.items:
        value = values.get(item.key)
        number = value if isinstance(value, int) else None
        text = value if isinstance(value, str) else None
        concern = concern_of(item.key, item.answer_kind, number, text) or ""
        lines.append(AnswerLine(item.wording, answer_words(item, value), concern))
    return AnswerSheet(form, row.returned_at, row.channel, row.handled_at, tuple(lines))
