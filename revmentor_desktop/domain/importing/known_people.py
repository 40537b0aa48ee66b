"""What the data file already holds about the people a file names, asked in chunks: their ids
by e-mail key, the columns an import compares, their skills, managers and enrolments."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from peewee import JOIN, chunked, fn

from revmentor_desktop.domain.importing.changes import PERSON_COLUMNS
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.storage.bulk import among
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, Skill

_OPEN_STATUSES = [status.value for status in PairStatus if status.is_open]
_QUERY_CHUNK = 500  # keys or ids in one IN (...) query


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


def skills_of(person_ids: list[int]) -> dict[tuple[int, str], list[str]]:
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


def enrolments_of(cohort: Cohort | None, person_ids: list[int]) -> dict[int, tuple[str, int, int]]:
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
