"""Checking a form tool's file against the cohort, row by row, into an ``AnswerImportPlan``:
whose answers each row holds, whether that person can answer now, and whether each answer is
one the question takes. Nothing is written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.importing.changes import RowProblem
from revmentor_desktop.domain.importing.known_people import person_ids_by_key
from revmentor_desktop.domain.importing.reading import Row, Table
from revmentor_desktop.domain.outcomes import forms, questionnaires
from revmentor_desktop.domain.outcomes.answer_import.columns import (
    EMAIL,
    AnswerColumns,
    column_problems,
    fitted,
    suggested_columns,
    targets,
)
from revmentor_desktop.domain.outcomes.answer_import.plan import AnswerImportPlan, AnswerRow
from revmentor_desktop.domain.outcomes.questions import FormItem, Questionnaire, form_items
from revmentor_desktop.domain.text import email_key, is_valid_email, quoted
from revmentor_desktop.storage.models import Erasure, OutcomeForm, Pair, Participation, Person

_ANONYMOUS = {"anonymous", "anonym", "anonyme"}  # Microsoft Forms' e-mail of an anonymous reply


@dataclass(frozen=True)
class _Due:
    """A person due the questionnaire through one pair."""

    pair: Pair
    role: str


@dataclass
class _Cohort:
    """What the rows are checked against: who is due, who is enrolled, who answered."""

    kind: str
    due: dict[int, list[_Due]]
    enrolled: set[int]
    answered: dict[tuple[int, int], OutcomeForm]  # (pair, person) → their answered form
    open_forms: dict[tuple[int, int], int]  # (pair, person) → their unanswered form
    has_erased: bool
    questions: list[questionnaires.Question]


def _load_cohort(cohort_id: int, questionnaire: Questionnaire) -> _Cohort:
    due: dict[int, list[_Due]] = defaultdict(list)
    for pair in forms.due_pairs(cohort_id, questionnaire):
        due[pair.mentor_id].append(_Due(pair, forms.MENTOR))
        due[pair.mentee_id].append(_Due(pair, forms.MENTEE))
    answered: dict[tuple[int, int], OutcomeForm] = {}
    open_forms: dict[tuple[int, int], int] = {}
    query = OutcomeForm.select().where(
        (OutcomeForm.cohort == cohort_id) & (OutcomeForm.questionnaire == questionnaire.value)
    )
    for form in query:
        key = (form.pair_id, form.person_id)
        if form.returned_at is not None:
            answered[key] = form
        else:
            open_forms[key] = form.id
    enrolled = Participation.select(Participation.person).where(Participation.cohort == cohort_id)
    has_erased = Erasure.select().where(Erasure.person_id.in_(list(due))).exists()
    return _Cohort(
        cohorts.get_cohort_model(cohort_id).kind,
        due,
        {row.person_id for row in enrolled},
        answered,
        open_forms,
        has_erased,
        questionnaires.questions(questionnaire),
    )


def build_answer_plan(
    table: Table,
    cohort_id: int,
    questionnaire: Questionnaire,
    columns: AnswerColumns | None = None,
) -> AnswerImportPlan:
    """Check every row of ``table``; writes nothing. ``columns`` default to the suggested."""
    choices = targets(cohort_id, questionnaire)
    columns = fitted(columns or suggested_columns(table.headers, choices), len(table.headers))
    plan = AnswerImportPlan(
        table, cohort_id, cohorts.get_cohort_model(cohort_id).name, questionnaire, columns
    )
    plan.file_problems.extend(column_problems(table, columns, choices, questionnaire))
    if not table.rows:
        plan.file_problems.append(
            f"{table.name} has column headings but no answers: there is nothing to import."
        )
    if plan.file_problems:
        return plan
    _RowChecker(plan, _load_cohort(cohort_id, questionnaire)).check(list(table.rows))
    return plan


class _RowChecker:
    """Checks each row: whose answers they are, whether that person can answer now, and
    whether each answer is one the question takes."""

    def __init__(self, plan: AnswerImportPlan, cohort: _Cohort) -> None:
        self.plan = plan
        self.cohort = cohort
        email_column = plan.columns.column_of(EMAIL)
        assert email_column is not None  # a file without one stops at its column problems
        self.email_column = email_column
        self.email_header = plan.table.headers[self.email_column] or "E-mail"
        self.title = plan.questionnaire.title.lower()

    def check(self, rows: list[Row]) -> None:
        keys = [email_key(row.cell(self.email_column)) or "" for row in rows]
        lines_of: dict[str, list[int]] = defaultdict(list)
        for row, key in zip(rows, keys, strict=True):
            lines_of[key].append(row.line)
        person_ids = person_ids_by_key(key for key in keys if key)
        names = _names(person_ids.values())
        for row, key in zip(rows, keys, strict=True):
            person_id = person_ids.get(key)
            reason = self._identity_problem(row, lines_of[key], person_id, names)
            if reason:
                self._refuse(RowProblem(row.line, self.email_header, reason))
            elif person_id is not None:
                self._read_answers(row, person_id, names[person_id])

    def _refuse(self, problem: RowProblem) -> None:
        self.plan.problems.add(problem)
        self.plan.problem_lines.add(problem.line)

    def _identity_problem(
        self, row: Row, lines: list[int], person_id: int | None, names: dict[int, str]
    ) -> str:
        email = row.cell(self.email_column).strip()
        if not email or email.casefold() in _ANONYMOUS:
            return (
                "No e-mail address, so these answers cannot be matched to anyone. Skip the row. "
                "(Microsoft Forms records the address only when only people in your "
                "organisation can respond; Google Forms when it collects e-mail addresses.)"
            )
        if not is_valid_email(email):
            return f"{quoted(email)} is not an e-mail address; correct it, or skip the row."
        if len(lines) > 1:
            others = " and ".join(f"line {line}" for line in lines)
            return (
                f"{others.capitalize()} are both answers from {email}: delete the row that is "
                "not to be recorded (the later one is usually the correction), or skip both."
            )
        if person_id is None:
            erased = (
                " Someone erased from the data file is no longer known by e-mail: if this was "
                "one of them, skip the row, as their answers must not be kept."
                if self.cohort.has_erased
                else ""
            )
            return (
                f"Nobody in the data file has the e-mail address {email}. Correct it if it is "
                f"mistyped, or skip the row.{erased}"
            )
        return self._cohort_problem(person_id, names[person_id])

    def _cohort_problem(self, person_id: int, name: str) -> str:
        cohort_name = self.plan.cohort_name
        due = self.cohort.due.get(person_id, [])
        if person_id not in self.cohort.enrolled:
            return (
                f"{name} is not in “{cohort_name}”. Check that the right cohort is chosen, "
                "or skip the row."
            )
        if not due:
            return (
                f"{name} is in “{cohort_name}” but has no partnership due the {self.title}. "
                "Check that the right questionnaire is chosen, or skip the row."
            )
        if len(due) > 1:
            return (
                f"{name} has {len(due)} partnerships due the {self.title}, and a form tool's "
                "row does not say which one it is about. Skip the row and type their answers "
                "in on each partnership's form."
            )
        answered = self.cohort.answered.get((due[0].pair.id, person_id))
        if answered is not None:
            return (
                f"{name} already answered the {self.title} (recorded "
                f"{format_date(answered.returned_at.date())}). Their answers are kept: delete "
                "the row, or skip it."
            )
        return ""

    def _read_answers(self, row: Row, person_id: int, name: str) -> None:
        due = self.cohort.due[person_id][0]
        items = {item.key: item for item in self._items_of(person_id, due)}
        headers = self.plan.table.headers
        raw: dict[str, str] = {}
        header_of: dict[str, str] = {}
        left_out: list[str] = []
        for column, key in enumerate(self.plan.columns.targets):
            if key is None or key == EMAIL:
                continue
            if key in items:
                raw[key] = row.cell(column)
                header_of[key] = headers[column]
            elif row.cell(column).strip():
                left_out.append(headers[column])
        try:
            values = forms.checked_item_values(list(items.values()), raw)
        except ValidationError as error:
            for key, reason in error.problems.items():
                self._refuse(RowProblem(row.line, header_of[key], _cell_reason(items[key], reason)))
            return
        if not any(value is not None for value in values.values()):
            self._refuse(
                RowProblem(
                    row.line,
                    self.email_header,
                    f"The row answers none of the questions on {name}'s form; check the "
                    "columns' questions, or skip the row.",
                )
            )
            return
        email = row.cell(self.email_column).strip()
        self.plan.rows.append(AnswerRow(row.line, person_id, name, email, values, tuple(left_out)))

    def _items_of(self, person_id: int, due: _Due) -> list[FormItem]:
        """The items on the person's form: as issued, or as it will be issued."""
        form_id = self.cohort.open_forms.get((due.pair.id, person_id))
        if form_id is not None:
            return forms.form_items_of(form_id)
        return form_items(self.cohort.questions, due.role, self.cohort.kind, due.pair.focus_areas)


def _cell_reason(item: FormItem, reason: str) -> str:
    """The problem with a cell without the question's wording (the column names it)."""
    prefix = f"“{item.wording}”: "
    text = reason.removeprefix(prefix)
    text = text[:1].upper() + text[1:]
    if item.scale:
        labels = ", ".join(item.scale)
        return f"{text} Write a number from 1 to {len(item.scale)}, or one of: {labels}."
    return f"{text} Correct the cell, or skip the row."


def _names(person_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(person_ids))
    if not ids:
        return {}
    return dict(Person.select(Person.id, Person.name).where(Person.id.in_(ids)).tuples())
