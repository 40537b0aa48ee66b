"""Finding and listing cohorts: the pickers, the cohorts table with its counts, and per
cohort who is in no pair or has no recorded consent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from peewee import fn

from revmentor_desktop.domain.cohorts.records import CohortRow, settings_of
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.namesakes import label_columns, label_from
from revmentor_desktop.domain.queries import fetch_ids
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import Role
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, database_proxy


def find_cohort_id(name: str) -> int:
    cohort = Cohort.get_or_none(fn.lower(Cohort.name) == name.strip().lower())
    if cohort is None:
        known = ", ".join(row.name for row in Cohort.select(Cohort.name).order_by(Cohort.name))
        hint = f" Known cohorts: {known}." if known else " There are no cohorts yet."
        raise NotFound(f"There is no cohort called “{name}”.{hint}")
    return int(cohort.id)


def cohort_names() -> list[tuple[int, str]]:
    """Id and name of every cohort, newest first: for pickers and filters."""
    query = Cohort.select(Cohort.id, Cohort.name).order_by(
        Cohort.start_date.desc(nulls="LAST"), Cohort.name
    )
    return [(row[0], row[1]) for row in database_proxy.execute(query).fetchall()]


def running_cohorts(today: date) -> list[tuple[int, str]]:
    """Id and name of each cohort that is not archived and has not ended by ``today``."""
    query = (
        Cohort.select(Cohort.id, Cohort.name)
        .where(
            (Cohort.archived == False)  # noqa: E712
            & (Cohort.end_date.is_null() | (Cohort.end_date >= today))
        )
        .order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    )
    return [(row[0], row[1]) for row in database_proxy.execute(query).fetchall()]


def list_cohorts(search: str = "", include_archived: bool = True) -> list[CohortRow]:
    rows = []
    cohorts = Cohort.select().order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    if not include_archived:
        cohorts = cohorts.where(Cohort.archived == False)  # noqa: E712
    counts = _participation_counts()
    pair_counts = _pair_counts()
    unmatched = _unmatched_counts()
    needle = fold(search.strip())
    for cohort in cohorts:
        if needle and needle not in fold(cohort.name):
            continue
        mentors, mentees = counts.get(cohort.id, (0, 0))
        rows.append(
            CohortRow(
                id=cohort.id,
                **settings_of(cohort),
                mentors=mentors,
                mentees=mentees,
                pairs=pair_counts.get(cohort.id, 0),
                unmatched=unmatched.get(cohort.id, 0),
                archived=bool(cohort.archived),
            )
        )
    return rows


def _participation_counts() -> dict[int, tuple[int, int]]:
    counts: dict[int, list[int]] = {}
    query = Participation.select(
        Participation.cohort, Participation.role, fn.COUNT(Participation.id)
    ).group_by(Participation.cohort, Participation.role)
    for cohort_id, role, count in query.tuples():
        mentors_mentees = counts.setdefault(cohort_id, [0, 0])
        if Role(role).can_mentor:
            mentors_mentees[0] += count
        if Role(role).can_be_mentored:
            mentors_mentees[1] += count
    return {key: (value[0], value[1]) for key, value in counts.items()}


def _pair_counts() -> dict[int, int]:
    query = Pair.select(Pair.cohort, fn.COUNT(Pair.id)).group_by(Pair.cohort)
    return dict(query.tuples())


def _in_a_pair_of_the_cohort(side: Any) -> Any:
    return Pair.select(Pair.id).where(
        (Pair.cohort == Participation.cohort) & (side == Participation.person)
    )


def _unpaired(select: Any) -> Any:
    """Only enrolments whose person is in no open or finished pair of that cohort."""
    return select.where(
        ~fn.EXISTS(_in_a_pair_of_the_cohort(Pair.mentor))
        & ~fn.EXISTS(_in_a_pair_of_the_cohort(Pair.mentee))
    )


def unpaired_person_ids(cohort_id: int) -> list[int]:
    """People enrolled in the cohort who are in no open or finished pair of it."""
    select = Participation.select(Participation.person).where(Participation.cohort == cohort_id)
    return fetch_ids(_unpaired(select).order_by(Participation.person))


def _labels_by_cohort(cohort_ids: list[int], narrow: Callable[[Any], Any]) -> dict[int, list[str]]:
    """For each of the cohorts, by name, the labels of the participants ``narrow`` keeps."""
    select = (
        Participation.select(Participation.cohort, *label_columns())
        .join(Person, on=(Participation.person == Person.id))
        .where(Participation.cohort.in_(cohort_ids))
        .order_by(Participation.cohort, Person.name, Person.id)
    )
    labels: dict[int, list[str]] = {}
    for cohort_id, *person in database_proxy.execute(narrow(select)).fetchall():
        labels.setdefault(cohort_id, []).append(label_from(person))
    return labels


def unpaired_names_by_cohort(cohort_ids: list[int]) -> dict[int, list[str]]:
    """For each of the cohorts, the labels of the people enrolled in it who are in no pair of it."""
    return _labels_by_cohort(cohort_ids, _unpaired)


def names_without_consent_by_cohort(cohort_ids: list[int]) -> dict[int, list[str]]:
    """For each of the cohorts, the labels of the people taking part without recorded consent
    (archived people, the erased among them, are left out: they take part no more)."""
    return _labels_by_cohort(
        cohort_ids,
        lambda select: select.where(
            Person.consent_date.is_null() & (Person.archived == False)  # noqa: E712
        ),
    )


def _unmatched_counts() -> dict[int, int]:
    select = Participation.select(Participation.cohort, fn.COUNT(Participation.person))
    grouped = _unpaired(select).group_by(Participation.cohort)
    return dict(database_proxy.execute(grouped).fetchall())
