"""Erasure: a person becomes an anonymous placeholder, their data is scrubbed from the file, and
the log lets a restored older backup be erased again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import Database, PeeweeException

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.privacy.common import PLACEHOLDER_PREFIX, person_or_not_found
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import binding_models_to
from revmentor_desktop.storage.disk import describe_size, is_disk_full
from revmentor_desktop.storage.models import (
    ALL_MODELS,
    Answer,
    Erasure,
    Goal,
    Meeting,
    OutcomeForm,
    Pair,
    PairConstraint,
    Person,
    Skill,
    database_proxy,
)
from revmentor_desktop.storage.personal_data import (
    erasure_value,
    erasure_values,
    personal_links_to,
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
    space_reclaimed: bool = True  # False: saved, but the disk had no room to compact the file


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
    reclaimed = scrub_file() if scrub else True
    return ErasureResult(person_id, placeholder, now, reclaimed)


def _scrub_person(person_id: int, placeholder: str, now: datetime) -> None:
    """Blank every column declared personal (storage/models.py) in the person's rows, delete
    rows that are nothing but personal (skills, goals, locks, questionnaire answers) and cut
    personal links to them."""
    person_values = erasure_values(Person, name=placeholder, search_key=fold(placeholder))
    Person.update({**person_values, Person.archived: True, Person.updated_at: now}).where(
        Person.id == person_id
    ).execute()
    for link in personal_links_to(Person, ALL_MODELS):
        link.model.update({link: erasure_value(link)}).where(link == person_id).execute()
    Skill.delete().where(Skill.person == person_id).execute()
    forms = OutcomeForm.select(OutcomeForm.id).where(OutcomeForm.person == person_id)
    Answer.delete().where(Answer.form.in_(forms)).execute()
    OutcomeForm.delete().where(OutcomeForm.person == person_id).execute()
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
        Pair.update(erasure_values(Pair)).where(Pair.id.in_(pair_ids)).execute()
        Goal.delete().where(Goal.pair.in_(pair_ids)).execute()
        Meeting.update(erasure_values(Meeting)).where(Meeting.pair.in_(pair_ids)).execute()


def scrub_file() -> bool:
    """Make sure erased bytes are gone from the file and its write-ahead log.

    Returns False when the disk is too full to rewrite the file: the erasure is saved all the
    same (secure_delete has already overwritten the erased values), only compacting failed.
    """
    database = database_proxy.obj
    try:
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.execute_sql("VACUUM")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except PeeweeException as error:
        if not is_disk_full(error):
            raise
        return False
    return True


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


def carry_erasures_over(current: Database | None, incoming: Database) -> int:
    """Before ``incoming`` (a backup being restored) replaces ``current``, erase in it everyone
    erased in ``current`` or in its own log; returns how many people were erased again."""
    log: list[ErasureRecord] = []
    if current is not None and current.table_exists(Erasure._meta.table_name):
        with binding_models_to(current):
            log = erasure_log()
    with binding_models_to(incoming):
        return reapply_erasures(log)


@dataclass(frozen=True)
class BackupExposure:
    """The files in the backup folder that still hold an erased person's data."""

    backups: tuple[Path, ...]
    kept_until: date | None  # when thinning removes the last of them (None: no backups)
    some_kept_indefinitely: bool  # before an upgrade, set aside, saved by hand: never thinned

    def describe(self) -> str:
        if not self.backups:
            return "No backup holds the erased data."
        count = len(self.backups)
        text = f"{plural(count, 'older backup')} still {agree('hold', count)} this person's data."
        if self.kept_until is not None:
            text += (
                f" Backups are kept for up to a year, so the last of them is removed by "
                f"{format_date(self.kept_until)}."
            )
        if self.some_kept_indefinitely:
            text += (
                " Backups taken before an upgrade, files set aside by a restore and copies "
                "saved there by hand are kept until you delete them."
            )
        return text + " You can delete these backups now."


def _holds_person(database: Database, person_id: int, erased_at: datetime) -> bool:
    """Whether a copy holds the person erased at ``erased_at`` (not erased in it yet)."""
    with binding_models_to(database):
        person = Person.select(Person.id, Person.created_at).where(Person.id == person_id).first()
        if person is None or person.created_at > erased_at:
            return False
        if not database.table_exists(Erasure._meta.table_name):
            return True
        return not Erasure.select().where(Erasure.person_id == person_id).exists()


def _may_hold_person(copy: Path, person_id: int, erased_at: datetime) -> bool:
    """Whether a copy holds the person; one that cannot be read (damaged, or from a newer
    version) may, and counts as holding them."""
    try:
        with backup.reading_copy(copy) as database:
            return _holds_person(database, person_id, erased_at)
    except PeeweeException:
        return True


def _copies_holding(data_file: Path, person_id: int, erased_at: datetime) -> list[Path]:
    copies = backup.data_files_in_backup_folder(Path(data_file))
    return [copy for copy in copies if _may_hold_person(copy, person_id, erased_at)]


def backups_holding_erased_data(
    data_file: Path, person_id: int, erased_at: datetime
) -> BackupExposure:
    """Every data file in the backup folder that still holds the person, whatever its name."""
    holding = _copies_holding(data_file, person_id, erased_at)
    if not holding:
        return BackupExposure((), None, False)
    automatic = {info.path: info for info in backup.list_backups(Path(data_file))}
    thinned = [
        automatic[path]
        for path in holding
        if path in automatic and automatic[path].reason not in backup.KEPT_UNTIL_DELETED
    ]
    kept_until = (
        (max(info.taken_at for info in thinned) + backup.KEEP_MONTHLY_FOR).date()
        if thinned
        else None
    )
    return BackupExposure(tuple(holding), kept_until, len(thinned) < len(holding))


def purge_backups(data_file: Path, person_id: int, erased_at: datetime) -> list[Path]:
    """Delete every file in the backup folder that still holds the person, and whatever
    killed writers left half-made (those may hold them too); returns the deleted backups."""
    backup.clear_leftovers(Path(data_file))
    holding = _copies_holding(data_file, person_id, erased_at)
    for copy in holding:
        backup.delete_backup(copy)
    return holding


@dataclass(frozen=True)
class ErasureReport:
    result: ErasureResult
    exposure: BackupExposure
    purged: tuple[Path, ...]

    def describe_purge(self) -> str:
        return f"Deleted {plural(len(self.purged), 'backup')} that still held their data."

    def space_warning(self, data_file: Path) -> str:
        """What to say when the erasure was saved but the full disk left no room to compact
        the file; "" when it was compacted."""
        if self.result.space_reclaimed:
            return ""
        return (
            f"{data_file}: the erasure is complete and saved. Only reclaiming the space the "
            "erased details took failed, because the disk holding the file is full; free at "
            f"least {describe_size(data_file.stat().st_size)} there so later changes can be "
            "saved."
        )

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
        purged = tuple(purge_backups(data_file, person_id, result.erased_at))
    exposure = backups_holding_erased_data(data_file, person_id, result.erased_at)
    return ErasureReport(result, exposure, purged)
