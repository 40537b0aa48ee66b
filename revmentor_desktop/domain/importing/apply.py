"""Writing an import plan: one transaction, after an automatic backup; all or nothing."""

from __future__ import annotations

import os
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import EXCLUDED, chunked, fn

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.importing.changes import ChangeKind, Record, RowProblem
from revmentor_desktop.domain.importing.index import RowIndex
from revmentor_desktop.domain.importing.known_people import person_ids_by_key
from revmentor_desktop.domain.importing.mapping import remember_mapping
from revmentor_desktop.domain.importing.plan import (
    ImportPlan,
    count_resolved,
    prepare_plan,
    resolved_chunks,
)
from revmentor_desktop.domain.people import LEARN, TEACH
from revmentor_desktop.domain.text import clean_tags, fold
from revmentor_desktop.domain.vocabulary import Role
from revmentor_desktop.storage.bulk import among, insert_rows, update_rows
from revmentor_desktop.storage.models import (
    Cohort,
    Participation,
    Person,
    Skill,
    database_proxy,
)
from revmentor_desktop.storage.versions import advance_versions

# Takes the backup before an import changes anything; returns where it went (None: no backup).
# The service layer makes one for a data source (services.data_sources.backup_before_import).
BackupMaker = Callable[[], os.PathLike[str] | None]


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int
    skipped_problems: tuple[RowProblem, ...] = ()  # the first ones in the file
    backup_path: os.PathLike[str] | None = None
    cohort_id: int | None = None
    cohort_name: str = ""
    cohort_created: bool = False
    enrolled: tuple[tuple[str, int], ...] = ()  # (role, people enrolled or re-enrolled as it)
    # The people the import created, 8 bytes each (an edit snapshots them to undo the import).
    added_ids: Sequence[int] = ()

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


def apply_plan(
    plan: ImportPlan,
    backup: BackupMaker | None,
    *,
    skip_invalid: bool = False,
    clock: Clock = system_clock,
) -> ImportResult:
    """Write ``plan``: a backup first (``backup`` takes it), then one
    transaction. The file is checked again inside the transaction, so a change made since the
    preview is never overwritten blindly; any failure rolls everything back.

    The rows are read from the file again and written a chunk at a time, inside that one
    transaction: memory stays flat however long the file is.
    """
    backup_path = back_up_for(plan, backup, skip_invalid=skip_invalid)
    with database_proxy.atomic():
        return write_plan(plan, backup_path, clock)


def back_up_for(
    plan: ImportPlan, backup: BackupMaker | None, *, skip_invalid: bool = False
) -> os.PathLike[str] | None:
    """Refuse a plan that cannot be applied; else take the backup when the import will change
    anything, and return its path (None: no backup was needed or asked for)."""
    if not plan.can_apply(skip_invalid):
        problems = plan.file_problems or [str(problem) for problem in plan.problems.first[:3]]
        raise RuleViolation("Nothing was imported: " + " ".join(problems))
    if plan.has_changes or (plan.options.cohort_name.strip() and plan.cohort_id is None):
        return backup() if backup is not None else None
    return None


def write_plan(
    plan: ImportPlan, backup_path: os.PathLike[str] | None, clock: Clock = system_clock
) -> ImportResult:
    """The writing of ``apply_plan``, after its backup; the caller holds the transaction."""
    now = clock()
    fresh = prepare_plan(plan.table, plan.mapping, plan.options)
    if fresh.resolver is None:
        raise RuleViolation(_CHANGED_SINCE_PREVIEW)
    cohort_id = _cohort_for(fresh, now)
    writer = _Writer(fresh.index, cohort_id, now)
    for resolved in resolved_chunks(fresh):
        count_resolved(fresh, resolved)
        writer.write(resolved.records)
    if fresh.fingerprint != plan.fingerprint:
        raise RuleViolation(_CHANGED_SINCE_PREVIEW)
    writer.write_managers()
    remember_mapping(plan.table.headers, plan.mapping)
    return ImportResult(
        added=fresh.added,
        updated=fresh.updated,
        unchanged=fresh.unchanged,
        skipped=fresh.skipped,
        skipped_problems=tuple(fresh.problems.first),
        backup_path=backup_path,
        cohort_id=cohort_id,
        cohort_name=_cohort_name(cohort_id),
        cohort_created=cohort_id is not None and fresh.cohort_id is None,
        enrolled=tuple(
            (role.value, writer.enrolled[role]) for role in Role if writer.enrolled[role]
        ),
        added_ids=writer.added_ids,
    )


_CHANGED_SINCE_PREVIEW = (
    "The data or the file changed since the preview was made; look at the preview again."
)


def _cohort_name(cohort_id: int | None) -> str:
    return "" if cohort_id is None else cohorts.get_cohort_model(cohort_id).name


def _cohort_for(plan: ImportPlan, now: object) -> int | None:
    name = plan.options.cohort_name.strip()
    if not name:
        return None
    cohort = Cohort.get_or_none(fn.lower(Cohort.name) == name.lower())
    if cohort is not None:
        return int(cohort.id)
    return cohorts.add_cohort(
        cohorts.CohortDraft(name=name, kind=plan.options.cohort_kind), clock=lambda: now
    )


def _search_key(record: Record, email: str) -> str:
    after = record.after
    return fold(" ".join((after["name"], email, after["department"], after["job_title"])))


_NEW_PERSON_FIELDS = [
    Person.name,
    Person.search_key,
    Person.email,
    Person.email_key,
    Person.department,
    Person.job_title,
    Person.hire_date,
    Person.grade,
    Person.location,
    Person.meeting_format,
    Person.consent_date,
    Person.consent_wording,
    Person.archived,
    Person.coordinator_notes,
    Person.created_at,
    Person.updated_at,
]


class _Writer:
    """Writes the records of one import a chunk at a time; the reporting lines come last,
    once every person of the file has an id."""

    def __init__(self, index: RowIndex, cohort_id: int | None, now: datetime) -> None:
        self.index = index
        self.cohort_id = cohort_id
        self.now = now
        self.new_manager_rows = array("q")  # positions whose manager is set at the end
        self.added_ids = array("q")
        self.enrolled: Counter[str] = Counter()  # people enrolled in each role

    def write(self, records: list[Record]) -> None:
        self._add_people([r for r in records if r.kind == ChangeKind.ADD])
        self._update_people([r for r in records if r.kind == ChangeKind.UPDATE])
        self._write_skills(records)
        self._write_enrolments(records)
        for record in records:
            if record.manager_changed and record.manager_key is not None:
                self.new_manager_rows.append(record.position)

    def _add_people(self, records: list[Record]) -> None:
        if not records:
            return
        rows = []
        for record in records:
            after = record.after
            rows.append(
                (
                    " ".join(after["name"].split()),
                    _search_key(record, record.email),
                    record.email,
                    record.key,
                    after["department"],
                    after["job_title"],
                    after["hire_date"],
                    after["grade"],
                    after["location"],
                    after["meeting_format"],
                    after["consent_date"],
                    after["consent_wording"],
                    False,
                    after["coordinator_notes"],
                    self.now,
                    self.now,
                )
            )
        insert_rows(Person, _NEW_PERSON_FIELDS, rows)
        ids = person_ids_by_key(record.key for record in records)
        for record in records:
            self.index.person_ids[record.position] = ids[record.key]
            self.added_ids.append(ids[record.key])

    def _update_people(self, records: list[Record]) -> None:
        """One statement for each set of changed columns (the stored e-mail spelling stays)."""
        by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        for record in records:
            columns = tuple(sorted(record.changed_columns))
            values = [record.after[column] for column in columns]
            if columns:
                values.append(_search_key(record, record.stored_email))
            by_columns[columns].append((*values, self.now, record.person_id))
        for columns, rows in by_columns.items():
            fields = [getattr(Person, column) for column in columns]
            if columns:
                fields.append(Person.search_key)
            update_rows(Person, [*fields, Person.updated_at], rows)

    def _write_skills(self, records: list[Record]) -> None:
        """Replace the skills the file gives: one delete and one insert a chunk per direction."""
        rows = []
        replaced: dict[str, list[int]] = {TEACH: [], LEARN: []}
        for record in records:
            person_id = self.index.person_ids[record.position]
            for direction, tags in ((TEACH, record.teaches), (LEARN, record.learns)):
                if tags is None:
                    continue
                if record.kind != ChangeKind.ADD:
                    replaced[direction].append(person_id)
                rows.extend((person_id, direction, tag) for tag in clean_tags(tags))
        for direction, person_ids in replaced.items():
            for chunk in chunked(person_ids, 500):
                Skill.delete().where(
                    among(Skill.person, chunk) & (Skill.direction == direction)
                ).execute()
        insert_rows(Skill, [Skill.person, Skill.direction, Skill.name], rows)

    def _write_enrolments(self, records: list[Record]) -> None:
        """Enrol (or change the role of) everyone in ``records`` the plan enrols, a chunk a
        statement. The plan, checked again in this transaction, refused archived people and
        capacities below a mentor's open pairs, so no row is checked again (one by one, 2,000
        enrolments took 13 s)."""
        if self.cohort_id is None:
            return
        rows = [
            {
                "cohort": self.cohort_id,
                "person": self.index.person_ids[r.position],
                "role": r.role,
                "capacity": r.capacity,
            }
            for r in records
            if r.role and r.enrolment_changed
        ]
        for chunk in chunked(rows, 200):
            Participation.insert_many(chunk).on_conflict(
                conflict_target=[Participation.cohort, Participation.person],
                update={
                    Participation.role: EXCLUDED.role,
                    Participation.capacity: EXCLUDED.capacity,
                },
            ).execute()
        if rows:  # the cohort's membership changed: a dialog open on it must not save over it
            advance_versions(Cohort, [self.cohort_id])
        self.enrolled.update(str(row["role"]) for row in rows)

    def write_managers(self) -> None:
        for chunk in chunked(self.new_manager_rows, 5_000):
            rows = []
            for position in chunk:
                manager_id = self.index.manager_person(position)
                if not manager_id:
                    line = self.index.lines[position]
                    raise RuleViolation(f"Line {line}: the manager could not be found.")
                rows.append((manager_id, self.index.person_ids[position]))
            update_rows(Person, [Person.manager], rows)
