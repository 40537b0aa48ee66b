"""Answers exported by an online form tool the organisation already has (Microsoft Forms,
Google Forms) as CSV or XLSX: read → map the columns to questions → plan → record.

The file is read as the staff-list import reads it (``importing.read_table_file``: encodings,
delimiters, XLSX). Each column heading is matched to a question's wording; the form tool's own
columns ("ID", "Start time", "Timestamp", …) are recognised and left out, except the e-mail
address, which matches each row to a person due the questionnaire in the cohort. The plan
checks every row and writes nothing; any row problem refuses the whole file unless the
coordinator skips the rows with problems. Recording re-checks the file in one transaction and
stores each row through ``forms.record_answers``, the one way answers are written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.importing.changes import ProblemLog, RowProblem
from revmentor_desktop.domain.importing.known_people import person_ids_by_key
from revmentor_desktop.domain.importing.mapping import Field, recognise
from revmentor_desktop.domain.importing.reading import Row, Table
from revmentor_desktop.domain.outcomes import forms, questionnaires
from revmentor_desktop.domain.outcomes.questions import FormItem, Questionnaire, form_items
from revmentor_desktop.domain.text import email_key, fold, is_valid_email, quoted
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import (
    Answer,
    Erasure,
    OutcomeForm,
    Pair,
    Participation,
    Person,
    database_proxy,
)

EMAIL = "email"  # the mapping target of the column holding the respondent's e-mail address
EMAIL_LABEL = "E-mail of the person answering"

# Columns the form tools add of their own (Microsoft Forms, Google Forms): left out.
_FORM_TOOL_COLUMNS = (
    "ID",
    "Start time",
    "Completion time",
    "Last modified time",
    "Name",
    "Timestamp",
    "Total points",
    "Quiz feedback",
    "Points",
    "Score",
)
_ANONYMOUS = {"anonymous", "anonym", "anonyme"}  # Microsoft Forms' e-mail of an anonymous reply
_SHORTEST_CONTAINED = 20  # a wording this long found inside a heading (a grid's) matches it


def heading_key(text: str) -> str:
    """A heading or a wording without capitals, accents, spaces and punctuation."""
    return "".join(char for char in fold(text) if char.isalnum())


_TOOL_KEYS = frozenset(heading_key(name) for name in _FORM_TOOL_COLUMNS)


@dataclass(frozen=True)
class Target:
    """What a column can be imported as: the e-mail address, or one question of the form."""

    key: str  # EMAIL or a form item's key ("checkin.usefulness", "starting.focus-area:Excel")
    label: str  # what the coordinator reads: the wording, with whom it is asked of
    wordings: tuple[str, ...] = ()  # the wordings a heading is matched against


@dataclass(frozen=True)
class AnswerColumns:
    """For each column of the file (by position), its target's key, or None: left out."""

    targets: tuple[str | None, ...]

    def column_of(self, key: str) -> int | None:
        return self.targets.index(key) if key in self.targets else None

    def with_column(self, column: int, key: str | None) -> AnswerColumns:
        """A copy where ``column`` is ``key``; another column that had ``key`` is left out."""
        updated = [None if (k == key and key is not None) else k for k in self.targets]
        updated[column] = key
        return AnswerColumns(tuple(updated))


def targets(cohort_id: int, questionnaire: Questionnaire) -> list[Target]:
    """The e-mail address and every question of ``questionnaire`` asked in the cohort; a
    focus-area question once per focus area of the cohort's pairs due it."""
    cohort = cohorts.get_cohort_model(cohort_id)
    pairs = forms.due_pairs(cohort_id, questionnaire)
    areas = list(dict.fromkeys(area for pair in pairs for area in pair.focus_areas))
    issued = _issued_wordings(cohort_id, questionnaire)
    found = [Target(EMAIL, EMAIL_LABEL)]
    for question in questionnaires.questions(questionnaire):
        if not any(question.asked_of(role, cohort.kind) for role in (forms.MENTOR, forms.MENTEE)):
            continue
        if question.per_focus_area:
            for item in form_items([question], forms.MENTOR, cohort.kind, areas):
                found.append(Target(item.key, item.wording, (item.wording, *issued[item.key])))
            continue
        wordings = (question.wording, question.builtin_wording, *issued[question.key])
        found.append(Target(question.key, question.wording + _asked_of(question), wordings))
    return found


def _asked_of(question: questionnaires.Question) -> str:
    """ " (mentors only)" for a question asked of one role; "" for one asked of both."""
    roles = sorted(question.roles)
    return f" ({roles[0]}s only)" if len(roles) == 1 else ""


def _issued_wordings(cohort_id: int, questionnaire: Questionnaire) -> dict[str, list[str]]:
    """The wordings forms of the cohort were issued with, by item key (a question reworded
    since still matches the heading of a form made from the older wording)."""
    query = (
        Answer.select(Answer.question_key, Answer.wording)
        .join(OutcomeForm)
        .where(
            (OutcomeForm.cohort == cohort_id) & (OutcomeForm.questionnaire == questionnaire.value)
        )
        .distinct()
        .tuples()
    )
    wordings: dict[str, list[str]] = defaultdict(list)
    for key, wording in query:
        wordings[key].append(wording)
    return wordings


def suggested_columns(headers: Sequence[str], choices: Sequence[Target]) -> AnswerColumns:
    """Each heading matched to the question it words, ignoring capitals and punctuation (a
    grid's "Title [statement]" by its statement); the e-mail column recognised as the staff
    import recognises one. A target is given to its first column only."""
    by_wording: dict[str, str] = {}
    for target in choices:
        for wording in target.wordings:
            by_wording.setdefault(heading_key(wording), target.key)
    chosen: list[str | None] = []
    for header in headers:
        key = _question_for(header, by_wording)
        if key is None:
            key = EMAIL if recognise(header) is Field.EMAIL else None
        chosen.append(None if key in chosen else key)
    return AnswerColumns(tuple(chosen))


def _question_for(header: str, by_wording: dict[str, str]) -> str | None:
    key = heading_key(header)
    if key in by_wording:
        return by_wording[key]
    bracketed = re.search(r"\[([^\]]+)\]\s*$", header)
    if bracketed and heading_key(bracketed.group(1)) in by_wording:
        return by_wording[heading_key(bracketed.group(1))]
    contained = [
        (len(wording), target)
        for wording, target in by_wording.items()
        if len(wording) >= _SHORTEST_CONTAINED and wording in key
    ]
    return max(contained)[1] if contained else None


def is_form_tool_column(header: str) -> bool:
    """A column a form tool adds of its own ("Start time", "Timestamp"), left out."""
    return heading_key(header) in _TOOL_KEYS


@dataclass(frozen=True)
class AnswerRow:
    """A row that can be recorded: whose answers, and what they are once checked."""

    line: int
    person_id: int
    person_name: str
    email: str
    values: dict[str, forms.AnswerValue]  # by item key, as they will be stored
    left_out: tuple[str, ...] = ()  # headings answered that are not on this person's form

    @property
    def answered(self) -> int:
        return sum(1 for value in self.values.values() if value is not None)

    def outline(self) -> str:
        """What the preview says the row records."""
        text = f"{self.person_name} <{self.email}>: {plural(self.answered, 'answer')}"
        if self.left_out:
            names = ", ".join(quoted(header) for header in self.left_out)
            text += f"; left out, not on their form: {names}"
        return text


@dataclass
class AnswerImportPlan:
    """Every row checked against the cohort, without writing."""

    table: Table
    cohort_id: int
    cohort_name: str
    questionnaire: Questionnaire
    columns: AnswerColumns
    file_problems: list[str] = field(default_factory=list)
    problems: ProblemLog = field(default_factory=ProblemLog)
    rows: list[AnswerRow] = field(default_factory=list)
    problem_lines: set[int] = field(default_factory=set)

    def can_apply(self, skip_invalid: bool = False) -> bool:
        return not self.file_problems and bool(self.rows) and (skip_invalid or not self.problems)

    @property
    def skipped(self) -> int:
        """The rows with problems (a row can have several)."""
        return len(self.problem_lines)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a problem or an answer does: recording a plan whose fresh check
        differs from the preview writes nothing."""
        rows = [(row.line, row.person_id, sorted(row.values.items())) for row in self.rows]
        return repr((self.file_problems, self.problems.digest.hexdigest(), rows))

    def summary_lines(self) -> list[str]:
        """What the import will do, in sentences, then the columns it leaves out."""
        title = self.questionnaire.title.lower()
        people = plural(len(self.rows), "person", "people")
        lines = [f"Record the {title} answers of {people} in “{self.cohort_name}”."]
        if self.problems:
            rows = plural(self.skipped, "row")
            lines.append(
                f"{rows} {'has' if self.skipped == 1 else 'have'} problems: nothing is "
                "imported until they are corrected, or skipped."
            )
        headers = self.table.headers
        tool = [h for h, key in zip(headers, self.columns.targets, strict=False) if key is None]
        own = [h for h in tool if is_form_tool_column(h)]
        unmatched = [h for h in tool if not is_form_tool_column(h)]
        if own:
            names = ", ".join(quoted(h) for h in own)
            lines.append(f"Left out, the form tool's own columns: {names}.")
        if unmatched:
            names = ", ".join(quoted(h or "(no heading)") for h in unmatched)
            lines.append(f"Left out, not matched to a question: {names}.")
        return lines


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
    columns = _fitted(columns or suggested_columns(table.headers, choices), len(table.headers))
    plan = AnswerImportPlan(
        table, cohort_id, cohorts.get_cohort_model(cohort_id).name, questionnaire, columns
    )
    plan.file_problems.extend(_column_problems(table, columns, choices, questionnaire))
    if not table.rows:
        plan.file_problems.append(
            f"{table.name} has column headings but no answers: there is nothing to import."
        )
    if plan.file_problems:
        return plan
    _RowChecker(plan, _load_cohort(cohort_id, questionnaire)).check(list(table.rows))
    return plan


def _fitted(columns: AnswerColumns, width: int) -> AnswerColumns:
    """``columns`` with exactly one entry per column of the file."""
    targets_ = list(columns.targets[:width])
    return AnswerColumns(tuple(targets_ + [None] * (width - len(targets_))))


def _column_problems(
    table: Table,
    columns: AnswerColumns,
    choices: Sequence[Target],
    questionnaire: Questionnaire,
) -> list[str]:
    """Mapping mistakes that stop the import before any row is looked at."""
    known = {target.key for target in choices}
    found: list[str] = []
    first: dict[str, int] = {}
    for column, key in enumerate(columns.targets):
        if key is None:
            continue
        if key not in known:
            found.append(
                f"The column {quoted(table.headers[column])} is mapped to “{key}”, which is not "
                f"a question of the {questionnaire.title.lower()} in this cohort."
            )
        elif key in first:
            found.append(
                f"The columns {quoted(table.headers[first[key]])} and "
                f"{quoted(table.headers[column])} are both mapped to the same question; "
                "choose one."
            )
        first.setdefault(key, column)
    if EMAIL not in first:
        found.append(
            "No column holds the e-mail address of the person answering. Answers are matched "
            "to people by e-mail: map the column that holds it (in Microsoft Forms “Email”, in "
            "Google Forms “Email address”)."
        )
    if not set(first) - {EMAIL}:
        found.append(
            f"No column is matched to a question of the {questionnaire.title.lower()}: map "
            "each column of answers to the question it asks."
        )
    return found


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


@dataclass(frozen=True)
class AnswerImportResult:
    cohort_name: str
    questionnaire: Questionnaire
    recorded: tuple[AnswerRow, ...]
    form_ids: tuple[int, ...]
    skipped: int

    def lines(self) -> list[str]:
        people = plural(len(self.recorded), "person", "people")
        lines = [
            f"Recorded the {self.questionnaire.title.lower()} answers of {people} "
            f"in “{self.cohort_name}”."
        ]
        if self.skipped:
            lines.append(f"Skipped: {plural(self.skipped, 'row')} with problems, not recorded.")
        return lines


_CHANGED_SINCE_PREVIEW = (
    "The data or the file changed since the preview was made; nothing was imported. "
    "Look at the preview again."
)


def record_answer_import(
    plan: AnswerImportPlan, *, skip_invalid: bool = False, clock: Clock = system_clock
) -> AnswerImportResult:
    """Record ``plan`` in one transaction: the file is checked again first, and an import
    whose check differs from the preview writes nothing. Each row's form is the person's
    unanswered one, or a new one (``forms.issue_forms``, not marked as sent out)."""
    refuse_unless_applicable(plan, skip_invalid)
    with database_proxy.atomic():
        fresh = build_answer_plan(plan.table, plan.cohort_id, plan.questionnaire, plan.columns)
        if fresh.fingerprint != plan.fingerprint:
            raise RuleViolation(_CHANGED_SINCE_PREVIEW)
        form_ids = []
        for row in fresh.rows:
            (form,) = forms.issue_forms(
                plan.cohort_id, plan.questionnaire, [row.person_id], clock, mark_issued=False
            )
            forms.record_answers(form.form_id, row.values, forms.Channel.FORM_TOOL, clock)
            form_ids.append(form.form_id)
    return AnswerImportResult(
        fresh.cohort_name,
        plan.questionnaire,
        tuple(fresh.rows),
        tuple(form_ids),
        fresh.skipped,
    )


def refuse_unless_applicable(plan: AnswerImportPlan, skip_invalid: bool) -> None:
    """Raise ``RuleViolation`` saying why, when ``plan`` cannot be recorded as asked."""
    if plan.can_apply(skip_invalid):
        return
    if plan.file_problems:
        reasons = plan.file_problems
    elif not plan.rows and not plan.problems:
        reasons = ["the file holds no answers."]
    elif not plan.rows:
        reasons = ["every row has a problem, so no answer can be recorded."]
    else:
        reasons = [str(problem) for problem in plan.problems.first[:3]]
    raise RuleViolation("Nothing was imported: " + " ".join(reasons))
