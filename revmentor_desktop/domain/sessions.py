"""Sessions: the meetings of a pair, planned, held or cancelled, and what each side took away."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from peewee import Case, chunked, fn

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_datetime,
    contains_folded,
    get_or_not_found,
    id_list,
    sort_order,
)
from revmentor_desktop.domain.text import clean_tags
from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    MeetingFormat,
    PairStatus,
    SessionStatus,
)
from revmentor_desktop.storage.counting import count_where
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person, database_proxy

# A draft's plan item when the caller does not say: an edit leaves the session's item as it is.
PLAN_ITEM_UNCHANGED = -1


@dataclass
class SessionDraft:
    pair_id: int
    starts_at: datetime
    duration_minutes: int = 60
    meeting_format: str = MeetingFormat.IN_PERSON.value
    status: str = SessionStatus.PLANNED.value
    cancelled_by: str = ""
    topics: list[str] = field(default_factory=list)
    mentor_takeaways: str = ""
    mentee_takeaways: str = ""
    notes: str = ""
    plan_item_id: int | None = PLAN_ITEM_UNCHANGED  # the item of the pair's plan it takes up


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions list. The names are labels: with what tells a person apart
    from someone of the same name (see ``namesakes``)."""

    id: int
    pair_id: int
    cohort_name: str
    mentor_name: str
    mentee_name: str
    starts_at: datetime
    duration_minutes: int
    meeting_format: str
    status: str
    cancelled_by: str
    topics: list[str]


@dataclass
class SessionQuery:
    search: str = ""
    pair_id: int | None = None
    cohort_id: int | None = None
    person_id: int | None = None
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort_by: str = "starts_at"
    descending: bool = True


def start_date_conflict(draft: SessionDraft) -> date | None:
    """The pair's start date when this held session comes before it, else None.

    The window offers to move the start date back to the session instead of refusing it.
    """
    if draft.status != SessionStatus.HELD:
        return None
    pair = Pair.get_or_none(Pair.id == draft.pair_id)
    started = pair.start_date if pair is not None else None
    return started if started and draft.starts_at.date() < started else None


def validate_session(
    draft: SessionDraft, today: date, *, moving_start: bool = False
) -> dict[str, str]:
    """Problems by field; ``moving_start``: a session before the pair's start date is fine,
    because the pair's start date moves back to it on saving."""
    problems: dict[str, str] = {}
    pair = Pair.get_or_none(Pair.id == draft.pair_id)
    if pair is None:
        problems["pair_id"] = "Choose the pair that met."
    if not 5 <= draft.duration_minutes <= 600:
        problems["duration_minutes"] = "A session lasts between 5 minutes and 10 hours."
    if draft.status not in {item.value for item in SessionStatus}:
        problems["status"] = "Choose planned, held or cancelled."
    elif draft.status == SessionStatus.HELD and draft.starts_at.date() > today:
        problems["starts_at"] = "A session in the future cannot have been held yet."
    elif draft.status == SessionStatus.CANCELLED and draft.cancelled_by not in {
        item.value for item in CancelledBy
    }:
        problems["cancelled_by"] = "Say who cancelled: the mentor, the mentee or the coordinator."
    if draft.meeting_format not in {item.value for item in MeetingFormat}:
        problems["meeting_format"] = f"Unknown meeting format “{draft.meeting_format}”."
    if not moving_start and (started := start_date_conflict(draft)):
        problems["starts_at"] = (
            f"The pair started on {format_date(started)}; a session cannot be earlier."
        )
    return {**problems, **limits.too_long(draft, limits.SESSION)}


def _apply(meeting: Meeting, draft: SessionDraft) -> None:
    meeting.pair = draft.pair_id
    meeting.starts_at = draft.starts_at.replace(microsecond=0)
    meeting.duration_minutes = draft.duration_minutes
    meeting.meeting_format = draft.meeting_format
    meeting.status = draft.status
    meeting.cancelled_by = draft.cancelled_by if draft.status == SessionStatus.CANCELLED else ""
    meeting.topics = clean_tags(draft.topics)
    meeting.mentor_takeaways = draft.mentor_takeaways
    meeting.mentee_takeaways = draft.mentee_takeaways
    meeting.notes = draft.notes


def _move_pair_start(draft: SessionDraft) -> None:
    """Start the pair on the day of this held session, when the session comes first."""
    if start_date_conflict(draft) is not None:
        Pair.update(start_date=draft.starts_at.date()).where(Pair.id == draft.pair_id).execute()


def add_session(
    draft: SessionDraft, clock: Clock = system_clock, *, move_pair_start: bool = False
) -> int:
    """Save a new session; ``move_pair_start`` moves the pair's start back to it if needed."""
    with database_proxy.atomic():
        if move_pair_start:
            _move_pair_start(draft)
        problems = validate_session(draft, clock().date())
        if problems:
            raise ValidationError(problems)
        pair = Pair.get_by_id(draft.pair_id)
        if not PairStatus(pair.status).is_open and draft.status == SessionStatus.PLANNED:
            raise RuleViolation(f"The pair is {pair.status}; it has no more sessions to plan.")
        meeting = Meeting()
        _apply(meeting, draft)
        meeting.save()
        _take_up_plan_item(meeting, draft)
    return int(meeting.id)


def _take_up_plan_item(meeting: Meeting, draft: SessionDraft) -> None:
    if draft.plan_item_id != PLAN_ITEM_UNCHANGED:
        pair_plans.take_up(int(meeting.id), draft.pair_id, draft.plan_item_id)


def default_session_for(pair_id: int, clock: Clock = system_clock) -> SessionDraft:
    """A held session today with the cohort's usual length: the quick "Log a session" entry."""
    pair = get_or_not_found(Pair, pair_id, "pair")
    cohort = Cohort.get_by_id(pair.cohort_id)
    mentee = Person.get_by_id(pair.mentee_id)
    now = clock()
    start = datetime.combine(now.date(), time(now.hour, 0))
    return SessionDraft(
        pair_id=pair_id,
        starts_at=start,
        duration_minutes=cohort.session_minutes,
        meeting_format=_format_for(mentee.meeting_format),
        status=SessionStatus.HELD.value,
    )


def _format_for(preferred: str) -> str:
    return MeetingFormat.IN_PERSON.value if preferred == MeetingFormat.EITHER else preferred


def update_session(
    session_id: int,
    draft: SessionDraft,
    clock: Clock = system_clock,
    *,
    move_pair_start: bool = False,
    base: Loaded[SessionDraft] | None = None,
) -> None:
    """Save the session; refused with ``EditConflict`` when ``base`` is older than the row."""
    with database_proxy.atomic():
        refuse_if_moved(
            Meeting, session_id, base, draft, lambda: get_session(session_id), "session"
        )
        meeting = _get(session_id)
        if move_pair_start:
            _move_pair_start(draft)
        problems = validate_session(draft, clock().date())
        if problems:
            raise ValidationError(problems)
        _apply(meeting, draft)
        meeting.sequence += 1
        meeting.save()
        _take_up_plan_item(meeting, draft)


def _get(session_id: int) -> Meeting:
    return get_or_not_found(Meeting, session_id, "session")


def load_session(session_id: int) -> Loaded[SessionDraft]:
    """The session as an editing dialog loads it: with the version its save is checked against."""
    return load(Meeting, session_id, lambda: get_session(session_id))


def get_session(session_id: int) -> SessionDraft:
    meeting = _get(session_id)
    return SessionDraft(
        pair_id=meeting.pair_id,
        starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes,
        meeting_format=meeting.meeting_format,
        status=meeting.status,
        cancelled_by=meeting.cancelled_by,
        topics=list(meeting.topics),
        mentor_takeaways=meeting.mentor_takeaways,
        mentee_takeaways=meeting.mentee_takeaways,
        notes=meeting.notes,
        plan_item_id=pair_plans.item_of_session(session_id),
    )


def delete_sessions(session_ids: list[int]) -> None:
    with database_proxy.atomic():
        Meeting.delete().where(Meeting.id.in_(session_ids)).execute()


def _session_select(query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    select = (
        Meeting.select(
            Meeting.id,
            Meeting.pair,
            Cohort.name,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.meeting_format,
            Meeting.status,
            Meeting.cancelled_by,
            Meeting.topics,
            *label_columns(mentor),
            *label_columns(mentee),
        )
        .join(Pair, on=(Meeting.pair == Pair.id))
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
    )
    return _filter_sessions(select, query, mentor, mentee)


def _sort_keys(mentor: Any, mentee: Any) -> dict[str, Any]:
    return {
        "starts_at": Meeting.starts_at,
        "cohort": Cohort.name,
        "mentor": mentor.name,
        "mentee": mentee.name,
        "duration": Meeting.duration_minutes,
        "format": Meeting.meeting_format,
        "status": Meeting.status,
    }


def _filter_sessions(select: Any, query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    if query.pair_id is not None:
        select = select.where(Meeting.pair == query.pair_id)
    if query.cohort_id is not None:
        select = select.where(Pair.cohort == query.cohort_id)
    if query.person_id is not None:
        select = select.where((Pair.mentor == query.person_id) | (Pair.mentee == query.person_id))
    if query.status:
        select = select.where(Meeting.status == query.status)
    if query.date_from is not None:
        select = select.where(Meeting.starts_at >= datetime.combine(query.date_from, time.min))
    if query.date_to is not None:
        select = select.where(Meeting.starts_at <= datetime.combine(query.date_to, time.max))
    if query.search.strip():
        select = select.where(
            contains_folded(mentor.search_key, query.search)
            | contains_folded(mentee.search_key, query.search)
            | Meeting.topics.contains(query.search.strip())
        )
    return select


def session_ids(query: SessionQuery | None = None) -> OrderedIds:
    """Ids of matching sessions in the query's order; filtered and sorted in SQL.

    Only the tables the filters and the sort need are joined, and the count joins none the
    sort alone needs: on 100,000 sessions the difference is several times the whole budget of
    a keystroke.
    """
    query = query or SessionQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    filter_needs = _tables_for_filter(query)
    sort_needs = _SORT_NEEDS.get(query.sort_by, frozenset())

    def joined(needed: frozenset[str]) -> Any:
        select = _join_needed(Meeting.select(Meeting.id), needed, mentor, mentee)
        return _filter_sessions(select, query, mentor, mentee)

    ordered = _ordered(joined(filter_needs | sort_needs), query, mentor, mentee)
    return OrderedIds.of_query(ordered, counted=joined(filter_needs))


_SORT_NEEDS = {
    "cohort": frozenset({"pair", "cohort"}),
    "mentor": frozenset({"pair", "mentor"}),
    "mentee": frozenset({"pair", "mentee"}),
}


def _tables_for_filter(query: SessionQuery) -> frozenset[str]:
    if query.search.strip():
        return frozenset({"pair", "mentor", "mentee"})
    if query.cohort_id is not None or query.person_id is not None:
        return frozenset({"pair"})
    return frozenset()


def _join_needed(select: Any, needed: frozenset[str], mentor: Any, mentee: Any) -> Any:
    """``select`` of sessions with the ``needed`` tables joined: "pair", "cohort", "mentor",
    "mentee" (each of the last three needs "pair")."""
    if "pair" in needed:
        select = select.join_from(Meeting, Pair, on=(Meeting.pair == Pair.id))
    if "cohort" in needed:
        select = select.join_from(Pair, Cohort, on=(Pair.cohort == Cohort.id))
    if "mentor" in needed:
        select = select.join_from(Pair, mentor, on=(Pair.mentor == mentor.id))
    if "mentee" in needed:
        select = select.join_from(Pair, mentee, on=(Pair.mentee == mentee.id))
    return select


def _ordered(select: Any, query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    column = _sort_keys(mentor, mentee).get(query.sort_by, Meeting.starts_at)
    return select.order_by(sort_order(column, query.descending), Meeting.id)


_MENTOR_LABEL = 9  # where the mentor's label columns start in ``_session_select``
_MENTEE_LABEL = _MENTOR_LABEL + LABEL_WIDTH


def _row(values: tuple[Any, ...]) -> SessionRow:
    session_id, pair_id, cohort_name, starts_at, minutes, meeting_format, status, by, topics = (
        values[:_MENTOR_LABEL]
    )
    return SessionRow(
        id=session_id,
        pair_id=pair_id,
        cohort_name=cohort_name,
        mentor_name=label_from(values[_MENTOR_LABEL:_MENTEE_LABEL]),
        mentee_name=label_from(values[_MENTEE_LABEL:]),
        starts_at=as_datetime(starts_at),
        duration_minutes=minutes,
        meeting_format=meeting_format,
        status=status,
        cancelled_by=by,
        topics=_topics(topics),
    )


def _topics(value: object) -> list[str]:
    """Rows read straight from the cursor hold the JSON text; peewee's tuples the list."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return Meeting.topics.python_value(value)


def session_rows(ids: list[int]) -> dict[int, SessionRow]:
    mentor, mentee = Person.alias("mentor"), Person.alias("mentee")
    rows: dict[int, SessionRow] = {}
    for chunk in chunked(ids, 500):
        select = _session_select(SessionQuery(), mentor, mentee).where(
            Meeting.id.in_(id_list(chunk))
        )
        for values in database_proxy.execute(select).fetchall():
            rows[values[0]] = _row(values)
    return rows


def list_sessions(query: SessionQuery | None = None) -> list[SessionRow]:
    """Sessions matching ``query``, with the people's labels, filtered and sorted in SQL, in
    one query."""
    query = query or SessionQuery()
    mentor, mentee = Person.alias("mentor"), Person.alias("mentee")
    select = _session_select(query, mentor, mentee)
    cursor = database_proxy.execute(_ordered(select, query, mentor, mentee))
    return [_row(values) for values in cursor.fetchall()]


@dataclass(frozen=True)
class PersonSessions:
    """How many sessions a person has had and has planned, across all their pairs."""

    held: int
    planned: int
    last_held: datetime | None

    def summary(self) -> str:
        return f"{self.held} held, {self.planned} planned"


def person_sessions(person_id: int) -> PersonSessions:
    """A person's session counts, counted in SQL rather than by listing every session."""
    select = (
        Meeting.select(
            count_where(Meeting.status == SessionStatus.HELD.value),
            count_where(Meeting.status == SessionStatus.PLANNED.value),
            fn.MAX(Case(None, [(Meeting.status == SessionStatus.HELD.value, Meeting.starts_at)])),
        )
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where((Pair.mentor == person_id) | (Pair.mentee == person_id))
    )
    held, planned, last_held = database_proxy.execute(select).fetchone()
    return PersonSessions(held or 0, planned or 0, as_datetime(last_held) if last_held else None)


# The periods the sessions list filters by, as (label, key).
SESSION_PERIODS = (
    ("Upcoming", "upcoming"),
    ("Past 30 days", "past_30"),
    ("This month", "this_month"),
    ("Next month", "next_month"),
    ("This year", "this_year"),
)

DateRange = tuple[date | None, date | None]


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month; ``month`` 13 is January of the next year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def period_range(period: str, today: date) -> DateRange:
    """First and last day of a named period around ``today`` (None: open-ended)."""
    if period == "upcoming":
        return today, None
    if period == "past_30":
        return today - timedelta(days=30), today
    if period == "this_month":
        return month_range(today.year, today.month)
    if period == "next_month":
        return month_range(today.year, today.month + 1)
    if period == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None
