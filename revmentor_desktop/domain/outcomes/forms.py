"""Forms: one questionnaire for one person of a pair, issued with its questions' wording fixed,
and answered by any channel (a returned PDF, typed in from paper, a form tool's export).

Issuing writes the form and one blank answer per item, so the wording a person was asked is
kept whatever later happens to the questionnaire. ``record_answers`` is the one way answers
are written, whichever channel they come from, so every channel checks them the same way.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from peewee import Expression

from revmentor_desktop.domain import identity
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, NotFound, ValidationError
from revmentor_desktop.domain.outcomes import checkins, questionnaires
from revmentor_desktop.domain.outcomes.questions import (
    AnswerKind,
    FormItem,
    Questionnaire,
    builtin_question,
    form_items,
)
from revmentor_desktop.domain.queries import id_list
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.storage.models import (
    Answer,
    Cohort,
    OutcomeForm,
    Pair,
    Person,
    database_proxy,
)

LONGEST_TEXT_ANSWER = 4000
ENDING_EARLY_ANSWER_TIME = timedelta(days=14)
MENTOR, MENTEE = "mentor", "mentee"


class Channel(StrEnum):
    PDF = "pdf"  # a fillable PDF came back
    PAPER = "paper"  # typed in from a printed form
    FORM_TOOL = "form tool"  # imported from Microsoft Forms, Google Forms, ...


@dataclass(frozen=True)
class FormToFill:
    """Everything printed on one person's form."""

    form_id: int
    token: str  # the form's own identifier, printed (hidden) in the PDF
    issuer: str  # the data file's identity: refuses forms from another file
    questionnaire: Questionnaire
    person_id: int
    person_name: str
    email: str
    partner_name: str
    role: str  # mentor / mentee
    role_label: str  # as the cohort names it: "Reverse mentor"
    cohort_name: str
    due_date: date | None
    items: tuple[FormItem, ...]


class AlreadyAnswered(DomainError):
    """A form that already has answers: the caller asks which answers to keep."""

    def __init__(self, form_id: int, returned_at: datetime) -> None:
        super().__init__(
            f"Form {form_id} was already answered on {format_date(returned_at.date())}."
        )
        self.form_id = form_id
        self.returned_at = returned_at


def data_file_identity() -> str:
    """The identity printed in every form, so a form is never collected into another file."""
    return identity.uid_domain()


def _due_pair_statuses(questionnaire: Questionnaire) -> list[str]:
    """The statuses of the pairs whose partners are due ``questionnaire``."""
    if questionnaire is Questionnaire.ENDING_EARLY:
        return [PairStatus.ENDED_EARLY.value]
    if questionnaire is Questionnaire.CLOSING:
        return [PairStatus.ACTIVE.value, PairStatus.PAUSED.value, PairStatus.COMPLETED.value]
    return [PairStatus.ACTIVE.value, PairStatus.PAUSED.value, PairStatus.PROPOSED.value]


def _is_due(cohort_id: int, questionnaire: Questionnaire) -> Expression:
    return (Pair.cohort == cohort_id) & Pair.status.in_(_due_pair_statuses(questionnaire))


def due_pairs(cohort_id: int, questionnaire: Questionnaire) -> list[Pair]:
    """The pairs whose partners are due this questionnaire, with both partners loaded."""
    mentor, mentee = Person.alias(), Person.alias()
    return list(
        Pair.select(Pair, mentor, mentee)
        .join_from(Pair, mentor, on=(Pair.mentor == mentor.id), attr="mentor")
        .join_from(Pair, mentee, on=(Pair.mentee == mentee.id), attr="mentee")
        .where(_is_due(cohort_id, questionnaire))
        .order_by(Pair.id)
    )


def due_people_by_cohort(cohort_ids: Sequence[int]) -> dict[tuple[int, Questionnaire], set[int]]:
    """The ids of everyone due each questionnaire in each of the cohorts: both partners of
    each pair ``due_pairs`` gives, in one query without loading the pairs (Today counts them
    at start-up)."""
    statuses = {questionnaire: _due_pair_statuses(questionnaire) for questionnaire in Questionnaire}
    partners = Pair.select(Pair.cohort, Pair.status, Pair.mentor, Pair.mentee).where(
        Pair.cohort.in_(id_list(cohort_ids))
    )
    due: dict[tuple[int, Questionnaire], set[int]] = {}
    for cohort_id, status, mentor_id, mentee_id in partners.tuples():
        for questionnaire, due_statuses in statuses.items():
            if status in due_statuses:
                due.setdefault((cohort_id, questionnaire), set()).update((mentor_id, mentee_id))
    return due


def issue_forms(
    cohort_id: int,
    questionnaire: Questionnaire,
    person_ids: Sequence[int] | None = None,
    clock: Clock = system_clock,
    mark_issued: bool = True,
) -> list[FormToFill]:
    """The forms of everyone due ``questionnaire`` in the cohort (or of ``person_ids`` only).

    A form already issued and not yet answered is issued again as it was (same identifier and
    wording), so sending a form twice never makes two. ``mark_issued`` records that the forms
    went out (for "not returned after 14 days"); paper entry passes False.
    """
    with database_proxy.atomic():
        cohort = Cohort.get_or_none(Cohort.id == cohort_id)
        if cohort is None:
            raise NotFound("That cohort no longer exists.")
        due = checkins.due_dates(cohort_id).get(questionnaire)
        questions = questionnaires.questions(questionnaire)
        wanted = None if person_ids is None else set(person_ids)
        issuer = data_file_identity()
        open_forms = _open_forms(cohort_id, questionnaire)
        issued_items = _items_by_form([row.id for row in open_forms.values()])
        forms, newly_issued = [], []
        for pair in due_pairs(cohort_id, questionnaire):
            for role, person, partner in (
                (MENTOR, pair.mentor, pair.mentee),
                (MENTEE, pair.mentee, pair.mentor),
            ):
                if wanted is not None and person.id not in wanted:
                    continue
                row = open_forms.get((pair.id, person.id))
                if row is None:
                    due_date = (
                        _ending_early_due(pair)
                        if questionnaire is Questionnaire.ENDING_EARLY
                        else due
                    )
                    items = form_items(questions, role, cohort.kind, pair.focus_areas)
                    row = _new_form(pair, person, role, questionnaire, due_date, items, clock)
                    issued_items[row.id] = items
                if row.issued_at is None:
                    newly_issued.append(row.id)
                forms.append(_to_fill(row, cohort, person, partner, issuer, issued_items[row.id]))
        if mark_issued and newly_issued:
            OutcomeForm.update(issued_at=clock()).where(OutcomeForm.id.in_(newly_issued)).execute()
        return forms


def _ending_early_due(pair: Pair) -> date | None:
    """An ending-early form is due two weeks after the pair ended: time to answer calmly."""
    return None if pair.end_date is None else pair.end_date + ENDING_EARLY_ANSWER_TIME


def _open_forms(cohort_id: int, questionnaire: Questionnaire) -> dict[tuple[int, int], OutcomeForm]:
    """The cohort's unanswered forms of ``questionnaire``, by pair and person."""
    rows = OutcomeForm.select().where(
        (OutcomeForm.cohort == cohort_id)
        & (OutcomeForm.questionnaire == questionnaire.value)
        & OutcomeForm.returned_at.is_null()
    )
    return {(row.pair_id, row.person_id): row for row in rows}


def _new_form(
    pair: Pair,
    person: Person,
    role: str,
    questionnaire: Questionnaire,
    due_date: date | None,
    items: list[FormItem],
    clock: Clock,
) -> OutcomeForm:
    row = OutcomeForm.create(
        questionnaire=questionnaire.value,
        person=person.id,
        cohort=pair.cohort_id,
        pair=pair.id,
        role=role,
        due_date=due_date,
        token=secrets.token_hex(8),
        created_at=clock(),
    )
    Answer.insert_many(
        [
            {
                "form": row.id,
                "question_key": item.key,
                "wording": item.wording,
                "answer_kind": item.answer_kind.value,
                "dimension": item.dimension,
                "position": item.position,
            }
            for item in items
        ]
    ).execute()
    return row


def _to_fill(
    row: OutcomeForm,
    cohort: Cohort,
    person: Person,
    partner: Person,
    issuer: str,
    items: Sequence[FormItem],
) -> FormToFill:
    mentor_label, mentee_label = cohort.mentor_label, cohort.mentee_label
    return FormToFill(
        form_id=row.id,
        token=row.token,
        issuer=issuer,
        questionnaire=Questionnaire(row.questionnaire),
        person_id=person.id,
        person_name=person.name,
        email=person.email or "",
        partner_name=partner.name,
        role=row.role,
        role_label=mentor_label if row.role == MENTOR else mentee_label,
        cohort_name=cohort.name,
        due_date=row.due_date,
        items=tuple(items),
    )


def _items_by_form(form_ids: Sequence[int]) -> dict[int, list[FormItem]]:
    """The items of issued forms, with the wording each was issued with (one query)."""
    items: dict[int, list[FormItem]] = {form_id: [] for form_id in form_ids}
    if not form_ids:
        return items
    answers = (
        Answer.select()
        .where(Answer.form.in_(list(form_ids)))
        .order_by(Answer.form, Answer.position)
    )
    for answer in answers:
        items[answer.form_id].append(_item_of(answer))
    return items


def _item_of(answer: Answer) -> FormItem:
    return FormItem(
        answer.question_key,
        answer.wording,
        AnswerKind(answer.answer_kind),
        answer.dimension,
        _scale_of(answer.question_key),
        answer.position,
    )


def form_items_of(form_id: int) -> list[FormItem]:
    """The items of an issued form, with the wording it was issued with."""
    answers = Answer.select().where(Answer.form == form_id).order_by(Answer.position)
    return [_item_of(answer) for answer in answers]


def _scale_of(item_key: str) -> tuple[str, ...]:
    """The labels of a rating's points. Only built-in questions have them and rewording keeps
    them, so they are looked up without a query (a query per item made collecting slow)."""
    question = builtin_question(item_key.split(":", 1)[0])
    return question.scale if question is not None else ()


def form_to_fill(form_id: int) -> FormToFill:
    """An issued form again, as it was issued (for reprinting and for typing answers in)."""
    row = OutcomeForm.get_or_none(OutcomeForm.id == form_id)
    if row is None:
        raise NotFound("That form no longer exists.")
    pair = row.pair
    partner = None if pair is None else (pair.mentee if row.role == MENTOR else pair.mentor)
    partner = partner or row.person
    return _to_fill(
        row, row.cohort, row.person, partner, data_file_identity(), form_items_of(form_id)
    )


def form_by_token(token: str) -> OutcomeForm | None:
    return OutcomeForm.get_or_none(OutcomeForm.token == token)


AnswerValue = int | str | None


def checked_answers(form_id: int, values: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
    """The answers as they will be stored, or a ValidationError naming each bad one by its
    question: a number out of range, text where a number belongs, a question not on the form."""
    return checked_item_values(form_items_of(form_id), values)


def checked_item_values(
    form_items: Sequence[FormItem], values: Mapping[str, AnswerValue]
) -> dict[str, AnswerValue]:
    """``checked_answers`` for a form's items before the form is issued (a preview that
    must write nothing checks what the form will ask)."""
    items = {item.key: item for item in form_items}
    problems: dict[str, str] = {}
    checked: dict[str, AnswerValue] = {}
    for key, value in values.items():
        item = items.get(key)
        if item is None:
            problems[key] = "This question is not on the form."
            continue
        try:
            checked[key] = _checked_value(item, value)
        except ValueError as error:
            problems[key] = f"“{item.wording}”: {error}"
    if problems:
        raise ValidationError(problems)
    return checked


def _checked_value(item: FormItem, value: AnswerValue) -> AnswerValue:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not item.answer_kind.is_number:
        text = str(value).strip()
        if len(text) > LONGEST_TEXT_ANSWER:
            raise ValueError(f"keep the answer under {LONGEST_TEXT_ANSWER} characters.")
        return text
    if isinstance(value, str):
        value = _number_from_text(item, value)
    low, high = item.answer_kind.range or (0, 0)
    if not low <= value <= high:
        raise ValueError(f"the answer must be from {low} to {high}, not {value}.")
    return value


def _number_from_text(item: FormItem, value: str) -> int:
    """A number as typed or exported: "4", "4 – Mostly", "Mostly", "Yes", "No"."""
    text = value.strip()
    if item.answer_kind is AnswerKind.YES_NO and text.casefold() in ("yes", "no", "y", "n"):
        return 1 if text.casefold().startswith("y") else 0
    for position, label in enumerate(item.scale, start=1):
        if text.casefold() == label.casefold():
            return position
    leading = text.split()[0].rstrip(".:-–") if text.split() else ""
    if leading.lstrip("-").isdigit():
        return int(leading)
    raise ValueError(f"“{value}” is not one of the answers this question takes.")


def record_answers(
    form_id: int,
    values: Mapping[str, AnswerValue],
    channel: Channel,
    clock: Clock = system_clock,
    replace_answered: bool = False,
) -> None:
    """Store a form's answers (one transaction). A form already answered is refused with
    ``AlreadyAnswered`` unless ``replace_answered`` (the coordinator chose the new answers)."""
    with database_proxy.atomic():
        row = OutcomeForm.get_or_none(OutcomeForm.id == form_id)
        if row is None:
            raise NotFound("That form no longer exists.")
        if row.returned_at is not None and not replace_answered:
            raise AlreadyAnswered(form_id, row.returned_at)
        checked = checked_answers(form_id, values)
        Answer.update(number=None, text="").where(Answer.form == form_id).execute()
        for key, value in checked.items():
            if value is None:
                continue
            column = {"number": value} if isinstance(value, int) else {"text": value}
            Answer.update(column).where(
                (Answer.form == form_id) & (Answer.question_key == key)
            ).execute()
        row.returned_at = clock()
        row.channel = channel.value
        row.handled_at = None
        row.save()


def answers_of(form_id: int) -> dict[str, AnswerValue]:
    """The answers recorded on a form, by item key (None where left blank)."""
    return {
        answer.question_key: answer.number if answer.number is not None else (answer.text or None)
        for answer in Answer.select().where(Answer.form == form_id)
    }


def mark_handled(form_id: int, clock: Clock = system_clock) -> None:
    """The coordinator has dealt with what the form's answers raised."""
    with database_proxy.atomic():
        updated = OutcomeForm.update(handled_at=clock()).where(OutcomeForm.id == form_id).execute()
        if not updated:
            raise NotFound("That form no longer exists.")
