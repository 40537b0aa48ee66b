"""The rules a pair's draft must meet: two different people, enrolled in fitting roles,
with a place left; dates in order and goals described; an ended pair keeps its people."""

from __future__ import annotations

from typing import Any

from revmentor_desktop.domain import cohorts, limits
from revmentor_desktop.domain.namesakes import person_label
from revmentor_desktop.domain.pairs.records import PairDraft, get_pair_model
from revmentor_desktop.domain.vocabulary import PairStatus, Role, plural
from revmentor_desktop.storage.models import Pair

# A closed pair's history is about these people in this cohort, so they stay as they were.
# Everything else (dates, focus, goals and their progress, summary, notes) may still be
# edited and is checked exactly as for an open pair.
PEOPLE_FIELDS = ("cohort_id", "mentor_id", "mentee_id")
KEEPS_ITS_PEOPLE = (
    "This pair has ended, so it keeps its people and cohort: start a new pair instead."
)


def fixed_fields(status: str) -> tuple[str, ...]:
    """The fields of a pair with ``status`` that can no longer change."""
    return () if PairStatus(status).is_open else PEOPLE_FIELDS


def validate_pair(draft: PairDraft, pair_id: int | None = None) -> dict[str, str]:
    """Everything that stops ``draft`` becoming (or replacing) pair ``pair_id``, by field."""
    saved = get_pair_model(pair_id) if pair_id is not None else None
    if saved is not None and fixed_fields(saved.status):
        problems = _changed_people(draft, saved)
    elif draft.mentor_id == draft.mentee_id:
        return {"mentee_id": "A person cannot mentor themselves: choose two different people."}
    else:
        problems = _people_problems(draft, pair_id)
    return problems | _detail_problems(draft)


def _changed_people(draft: PairDraft, saved: Pair) -> dict[str, str]:
    stored = (saved.cohort_id, saved.mentor_id, saved.mentee_id)
    return {
        key: KEEPS_ITS_PEOPLE
        for key, value in zip(PEOPLE_FIELDS, stored, strict=True)
        if getattr(draft, key) != value
    }


def _people_problems(draft: PairDraft, pair_id: int | None) -> dict[str, str]:
    """Whether these two may pair in this cohort: enrolled, in fitting roles, with room."""
    problems: dict[str, str] = {}
    mentor_place = cohorts.participation(draft.cohort_id, draft.mentor_id)
    mentee_place = cohorts.participation(draft.cohort_id, draft.mentee_id)
    if mentor_place is None:
        problems["mentor_id"] = f"{person_label(draft.mentor_id)} is not enrolled in this cohort."
    elif not Role(mentor_place.role).can_mentor:
        problems["mentor_id"] = f"{person_label(draft.mentor_id)} takes part only as a mentee."
    elif _over_capacity(draft, mentor_place.capacity, pair_id):
        problems["mentor_id"] = (
            f"{person_label(draft.mentor_id)} already mentors "
            f"{plural(mentor_place.capacity, 'person')} in this cohort, their full capacity."
        )
    if mentee_place is None:
        problems["mentee_id"] = f"{person_label(draft.mentee_id)} is not enrolled in this cohort."
    elif not Role(mentee_place.role).can_be_mentored:
        problems["mentee_id"] = f"{person_label(draft.mentee_id)} takes part only as a mentor."
    elif _duplicate_open_pair(draft, pair_id):
        problems["mentee_id"] = "These two people already form an open pair in this cohort."
    return problems


def _detail_problems(draft: PairDraft) -> dict[str, str]:
    """Dates and goals: checked the same whatever the pair's status."""
    problems: dict[str, str] = {}
    # The same day is allowed: a pair may end on the day it starts, and ending sets today.
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        problems["end_date"] = "The end date cannot come before the start date."
    for position, goal in enumerate(draft.goals, start=1):
        if not goal.description.strip():
            problems[f"goal_{position}"] = f"Goal {position} has no description."
        elif not 0 <= goal.progress <= 100:
            problems[f"goal_{position}"] = f"Progress of goal {position} must be 0–100 %."
        elif too_long := limits.TextLimit(f"Goal {position}", limits.GOAL).problem(
            goal.description
        ):
            problems[f"goal_{position}"] = too_long
    return {**problems, **limits.too_long(draft, limits.PAIR)}


def mentor_choice(row: cohorts.ParticipantRow, counts_this_pair: bool) -> str:
    """A mentor as a pair's form offers them, with their places: "Ada (2 of 3 places taken)".

    ``counts_this_pair``: the pair being edited is one of the mentor's open pairs, and does
    not take a place from itself.
    """
    taken = row.open_pairs - (1 if counts_this_pair else 0)
    if taken >= row.capacity:
        return f"{row.name} (full: {taken} of {row.capacity})"
    return f"{row.name} ({taken} of {row.capacity} places taken)"


def _open_pairs(cohort_id: int, pair_id: int | None) -> Any:
    query = Pair.select().where((Pair.cohort == cohort_id) & Pair.status.in_(cohorts.OPEN_STATUSES))
    if pair_id is not None:
        query = query.where(Pair.id != pair_id)
    return query


def _over_capacity(draft: PairDraft, capacity: int, pair_id: int | None) -> bool:
    taken = _open_pairs(draft.cohort_id, pair_id).where(Pair.mentor == draft.mentor_id).count()
    return taken >= capacity


def _duplicate_open_pair(draft: PairDraft, pair_id: int | None) -> bool:
    query = _open_pairs(draft.cohort_id, pair_id).where(
        (Pair.mentor == draft.mentor_id) & (Pair.mentee == draft.mentee_id)
    )
    return query.exists()
