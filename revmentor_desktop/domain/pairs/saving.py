"""Creating, loading, saving and deleting a pair with its goals; a save is checked against
the version the editing dialog loaded."""

from __future__ import annotations

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.pairs.records import GoalDraft, PairDraft, get_pair_model
from revmentor_desktop.domain.pairs.validation import validate_pair
from revmentor_desktop.domain.text import clean_tags
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.storage.models import Goal, Meeting, Pair, database_proxy


def _apply(pair: Pair, draft: PairDraft) -> None:
    pair.cohort = draft.cohort_id
    pair.mentor = draft.mentor_id
    pair.mentee = draft.mentee_id
    pair.direction = cohorts.get_cohort_model(draft.cohort_id).kind
    pair.start_date = draft.start_date
    pair.end_date = draft.end_date
    pair.focus_areas = clean_tags(draft.focus_areas)
    pair.agreement_signed = draft.agreement_signed
    pair.coordinator_notes = draft.coordinator_notes
    pair.shared_summary = draft.shared_summary


def _replace_goals(pair_id: int, goals: list[GoalDraft]) -> None:
    Goal.delete().where(Goal.pair == pair_id).execute()
    for position, goal in enumerate(goals):
        Goal.create(
            pair=pair_id,
            owner=goal.owner,
            description=goal.description.strip(),
            progress=goal.progress,
            position=position,
        )


def create_pair(draft: PairDraft, clock: Clock = system_clock) -> int:
    """Create a pair with status proposed, after checking every rule."""
    with database_proxy.atomic():
        cohorts.get_cohort_model(draft.cohort_id)
        problems = validate_pair(draft)
        if problems:
            raise ValidationError(problems)
        pair = Pair(created_at=clock(), status=PairStatus.PROPOSED.value)
        _apply(pair, draft)
        pair.save()
        _replace_goals(pair.id, draft.goals)
    return int(pair.id)


def update_pair(pair_id: int, draft: PairDraft, base: Loaded[PairDraft] | None = None) -> None:
    """Save the pair; refused with ``EditConflict`` when ``base`` is older than the stored row."""
    with database_proxy.atomic():
        refuse_if_moved(Pair, pair_id, base, draft, lambda: get_pair(pair_id), "pair")
        if problems := validate_pair(draft, pair_id):
            raise ValidationError(problems)
        pair = get_pair_model(pair_id)
        _apply(pair, draft)
        pair.save()
        _replace_goals(pair_id, draft.goals)


def get_pair(pair_id: int) -> PairDraft:
    pair = get_pair_model(pair_id)
    goals = [
        GoalDraft(goal.description, goal.progress, goal.owner)
        for goal in Goal.select().where(Goal.pair == pair_id).order_by(Goal.position)
    ]
    return PairDraft(
        cohort_id=pair.cohort_id,
        mentor_id=pair.mentor_id,
        mentee_id=pair.mentee_id,
        start_date=pair.start_date,
        end_date=pair.end_date,
        focus_areas=list(pair.focus_areas),
        goals=goals,
        agreement_signed=pair.agreement_signed,
        coordinator_notes=pair.coordinator_notes,
        shared_summary=pair.shared_summary,
    )


def load_pair(pair_id: int) -> Loaded[PairDraft]:
    """The pair as an editing dialog loads it: with the version its save is checked against."""
    return load(Pair, pair_id, lambda: get_pair(pair_id))


def cohort_of(pair_id: int) -> int | None:
    """The pair's cohort; None when there is no such pair (any more)."""
    pair = Pair.get_or_none(Pair.id == pair_id)
    return None if pair is None else int(pair.cohort_id)


def delete_pair(pair_id: int) -> None:
    with database_proxy.atomic():
        pair = get_pair_model(pair_id)
        if Meeting.select().where(Meeting.pair == pair_id).exists():
            raise RuleViolation("This pair has sessions; end it instead of deleting it.")
        pair.delete_instance(recursive=True)
