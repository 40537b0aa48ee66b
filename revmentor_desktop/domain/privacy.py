"""Privacy tools: consent, access requests, erasure (re-applied after restores) and retention.

Erasure keeps the person's row as an anonymous placeholder ("Erased person #3") so pairs,
sessions and cohort counts stay correct for statistics, and removes everything personal: the
person's fields, skills, goals, notes and takeaways. The bytes are then scrubbed from the file
(secure_delete is on; a checkpoint and VACUUM rewrite what is left). The Erasure table records
only the row number and the time, so a restored older backup can be erased again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import fn

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.text import email_key, fold
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.files import write_atomically
from revmentor_desktop.storage.models import (
    Cohort,
    Erasure,
    Goal,
    Meeting,
    Pair,
    PairConstraint,
    Participation,
    Person,
    Skill,
    database_proxy,
)

CONSENT_WORDING_SETTING = "privacy.consent_wording_version"
RETENTION_SETTING = "privacy.retention_months"
DEFAULT_RETENTION_MONTHS = 24
PLACEHOLDER_PREFIX = "Erased person #"


# Consent


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    email: str


def consent_wording_version() -> str:
    """The wording version recorded with consent given in the app (a setting)."""
    return str(settings.get_setting(CONSENT_WORDING_SETTING, ""))


def record_consent(person_id: int, given_on: date | None, wording: str = "") -> None:
    """Record (or, with ``given_on=None``, withdraw) a person's consent."""
    with database_proxy.atomic():
        _person(person_id)
        Person.update(
            consent_date=given_on,
            consent_wording=(wording or consent_wording_version()) if given_on else "",
        ).where(Person.id == person_id).execute()


def person_ids_without_consent() -> set[int]:
    """People who must be left out of matching."""
    query = Person.select(Person.id).where(Person.consent_date.is_null())
    return {row[0] for row in query.tuples()}


def people_without_consent(include_archived: bool = False) -> list[PersonBrief]:
    query = Person.select(Person.id, Person.name, Person.email).where(
        Person.consent_date.is_null() & ~Person.name.startswith(PLACEHOLDER_PREFIX)
    )
    if not include_archived:
        query = query.where(Person.archived == False)  # noqa: E712
    return [
        PersonBrief(pid, name, email or "")
        for pid, name, email in query.order_by(Person.name).tuples()
    ]


def find_person_id(email: str) -> int:
    person = Person.get_or_none(Person.email_key == email_key(email))
    if person is None:
        raise NotFound(f"Nobody has the e-mail address {email.strip()}.")
    return int(person.id)


def _person(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFound(f"There is no person with number {person_id}.")
    return person


# Access requests


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def access_export(person_id: int, clock: Clock = system_clock) -> dict[str, Any]:
    """Everything RevMentor holds about one person, for an access request."""
    person = _person(person_id)
    manager = Person.get_or_none(Person.id == person.manager_id) if person.manager_id else None
    skills = {"teaches": [], "learns": []}
    for skill in Skill.select().where(Skill.person == person_id).order_by(Skill.id):
        skills["teaches" if skill.direction == "teach" else "learns"].append(skill.name)
    cohorts = [
        {"cohort": p.cohort.name, "role": p.role, "capacity": p.capacity}
        for p in Participation.select(Participation, Cohort)
        .join(Cohort)
        .where(Participation.person == person_id)
    ]
    pairs = []
    for pair in Pair.select().where((Pair.mentor == person_id) | (Pair.mentee == person_id)):
        as_mentor = pair.mentor_id == person_id
        partner = _person(pair.mentee_id if as_mentor else pair.mentor_id)
        own_takeaways = "mentor_takeaways" if as_mentor else "mentee_takeaways"
        pairs.append(
            {
                "cohort": pair.cohort.name,
                "role": "mentor" if as_mentor else "mentee",
                "partner": partner.name,
                "status": pair.status,
                "start_date": _iso(pair.start_date),
                "end_date": _iso(pair.end_date),
                "end_reason": pair.end_reason,
                "focus_areas": list(pair.focus_areas),
                "agreement_signed": _iso(pair.agreement_signed),
                "shared_summary": pair.shared_summary,
                "coordinator_notes": pair.coordinator_notes,
                "goals": [
                    {"owner": g.owner, "description": g.description, "progress": g.progress}
                    for g in Goal.select().where(Goal.pair == pair.id).order_by(Goal.position)
                ],
                "sessions": [
                    {
                        "starts_at": _iso(m.starts_at),
                        "duration_minutes": m.duration_minutes,
                        "format": m.meeting_format,
                        "status": m.status,
                        "topics": list(m.topics),
                        "my_takeaways": getattr(m, own_takeaways),
                        "notes": m.notes,
                    }
                    for m in Meeting.select()
                    .where(Meeting.pair == pair.id)
                    .order_by(Meeting.starts_at)
                ],
            }
        )
    return {
        "exported_at": clock().isoformat(timespec="seconds"),
        "person": {
            "name": person.name,
            "email": person.email or "",
            "department": person.department,
            "job_title": person.job_title,
            "manager": manager.name if manager else "",
            "hire_date": _iso(person.hire_date),
            "grade": person.grade,
            "location": person.location,
            "meeting_format": person.meeting_format,
            "consent_date": _iso(person.consent_date),
            "consent_wording": person.consent_wording,
            "archived": bool(person.archived),
            "coordinator_notes": person.coordinator_notes,
            "record_created": _iso(person.created_at),
            "record_updated": _iso(person.updated_at),
            "direct_reports": Person.select().where(Person.manager == person_id).count(),
        },
        "skills": skills,
        "cohorts": cohorts,
        "pairs": pairs,
    }


def access_export_csv(data: dict[str, Any]) -> bytes:
    """The same content as a readable three-column table (section, item, value)."""
    from revmentor_desktop.domain.exporting import neutralise

    rows: list[tuple[str, str, Any]] = []
    for key, value in data["person"].items():
        rows.append(("Person", key, value))
    for key, values in data["skills"].items():
        rows.append(("Skills", key, "; ".join(values)))
    for number, cohort in enumerate(data["cohorts"], start=1):
        for key, value in cohort.items():
            rows.append((f"Cohort {number}", key, value))
    for number, pair in enumerate(data["pairs"], start=1):
        for key, value in pair.items():
            if key == "goals":
                for goal_number, goal in enumerate(value, start=1):
                    text = f"{goal['description']} ({goal['progress']}%, {goal['owner']})"
                    rows.append((f"Pair {number}", f"goal {goal_number}", text))
            elif key == "sessions":
                for session_number, session in enumerate(value, start=1):
                    for session_key, session_value in session.items():
                        shown = (
                            "; ".join(session_value)
                            if isinstance(session_value, list)
                            else session_value
                        )
                        rows.append((f"Pair {number} session {session_number}", session_key, shown))
            else:
                shown = "; ".join(value) if isinstance(value, list) else value
                rows.append((f"Pair {number}", key, shown))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Section", "Item", "Value"])
    for section, key, value in rows:
        shown = "" if value is None else value
        writer.writerow([section, key.replace("_", " "), neutralise(shown)])
    return buffer.getvalue().encode("utf-8-sig")


def write_access_export(person_id: int, destination: Path) -> tuple[Path, Path]:
    """Write ``destination`` as .json and a readable .csv beside it; returns both paths."""
    data = access_export(person_id)
    json_path = Path(destination).with_suffix(".json")
    csv_path = Path(destination).with_suffix(".csv")
    encoded = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(json_path, encoded.encode("utf-8"))
    write_atomically(csv_path, access_export_csv(data))
    return json_path, csv_path


# Erasure


@dataclass(frozen=True)
class ErasureRecord:
    """An erasure as logged: no personal data, only the row number and when."""

    person_id: int
    erased_at: datetime


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    placeholder: str
    erased_at: datetime


def is_erased(person_id: int) -> bool:
    return Erasure.select().where(Erasure.person_id == person_id).exists()


def erase_person(person_id: int, clock: Clock = system_clock, scrub: bool = True) -> ErasureResult:
    """Remove a person's personal data everywhere and log the erasure; see the module doc.

    ``scrub`` rewrites the file afterwards so no old bytes remain (it needs no open
    transaction around it, so the caller must not hold one).
    """
    now = clock()
    with database_proxy.atomic():
        _person(person_id)
        if is_erased(person_id):
            raise ValidationError({"person": "This person has already been erased."})
        erasure = Erasure.create(person_id=person_id, erased_at=now)
        placeholder = f"{PLACEHOLDER_PREFIX}{erasure.id}"
        _scrub_person(person_id, placeholder, now)
    if scrub:
        scrub_file()
    return ErasureResult(person_id, placeholder, now)


def _scrub_person(person_id: int, placeholder: str, now: datetime) -> None:
    Person.update(
        name=placeholder,
        search_key=fold(placeholder),
        email=None,
        email_key=None,
        department="",
        job_title="",
        manager=None,
        hire_date=None,
        grade=None,
        location="",
        meeting_format="either",
        consent_date=None,
        consent_wording="",
        archived=True,
        coordinator_notes="",
        updated_at=now,
    ).where(Person.id == person_id).execute()
    Person.update(manager=None).where(Person.manager == person_id).execute()
    Skill.delete().where(Skill.person == person_id).execute()
    PairConstraint.delete().where(
        (PairConstraint.mentor == person_id) | (PairConstraint.mentee == person_id)
    ).execute()
    pair_ids = [
        row[0]
        for row in Pair.select(Pair.id)
        .where((Pair.mentor == person_id) | (Pair.mentee == person_id))
        .tuples()
    ]
    if pair_ids:
        Pair.update(coordinator_notes="", shared_summary="", end_reason="").where(
            Pair.id.in_(pair_ids)
        ).execute()
        Goal.delete().where(Goal.pair.in_(pair_ids)).execute()
        Meeting.update(mentor_takeaways="", mentee_takeaways="", notes="").where(
            Meeting.pair.in_(pair_ids)
        ).execute()


def scrub_file() -> None:
    """Make sure erased bytes are gone from the file and its write-ahead log."""
    database = database_proxy.obj
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.execute_sql("VACUUM")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def erasure_log() -> list[ErasureRecord]:
    """Read this before replacing the file with a backup; pass it to ``reapply_erasures``."""
    return [
        ErasureRecord(int(row.person_id), row.erased_at)
        for row in Erasure.select().order_by(Erasure.id)
    ]


def reapply_erasures(
    extra: Iterable[ErasureRecord] = (), clock: Clock = system_clock, scrub: bool = True
) -> int:
    """Erase again everyone the log names (this file's and ``extra``, e.g. the log of the file
    a backup replaced); returns how many people were erased again.

    A row is erased again only when it existed before the erasure (created earlier), so a
    person added to an older file under a re-used number is not touched.
    """
    erased = 0
    with database_proxy.atomic():
        logged = {record.person_id: record for record in erasure_log()}
        for record in extra:
            if record.person_id not in logged:
                Erasure.create(person_id=record.person_id, erased_at=record.erased_at)
                logged[record.person_id] = record
        ids = {row.person_id: row.id for row in Erasure.select(Erasure.id, Erasure.person_id)}
        for person_id, record in logged.items():
            person = Person.get_or_none(Person.id == person_id)
            if person is None or person.created_at > record.erased_at:
                continue
            placeholder = f"{PLACEHOLDER_PREFIX}{ids[person_id]}"
            if person.name == placeholder and person.email is None:
                continue
            _scrub_person(person_id, placeholder, clock())
            erased += 1
    if erased and scrub:
        scrub_file()
    return erased


@dataclass(frozen=True)
class BackupExposure:
    """Automatic backups that still hold data erased at ``erased_at``."""

    backups: tuple[backup.BackupInfo, ...]
    kept_until: date | None  # when thinning removes the last of them (None: no backups)
    some_kept_indefinitely: bool  # backups before a migration are never thinned

    def describe(self) -> str:
        if not self.backups:
            return "No automatic backup holds the erased data."
        count = len(self.backups)
        noun = (
            "1 older automatic backup still holds"
            if count == 1
            else (f"{count} older automatic backups still hold")
        )
        text = f"{noun} this person's data."
        if self.kept_until is not None:
            text += (
                f" Backups are kept for up to a year, so the last of them is removed by "
                f"{self.kept_until:%d %B %Y}."
            )
        if self.some_kept_indefinitely:
            text += " Backups taken before an upgrade are kept until you delete them."
        return text + " You can delete these backups now."


def backups_holding_erased_data(data_file: Path, erased_at: datetime) -> BackupExposure:
    older = tuple(
        info for info in backup.list_backups(Path(data_file)) if info.taken_at <= erased_at
    )
    if not older:
        return BackupExposure((), None, False)
    thinned = [info for info in older if info.reason != "before-migration"]
    kept_until = (
        (max(info.taken_at for info in thinned) + backup.KEEP_MONTHLY_FOR).date()
        if thinned
        else None
    )
    indefinitely = any(info.reason == "before-migration" for info in older)
    return BackupExposure(older, kept_until, indefinitely)


def purge_backups(data_file: Path, before: datetime | None = None) -> list[Path]:
    """Delete the automatic backups taken before ``before`` (all of them when None)."""
    removed = []
    for info in backup.list_backups(Path(data_file)):
        if before is None or info.taken_at <= before:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


@dataclass(frozen=True)
class ErasureReport:
    result: ErasureResult
    exposure: BackupExposure
    purged: tuple[Path, ...]


def erase_with_backups(
    person_id: int, data_file: Path, purge: bool = False, clock: Clock = system_clock
) -> ErasureReport:
    """What the window and the command do: a safety backup, the erasure, then either the
    list of older backups that still hold the data or (``purge``) their deletion."""
    backup.automatic_backup(Path(data_file), reason="before-erasure")
    result = erase_person(person_id, clock=clock)
    purged: tuple[Path, ...] = ()
    if purge:
        purged = tuple(purge_backups(data_file, before=result.erased_at))
    exposure = backups_holding_erased_data(data_file, result.erased_at)
    return ErasureReport(result, exposure, purged)


# Retention


@dataclass(frozen=True)
class RetentionCandidate:
    person_id: int
    name: str
    last_cohort: str
    ended_on: date


def retention_months() -> int:
    return int(settings.get_setting(RETENTION_SETTING, DEFAULT_RETENTION_MONTHS))


def set_retention_months(months: int) -> None:
    if not 1 <= months <= 240:
        raise ValidationError({"months": "Keep data for between 1 month and 20 years."})
    settings.set_setting(RETENTION_SETTING, months)


def _months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    return date(year, month, 1)  # pragma: no cover


def people_due_for_erasure(
    months: int | None = None, today: date | None = None
) -> list[RetentionCandidate]:
    """People whose last cohort ended more than ``months`` ago (and none is still running)."""
    months = retention_months() if months is None else months
    today = today or system_clock().date()
    cutoff = _months_before(today, months)
    erased = Erasure.select(Erasure.person_id)
    rows = (
        Participation.select(
            Participation.person,
            fn.MAX(Cohort.end_date),
            fn.SUM(Cohort.end_date.is_null()),
        )
        .join(Cohort)
        .where(Participation.person.not_in(erased))
        .group_by(Participation.person)
        .tuples()
    )
    due: list[RetentionCandidate] = []
    for person_id, last_end, open_cohorts in rows:
        if open_cohorts or last_end is None:
            continue
        ended = last_end if isinstance(last_end, date) else date.fromisoformat(str(last_end)[:10])
        if ended >= cutoff:
            continue
        person = Person.get_by_id(person_id)
        cohort = (
            Cohort.select(Cohort.name)
            .join(Participation)
            .where(Participation.person == person_id)
            .order_by(Cohort.end_date.desc())
            .first()
        )
        due.append(RetentionCandidate(person_id, person.name, cohort.name if cohort else "", ended))
    return sorted(due, key=lambda item: (item.ended_on, item.name))
