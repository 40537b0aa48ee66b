"""Reading the rows of a staff list against the data: each value checked, each change found.

``RowReader`` reads one row's cells into checked values; ``Resolver`` compares a chunk of rows
with what the data file holds, asking the data only about the people of that chunk.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peewee import JOIN, chunked, fn

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.importing.changes import (
    PERSON_COLUMNS,
    ChangeKind,
    FieldChange,
    ImportOptions,
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
from revmentor_desktop.domain.importing.errors import ImportFileError
from revmentor_desktop.domain.importing.index import RowIndex, RowState
from revmentor_desktop.domain.importing.mapping import ColumnMapping, Field
from revmentor_desktop.domain.importing.reading import Row
from revmentor_desktop.domain.importing.values import (
    CellProblem,
    parse_capacity,
    parse_consent,
    parse_grade,
    parse_meeting_format,
    parse_role,
    split_skills,
)
from revmentor_desktop.domain.text import clip, email_key, fold, is_valid_email, quoted
from revmentor_desktop.domain.vocabulary import PairStatus, Role, plural
from revmentor_desktop.storage.bulk import among
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, Skill

_TEXT_FIELDS = {
    Field.DEPARTMENT: "department",
    Field.JOB_TITLE: "job_title",
    Field.LOCATION: "location",
    Field.NOTES: "coordinator_notes",
    Field.CONSENT_WORDING: "consent_wording",
}
_LIMITS = {  # the e-mail address is checked on its own, once it is known to be one
    Field.FULL_NAME: limits.PERSON["name"],
    Field.DEPARTMENT: limits.PERSON["department"],
    Field.JOB_TITLE: limits.PERSON["job_title"],
    Field.LOCATION: limits.PERSON["location"],
    Field.TEACHES: limits.PERSON["teaches"],
    Field.LEARNS: limits.PERSON["learns"],
    Field.CONSENT_WORDING: limits.PERSON["consent_wording"],
    Field.NOTES: limits.PERSON["coordinator_notes"],
}
DATE_FIELDS = (Field.HIRE_DATE, Field.CONSENT_DATE, Field.TIMESTAMP)
_CHOICES: tuple[tuple[Field, Callable[[str], Any]], ...] = (
    (Field.GRADE, parse_grade),
    (Field.ROLE, parse_role),
    (Field.MEETING_FORMAT, parse_meeting_format),
    (Field.CAPACITY, parse_capacity),
    (Field.CONSENT, parse_consent),
)
Reporter = Callable[..., None]  # problem(field, reason, column=None)
_OPEN_STATUSES = [status.value for status in PairStatus if status.is_open]
_NEW_PERSON: dict[str, Any] = {
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
_QUERY_CHUNK = 500  # keys or ids in one IN (...) query


# Reasons, worded once so the wizard, the command line and the tests agree.
def missing_name() -> str:
    return "A new person needs a name, and this row has none."


def missing_email() -> str:
    return "The e-mail address is missing; people are matched by e-mail."


def invalid_email(value: str) -> str:
    return f"{quoted(value)} is not a valid e-mail address (like name@example.org)."


def duplicate_email(value: str, first_line: int) -> str:
    return (
        f"{clip(value)} is already on line {first_line} "
        "(e-mail addresses are compared ignoring capitals)."
    )


def unknown_manager(value: str) -> str:
    return f"The manager {clip(value)} is neither in this file nor in RevMentor."


def manager_row_invalid(value: str, line: int) -> str:
    return f"The manager {clip(value)} is on line {line}, which has problems and is not imported."


MANAGER_LOOP = "The reporting lines would form a loop (someone would manage their own manager)."


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


class RowReader:
    """Reads one row's cells into checked values, and the problems found in them."""

    def __init__(
        self,
        headers: tuple[str, ...],
        mapping: ColumnMapping,
        options: ImportOptions,
        orders: dict[int, DateOrder | None],
        today: date,
    ) -> None:
        self.headers = headers
        self.orders = orders
        self.today = today
        self.columns = {f: c for c, f in enumerate(mapping.fields) if f is not None}
        consent_column = self.columns.get(Field.CONSENT)
        self.consent_wording = options.consent_wording.strip() or (
            headers[consent_column].strip() if consent_column is not None else ""
        )

    def header(self, field_: Field) -> str:
        column = self.columns.get(field_)
        if column is not None:
            return clip(self.headers[column]) or field_.label
        return field_.label

    def name_header(self) -> str:
        for field_ in (Field.FULL_NAME, Field.FIRST_NAME, Field.LAST_NAME):
            if field_ in self.columns:
                return self.header(field_)
        return "Name"

    def cell(self, row: Row, field_: Field) -> str:
        """The cell of ``field_`` (cells come trimmed from the reader), "" when not mapped."""
        column = self.columns.get(field_)
        if column is None or column >= len(row.cells):
            return ""
        return row.cells[column]

    def filled(self, row: Row) -> dict[Field, str]:
        """The row's non-empty cells, by the field they are mapped to."""
        cells = row.cells
        width = len(cells)
        return {f: cells[c] for f, c in self.columns.items() if c < width and cells[c]}

    def read(self, row: Row, known: bool) -> tuple[dict[Field, Any], list[RowProblem]]:
        """The row's values and problems; ``known``: its address is in the data file already.

        Duplicates are the index's question (they need the whole file).
        """
        problems: list[RowProblem] = []
        values: dict[Field, Any] = {}
        cells = self.filled(row)

        def problem(field_: Field, reason: str, column: str | None = None) -> None:
            problems.append(RowProblem(row.line, column or self.header(field_), reason))

        email = cells.get(Field.EMAIL, "")
        if not email:
            problem(Field.EMAIL, missing_email())
        elif not is_valid_email(email):
            problem(Field.EMAIL, invalid_email(email))
        elif reason := limits.PERSON["email"].problem(email):
            problem(Field.EMAIL, reason)
        values[Field.EMAIL] = email
        name = cells.get(Field.FULL_NAME) or " ".join(
            cells[part] for part in (Field.FIRST_NAME, Field.LAST_NAME) if part in cells
        )
        name = " ".join(name.split())
        if name:
            values[Field.FULL_NAME] = name
        elif not known:
            problem(Field.FULL_NAME, missing_name(), column=self.name_header())
        for field_ in _TEXT_FIELDS:
            if field_ in cells:
                values[field_] = cells[field_]
        self._read_dates(cells, values, problem)
        self._read_choices(cells, values, problem)
        for field_ in (Field.TEACHES, Field.LEARNS):
            if field_ in cells:
                values[field_] = split_skills(cells[field_])
        manager = cells.get(Field.MANAGER_EMAIL)
        if manager:
            if not is_valid_email(manager):
                problem(Field.MANAGER_EMAIL, invalid_email(manager))
            elif email_key(manager) == email_key(email):
                problem(Field.MANAGER_EMAIL, "A person cannot be their own manager.")
            else:
                values[Field.MANAGER_EMAIL] = manager
        for field_, reason in _over_the_limits(values):
            problem(field_, reason, self.name_header() if field_ == Field.FULL_NAME else None)
        return values, problems

    def _read_dates(
        self, cells: dict[Field, str], values: dict[Field, Any], problem: Reporter
    ) -> None:
        for field_ in DATE_FIELDS:
            text = cells.get(field_)
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

    def _read_choices(
        self, cells: dict[Field, str], values: dict[Field, Any], problem: Reporter
    ) -> None:
        for field_, parse_cell in _CHOICES:
            text = cells.get(field_)
            if not text:
                continue
            try:
                values[field_] = parse_cell(text)
            except CellProblem as error:
                problem(field_, str(error))


def _over_the_limits(values: dict[Field, Any]) -> Iterator[tuple[Field, str]]:
    """The values longer than a person's fields may be (``limits.PERSON``), with the reason.

    Without this check an import stored what the window refuses: a megabyte name or note.
    """
    for field_, limit in _LIMITS.items():
        value = values.get(field_)
        if value is None:
            continue
        longest = max(value, key=len, default="") if isinstance(value, list) else value
        if len(longest) > limit.most:
            yield field_, limit.problem(longest) or ""


@dataclass
class Resolved:
    """A chunk of rows compared with the data: what to write, and the problems found."""

    records: list[Record] = field(default_factory=list)
    problems: list[tuple[int, RowProblem]] = field(default_factory=list)  # (position, problem)


@dataclass
class _Known:
    """What the data file holds about the people of one chunk."""

    people: dict[str, dict[str, Any]]  # by e-mail key, with "manager_key"
    skills: dict[tuple[int, str], list[str]]
    enrolments: dict[int, tuple[str, int, int]]  # person id → role, capacity, open pairs


class Resolver:
    """Turns rows, a chunk at a time, into records with their field-by-field changes."""

    def __init__(
        self, reader: RowReader, index: RowIndex, options: ImportOptions, cohort: Cohort | None
    ) -> None:
        self.reader = reader
        self.index = index
        self.options = options
        self.cohort = cohort
        self.cohort_name = cohort.name if cohort else options.cohort_name.strip()

    def resolve(self, chunk: list[tuple[int, Row]], name: str) -> Resolved:
        """``chunk``: (position, row) as the index numbered them; ``name``: the file's name."""
        resolved = Resolved()
        valid: list[tuple[int, dict[Field, Any]]] = []
        for position, row in chunk:
            if position >= len(self.index) or self.index.lines[position] != row.line:
                raise ImportFileError(
                    f"{name} changed while it was being read; nothing was imported. "
                    "Close it in other programs and try again."
                )
            state = self.index.states[position]
            if state == RowState.PROBLEM:
                continue  # its problems were counted when the row was first read
            values, _ = self.reader.read(row, known=bool(self.index.person_ids[position]))
            if state in (RowState.VALID, RowState.CHANGE_REFUSED):
                valid.append((position, values))
            else:
                problem = self._manager_problem(position, row.line, values, RowState(state))
                resolved.problems.append((position, problem))
        known = self._known(valid)
        for position, values in valid:
            problems: list[RowProblem] = []
            record = self._record(position, values, known, problems)
            resolved.problems.extend((position, problem) for problem in problems)
            if not problems:
                resolved.records.append(record)
        return resolved

    def _manager_problem(
        self, position: int, line: int, values: dict[Field, Any], state: RowState
    ) -> RowProblem:
        manager = values[Field.MANAGER_EMAIL]
        if state == RowState.MANAGER_ROW_INVALID:
            reason = manager_row_invalid(manager, self.index.manager_line(position))
        elif state == RowState.MANAGER_UNKNOWN:
            reason = unknown_manager(manager)
        else:
            reason = MANAGER_LOOP
        return RowProblem(line, self.reader.header(Field.MANAGER_EMAIL), reason)

    def _known(self, valid: list[tuple[int, dict[Field, Any]]]) -> _Known:
        keys = [email_key(values[Field.EMAIL]) or "" for _position, values in valid]
        people = people_by_key(keys)
        ids = [person["id"] for person in people.values()]
        return _Known(people, _skills_of(ids), _enrolments(self.cohort, ids))

    def _record(
        self, position: int, values: dict[Field, Any], known: _Known, problems: list[RowProblem]
    ) -> Record:
        email = values[Field.EMAIL]
        key = email_key(email) or ""
        before = known.people.get(key)
        record = Record(
            self.index.lines[position],
            email,
            key,
            before["id"] if before else None,
            position=position,
            stored_email=(before["email"] or email) if before else email,
        )
        record.after = self._after(values, before)
        for column, label in PERSON_COLUMNS.items():
            old = before[column] if before else None
            if before is None or _differs(old, record.after[column]):
                record.changed_columns.add(column)
                if before is not None:
                    new_text = _display(record.after[column])
                    record.changes.append(FieldChange(label, _display(old), new_text))
        self._skill_changes(record, values, before, known)
        self._manager_change(record, values, before)
        if self.options.cohort_name.strip():
            self._enrolment_change(record, values, before, known, problems)
        if before is None:
            record.kind = ChangeKind.ADD
        elif record.changes:
            record.kind = ChangeKind.UPDATE
        return record

    def _after(self, values: dict[Field, Any], before: dict[str, Any] | None) -> dict[str, Any]:
        """The person's columns as they will be after the import."""
        after = {name: before[name] for name in PERSON_COLUMNS} if before else dict(_NEW_PERSON)
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
                after["consent_date"] = stamped or after["consent_date"] or self.reader.today
            fresh_answer = Field.TIMESTAMP in values or not (before and before["consent_date"])
            wording = self.reader.consent_wording
            if Field.CONSENT_WORDING not in values and wording and fresh_answer:
                after["consent_wording"] = wording
        elif consent is False:
            after["consent_date"] = None
            after["consent_wording"] = ""
        return after

    def _skill_changes(
        self,
        record: Record,
        values: dict[Field, Any],
        before: dict[str, Any] | None,
        known: _Known,
    ) -> None:
        for field_, direction, label in (
            (Field.TEACHES, "teach", "Skills to share"),
            (Field.LEARNS, "learn", "Skills to learn"),
        ):
            if field_ not in values:
                continue
            new = values[field_]
            old = known.skills.get((record.person_id or 0, direction), []) if before else []
            if before is None or {fold(s) for s in old} != {fold(s) for s in new}:
                setattr(record, "teaches" if direction == "teach" else "learns", new)
                if before is not None:
                    record.changes.append(FieldChange(label, _display(old), _display(new)))

    def _manager_change(
        self, record: Record, values: dict[Field, Any], before: dict[str, Any] | None
    ) -> None:
        if Field.MANAGER_EMAIL not in values:
            return
        record.manager_key = email_key(values[Field.MANAGER_EMAIL])
        old_manager = before["manager_key"] if before else None
        if before is None or old_manager != record.manager_key:
            record.manager_changed = True
            if before is not None:
                record.changes.append(
                    FieldChange("Manager", old_manager or "", values[Field.MANAGER_EMAIL])
                )

    def _enrolment_change(
        self,
        record: Record,
        values: dict[Field, Any],
        before: dict[str, Any] | None,
        known: _Known,
        problems: list[RowProblem],
    ) -> None:
        role = values.get(Field.ROLE) or self.options.default_role
        if not role:
            return
        record.role = Role(role).value
        record.capacity = values.get(Field.CAPACITY) or 1
        name = record.after["name"]
        current = known.enrolments.get(record.person_id or -1)
        if current is None or current[:2] != (record.role, record.capacity):
            record.enrolment_changed = True
            old = f"{current[0]}, capacity {current[1]}" if current else "not enrolled"
            new = f"{record.role}, capacity {record.capacity}"
            if before is not None:
                record.changes.append(FieldChange(f"In “{self.cohort_name}”", old, new))
            mentoring = current[2] if current is not None else 0
            if Role(record.role).can_mentor and mentoring > record.capacity:
                problems.append(
                    RowProblem(
                        record.line,
                        self.reader.header(Field.CAPACITY),
                        f"{name} already mentors {plural(mentoring, 'person')} in this cohort; "
                        "the capacity cannot be lower than that.",
                    )
                )
        if before is not None and before["archived"]:
            problems.append(
                RowProblem(
                    record.line,
                    self.reader.header(Field.ROLE),
                    f"{name} is archived; restore them before enrolling.",
                )
            )


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, str) and not isinstance(new, str):
        return str(old) != _display(new)
    return old != new


def person_ids_by_key(keys: Iterable[str]) -> dict[str, int]:
    """The ids of the people in the data file with these e-mail keys."""
    found: dict[str, int] = {}
    for chunk in chunked(sorted(set(keys)), _QUERY_CHUNK):
        query = Person.select(Person.email_key, Person.id).where(among(Person.email_key, chunk))
        found.update(query.tuples())
    return found


def people_by_key(keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The people with these e-mail keys: the columns an import compares, and their manager's
    e-mail key as "manager_key"."""
    manager = Person.alias()
    columns = [
        Person.id,
        Person.email,
        Person.email_key,
        Person.archived,
        *(getattr(Person, name) for name in PERSON_COLUMNS),
        manager.email_key.alias("manager_key"),
    ]
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunked(sorted(set(keys)), _QUERY_CHUNK):
        query = (
            Person.select(*columns)
            .join(manager, JOIN.LEFT_OUTER, on=(Person.manager == manager.id))
            .where(among(Person.email_key, chunk))
            .dicts()
        )
        found.update((row["email_key"], row) for row in query)
    return found


def managers_in_data() -> array[int]:
    """Each person's manager in the data file, by person id (0: none)."""
    largest = Person.select(fn.MAX(Person.id)).scalar() or 0
    managers = array("q", [0]) * (largest + 1)
    query = Person.select(Person.id, Person.manager).where(Person.manager.is_null(False))
    for person_id, manager_id in query.tuples():
        managers[person_id] = manager_id
    return managers


def _skills_of(person_ids: list[int]) -> dict[tuple[int, str], list[str]]:
    found: dict[tuple[int, str], list[str]] = {}
    for chunk in chunked(person_ids, _QUERY_CHUNK):
        query = (
            Skill.select(Skill.person, Skill.direction, Skill.name)
            .where(among(Skill.person, chunk))
            .order_by(Skill.id)
        )
        for person_id, direction, name in query.tuples():
            found.setdefault((person_id, direction), []).append(name)
    return found


def _enrolments(cohort: Cohort | None, person_ids: list[int]) -> dict[int, tuple[str, int, int]]:
    """(role, capacity, open pairs as mentor) of the people already in the cohort."""
    found: dict[int, tuple[str, int, int]] = {}
    if cohort is None:
        return found
    for chunk in chunked(person_ids, _QUERY_CHUNK):
        open_pairs: dict[int, int] = dict(
            Pair.select(Pair.mentor, fn.COUNT(Pair.id))
            .where(
                (Pair.cohort == cohort.id)
                & Pair.status.in_(_OPEN_STATUSES)
                & among(Pair.mentor, chunk)
            )
            .group_by(Pair.mentor)
            .tuples()
        )
        query = Participation.select(
            Participation.person, Participation.role, Participation.capacity
        ).where((Participation.cohort == cohort.id) & among(Participation.person, chunk))
        for person_id, role, capacity in query.tuples():
            found[person_id] = (role, capacity, open_pairs.get(person_id, 0))
    return found
