"""Cohorts (programme runs) and who takes part in them, in which role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import fn

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound, RuleViolation, ValidationError
from revmentor_desktop.domain.queries import fetch_ids
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus, Role, plural
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, database_proxy

OPEN_STATUSES = [status.value for status in PairStatus if status.is_open]


@dataclass
class CohortDraft:
    name: str
    kind: str = CohortKind.REVERSE.value
    start_date: date | None = None
    end_date: date | None = None
    cadence_days: int = 21
    session_minutes: int = 60
    mentor_label: str = ""
    mentee_label: str = ""


@dataclass(frozen=True)
class CohortRow:
    id: int
    name: str
    kind: str
    start_date: date | None
    end_date: date | None
    cadence_days: int
    session_minutes: int
    mentor_label: str
    mentee_label: str
    mentors: int
    mentees: int
    pairs: int
    unmatched: int


@dataclass(frozen=True)
class ParticipantRow:
    person_id: int
    name: str
    department: str
    role: str
    capacity: int
    open_pairs: int
    has_consent: bool


@dataclass(frozen=True)
class EnrolmentRow:
    """A cohort someone takes part in, and in which role."""

    cohort_id: int
    cohort_name: str
    role: str
    role_label: str
    capacity: int


def validate_cohort(draft: CohortDraft, cohort_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = "Enter a name for the cohort, such as “Reverse mentoring 2027”."
    else:
        clash = Cohort.select().where(fn.lower(Cohort.name) == name.lower())
        if cohort_id is not None:
            clash = clash.where(Cohort.id != cohort_id)
        if clash.exists():
            problems["name"] = f"There is already a cohort called “{name}”."
    if draft.kind not in {kind.value for kind in CohortKind}:
        problems["kind"] = "Choose reverse, traditional or mutual mentoring."
    if draft.start_date and draft.end_date and draft.end_date <= draft.start_date:
        problems["end_date"] = "The end date must come after the start date."
    if not 1 <= draft.cadence_days <= 365:
        problems["cadence_days"] = "Meet at least once a year and at most daily (1–365 days)."
    if not 10 <= draft.session_minutes <= 480:
        problems["session_minutes"] = "A session lasts between 10 minutes and 8 hours."
    return {**problems, **limits.too_long(draft, limits.COHORT)}


def _apply(cohort: Cohort, draft: CohortDraft) -> None:
    default_mentor, default_mentee = CohortKind(draft.kind).default_role_labels
    cohort.name = draft.name.strip()
    cohort.kind = draft.kind
    cohort.start_date = draft.start_date
    cohort.end_date = draft.end_date
    cohort.cadence_days = draft.cadence_days
    cohort.session_minutes = draft.session_minutes
    cohort.mentor_label = draft.mentor_label.strip() or default_mentor
    cohort.mentee_label = draft.mentee_label.strip() or default_mentee


def add_cohort(draft: CohortDraft, clock: Clock = system_clock) -> int:
    with database_proxy.atomic():
        problems = validate_cohort(draft)
        if problems:
            raise ValidationError(problems)
        cohort = Cohort(created_at=clock())
        _apply(cohort, draft)
        cohort.save()
    return int(cohort.id)


def update_cohort(cohort_id: int, draft: CohortDraft) -> None:
    with database_proxy.atomic():
        cohort = get_cohort_model(cohort_id)
        problems = validate_cohort(draft, cohort_id)
        if problems:
            raise ValidationError(problems)
        _apply(cohort, draft)
        cohort.save()


def get_cohort_model(cohort_id: int) -> Cohort:
    cohort = Cohort.get_or_none(Cohort.id == cohort_id)
    if cohort is None:
        raise NotFound(f"There is no cohort with number {cohort_id}.")
    return cohort


def get_cohort(cohort_id: int) -> CohortDraft:
    cohort = get_cohort_model(cohort_id)
    return CohortDraft(
        name=cohort.name,
        kind=cohort.kind,
        start_date=cohort.start_date,
        end_date=cohort.end_date,
        cadence_days=cohort.cadence_days,
        session_minutes=cohort.session_minutes,
        mentor_label=cohort.mentor_label,
        mentee_label=cohort.mentee_label,
    )


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
                name=cohort.name,
                kind=cohort.kind,
                start_date=cohort.start_date,
                end_date=cohort.end_date,
                cadence_days=cohort.cadence_days,
                session_minutes=cohort.session_minutes,
                mentor_label=cohort.mentor_label,
                mentee_label=cohort.mentee_label,
                mentors=mentors,
                mentees=mentees,
                pairs=pair_counts.get(cohort.id, 0),
                unmatched=unmatched.get(cohort.id, 0),
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


def unpaired_names_by_cohort(cohort_ids: list[int]) -> dict[int, list[str]]:
    """For each of the cohorts, the names of the people enrolled in it who are in no pair of it."""
    select = (
        Participation.select(Participation.cohort, Person.name)
        .join(Person, on=(Participation.person == Person.id))
        .where(Participation.cohort.in_(cohort_ids))
        .order_by(Participation.cohort, Person.name)
    )
    waiting: dict[int, list[str]] = {}
    for cohort_id, name in database_proxy.execute(_unpaired(select)).fetchall():
        waiting.setdefault(cohort_id, []).append(name)
    return waiting


def _unmatched_counts() -> dict[int, int]:
    select = Participation.select(Participation.cohort, fn.COUNT(Participation.person))
    grouped = _unpaired(select).group_by(Participation.cohort)
    return dict(database_proxy.execute(grouped).fetchall())


def enrol(cohort_id: int, person_id: int, role: str, capacity: int = 1) -> None:
    """Add a person to a cohort, or change their role and capacity if already enrolled."""
    if role not in {item.value for item in Role}:
        raise ValidationError({"role": "Choose mentor, mentee or both."})
    if not 0 <= capacity <= 10:
        raise ValidationError({"capacity": "A mentor can take on between 0 and 10 mentees."})
    with database_proxy.atomic():
        get_cohort_model(cohort_id)
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise NotFound(f"There is no person with number {person_id}.")
        if person.archived:
            raise RuleViolation(f"{person.name} is archived; restore them before enrolling.")
        open_pairs = _open_pairs_as_mentor(cohort_id, person_id)
        if Role(role).can_mentor and open_pairs > capacity:
            raise RuleViolation(
                f"{person.name} already mentors {plural(open_pairs, 'person')} in this cohort; "
                f"the capacity cannot be lower than that."
            )
        Participation.insert(
            cohort=cohort_id, person=person_id, role=role, capacity=capacity
        ).on_conflict(
            conflict_target=[Participation.cohort, Participation.person],
            update={Participation.role: role, Participation.capacity: capacity},
        ).execute()


def withdraw(cohort_id: int, person_id: int) -> None:
    with database_proxy.atomic():
        in_pair = Pair.select().where(
            (Pair.cohort == cohort_id) & ((Pair.mentor == person_id) | (Pair.mentee == person_id))
        )
        if in_pair.exists():
            raise RuleViolation(
                "This person is in a pair of the cohort; end or delete the pair first."
            )
        Participation.delete().where(
            (Participation.cohort == cohort_id) & (Participation.person == person_id)
        ).execute()


def _open_pairs_as_mentor(cohort_id: int, person_id: int) -> int:
    return (
        Pair.select()
        .where(
            (Pair.cohort == cohort_id) & (Pair.mentor == person_id) & Pair.status.in_(OPEN_STATUSES)
        )
        .count()
    )


def participation(cohort_id: int, person_id: int) -> Participation | None:
    return Participation.get_or_none(
        (Participation.cohort == cohort_id) & (Participation.person == person_id)
    )


def list_participants(cohort_id: int) -> list[ParticipantRow]:
    open_pairs = dict(
        Pair.select(Pair.mentor, fn.COUNT(Pair.id))
        .where((Pair.cohort == cohort_id) & Pair.status.in_(OPEN_STATUSES))
        .group_by(Pair.mentor)
        .tuples()
    )
    query = (
        Participation.select(Participation, Person)
        .join(Person)
        .where(Participation.cohort == cohort_id)
        .order_by(Person.name)
    )
    return [
        ParticipantRow(
            person_id=item.person.id,
            name=item.person.name,
            department=item.person.department,
            role=item.role,
            capacity=item.capacity,
            open_pairs=open_pairs.get(item.person.id, 0),
            has_consent=item.person.consent_date is not None,
        )
        for item in query
    ]


def enrolments_of(person_id: int) -> list[EnrolmentRow]:
    query = (
        Participation.select(Participation, Cohort)
        .join(Cohort)
        .where(Participation.person == person_id)
        .order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    )
    return [
        EnrolmentRow(
            cohort_id=item.cohort.id,
            cohort_name=item.cohort.name,
            role=item.role,
            role_label=role_label(item.role, item.cohort.mentor_label, item.cohort.mentee_label),
            capacity=item.capacity,
        )
        for item in query
    ]


def role_label(role: str, mentor_label: str, mentee_label: str) -> str:
    """A role in the cohort's own words ("Reverse mentor", "Mentee", or both)."""
    if role == Role.MENTOR:
        return mentor_label
    if role == Role.MENTEE:
        return mentee_label
    if mentor_label == mentee_label:
        return mentor_label
    return f"{mentor_label} and {mentee_label}"
