"""The demo's sessions: each pair meets at its cohort's cadence, on working days and hours.

A pair's sessions form one chain a cadence apart (give or take a couple of days), counted back
from its last meeting, so a cohort report never shows more sessions held than the cadence
planned. Every session falls on a weekday that is not a bank holiday, starting at 09:00 or later
and ending by 17:30. Fewer sessions than the cadence allows thin the chains out evenly; more are
not made up: ``make_sessions`` returns what fits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from revmentor_desktop.domain.demo.cohorts import (
    lower_first,
    topic_pool,
)
from revmentor_desktop.domain.demo.holidays import (
    working_day_on_or_after,
    working_day_on_or_before,
)
from revmentor_desktop.domain.demo.rows import (
    DemoPair,
    insert_rows,
)
from revmentor_desktop.domain.demo.wording import (
    AMBER,
    CANCEL_NOTES,
    GREEN,
    MENTEE_TAKEAWAYS,
    MENTOR_TAKEAWAYS,
    RED,
)
from revmentor_desktop.domain.report_data.common import sessions_due
from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    MeetingFormat,
    SessionStatus,
)
from revmentor_desktop.storage.models import (
    Meeting,
)

SessionValues = tuple[int, datetime, int, str, str, str, list[str], str, str, str]

FIRST_START = time(9, 0)
LAST_END = time(17, 30)
START_HOURS = (9, 10, 11, 13, 14, 15, 16)
START_MINUTES = (0, 0, 15, 30, 30, 45)
FUTURE_SHARE = 5  # at most one session in five is still to come


def jitter_days(cadence: int) -> int:
    """How far a session may drift from the cadence: a couple of days, less for short ones."""
    return max(1, cadence // 10)


@dataclass
class _PairPlan:
    """The dates a pair could meet on: held (oldest first), one late to mark, and ahead."""

    pair: DemoPair
    past: list[date] = field(default_factory=list)
    late: list[date] = field(default_factory=list)
    ahead: list[date] = field(default_factory=list)


def _step(rng: random.Random, cadence: int) -> timedelta:
    jitter = jitter_days(cadence)
    return timedelta(days=cadence + rng.randint(-jitter, jitter))


def _chain_back(rng: random.Random, first: date, last: date, cadence: int) -> list[date]:
    """Working days a cadence apart from ``last`` back to ``first``, oldest first."""
    day = working_day_on_or_before(last)
    days = []
    while day >= first:
        days.append(day)
        day = working_day_on_or_before(day - _step(rng, cadence))
    return days[::-1]


def _chain_on(
    rng: random.Random, after: date, cadence: int, count: int, not_before: date
) -> list[date]:
    """``count`` working days a cadence apart after ``after``, none before ``not_before``."""
    days = []
    day = after
    for _ in range(count):
        day = working_day_on_or_after(max(day + _step(rng, cadence), not_before))
        days.append(day)
    return days


def _within_due(rng: random.Random, days: list[date], due: int) -> list[date]:
    """Leave out sessions the cadence did not plan yet: missed ones, never the last."""
    days = list(days)
    while len(days) > max(due, 0):
        if len(days) <= 2:
            days.pop(0)
        else:
            days.pop(rng.randrange(1, len(days) - 1))
    return days


def _plan(rng: random.Random, pair: DemoPair, today: date) -> _PairPlan:
    plan = _PairPlan(pair)
    cohort, cadence = pair.cohort, pair.cohort.cadence
    if pair.window:
        first, last = pair.window
        start, end = pair.start or cohort.start, pair.end or cohort.end
        due = sessions_due(start, end, cadence, today)
        plan.past = _within_due(rng, _chain_back(rng, first, last, cadence), due)
    chain_from = plan.past[-1] if plan.past else today - timedelta(days=rng.randint(0, cadence))
    if pair.overdue and plan.past:
        late = working_day_on_or_before(chain_from + _step(rng, cadence))
        if late < today and late - chain_from >= timedelta(days=cadence - jitter_days(cadence)):
            plan.late, chain_from = [late], late
    while chain_from + timedelta(days=cadence) <= today:  # the chain's next link after today
        chain_from += timedelta(days=cadence)
    plan.ahead = _chain_on(rng, chain_from, cadence, pair.future, today + timedelta(days=1))
    return plan


def _evenly(days: list[date], count: int) -> list[date]:
    """``count`` of the days, spread evenly and always with the last (it sets the health)."""
    if count >= len(days):
        return days
    if count <= 0:
        return []
    if count == 1:
        return days[-1:]
    step = (len(days) - 1) / (count - 1)
    return [days[round(index * step)] for index in range(count)]


def _ration(plans: list[_PairPlan], total: int) -> None:
    """Cut the plans down to ``total`` sessions when they hold more.

    Every pair first keeps its last held session (amber and red pairs first, as their health
    shows only with one), then sessions to mark and to come take up to a fifth, and the rest of
    the held ones are shared out in proportion to what each pair could have held.
    """
    capacity = sum(len(plan.past) + len(plan.late) + len(plan.ahead) for plan in plans)
    if total >= capacity:
        return
    rank = {AMBER: 0, RED: 1, GREEN: 2}
    order = sorted(plans, key=lambda plan: (rank.get(plan.pair.profile, 3), plan.pair.id))
    keep = {id(plan): 0 for plan in plans}
    budget = total
    for plan in order:
        if plan.past and budget:
            keep[id(plan)], budget = 1, budget - 1
    extra = [max(0, len(plan.past) - 1) for plan in plans]
    to_come = sum(len(plan.late) + len(plan.ahead) for plan in plans)
    room = min(budget, to_come, max(total // FUTURE_SHARE, budget - sum(extra)))
    for plan in order:
        plan.late = plan.late[: min(len(plan.late), room)]
        room -= len(plan.late)
        plan.ahead = plan.ahead[: min(len(plan.ahead), room)]
        room -= len(plan.ahead)
        budget -= len(plan.late) + len(plan.ahead)
    if sum(extra) and budget > 0:
        shares = [count * budget / sum(extra) for count in extra]
        for plan, share in zip(plans, shares, strict=True):
            keep[id(plan)] += int(share)
        leftover = budget - sum(int(share) for share in shares)
        by_remainder = sorted(range(len(plans)), key=lambda i: (int(shares[i]) - shares[i], i))
        for index in by_remainder[:leftover]:
            keep[id(plans[index])] += 1
    for plan in plans:
        plan.past = _evenly(plan.past, keep[id(plan)])


def _meeting_time(rng: random.Random, day: date, minutes: int) -> datetime:
    """A start in working hours that lets the session end by ``LAST_END``."""
    latest = datetime.combine(day, LAST_END) - timedelta(minutes=minutes)
    starts = [
        datetime.combine(day, time(hour, minute))
        for hour in START_HOURS
        for minute in START_MINUTES
    ]
    fitting = [moment for moment in starts if moment <= latest]
    return rng.choice(fitting or [datetime.combine(day, FIRST_START)])


def make_sessions(
    rng: random.Random, pairs: list[DemoPair], total: int | None, today: date
) -> list[SessionValues]:
    """The pairs' sessions: ``total`` of them, or fewer when the cadence allows no more
    (``None``: as many as it allows)."""
    plans = [_plan(rng, pair, today) for pair in pairs]
    if total is not None:
        _ration(plans, total)
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    planned = SessionStatus.PLANNED.value
    values: list[SessionValues] = []
    for plan in plans:
        dated = [(day, cancelled if rng.random() < 0.08 else held) for day in plan.past[:-1]]
        dated += [(day, held) for day in plan.past[-1:]]
        dated += [(day, planned) for day in plan.late + plan.ahead]
        values += _session_values(rng, plan.pair, dated)
    values.sort(key=lambda row: (row[1], row[0]))
    _ensure_a_cancellation(values)
    return values


def _pair_format(rng: random.Random, pair: DemoPair) -> str:
    preferred = [
        fmt
        for fmt in (pair.mentee.meeting_format, pair.mentor.meeting_format)
        if fmt != MeetingFormat.EITHER
    ]
    if preferred:
        return preferred[0]
    return rng.choice((MeetingFormat.IN_PERSON.value, MeetingFormat.VIDEO_CALL.value))


def _session_values(
    rng: random.Random, pair: DemoPair, dated: list[tuple[date, str]]
) -> list[SessionValues]:
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    planned = SessionStatus.PLANNED.value
    cancellers = list(CANCEL_NOTES)
    formats = [fmt.value for fmt in MeetingFormat if fmt != MeetingFormat.EITHER]
    usual_format = _pair_format(rng, pair)
    pool = topic_pool(pair.cohort.kind)
    values: list[SessionValues] = []
    for day, status in dated:
        topics = rng.sample(pair.focus, min(len(pair.focus), rng.randint(1, 2)))
        if rng.random() < 0.15:
            extra = rng.choice(pool)
            if extra not in topics:
                topics.append(extra)
        by = rng.choices(cancellers, weights=(40, 40, 20))[0] if status == cancelled else ""
        mentor_note = mentee_note = notes = ""
        if status == held and rng.random() < 0.8:
            topic = lower_first(topics[0])
            mentor_note = rng.choice(MENTOR_TAKEAWAYS).format(topic=topic)
            mentee_note = rng.choice(MENTEE_TAKEAWAYS).format(topic=topic)
        elif status == cancelled:
            notes = rng.choice(CANCEL_NOTES[by])
        elif status == planned and rng.random() < 0.5:
            notes = "Agenda: " + ", ".join(map(lower_first, topics)) + "."
        duration = pair.cohort.minutes
        if rng.random() < 0.1:
            duration = max(15, duration + rng.choice((-15, 15, 30)))
        meeting_format = usual_format if rng.random() < 0.85 else rng.choice(formats)
        values.append(
            (pair.id, _meeting_time(rng, day, duration), duration, meeting_format, status,
             str(by), topics, mentor_note, mentee_note, notes)
        )  # fmt: skip
    return values


def _ensure_a_cancellation(values: list[SessionValues]) -> None:
    """Cancel one held session, not a pair's last, when chance cancelled none."""
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    if any(row[4] == cancelled for row in values):
        return
    last_held: dict[int, datetime] = {}
    for row in values:
        if row[4] == held:
            last_held[row[0]] = max(row[1], last_held.get(row[0], row[1]))
    for index, row in enumerate(values):
        if row[4] == held and row[1] < last_held[row[0]]:
            who = CancelledBy.MENTEE
            values[index] = (*row[:4], cancelled, who.value, row[6], "", "", CANCEL_NOTES[who][0])
            return


def insert_meetings(values: list[SessionValues], first_id: int) -> None:
    fields = [
        Meeting.id, Meeting.pair, Meeting.starts_at, Meeting.duration_minutes,
        Meeting.meeting_format, Meeting.status, Meeting.cancelled_by, Meeting.topics,
        Meeting.mentor_takeaways, Meeting.mentee_takeaways, Meeting.notes,
    ]  # fmt: skip
    rows = [(first_id + index, *row) for index, row in enumerate(values)]
    insert_rows(Meeting, fields, rows)
