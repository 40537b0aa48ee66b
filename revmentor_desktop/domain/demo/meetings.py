"""The demo's sessions, spread over each pair's time at its cohort's cadence."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from revmentor_desktop.domain.demo.cohorts import (
    lower_first,
    topic_pool,
)
from revmentor_desktop.domain.demo.rows import (
    DemoPair,
    insert_rows,
    office_moment,
    random_days,
)
from revmentor_desktop.domain.demo.wording import (
    AMBER,
    CANCEL_NOTES,
    GREEN,
    MENTEE_TAKEAWAYS,
    MENTOR_TAKEAWAYS,
    RED,
)
from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    MeetingFormat,
    PairStatus,
    SessionStatus,
)
from revmentor_desktop.storage.models import (
    Meeting,
)

# --- Sessions -----------------------------------------------------------------------------

SessionValues = tuple[int, datetime, int, str, str, str, list[str], str, str, str]


def _share_out(
    total: int, pairs: list[DemoPair], today: date
) -> tuple[dict[int, int], dict[int, int]]:
    """How many past and how many planned future sessions each pair gets, ``total`` in all."""
    future: dict[int, int] = {}
    room = total // 5
    for pair in pairs:
        take = min(pair.future, room)
        if take:
            future[pair.id] = take
            room -= take
    rest = total - sum(future.values())
    past: dict[int, int] = {}
    # Pairs that show amber or red health need a held session first, so they go first.
    rank = {AMBER: 0, RED: 1, GREEN: 2}
    windowed = sorted((p for p in pairs if p.window), key=lambda p: (rank.get(p.profile, 3), p.id))
    if not windowed:
        open_pairs = [p for p in pairs if PairStatus(p.status).is_open]
        for position in range(rest if open_pairs else 0):
            pair = open_pairs[position % len(open_pairs)]
            future[pair.id] = future.get(pair.id, 0) + 1
        return past, future
    for pair in windowed[:rest]:
        past[pair.id] = 1
    rest -= len(past)
    if rest <= 0:
        return past, future
    weights = []
    for pair in windowed:
        first, last = pair.window or (today, today)
        weights.append(max(1, (last - first).days // pair.cohort.cadence + 1))
    scale = rest / sum(weights)
    shares = [weight * scale for weight in weights]
    for pair, share in zip(windowed, shares, strict=True):
        past[pair.id] += int(share)
    leftover = rest - sum(int(share) for share in shares)
    by_remainder = sorted(range(len(windowed)), key=lambda i: (int(shares[i]) - shares[i], i))
    for index in by_remainder[:leftover]:
        past[windowed[index].id] += 1
    return past, future


def _spread(rng: random.Random, first: date, last: date, count: int, cadence: int) -> list[date]:
    """``count`` dates from ``first`` to ``last``, roughly evenly, the last one on ``last``."""
    span = (last - first).days
    days = []
    for index in range(count - 1):
        offset = round(span * index / (count - 1) + rng.uniform(-cadence / 5, cadence / 5))
        days.append(first + timedelta(days=min(max(offset, 0), span)))
    days.append(last)
    return sorted(days)


def _pair_format(rng: random.Random, pair: DemoPair) -> str:
    preferred = [
        fmt
        for fmt in (pair.mentee.meeting_format, pair.mentor.meeting_format)
        if fmt != MeetingFormat.EITHER
    ]
    if preferred:
        return preferred[0]
    return rng.choice((MeetingFormat.IN_PERSON.value, MeetingFormat.VIDEO_CALL.value))


def make_sessions(
    rng: random.Random, pairs: list[DemoPair], total: int, today: date
) -> list[SessionValues]:
    past, future = _share_out(total, pairs, today)
    yesterday = today - timedelta(days=1)
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    planned = SessionStatus.PLANNED.value
    cancellers = list(CANCEL_NOTES)
    formats = [fmt.value for fmt in MeetingFormat if fmt != MeetingFormat.EITHER]
    values: list[SessionValues] = []
    for pair in pairs:
        cadence, usual_format = pair.cohort.cadence, _pair_format(rng, pair)
        pool = topic_pool(pair.cohort.kind)
        dated: list[tuple[date, str]] = []
        count = past.get(pair.id, 0)
        if count and pair.window:
            first, last = pair.window
            if pair.overdue and count >= 2 and last < yesterday:
                count -= 1
                dated.append((last + random_days(rng, 1, (yesterday - last).days), planned))
            days = _spread(rng, first, last, count, cadence)
            dated += [(day, held) for day in days[-1:]]
            dated += [(day, cancelled if rng.random() < 0.08 else held) for day in days[:-1]]
        ahead = today + random_days(rng, 1, cadence)
        for index in range(future.get(pair.id, 0)):
            dated.append((ahead + timedelta(days=index * cadence), planned))
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
                (pair.id, office_moment(day, rng), duration, meeting_format, status, str(by),
                 topics, mentor_note, mentee_note, notes)
            )  # fmt: skip
    values.sort(key=lambda row: (row[1], row[0]))
    _ensure_a_cancellation(values)
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
