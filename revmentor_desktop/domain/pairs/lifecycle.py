"""The life of a pair: proposed, active, paused, completed or ended early, and the rules
for each step (when it started, why it ended)."""

from __future__ import annotations

from datetime import date

from peewee import fn

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.pairs.records import get_pair_model
from revmentor_desktop.domain.queries import as_date
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus
from revmentor_desktop.storage.models import Meeting, database_proxy


def pair_status(pair_id: int) -> tuple[str, str]:
    """The pair's status and, when it ended early, the reason."""
    pair = get_pair_model(pair_id)
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
    end_date = get_pair_model(pair_id).end_date
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
        pair = get_pair_model(pair_id)
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
