"""Writing an import plan: one transaction, after an automatic backup; all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import EXCLUDED, chunked, fn

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.importing.changes import ChangeKind, ImportPlan, Record, RowProblem
from revmentor_desktop.domain.importing.mapping import remember_mapping
from revmentor_desktop.domain.importing.plan import build_plan
from revmentor_desktop.domain.people import LEARN, TEACH
from revmentor_desktop.domain.text import clean_tags, fold
from revmentor_desktop.domain.vocabulary import Role
from revmentor_desktop.storage.models import (
    Cohort,
    Participation,
    Person,
    Skill,
    database_proxy,
)

BackupMaker = Callable[[], Path | None]


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int
    skipped_problems: tuple[RowProblem, ...] = ()
    backup_path: Path | None = None
    cohort_id: int | None = None
    person_ids: tuple[int, ...] = field(default_factory=tuple)
    cohort_name: str = ""
    cohort_created: bool = False
    enrolled: tuple[tuple[str, int], ...] = ()  # (role, people enrolled or re-enrolled as it)
    added_ids: tuple[int, ...] = ()  # the people the import created

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


def backup_before_import(data_file: Path) -> BackupMaker:
    """The usual backup step: an automatic backup of ``data_file`` named "before-import"."""

    def make() -> Path:
        from revmentor_desktop.storage.backup import automatic_backup

        return automatic_backup(Path(data_file), reason="before-import")

    return make


def apply_plan(
    plan: ImportPlan,
    backup: Path | BackupMaker | None,
    *,
    skip_invalid: bool = False,
    clock: Clock = system_clock,
) -> ImportResult:
    """Write ``plan``: a backup first (``backup`` is the data file or a callable), then one
    transaction. The plan is checked again inside the transaction, so a change made since the
    preview is never overwritten blindly; any failure rolls everything back.
    """
    backup_path = back_up_for(plan, backup, skip_invalid=skip_invalid)
    with database_proxy.atomic():
        return write_plan(plan, backup_path, clock)


def back_up_for(
    plan: ImportPlan, backup: Path | BackupMaker | None, *, skip_invalid: bool = False
) -> Path | None:
    """Refuse a plan that cannot be applied; else take the backup when the import will change
    anything, and return its path (None: no backup was needed or asked for)."""
    if not plan.can_apply(skip_invalid):
        problems = plan.file_problems or [str(problem) for problem in plan.problems[:3]]
        raise RuleViolation("Nothing was imported: " + " ".join(problems))
    make_backup = backup_before_import(backup) if isinstance(backup, Path) else backup
    if plan.has_changes or (plan.options.cohort_name.strip() and plan.cohort_id is None):
        return make_backup() if make_backup is not None else None
    return None


def write_plan(
    plan: ImportPlan, backup_path: Path | None, clock: Clock = system_clock
) -> ImportResult:
    """The writing of ``apply_plan``, after its backup; the caller holds the transaction."""
    now = clock()
    fresh = build_plan(plan.table, plan.mapping, plan.options)
    if _outline(fresh) != _outline(plan):
        raise RuleViolation(
            "The data changed since the preview was made; look at the preview again."
        )
    cohort_id = _cohort_for(fresh, now)
    ids = _write_people(fresh.records, now)
    _write_skills(fresh.records, ids)
    _write_managers(fresh.records, ids)
    enrolled = _write_enrolments(cohort_id, fresh.records, ids) if cohort_id else Counter()
    remember_mapping(plan.table.headers, plan.mapping)
    return ImportResult(
        added=fresh.added,
        updated=fresh.updated,
        unchanged=fresh.unchanged,
        skipped=fresh.skipped,
        skipped_problems=tuple(fresh.problems),
        backup_path=backup_path,
        cohort_id=cohort_id,
        person_ids=tuple(ids[record.key] for record in fresh.records),
        cohort_name=_cohort_name(cohort_id),
        cohort_created=cohort_id is not None and fresh.cohort_id is None,
        enrolled=tuple((role.value, enrolled[role]) for role in Role if enrolled[role]),
        added_ids=tuple(ids[r.key] for r in fresh.records if r.kind == ChangeKind.ADD),
    )


def _cohort_name(cohort_id: int | None) -> str:
    return "" if cohort_id is None else cohorts.get_cohort_model(cohort_id).name


def _outline(plan: ImportPlan) -> tuple[object, ...]:
    return (
        tuple(plan.file_problems),
        tuple(plan.problems),
        tuple((r.line, r.kind, tuple(r.changes)) for r in plan.records),
    )


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


def _stored_emails(records: list[Record]) -> dict[int, str]:
    """The e-mail addresses as stored, for the people an import updates (one query a chunk).

    The stored spelling is kept; the search key uses it, not the file's capitals.
    """
    updated = [r.person_id for r in records if r.kind == ChangeKind.UPDATE and r.person_id]
    emails: dict[int, str] = {}
    for chunk in chunked(updated, 500):
        query = Person.select(Person.id, Person.email).where(Person.id.in_(chunk))
        emails.update((person_id, email or "") for person_id, email in query.tuples())
    return emails


def _write_people(records: list[Record], now: object) -> dict[str, int]:
    ids = {r.key: r.person_id for r in records if r.person_id is not None}
    stored_emails = _stored_emails(records)
    new_rows = []
    for record in records:
        if record.kind == ChangeKind.ADD:
            new_rows.append(
                {
                    **record.after,
                    "name": " ".join(record.after["name"].split()),
                    "email": record.email,
                    "email_key": record.key,
                    "search_key": _search_key(record, record.email),
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif record.kind == ChangeKind.UPDATE and record.changed_columns:
            values = {column: record.after[column] for column in record.changed_columns}
            Person.update(
                **values,
                search_key=_search_key(record, stored_emails.get(record.person_id) or record.email),
                updated_at=now,
            ).where(Person.id == record.person_id).execute()
        elif record.kind == ChangeKind.UPDATE:
            Person.update(updated_at=now).where(Person.id == record.person_id).execute()
    for chunk in chunked(new_rows, 100):
        Person.insert_many(chunk).execute()
    if new_rows:
        wanted = {row["email_key"] for row in new_rows}
        for person_id, key in Person.select(Person.id, Person.email_key).tuples():
            if key in wanted:
                ids[key] = person_id
    return {key: int(value) for key, value in ids.items() if value is not None}


def _write_skills(records: list[Record], ids: dict[str, int]) -> None:
    """Replace the skills the file gives, in one delete and one insert a chunk per direction."""
    rows = []
    replaced: dict[str, list[int]] = {TEACH: [], LEARN: []}
    for record in records:
        person_id = ids[record.key]
        for direction, tags in ((TEACH, record.teaches), (LEARN, record.learns)):
            if tags is None:
                continue
            if record.kind != ChangeKind.ADD:
                replaced[direction].append(person_id)
            rows.extend(
                {"person": person_id, "direction": direction, "name": tag}
                for tag in clean_tags(tags)
            )
    for direction, person_ids in replaced.items():
        for chunk in chunked(person_ids, 500):
            Skill.delete().where(Skill.person.in_(chunk) & (Skill.direction == direction)).execute()
    for chunk in chunked(rows, 300):
        Skill.insert_many(chunk).execute()


def _write_enrolments(cohort_id: int, records: list[Record], ids: dict[str, int]) -> Counter[str]:
    """Enrol (or change the role of) everyone the plan enrols, a chunk a statement; how many
    in each role. The plan, rebuilt in this transaction, refused archived people and capacities
    below a mentor's open pairs, so no row is checked again (one by one, 2,000 enrolments
    took 13 s)."""
    rows = [
        {"cohort": cohort_id, "person": ids[r.key], "role": r.role, "capacity": r.capacity}
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
    return Counter(str(row["role"]) for row in rows)


def _write_managers(records: list[Record], ids: dict[str, int]) -> None:
    updates = []
    for record in records:
        if not record.manager_changed or record.manager_key is None:
            continue
        manager_id = ids.get(record.manager_key)
        if manager_id is None:
            row = Person.get_or_none(Person.email_key == record.manager_key)
            manager_id = int(row.id) if row else None
        if manager_id is None:
            raise RuleViolation(f"Line {record.line}: the manager could not be found.")
        updates.append((manager_id, ids[record.key]))
    if updates:
        cursor = database_proxy.cursor()
        cursor.executemany("UPDATE person SET manager_id = ? WHERE id = ?", updates)
