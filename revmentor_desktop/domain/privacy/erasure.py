"""Erasure: a person becomes an anonymous placeholder, their data is scrubbed from the file, and
the log lets a restored older backup be erased again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.privacy.common import PLACEHOLDER_PREFIX, person_or_not_found
from revmentor_desktop.domain.text import fold
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.models import (
    Erasure,
    Goal,
    Meeting,
    Pair,
    PairConstraint,
    Person,
    Skill,
    database_proxy,
)


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
        person_or_not_found(person_id)
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

    @property
    def irreversible_change(self) -> IrreversibleChange:
        """Undo snapshots hold the erased data and must not bring it back."""
        return IrreversibleChange(f"Erase person ({self.result.placeholder})")


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
