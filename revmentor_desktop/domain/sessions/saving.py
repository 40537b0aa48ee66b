"""Checking, adding, loading, saving and deleting a session; a held session before the pair's
start may move the start back, and a session may take up an item of the pair's plan."""

from __future__ import annotations

from datetime import date, datetime, time

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.sessions.records import PLAN_ITEM_UNCHANGED, SessionDraft
from revmentor_desktop.domain.text import clean_tags
from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    MeetingFormat,
    PairStatus,
    SessionStatus,
)
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person, database_proxy


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
