"""Pairs: a mentor and a mentee in a cohort, their goals, and the life of the pairing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peewee import JOIN, SQL, chunked, fn

from revmentor_desktop.domain import cohorts, limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.health import Health, HealthLevel, pair_health
from revmentor_desktop.domain.namesakes import (
    LABEL_WIDTH,
    label_columns,
    label_from,
    person_label,
    person_labels,
)
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_date,
    as_datetime,
    contains_folded,
    get_or_not_found,
    id_list,
    sort_order,
)
from revmentor_desktop.domain.text import clean_tags
from revmentor_desktop.domain.vocabulary import PairStatus, Role, SessionStatus, plural
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Meeting,
    Pair,
    Person,
    database_proxy,
)


@dataclass
class GoalDraft:
    description: str
    progress: int = 0
    owner: str = "mentee"


@dataclass
class PairDraft:
    cohort_id: int
    mentor_id: int
    mentee_id: int
    start_date: date | None = None
    end_date: date | None = None
    focus_areas: list[str] = field(default_factory=list)
    goals: list[GoalDraft] = field(default_factory=list)
    agreement_signed: date | None = None
    coordinator_notes: str = ""
    shared_summary: str = ""


@dataclass(frozen=True)
class PairRow:
    """One line of the pairs list. The names are labels: with what tells a person apart from
    someone of the same name (see ``namesakes``)."""

    id: int
    cohort_id: int
    cohort_name: str
    mentor_id: int
    mentor_name: str
    mentee_id: int
    mentee_name: str
    direction: str
    status: str
    start_date: date | None
    end_date: date | None
    sessions_held: int
    last_held: date | None
    agreement_signed: date | None
    cadence_days: int
    health: Health


@dataclass
class PairQuery:
    search: str = ""
    cohort_id: int | None = None
    status: str = ""
    person_id: int | None = None
    sort_by: str = "mentee"
    descending: bool = False


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
    saved = _get(pair_id) if pair_id is not None else None
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
        pair = _get(pair_id)
        _apply(pair, draft)
        pair.save()
        _replace_goals(pair_id, draft.goals)


def _get(pair_id: int) -> Pair:
    return get_or_not_found(Pair, pair_id, "pair")


def get_pair(pair_id: int) -> PairDraft:
    pair = _get(pair_id)
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


def pair_status(pair_id: int) -> tuple[str, str]:
    """The pair's status and, when it ended early, the reason."""
    pair = _get(pair_id)
    return pair.status, pair.end_reason


# Which status changes each action allows: the coordinator changes status only through these.
_TRANSITIONS: dict[str, tuple[set[PairStatus], PairStatus]] = {
    "activate": ({PairStatus.PROPOSED}, PairStatus.ACTIVE),
    "pause": ({PairStatus.ACTIVE}, PairStatus.PAUSED),
    "resume": ({PairStatus.PAUSED}, PairStatus.ACTIVE),
    "complete": ({PairStatus.ACTIVE, PairStatus.PAUSED}, PairStatus.COMPLETED),
    "end_early": (
        {PairStatus.PROPOSED, PairStatus.ACTIVE, PairStatus.PAUSED},
        PairStatus.ENDED_EARLY,
    ),
}


def allowed_actions(status: str) -> list[str]:
    return [name for name, (sources, _) in _TRANSITIONS.items() if PairStatus(status) in sources]


def validate_end_reason(reason: str) -> dict[str, str]:
    if not reason.strip():
        return {"reason": "Say why the pair ended early (no fault implied)."}
    return {}


def first_held_session(pair_id: int) -> date | None:
    held = Meeting.select(fn.MIN(Meeting.starts_at)).where(
        (Meeting.pair == pair_id) & (Meeting.status == SessionStatus.HELD.value)
    )
    return as_date(held.scalar())


def default_start_date(pair_id: int, today: date) -> date:
    """When a pair being activated started: the day it first met, if it has, else today."""
    return first_held_session(pair_id) or today


def validate_start_date(pair_id: int, start_date: date) -> dict[str, str]:
    """A start date must not come after the pair's first held session or after its end."""
    first_met = first_held_session(pair_id)
    if first_met is not None and start_date > first_met:
        return {
            "start_date": f"The pair first met on {format_date(first_met)}; "
            "it cannot start later than that."
        }
    end_date = _get(pair_id).end_date
    if end_date is not None and start_date > end_date:
        return {"start_date": "The start date cannot come after the end date."}
    return {}


def change_status(
    pair_id: int,
    action: str,
    reason: str = "",
    clock: Clock = system_clock,
    start_date: date | None = None,
) -> None:
    """Apply a status action (activate, pause, resume, complete, end_early).

    Activating takes ``start_date`` when given; otherwise a pair without one starts today.
    """
    sources, target = _TRANSITIONS[action]
    with database_proxy.atomic():
        pair = _get(pair_id)
        if PairStatus(pair.status) not in sources:
            raise RuleViolation(
                f"A {pair.status} pair cannot be {target.value.replace('ended early', 'ended')}."
            )
        if target == PairStatus.ENDED_EARLY and (problems := validate_end_reason(reason)):
            raise ValidationError(problems)
        today = clock().date()
        if action == "activate" and start_date is not None:
            if problems := validate_start_date(pair_id, start_date):
                raise ValidationError(problems)
            pair.start_date = start_date
        elif target == PairStatus.ACTIVE and pair.start_date is None:
            pair.start_date = today
        if target in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY):
            pair.end_date = today
            pair.end_reason = reason.strip()
        pair.status = target.value
        pair.save()


def delete_pair(pair_id: int) -> None:
    with database_proxy.atomic():
        pair = _get(pair_id)
        if Meeting.select().where(Meeting.pair == pair_id).exists():
            raise RuleViolation("This pair has sessions; end it instead of deleting it.")
        pair.delete_instance(recursive=True)


def _held_sessions(aggregate: Any) -> Any:
    """A per-pair subquery over its held sessions, read from the (pair, status, starts_at)
    index: cheap for a page of pairs, and it needs no list of ids in the SQL."""
    return Meeting.select(aggregate).where(
        (Meeting.pair == Pair.id) & (Meeting.status == SessionStatus.HELD.value)
    )


def _sessions_held() -> Any:
    return _held_sessions(fn.COUNT(Meeting.id))


def _last_held() -> Any:
    return _held_sessions(fn.MAX(Meeting.starts_at))


def _held_per_pair() -> Any:
    """Each pair's held sessions, counted, and the last one's time, from one grouped pass over
    the (status, pair, starts_at) index: to sort a whole list by them. A subquery per pair is
    as quick on a data file, but a server runs it once per pair, several times slower."""
    return (
        Meeting.select(
            Meeting.pair.alias("pair_id"),
            fn.COUNT(SQL("*")).alias("held"),  # not COUNT(id): the index holds no id
            fn.MAX(Meeting.starts_at).alias("last_held"),
        )
        .where(Meeting.status == SessionStatus.HELD.value)
        .group_by(Meeting.pair)
        .alias("held_sessions")
    )


def _filter_pairs(select: Any, query: PairQuery, mentor: Any, mentee: Any) -> Any:
    if query.cohort_id is not None:
        select = select.where(Pair.cohort == query.cohort_id)
    if query.status:
        select = select.where(Pair.status == query.status)
    if query.person_id is not None:
        select = select.where((Pair.mentor == query.person_id) | (Pair.mentee == query.person_id))
    if query.search.strip():
        select = select.where(
            contains_folded(mentor.search_key, query.search)
            | contains_folded(mentee.search_key, query.search)
        )
    return select


PAIR_SORT_KEYS = ("cohort", "mentor", "mentee", "status", "start_date", "sessions", "last_held")


def _sort_by(query: PairQuery) -> str:
    return query.sort_by if query.sort_by in PAIR_SORT_KEYS else "mentee"


def _ordered(select: Any, query: PairQuery, sort_key: Any) -> Any:
    return select.order_by(sort_order(sort_key, query.descending), Pair.id)


def _sort_column(sort_by: str, mentor: Any, mentee: Any, held: Any, last_held: Any) -> Any:
    """What ``sort_by`` sorts by, the sessions held and the last one's time given as the caller
    has them (joined, or a subquery per pair)."""
    return {
        "cohort": Cohort.name,
        "mentor": mentor.name,
        "mentee": mentee.name,
        "status": Pair.status,
        "start_date": Pair.start_date,
        "sessions": held,
        "last_held": last_held,
    }[sort_by]


def pair_ids(query: PairQuery | None = None) -> OrderedIds:
    """Ids of the matching pairs in the query's order. The search joins the people; the sort
    joins only what it sorts by, and the count none of that."""
    query = query or PairQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    searching = bool(query.search.strip())
    filtered = Pair.select(Pair.id)
    if searching:
        filtered = _join_partner(_join_partner(filtered, mentor, Pair.mentor), mentee, Pair.mentee)
    filtered = _filter_pairs(filtered, query, mentor, mentee)
    select, sort_key = _join_sort_key(filtered, _sort_by(query), mentor, mentee, searching)
    return OrderedIds.of_query(_ordered(select, query, sort_key), counted=filtered)


def _join_sort_key(
    select: Any, sort_by: str, mentor: Any, mentee: Any, people_joined: bool
) -> tuple[Any, Any]:
    """``select`` of pairs with what ``sort_by`` sorts by joined in, and that column."""
    held = _held_per_pair()
    if sort_by in ("sessions", "last_held"):
        select = select.join_from(Pair, held, JOIN.LEFT_OUTER, on=(held.c.pair_id == Pair.id))
    elif sort_by == "cohort":
        select = select.join_from(Pair, Cohort, on=(Pair.cohort == Cohort.id))
    elif sort_by in ("mentor", "mentee") and not people_joined:
        partner = mentor if sort_by == "mentor" else mentee
        select = _join_partner(select, partner, getattr(Pair, sort_by))
    held_count = fn.COALESCE(held.c.held, 0)
    return select, _sort_column(sort_by, mentor, mentee, held_count, held.c.last_held)


def _join_partner(select: Any, person: Any, link: Any) -> Any:
    """``select`` of pairs with ``person`` (the mentor's or mentee's alias) joined by ``link``."""
    return select.join_from(Pair, person, on=(link == person.id))


def _pair_rows_select(mentor: Any, mentee: Any) -> Any:
    """Everything a pair's row shows, the people's labels last (``_row`` reads them there)."""
    return (
        Pair.select(
            Pair.id,
            Pair.cohort,
            Cohort.name,
            Pair.direction,
            Pair.status,
            Pair.start_date,
            Pair.end_date,
            _sessions_held(),
            _last_held(),
            Pair.agreement_signed,
            Cohort.cadence_days,
            *label_columns(mentor),
            *label_columns(mentee),
        )
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .switch(Pair)
    )


_MENTOR_LABEL = 11  # where the mentor's label columns start in ``_pair_rows_select``
_MENTEE_LABEL = _MENTOR_LABEL + LABEL_WIDTH


def _row(values: tuple[Any, ...], today: date) -> PairRow:
    pair_id, cohort_id, cohort_name, direction, status, start, end, held, last, signed, cadence = (
        values[:_MENTOR_LABEL]
    )
    mentor, mentee = values[_MENTOR_LABEL:_MENTEE_LABEL], values[_MENTEE_LABEL:]
    start_date, last_held = as_date(start), as_date(last)
    return PairRow(
        id=pair_id,
        cohort_id=cohort_id,
        cohort_name=cohort_name,
        mentor_id=mentor[0],
        mentor_name=label_from(mentor),
        mentee_id=mentee[0],
        mentee_name=label_from(mentee),
        direction=direction,
        status=status,
        start_date=start_date,
        end_date=as_date(end),
        sessions_held=held,
        last_held=last_held,
        agreement_signed=as_date(signed),
        cadence_days=cadence,
        health=pair_health(status, start_date, last_held, cadence, today),
    )


def list_pairs(query: PairQuery | None = None, clock: Clock = system_clock) -> list[PairRow]:
    """Pairs matching ``query`` with their health and labels, filtered and sorted in SQL, in
    one query."""
    query = query or PairQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    select = _filter_pairs(_pair_rows_select(mentor, mentee), query, mentor, mentee)
    today = clock().date()
    sort_key = _sort_column(_sort_by(query), mentor, mentee, _sessions_held(), _last_held())
    cursor = database_proxy.execute(_ordered(select, query, sort_key))
    return [_row(values, today) for values in cursor.fetchall()]


@dataclass(frozen=True)
class FlaggedPair:
    """An active pair whose health is amber or red, with what Today says of it (the names are
    labels, as in ``PairRow``)."""

    id: int
    mentor_name: str
    mentee_name: str
    last_held: date | None
    health: Health
    start_date: date | None = None
    cadence_days: int = 0


def pairs_needing_attention(clock: Clock = system_clock) -> list[FlaggedPair]:
    """Active pairs whose health is amber or red, by mentee, from one narrow query (and one
    for the labels of the few people in them)."""
    today = clock().date()
    mentee = Person.alias("mentee")
    select = (
        Pair.select(
            Pair.id, Pair.mentor, Pair.mentee, Pair.start_date, _last_held(), Cohort.cadence_days
        )
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where(Pair.status == PairStatus.ACTIVE.value)
        .order_by(mentee.name, Pair.id)
    )
    active = database_proxy.execute(select).fetchall()
    needing = []
    for pair_id, mentor_id, mentee_id, start, last, cadence in active:
        last_held = as_date(last)
        health = pair_health(PairStatus.ACTIVE, as_date(start), last_held, cadence, today)
        if health.level in (HealthLevel.AMBER, HealthLevel.RED):
            needing.append((pair_id, mentor_id, mentee_id, last_held, health, start, cadence))
    labels = person_labels({row[1] for row in needing} | {row[2] for row in needing})
    return [
        FlaggedPair(
            pair_id,
            labels[mentor_id],
            labels[mentee_id],
            last_held,
            health,
            as_date(start),
            cadence,
        )
        for pair_id, mentor_id, mentee_id, last_held, health, start, cadence in needing
    ]


@dataclass(frozen=True)
class UnsignedPair:
    """A proposed pair whose agreement is not signed yet, and since when it is proposed."""

    id: int
    mentor_name: str
    mentee_name: str
    proposed_on: date


def pairs_awaiting_agreement() -> list[UnsignedPair]:
    """Proposed pairs without a signed agreement, longest waiting first, from one query."""
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    select = (
        Pair.select(Pair.id, Pair.created_at, *label_columns(mentor), *label_columns(mentee))
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where((Pair.status == PairStatus.PROPOSED.value) & Pair.agreement_signed.is_null())
        .order_by(Pair.created_at, Pair.id)
    )
    return [
        UnsignedPair(
            values[0],
            label_from(values[2 : 2 + LABEL_WIDTH]),
            label_from(values[2 + LABEL_WIDTH :]),
            as_datetime(values[1]).date(),
        )
        for values in database_proxy.execute(select).fetchall()
    ]


def pair_rows(ids: list[int], clock: Clock = system_clock) -> dict[int, PairRow]:
    """List rows of the given pairs, by id, with their health on the clock's date."""
    today = clock().date()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    rows: dict[int, PairRow] = {}
    for chunk in chunked(ids, 500):
        select = _pair_rows_select(mentor, mentee).where(Pair.id.in_(id_list(chunk)))
        for values in database_proxy.execute(select).fetchall():
            rows[values[0]] = _row(values, today)
    return rows
