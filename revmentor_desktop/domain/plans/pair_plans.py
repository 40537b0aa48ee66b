"""A pair's plan: the plans for its meetings in order, and how far along it the pair is.

A plan is suggested from the pair's focus areas and the cohort's length; it always opens with
the first meeting, closes with the closing meeting and has the mid-point review half-way. The
coordinator reorders it by hand. Logging a session can take up a plan item; the item counts as
done once that session is held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.plans.catalogue import all_plans, plans_by_key
from revmentor_desktop.domain.plans.session_plan import SessionPlan, Stage
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import SessionStatus, plural
from revmentor_desktop.storage.counting import count_where
from revmentor_desktop.storage.models import Cohort, Meeting, PairPlanItem, database_proxy
from revmentor_desktop.storage.models import Pair as PairRow

# Without both dates the cohort's length is unknown: plan this many meetings.
DEFAULT_MEETINGS = 6
MOST_MEETINGS = 24
MIDPOINT_FROM = 3  # meetings at least, for a mid-point review to have a middle


@dataclass(frozen=True)
class PlanEntry:
    """One item of a pair's plan as the pair dialog and the booklet show it."""

    item_id: int
    plan_key: str
    title: str
    stage: Stage
    session_id: int | None
    session_starts: datetime | None
    done: bool  # its session was held


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def label(self) -> str:
        """ "3 of 8 plan items", or "No plan yet"."""
        if not self.total:
            return "No plan yet"
        return f"{self.done} of {plural(self.total, 'plan item')}"


def meetings_in_cohort(cohort: Cohort) -> int:
    """How many meetings the cohort's dates and cadence give (the first one included)."""
    start, end, cadence = cohort.start_date, cohort.end_date, cohort.cadence_days
    if start is None or end is None or cadence <= 0 or end <= start:
        return DEFAULT_MEETINGS
    return max(2, min(MOST_MEETINGS, (end - start).days // cadence))


def suggest_plan(
    focus_areas: Sequence[str], cohort_kind: str, meetings: int, plans: Sequence[SessionPlan]
) -> list[str]:
    """Plan keys for ``meetings`` meetings: first meeting, topics, mid-point, closing.

    Topics matching the pair's focus areas come first (in the order of the areas), then other
    topics that fit the kind of cohort, in the library's order. No plan is used twice, so a
    long cohort may have fewer items than meetings.
    """
    current = [plan for plan in plans if not plan.retired and plan.fits(cohort_kind)]

    def first_of(stage: Stage) -> list[str]:
        return [plan.key for plan in current if plan.stage is stage][:1]

    opening, closing = first_of(Stage.FIRST), first_of(Stage.CLOSING)
    midpoint = first_of(Stage.MIDPOINT) if meetings >= MIDPOINT_FROM else []
    slots = max(0, meetings - len(opening) - len(closing) - len(midpoint))
    topics = _ranked_topics(focus_areas, [plan for plan in current if plan.stage is Stage.TOPIC])
    chosen = topics[:slots]
    if midpoint:
        middle = max(0, meetings // 2 - len(opening))
        chosen = chosen[:middle] + midpoint + chosen[middle:]
    return opening + chosen + closing


def _ranked_topics(focus_areas: Sequence[str], topics: Sequence[SessionPlan]) -> list[str]:
    areas = [fold(area) for area in focus_areas]

    def rank(indexed: tuple[int, SessionPlan]) -> tuple[int, int]:
        index, plan = indexed
        covered = {fold(area) for area in plan.focus_areas}
        matches = [number for number, area in enumerate(areas) if area in covered]
        return (min(matches) if matches else len(areas), index)

    return [plan.key for _, plan in sorted(enumerate(topics), key=rank)]


def _pair(pair_id: int) -> PairRow:
    return get_or_not_found(PairRow, pair_id, "pair")


def suggested_for_pair(pair_id: int) -> list[str]:
    """The plan the library suggests for the pair now (nothing is saved)."""
    pair = _pair(pair_id)
    cohort = Cohort.get_by_id(pair.cohort_id)
    return suggest_plan(pair.focus_areas, cohort.kind, meetings_in_cohort(cohort), all_plans())


def plan_keys(pair_id: int) -> list[str]:
    query = (
        PairPlanItem.select(PairPlanItem.plan_key)
        .where(PairPlanItem.pair == pair_id)
        .order_by(PairPlanItem.position, PairPlanItem.id)
    )
    return [item.plan_key for item in query]


def arrange(pair_id: int, keys: Sequence[str]) -> None:
    """Make the pair's plan ``keys`` in this order; items kept keep their ticked sessions."""
    _pair(pair_id)
    known = plans_by_key()
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise ValidationError({"plan": f"There is no session plan {unknown[0]!r}."})
    if len(set(keys)) != len(keys):
        raise ValidationError({"plan": "A plan appears only once in a pair's plan."})
    with database_proxy.atomic():
        existing = {
            item.plan_key: item
            for item in PairPlanItem.select().where(PairPlanItem.pair == pair_id)
        }
        for position, key in enumerate(keys):
            item = existing.pop(key, None) or PairPlanItem(pair=pair_id, plan_key=key)
            item.position = position
            item.save()
        stale = [item.id for item in existing.values()]
        if stale:
            PairPlanItem.delete().where(PairPlanItem.id.in_(stale)).execute()


def give_suggested_plan(pair_id: int) -> list[str]:
    """Replace the pair's plan with the suggested one; returns its keys."""
    keys = suggested_for_pair(pair_id)
    arrange(pair_id, keys)
    return keys


def pair_plan(pair_id: int) -> list[PlanEntry]:
    """The pair's plan in order, each item with the session that took it up."""
    plans = plans_by_key()
    query = (
        PairPlanItem.select(PairPlanItem, Meeting.starts_at, Meeting.status)
        .join(Meeting, JOIN.LEFT_OUTER, on=(PairPlanItem.session == Meeting.id))
        .where(PairPlanItem.pair == pair_id)
        .order_by(PairPlanItem.position, PairPlanItem.id)
        .objects()
    )
    entries = []
    for item in query:
        plan = plans.get(item.plan_key)
        entries.append(
            PlanEntry(
                item_id=item.id,
                plan_key=item.plan_key,
                title=plan.title if plan else f"(removed plan {item.plan_key})",
                stage=plan.stage if plan else Stage.TOPIC,
                session_id=item.session_id,
                session_starts=item.starts_at if item.session_id else None,
                done=item.session_id is not None and item.status == SessionStatus.HELD.value,
            )
        )
    return entries


def progress_of(pair_ids: Sequence[int]) -> dict[int, Progress]:
    """Plan items done and in all, per pair (pairs without a plan are left out)."""
    held = count_where(
        PairPlanItem.session.is_null(False) & (Meeting.status == SessionStatus.HELD.value)
    )
    query = (
        PairPlanItem.select(PairPlanItem.pair, fn.COUNT(PairPlanItem.id), held)
        .join(Meeting, JOIN.LEFT_OUTER, on=(PairPlanItem.session == Meeting.id))
        .where(PairPlanItem.pair.in_(list(pair_ids)))
        .group_by(PairPlanItem.pair)
        .tuples()
    )
    return {pair_id: Progress(int(done or 0), total) for pair_id, total, done in query}


def progress(pair_id: int) -> Progress:
    return progress_of([pair_id]).get(pair_id, Progress(0, 0))


def next_item(pair_id: int) -> int | None:
    """The first plan item no session has taken up yet: a new session's default."""
    return next((entry.item_id for entry in pair_plan(pair_id) if entry.session_id is None), None)


def item_of_session(session_id: int) -> int | None:
    item = PairPlanItem.get_or_none(PairPlanItem.session == session_id)
    return None if item is None else int(item.id)


def take_up(session_id: int, pair_id: int, item_id: int | None) -> None:
    """Make ``item_id`` (or none) the plan item the session took up; the caller's transaction."""
    if item_id is not None:
        item = PairPlanItem.get_or_none(PairPlanItem.id == item_id)
        if item is None or item.pair_id != pair_id:
            raise ValidationError({"plan_item": "Choose an item of this pair's plan."})
    PairPlanItem.update(session=None).where(
        (PairPlanItem.session == session_id) & (PairPlanItem.id != (item_id or 0))
    ).execute()
    if item_id is not None:
        PairPlanItem.update(session=session_id).where(PairPlanItem.id == item_id).execute()
