"""Erasure: a person becomes an anonymous placeholder, their data is scrubbed from the file, and
the log lets a restored older backup be erased again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import Database

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.privacy.common import PLACEHOLDER_PREFIX, person_or_not_found
from revmentor_desktop.domain.text import fold
from revmentor_desktop.storage.maintenance import reclaim_space
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
    binding_models_to,
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
    reclaimed = reclaim_space() if scrub else True
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
        reclaim_space()
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


def holds_erased_person(database: Database, person_id: int, erased_at: datetime) -> bool:
    """Whether ``database`` (a backup, say) holds the person erased at ``erased_at``, not
    erased in it yet."""
    with binding_models_to(database):
        person = Person.select(Person.id, Person.created_at).where(Person.id == person_id).first()
        if person is None or person.created_at > erased_at:
            return False
        if not database.table_exists(Erasure._meta.table_name):
            return True
        return not Erasure.select().where(Erasure.person_id == person_id).exists()
