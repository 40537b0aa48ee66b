"""What needs the coordinator's attention today: the Today view's list, in plain Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from revmentor_desktop.domain import cohorts, sessions
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.pairs import (
    FlaggedPair,
    PairQuery,
    PairRow,
    list_pairs,
    pairs_needing_attention,
)
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus

UPCOMING_DAYS = 7
NAMES_SHOWN = 3


class Severity(IntEnum):
    """How urgent an item is; lower sorts first."""

    RED = 0
    AMBER = 1
    INFO = 2


class AttentionKind(StrEnum):
    NO_FIRST_SESSION = "no first session"
    OVERDUE = "overdue"
    PAST_PLANNED = "past planned session"
    NO_AGREEMENT = "no agreement"
    UNPAIRED = "unpaired"
    UPCOMING = "upcoming session"


@dataclass(frozen=True)
class AttentionItem:
    kind: AttentionKind
    severity: Severity
    text: str
    target_kind: str  # "pair", "session" or "cohort": which record opens
    target_id: int


def _pair_label(row: PairRow | FlaggedPair) -> str:
    return f"{row.mentor_name} & {row.mentee_name}"


def _health_items(clock: Clock) -> list[AttentionItem]:
    items = []
    for row in pairs_needing_attention(clock):
        kind = AttentionKind.NO_FIRST_SESSION if row.last_held is None else AttentionKind.OVERDUE
        severity = Severity.RED if row.health.level == HealthLevel.RED else Severity.AMBER
        text = f"{_pair_label(row)}: {row.health.reason}"
        items.append(AttentionItem(kind, severity, text, "pair", row.id))
    return items


def _agreement_items(clock: Clock) -> list[AttentionItem]:
    proposed = list_pairs(PairQuery(status=PairStatus.PROPOSED.value), clock)
    return [
        AttentionItem(
            AttentionKind.NO_AGREEMENT,
            Severity.INFO,
            f"{_pair_label(row)}: proposed, agreement not signed yet.",
            "pair",
            row.id,
        )
        for row in proposed
        if row.agreement_signed is None
    ]


def _planned_rows(date_from: datetime | None, date_to: datetime) -> list[sessions.SessionRow]:
    query = sessions.SessionQuery(
        status=SessionStatus.PLANNED.value,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date(),
        sort_by="starts_at",
        descending=False,
    )
    return sessions.list_sessions(query)


def _session_label(row: sessions.SessionRow) -> str:
    return f"{row.mentor_name} & {row.mentee_name}, {format_datetime(row.starts_at)}"


def _past_planned_items(now: datetime) -> list[AttentionItem]:
    return [
        AttentionItem(
            AttentionKind.PAST_PLANNED,
            Severity.AMBER,
            f"{_session_label(row)}: planned session is over; mark it held or cancelled.",
            "session",
            row.id,
        )
        for row in _planned_rows(None, now)
        if row.starts_at + timedelta(minutes=row.duration_minutes) <= now
    ]


def _upcoming_items(now: datetime) -> list[AttentionItem]:
    return [
        AttentionItem(
            AttentionKind.UPCOMING,
            Severity.INFO,
            f"{_session_label(row)}: coming up.",
            "session",
            row.id,
        )
        for row in _planned_rows(now, now + timedelta(days=UPCOMING_DAYS))
        if row.starts_at + timedelta(minutes=row.duration_minutes) > now
    ]


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _unpaired_items(now: datetime) -> list[AttentionItem]:
    items = []
    running = cohorts.running_cohorts(now.date())
    unpaired = cohorts.unpaired_names_by_cohort([cohort_id for cohort_id, _ in running])
    for cohort_id, cohort_name in running:
        waiting = unpaired.get(cohort_id, [])
        if not waiting:
            continue
        noun = "1 person has" if len(waiting) == 1 else f"{len(waiting)} people have"
        text = f"{cohort_name}: {noun} no pair yet ({_names(waiting)})."
        items.append(
            AttentionItem(AttentionKind.UNPAIRED, Severity.INFO, text, "cohort", cohort_id)
        )
    return items


def attention_items(clock: Clock = system_clock) -> list[AttentionItem]:
    """Everything to look at today, most urgent first."""
    now = clock()
    items = (
        _health_items(clock)
        + _past_planned_items(now)
        + _agreement_items(clock)
        + _unpaired_items(now)
        + _upcoming_items(now)
    )
    order = list(AttentionKind)
    return sorted(items, key=lambda item: (item.severity, order.index(item.kind)))
