"""The coordinator's locked pairs (always kept) and forbidden pairs (never proposed)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.storage.models import PairConstraint, Person, database_proxy


class ConstraintKind(StrEnum):
    LOCKED = "locked"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class Constraint:
    cohort_id: int
    mentor_id: int
    mentee_id: int
    kind: ConstraintKind


def _set_constraint(cohort_id: int, mentor_id: int, mentee_id: int, kind: ConstraintKind) -> None:
    if mentor_id == mentee_id:
        raise ValidationError({"mentee_id": "A pair needs two different people."})
    with database_proxy.atomic():
        cohorts.get_cohort_model(cohort_id)
        found = Person.select(Person.id).where(Person.id.in_([mentor_id, mentee_id])).count()
        if found != 2:
            raise NotFound("One of the two people no longer exists.")
        PairConstraint.insert(
            cohort=cohort_id, mentor=mentor_id, mentee=mentee_id, kind=kind.value
        ).on_conflict(
            conflict_target=[PairConstraint.cohort, PairConstraint.mentor, PairConstraint.mentee],
            update={PairConstraint.kind: kind.value},
        ).execute()


def lock_pair(cohort_id: int, mentor_id: int, mentee_id: int) -> None:
    """Keep this pair in every matching run of the cohort (replaces a ban on it)."""
    _set_constraint(cohort_id, mentor_id, mentee_id, ConstraintKind.LOCKED)


def forbid_pair(cohort_id: int, mentor_id: int, mentee_id: int) -> None:
    """Never propose this pair in the cohort (replaces a lock on it)."""
    _set_constraint(cohort_id, mentor_id, mentee_id, ConstraintKind.FORBIDDEN)


def clear_constraint(cohort_id: int, mentor_id: int, mentee_id: int) -> None:
    with database_proxy.atomic():
        PairConstraint.delete().where(
            (PairConstraint.cohort == cohort_id)
            & (PairConstraint.mentor == mentor_id)
            & (PairConstraint.mentee == mentee_id)
        ).execute()


def list_constraints(cohort_id: int) -> list[Constraint]:
    """The cohort's locked and forbidden pairs, oldest first."""
    query = (
        PairConstraint.select(PairConstraint.mentor, PairConstraint.mentee, PairConstraint.kind)
        .where(PairConstraint.cohort == cohort_id)
        .order_by(PairConstraint.id)
    )
    return [
        Constraint(cohort_id, mentor_id, mentee_id, ConstraintKind(kind))
        for mentor_id, mentee_id, kind in query.tuples()
    ]
