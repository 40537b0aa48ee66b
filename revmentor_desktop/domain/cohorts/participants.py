"""Who takes part in a cohort: enrolling and withdrawing someone, the rules that refuse it,
and the participants' rows with their open pairs and consent."""

from __future__ import annotations

from peewee import chunked

from revmentor_desktop.domain.cohorts.records import (
    OPEN_STATUSES,
    Enrolment,
    EnrolmentRow,
    ParticipantRow,
    get_cohort_model,
)
from revmentor_desktop.domain.errors import DomainError, NotFound, RuleViolation, ValidationError
from revmentor_desktop.domain.namesakes import person_labels
from revmentor_desktop.domain.vocabulary import Role, plural
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, database_proxy
from revmentor_desktop.storage.versions import advance_versions


def saved_enrolments(cohort_id: int | None) -> dict[int, Enrolment]:
    if cohort_id is None:
        return {}
    query = (
        Participation.select(Participation.person, Participation.role, Participation.capacity)
        .where(Participation.cohort == cohort_id)
        .order_by(Participation.person)
    )
    return {person: Enrolment(person, role, capacity) for person, role, capacity in query.tuples()}


def enrolment_refusal(cohort_id: int | None, enrolment: Enrolment) -> DomainError | None:
    """Why ``enrolment`` cannot be saved in the cohort (None: a new cohort), or None if it can."""
    if enrolment.role not in {item.value for item in Role}:
        return ValidationError({"role": "Choose mentor, mentee or both."})
    if not 0 <= enrolment.capacity <= 10:
        return ValidationError({"capacity": "A mentor can take on between 0 and 10 mentees."})
    person = Person.get_or_none(Person.id == enrolment.person_id)
    if person is None:
        return NotFound(f"There is no person with number {enrolment.person_id}.")
    if person.archived:
        return RuleViolation(f"{person.name} is archived; restore them before enrolling.")
    open_pairs = 0 if cohort_id is None else _open_pairs_as_mentor(cohort_id, person.id)
    if Role(enrolment.role).can_mentor and open_pairs > enrolment.capacity:
        return RuleViolation(
            f"{person.name} already mentors {plural(open_pairs, 'person')} in this cohort; "
            f"the capacity cannot be lower than that."
        )
    return None


def enrol(cohort_id: int, person_id: int, role: str, capacity: int = 1) -> None:
    """Add a person to a cohort, or change their role and capacity if already enrolled."""
    with database_proxy.atomic():
        get_cohort_model(cohort_id)
        write_enrolment(cohort_id, Enrolment(person_id, role, capacity))
        advance_versions(Cohort, [cohort_id])


def write_enrolment(cohort_id: int, enrolment: Enrolment) -> None:
    """``enrol``'s check and write, leaving the cohort's version to the caller (a cohort
    saved with its whole list of participants advances it once)."""
    refusal = enrolment_refusal(cohort_id, enrolment)
    if refusal is not None:
        raise refusal
    role, capacity = enrolment.role, enrolment.capacity
    Participation.insert(
        cohort=cohort_id, person=enrolment.person_id, role=role, capacity=capacity
    ).on_conflict(
        conflict_target=[Participation.cohort, Participation.person],
        update={Participation.role: role, Participation.capacity: capacity},
    ).execute()


def withdrawal_refusal(cohort_id: int, person_id: int) -> RuleViolation | None:
    """Why the person cannot leave the cohort (they are in one of its pairs), or None."""
    in_pair = Pair.select().where(
        (Pair.cohort == cohort_id) & ((Pair.mentor == person_id) | (Pair.mentee == person_id))
    )
    if not in_pair.exists():
        return None
    person = Person.get_or_none(Person.id == person_id)
    who = person.name if person is not None else "This person"
    return RuleViolation(f"{who} is in a pair of the cohort; end or delete the pair first.")


def withdraw(cohort_id: int, person_id: int) -> None:
    with database_proxy.atomic():
        remove_enrolment(cohort_id, person_id)
        advance_versions(Cohort, [cohort_id])


def remove_enrolment(cohort_id: int, person_id: int) -> None:
    """``withdraw``'s check and delete, leaving the cohort's version to the caller."""
    refusal = withdrawal_refusal(cohort_id, person_id)
    if refusal is not None:
        raise refusal
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
    return participant_rows(cohort_id, list(saved_enrolments(cohort_id).values()))


def participant_rows(cohort_id: int | None, wanted: list[Enrolment]) -> list[ParticipantRow]:
    """Rows for ``wanted`` as they would stand in the cohort (None: a new one), by name.

    The cohort dialog shows its draft of participants with these before anything is saved.
    """
    open_pairs: dict[int, int] = {}
    paired: set[int] = set()
    if cohort_id is not None:
        in_cohort = Pair.select(Pair.mentor, Pair.mentee, Pair.status).where(
            Pair.cohort == cohort_id
        )
        for mentor, mentee, status in in_cohort.tuples():
            paired.update((mentor, mentee))
            if status in OPEN_STATUSES:
                open_pairs[mentor] = open_pairs.get(mentor, 0) + 1
    people: dict[int, Person] = {}
    for chunk in chunked([enrolment.person_id for enrolment in wanted], 500):
        people.update((person.id, person) for person in Person.select().where(Person.id.in_(chunk)))
    labels = person_labels(people)
    rows = [
        ParticipantRow(
            person_id=enrolment.person_id,
            name=labels[enrolment.person_id],
            department=people[enrolment.person_id].department,
            role=enrolment.role,
            capacity=enrolment.capacity,
            open_pairs=open_pairs.get(enrolment.person_id, 0),
            has_consent=people[enrolment.person_id].consent_date is not None,
            paired=enrolment.person_id in paired,
        )
        for enrolment in wanted
        if enrolment.person_id in people
    ]
    return sorted(rows, key=lambda row: (row.name, row.person_id))


def pair_count(cohort_id: int | None) -> int:
    return 0 if cohort_id is None else Pair.select().where(Pair.cohort == cohort_id).count()


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
