"""Comparing the rows of a staff list with the data: each person's changes, field by field.

``Resolver`` compares a chunk of rows with what the data file holds, asking the data only about
the people of that chunk (``known_people``), and turns each valid row into a ``Record``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from revmentor_desktop.domain.importing.changes import (
    PERSON_COLUMNS,
    ChangeKind,
    FieldChange,
    ImportOptions,
    Record,
    RowProblem,
)
from revmentor_desktop.domain.importing.errors import ImportFileError
from revmentor_desktop.domain.importing.index import RowIndex, RowState
from revmentor_desktop.domain.importing.known_people import enrolments_of, people_by_key, skills_of
from revmentor_desktop.domain.importing.mapping import Field
from revmentor_desktop.domain.importing.reading import Row
from revmentor_desktop.domain.importing.row_reader import (
    MANAGER_LOOP,
    TEXT_FIELDS,
    RowReader,
    manager_row_invalid,
    unknown_manager,
)
from revmentor_desktop.domain.text import email_key, fold
from revmentor_desktop.domain.vocabulary import Role, plural
from revmentor_desktop.storage.models import Cohort

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


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


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
        return _Known(people, skills_of(ids), enrolments_of(self.cohort, ids))

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
        for field_, column in TEXT_FIELDS.items():
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
