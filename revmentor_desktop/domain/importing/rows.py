"""Reading the rows of a staff list against the data: each value checked, each change found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import fn

from revmentor_desktop.domain.importing.changes import (
    PERSON_COLUMNS,
    ChangeKind,
    FieldChange,
    ImportPlan,
    Record,
    RowProblem,
)
from revmentor_desktop.domain.importing.dates import (
    DateOrder,
    DateProblem,
    needs_order,
    parse_date,
    parse_timestamp,
)
from revmentor_desktop.domain.importing.mapping import Field
from revmentor_desktop.domain.importing.values import (
    CellProblem,
    parse_capacity,
    parse_consent,
    parse_grade,
    parse_meeting_format,
    parse_role,
    split_skills,
)
from revmentor_desktop.domain.text import email_key, fold, is_valid_email
from revmentor_desktop.domain.vocabulary import PairStatus, Role, plural
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, Skill

_TEXT_FIELDS = {
    Field.DEPARTMENT: "department",
    Field.JOB_TITLE: "job_title",
    Field.LOCATION: "location",
    Field.NOTES: "coordinator_notes",
    Field.CONSENT_WORDING: "consent_wording",
}
DATE_FIELDS = (Field.HIRE_DATE, Field.CONSENT_DATE, Field.TIMESTAMP)
_OPEN_STATUSES = [status.value for status in PairStatus if status.is_open]


# Reasons, worded once so the wizard, the command line and the tests agree.
def missing_name() -> str:
    return "A new person needs a name, and this row has none."


def missing_email() -> str:
    return "The e-mail address is missing; people are matched by e-mail."


def invalid_email(value: str) -> str:
    return f"“{value}” is not a valid e-mail address (like name@example.org)."


def duplicate_email(value: str, first_line: int) -> str:
    return (
        f"{value} is already on line {first_line} "
        "(e-mail addresses are compared ignoring capitals)."
    )


def unknown_manager(value: str) -> str:
    return f"The manager {value} is neither in this file nor in RevMentor."


def manager_row_invalid(value: str, line: int) -> str:
    return f"The manager {value} is on line {line}, which has problems and is not imported."


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


@dataclass
class ExistingPeople:
    """What the data holds now, loaded in a few queries (an import may touch thousands)."""

    by_key: dict[str, dict[str, Any]]
    key_by_id: dict[int, str]
    manager_of: dict[str, str | None]

    @classmethod
    def load(cls) -> ExistingPeople:
        columns = [
            Person.id,
            Person.email,
            Person.email_key,
            Person.manager,
            Person.archived,
            *(getattr(Person, name) for name in PERSON_COLUMNS),
        ]
        by_key: dict[str, dict[str, Any]] = {}
        key_by_id: dict[int, str] = {}
        manager_ids: dict[str, int | None] = {}
        for row in Person.select(*columns).where(Person.email_key.is_null(False)).dicts():
            key = row["email_key"]
            by_key[key] = row
            key_by_id[row["id"]] = key
            manager_ids[key] = row["manager"]
        manager_of = {
            key: (key_by_id.get(manager_id) if manager_id is not None else None)
            for key, manager_id in manager_ids.items()
        }
        return cls(by_key, key_by_id, manager_of)

    def skills(self, person_ids: list[int]) -> dict[tuple[int, str], list[str]]:
        found: dict[tuple[int, str], list[str]] = {}
        if not person_ids:
            return found
        wanted = set(person_ids)
        query = Skill.select(Skill.person, Skill.direction, Skill.name).order_by(Skill.id)
        for person_id, direction, name in query.tuples():
            if person_id in wanted:
                found.setdefault((person_id, direction), []).append(name)
        return found


class RowReader:
    def __init__(
        self,
        plan: ImportPlan,
        existing: ExistingPeople,
        orders: dict[int, DateOrder | None],
        today: date,
    ) -> None:
        self.plan = plan
        self.existing = existing
        self.orders = orders
        self.today = today
        self.headers = plan.table.headers
        self.columns = {f: c for c, f in enumerate(plan.mapping.fields) if f is not None}
        self.first_line_of: dict[str, int] = {}
        self.parsed: list[tuple[int, dict[Field, Any], list[RowProblem]]] = []
        consent_column = self.columns.get(Field.CONSENT)
        self.consent_wording = plan.options.consent_wording.strip() or (
            self.headers[consent_column].strip() if consent_column is not None else ""
        )

    def header(self, field_: Field) -> str:
        column = self.columns.get(field_)
        if column is not None:
            return self.headers[column] or field_.label
        return field_.label

    def name_header(self) -> str:
        for field_ in (Field.FULL_NAME, Field.FIRST_NAME, Field.LAST_NAME):
            if field_ in self.columns:
                return self.header(field_)
        return "Name"

    def read(self, row: Any) -> None:
        problems: list[RowProblem] = []
        values: dict[Field, Any] = {}

        def problem(field_: Field, reason: str, column: str | None = None) -> None:
            problems.append(RowProblem(row.line, column or self.header(field_), reason))

        def cell(field_: Field) -> str:
            column = self.columns.get(field_)
            return row.cell(column).strip() if column is not None else ""

        email = cell(Field.EMAIL)
        key = email_key(email) or ""
        if not email:
            problem(Field.EMAIL, missing_email())
        elif not is_valid_email(email):
            problem(Field.EMAIL, invalid_email(email))
        elif key in self.first_line_of:
            problem(Field.EMAIL, duplicate_email(email, self.first_line_of[key]))
        else:
            self.first_line_of[key] = row.line
        values[Field.EMAIL] = email

        name = cell(Field.FULL_NAME) or " ".join(
            part for part in (cell(Field.FIRST_NAME), cell(Field.LAST_NAME)) if part
        )
        name = " ".join(name.split())
        if name:
            values[Field.FULL_NAME] = name
        elif key not in self.existing.by_key:
            problem(Field.FULL_NAME, missing_name(), column=self.name_header())

        for field_ in _TEXT_FIELDS:
            text = cell(field_)
            if text:
                values[field_] = text

        for field_ in DATE_FIELDS:
            text = cell(field_)
            if not text:
                continue
            order = self.orders.get(self.columns[field_])
            if order is None and needs_order(text):
                continue  # the whole column waits for the date order (a file problem)
            try:
                parse = parse_timestamp if field_ == Field.TIMESTAMP else parse_date
                values[field_] = parse(text, order)
            except DateProblem as error:
                problem(field_, str(error))
        hire = values.get(Field.HIRE_DATE)
        if hire is not None and hire > self.today:
            problem(Field.HIRE_DATE, f"The hire date {hire.isoformat()} is in the future.")

        for field_, parse_cell in (
            (Field.GRADE, parse_grade),
            (Field.ROLE, parse_role),
            (Field.MEETING_FORMAT, parse_meeting_format),
            (Field.CAPACITY, parse_capacity),
            (Field.CONSENT, parse_consent),
        ):
            text = cell(field_)
            if not text:
                continue
            try:
                values[field_] = parse_cell(text)
            except CellProblem as error:
                problem(field_, str(error))

        for field_ in (Field.TEACHES, Field.LEARNS):
            text = cell(field_)
            if text:
                values[field_] = split_skills(text)

        manager = cell(Field.MANAGER_EMAIL)
        if manager:
            if not is_valid_email(manager):
                problem(Field.MANAGER_EMAIL, invalid_email(manager))
            elif email_key(manager) == key:
                problem(Field.MANAGER_EMAIL, "A person cannot be their own manager.")
            else:
                values[Field.MANAGER_EMAIL] = manager
        self.parsed.append((row.line, values, problems))

    def check_managers(self) -> None:
        """Managers must be valid rows of the file or people already in the data."""
        valid_lines: dict[str, int] = {}
        all_lines: dict[str, int] = {}
        for line, values, problems in self.parsed:
            key = email_key(values.get(Field.EMAIL)) or ""
            all_lines.setdefault(key, line)
            if not problems:
                valid_lines.setdefault(key, line)
        changed = True
        while changed:  # a skipped manager row can make its reports invalid in turn
            changed = False
            for line, values, problems in self.parsed:
                manager = values.get(Field.MANAGER_EMAIL)
                if problems or not manager:
                    continue
                manager_key = email_key(manager) or ""
                if manager_key in valid_lines or manager_key in self.existing.by_key:
                    continue
                if manager_key in all_lines:
                    reason = manager_row_invalid(manager, all_lines[manager_key])
                else:
                    reason = unknown_manager(manager)
                problems.append(RowProblem(line, self.header(Field.MANAGER_EMAIL), reason))
                own_key = email_key(values.get(Field.EMAIL)) or ""
                if valid_lines.get(own_key) == line:
                    del valid_lines[own_key]
                changed = True
        self._check_loops()

    def _check_loops(self) -> None:
        manager_of = dict(self.existing.manager_of)
        for _line, values, problems in self.parsed:
            if not problems and values.get(Field.MANAGER_EMAIL):
                manager_of[email_key(values[Field.EMAIL]) or ""] = email_key(
                    values[Field.MANAGER_EMAIL]
                )
        acyclic: set[str] = set()
        for line, values, problems in self.parsed:
            if problems or not values.get(Field.MANAGER_EMAIL):
                continue
            start = email_key(values[Field.EMAIL]) or ""
            path: list[str] = []
            current: str | None = start
            while current is not None and current not in acyclic:
                if current in path:
                    if current == start:
                        problems.append(
                            RowProblem(
                                line,
                                self.header(Field.MANAGER_EMAIL),
                                "The reporting lines would form a loop (someone would manage "
                                "their own manager).",
                            )
                        )
                    break
                path.append(current)
                current = manager_of.get(current)
            else:
                acyclic.update(path)

    def resolve(self, cohort: Cohort | None) -> None:
        """Turn the valid rows into records with the field-by-field changes."""
        plan = self.plan
        valid = [(line, values) for line, values, problems in self.parsed if not problems]
        for _line, _values, problems in self.parsed:
            plan.problems.extend(problems)
        matched_ids = [
            self.existing.by_key[key]["id"]
            for key in (email_key(values[Field.EMAIL]) or "" for _l, values in valid)
            if key in self.existing.by_key
        ]
        skills = self.existing.skills(matched_ids)
        enrolments = _enrolments(cohort, matched_ids)
        for line, values in valid:
            problems_before = len(plan.problems)
            record = self._record(line, values, skills, enrolments, cohort)
            if len(plan.problems) == problems_before:
                plan.records.append(record)
        plan.problems.sort(key=lambda problem: problem.line)

    def _record(
        self,
        line: int,
        values: dict[Field, Any],
        skills: dict[tuple[int, str], list[str]],
        enrolments: dict[int, tuple[str, int, int]],
        cohort: Cohort | None,
    ) -> Record:
        email = values[Field.EMAIL]
        key = email_key(email) or ""
        before = self.existing.by_key.get(key)
        record = Record(line, email, key, before["id"] if before else None)
        after: dict[str, Any] = (
            {name: before[name] for name in PERSON_COLUMNS}
            if before
            else {
                "name": "",
                "department": "",
                "job_title": "",
                "hire_date": None,
                "grade": None,
                "location": "",
                "meeting_format": "either",
                "consent_date": None,
                "consent_wording": "",
                "coordinator_notes": "",
            }
        )
        if Field.FULL_NAME in values:
            after["name"] = values[Field.FULL_NAME]
        for field_, column in _TEXT_FIELDS.items():
            if field_ in values:
                after[column] = values[field_]
        for field_, column in (
            (Field.HIRE_DATE, "hire_date"),
            (Field.GRADE, "grade"),
            (Field.MEETING_FORMAT, "meeting_format"),
            (Field.CONSENT_DATE, "consent_date"),
        ):
            if field_ in values:
                after[column] = values[field_]
        consent = values.get(Field.CONSENT)
        if consent is True:
            if Field.CONSENT_DATE not in values:
                stamped = values.get(Field.TIMESTAMP)
                after["consent_date"] = stamped or after["consent_date"] or self.today
            fresh_answer = Field.TIMESTAMP in values or not (before and before["consent_date"])
            if Field.CONSENT_WORDING not in values and self.consent_wording and fresh_answer:
                after["consent_wording"] = self.consent_wording
        elif consent is False:
            after["consent_date"] = None
            after["consent_wording"] = ""
        record.after = after
        for column, label in PERSON_COLUMNS.items():
            old = before[column] if before else None
            if before is None or _differs(old, after[column]):
                record.changed_columns.add(column)
                if before is not None:
                    new_text = _display(after[column])
                    record.changes.append(FieldChange(label, _display(old), new_text))

        for field_, direction, label in (
            (Field.TEACHES, "teach", "Skills to share"),
            (Field.LEARNS, "learn", "Skills to learn"),
        ):
            if field_ not in values:
                continue
            new = values[field_]
            old = skills.get((record.person_id, direction), []) if before else []
            if before is None or {fold(s) for s in old} != {fold(s) for s in new}:
                setattr(record, "teaches" if direction == "teach" else "learns", new)
                if before is not None:
                    record.changes.append(FieldChange(label, _display(old), _display(new)))

        if Field.MANAGER_EMAIL in values:
            record.manager_key = email_key(values[Field.MANAGER_EMAIL])
            old_manager = self.existing.manager_of.get(key) if before else None
            if before is None or old_manager != record.manager_key:
                record.manager_changed = True
                if before is not None:
                    record.changes.append(
                        FieldChange("Manager", old_manager or "", values[Field.MANAGER_EMAIL])
                    )

        if self.plan.options.cohort_name.strip():
            role = values.get(Field.ROLE) or self.plan.options.default_role
            if role:
                record.role = Role(role).value
                record.capacity = values.get(Field.CAPACITY) or 1
                current = enrolments.get(record.person_id or -1)
                if current is None or current[:2] != (record.role, record.capacity):
                    record.enrolment_changed = True
                    cohort_name = cohort.name if cohort else self.plan.options.cohort_name.strip()
                    old = f"{current[0]}, capacity {current[1]}" if current else "not enrolled"
                    new = f"{record.role}, capacity {record.capacity}"
                    if before is not None:
                        record.changes.append(FieldChange(f"In “{cohort_name}”", old, new))
                    if current is not None and Role(record.role).can_mentor:
                        open_pairs = current[2]
                        if open_pairs > record.capacity:
                            self.plan.problems.append(
                                RowProblem(
                                    line,
                                    self.header(Field.CAPACITY),
                                    f"{after['name']} already mentors "
                                    f"{plural(open_pairs, 'person')} in this cohort; "
                                    "the capacity cannot be lower than that.",
                                )
                            )
                if before is not None and before["archived"]:
                    self.plan.problems.append(
                        RowProblem(
                            line,
                            self.header(Field.ROLE),
                            f"{after['name']} is archived; restore them before enrolling.",
                        )
                    )
        if before is None:
            record.kind = ChangeKind.ADD
        elif record.changes:
            record.kind = ChangeKind.UPDATE
        return record


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, str) and not isinstance(new, str):
        return str(old) != _display(new)
    return old != new


def _enrolments(cohort: Cohort | None, person_ids: list[int]) -> dict[int, tuple[str, int, int]]:
    """(role, capacity, open pairs as mentor) of the people already in the cohort."""
    if cohort is None:
        return {}
    wanted = set(person_ids)
    open_pairs: dict[int, int] = dict(
        Pair.select(Pair.mentor, fn.COUNT(Pair.id))
        .where((Pair.cohort == cohort.id) & Pair.status.in_(_OPEN_STATUSES))
        .group_by(Pair.mentor)
        .tuples()
    )
    found = {}
    query = Participation.select(
        Participation.person, Participation.role, Participation.capacity
    ).where(Participation.cohort == cohort.id)
    for person_id, role, capacity in query.tuples():
        if person_id in wanted:
            found[person_id] = (role, capacity, open_pairs.get(person_id, 0))
    return found
