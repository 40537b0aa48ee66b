"""Gathering the programme figures of one or more cohorts over a period, from a few grouped
queries: nothing here runs a query per pair or per person.

How each figure is counted:

- **Funnel**: enrolled → paired → agreement signed → first session → three or more sessions
  → completed. A pair reaches a step when it reached every step before it too; a person
  (one enrolment) reaches the furthest step of any of their pairs in that cohort. With a
  period, the funnel is the cohorts as they stood at its end: sessions held, agreements
  signed and pairs completed by then (the file keeps no date for enrolling or pairing).
- **Health now**: the active pairs today, judged as the pairs list judges them.
- **Health by week**: the pairs running at the end of each week of the period (to today).
  A paused pair is left out: the file does not record when it paused.
- **Sessions**: held sessions, their hours and planned ones (``sessions_due``: one per
  cadence period since each started pair's start date, up to its end date), per month.
- **Topics**: focus areas of the pairs running in the period, topics of held sessions in it.
- **Ended early**: pairs that ended early in the period, by reason, thresholded.
- **Outcomes**: ``outcome_figures`` of the cohorts over the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any

from peewee import SQL, fn

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.health import pair_health
from revmentor_desktop.domain.outcomes.figures import outcome_figures
from revmentor_desktop.domain.planned_sessions import sessions_due
from revmentor_desktop.domain.programme_figures.records import (
    RUNNING_LEVELS,
    CohortRef,
    Comparison,
    EndReason,
    EndReasons,
    Funnel,
    FunnelStep,
    HealthCount,
    HealthWeek,
    MonthFigures,
    ProgrammeFigures,
    Sessions,
    TopicCount,
    Topics,
)
from revmentor_desktop.domain.programme_figures.weekly import (
    RunningSpan,
    health_by_week,
    week_endings,
)
from revmentor_desktop.domain.queries import as_date, id_list
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus, agree, plural
from revmentor_desktop.storage.models import (
    Cohort,
    Meeting,
    Pair,
    Participation,
    database_proxy,
)

FUNNEL_STEPS = (
    ("enrolled", "Enrolled"),
    ("paired", "Paired"),
    ("agreement", "Agreement signed"),
    ("first-session", "First session held"),
    ("three-sessions", "Three or more sessions"),
    ("completed", "Completed"),
)
NO_REASON = "No reason recorded"
# SQLite's day number of 1 January of year 1 is 1721425.5; Python's ordinal of it is 1.
_ORDINAL_OFFSET = 1721424.5


def _rows(query: Any) -> list[tuple[Any, ...]]:
    """Rows straight from the cursor: peewee's per-value conversion costs more than the query."""
    return database_proxy.execute(query).fetchall()


def _day_number(column: Any) -> Any:
    """A date or date-and-time column as ``date.toordinal()`` numbers it, computed by SQLite."""
    return (fn.julianday(fn.substr(column, 1, 10)) - _ORDINAL_OFFSET).cast("INTEGER")


# --- The selection ---------------------------------------------------------------------------


def _cohort_refs(cohort_ids: Sequence[int] | None) -> tuple[CohortRef, ...]:
    query = Cohort.select(Cohort.id, Cohort.name).order_by(Cohort.start_date, Cohort.name)
    if cohort_ids is not None:
        query = query.where(Cohort.id.in_(id_list(cohort_ids)))
    found = tuple(CohortRef(cohort_id, name) for cohort_id, name in _rows(query))
    missing = sorted(set(cohort_ids or ()) - {cohort.id for cohort in found})
    if missing:
        raise NotFound(f"There is no cohort with number {', '.join(map(str, missing))}.")
    return found


class _Pairs:
    """The pairs of the chosen cohorts, with what each figure needs of them (one query each
    for the pairs and for their held sessions, grouped)."""

    def __init__(self, cohort_ids: Sequence[int], period: Period | None, today: date) -> None:
        self.period = period
        self.today = today
        rows = _rows(
            Pair.select(
                Pair.id,
                Pair.cohort,
                Pair.mentor,
                Pair.mentee,
                Pair.status,
                Pair.start_date,
                Pair.end_date,
                Pair.agreement_signed,
                Cohort.cadence_days,
                Cohort.end_date,
            )
            .join(Cohort, on=(Pair.cohort == Cohort.id))
            .where(Pair.cohort.in_(id_list(cohort_ids)))
            .order_by(Pair.id)
        )
        self.rows = [
            (pair_id, cohort, mentor, mentee, status, as_date(start), as_date(end),
             as_date(signed), cadence, as_date(cohort_end))
            for pair_id, cohort, mentor, mentee, status, start, end, signed, cadence, cohort_end
            in rows
        ]  # fmt: skip
        self.held = self._held(cohort_ids)

    def _held(self, cohort_ids: Sequence[int]) -> dict[int, tuple[int, date | None]]:
        """Per pair: sessions held by the end of the period, and the last held ever."""
        held = Meeting.status == SessionStatus.HELD.value
        by_end = held if self.period is None else held & (Meeting.starts_at < _after(self.period))
        query = (
            Meeting.select(
                Meeting.pair,
                fn.SUM(by_end.cast("INTEGER")),
                fn.MAX(Meeting.starts_at),
            )
            .join(Pair, on=(Meeting.pair == Pair.id))
            .where(Pair.cohort.in_(id_list(cohort_ids)) & held)
            .group_by(Meeting.pair)
        )
        return {pair_id: (int(count or 0), as_date(last)) for pair_id, count, last in _rows(query)}


def _after(period: Period) -> datetime:
    """The first moment after the period, for ``starts_at < ...``."""
    return datetime.combine(period.last + timedelta(days=1), time.min)


def _within(column: Any, period: Period | None) -> Any:
    if period is None:
        return SQL("1 = 1")
    return (column >= datetime.combine(period.first, time.min)) & (column < _after(period))


# --- Funnel ----------------------------------------------------------------------------------


def _pair_step(pairs: _Pairs, row: tuple[Any, ...]) -> int:
    """How far along the funnel a pair got by the end of the period (1 = paired)."""
    pair_id, _, _, _, status, _, end, signed, _, _ = row
    cut_off = pairs.period.last if pairs.period else None
    held = pairs.held.get(pair_id, (0, None))[0]
    reached = [
        signed is not None and (cut_off is None or signed <= cut_off),
        held >= 1,
        held >= 3,
        status == PairStatus.COMPLETED and (cut_off is None or (end or pairs.today) <= cut_off),
    ]
    step = 1
    for passed in reached:
        if not passed:
            break
        step += 1
    return step


def _funnel(cohort_ids: Sequence[int], pairs: _Pairs) -> Funnel:
    enrolments = _rows(
        Participation.select(Participation.cohort, Participation.person).where(
            Participation.cohort.in_(id_list(cohort_ids))
        )
    )
    furthest: dict[tuple[int, int], int] = {}
    pairs_by_step: dict[int, list[int]] = defaultdict(list)
    for row in pairs.rows:
        step = _pair_step(pairs, row)
        pairs_by_step[step].append(row[0])
        for person in (row[2], row[3]):
            key = (row[1], person)
            furthest[key] = max(furthest.get(key, 0), step)
    steps: list[FunnelStep] = []
    enrolled = len(enrolments)
    for index, (key, label) in enumerate(FUNNEL_STEPS):
        reached = [enrolment for enrolment in enrolments if furthest.get(enrolment, 0) >= index]
        before = steps[-1].count if steps else len(reached)
        drop = before - len(reached)
        steps.append(
            FunnelStep(
                key=key,
                label=label,
                count=len(reached),
                share_of_enrolled=len(reached) / enrolled if enrolled else None,
                drop_out=drop,
                drop_out_share=drop / before if before else None,
                person_ids=tuple(sorted({person for _, person in reached})),
                pair_ids=tuple(
                    sorted(
                        pid for step, ids in pairs_by_step.items() if step >= index for pid in ids
                    )
                )
                if index
                else (),
            )
        )
    return Funnel(tuple(steps))


# --- Health ----------------------------------------------------------------------------------


def _health_now(pairs: _Pairs) -> tuple[HealthCount, ...]:
    by_level: dict[Any, list[int]] = defaultdict(list)
    for pair_id, _, _, _, status, start, _, _, cadence, _ in pairs.rows:
        if status != PairStatus.ACTIVE:
            continue
        last = pairs.held.get(pair_id, (0, None))[1]
        by_level[pair_health(status, start, last, cadence, pairs.today).level].append(pair_id)
    return tuple(
        HealthCount(level, len(by_level[level]), tuple(by_level[level])) for level in RUNNING_LEVELS
    )


def _running_until(status: str, end: date | None, last: date | None, today: date) -> date | None:
    """The last day a pair was running: today for an active pair, the day before it ended
    for a finished one; None for a pair that is not followed (proposed or paused)."""
    if status == PairStatus.ACTIVE:
        return today
    if status in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY):
        finished = end or last or today
        return finished - timedelta(days=1)
    return None


def _health_weeks(cohort_ids: Sequence[int], pairs: _Pairs) -> tuple[HealthWeek, ...]:
    spans: dict[int, tuple[int, int, int]] = {}
    for pair_id, _, _, _, status, start, end, _, cadence, _ in pairs.rows:
        last = pairs.held.get(pair_id, (0, None))[1]
        stop = _running_until(status, end, last, pairs.today)
        if start is not None and stop is not None and stop >= start:
            spans[pair_id] = (start.toordinal(), stop.toordinal(), cadence)
    if not spans:
        return ()
    first = date.fromordinal(min(start for start, _, _ in spans.values()))
    last_day = pairs.today
    if pairs.period is not None:
        first, last_day = pairs.period.first, min(pairs.period.last, pairs.today)
    weeks = week_endings(first, last_day)
    if not weeks:
        return ()
    followed = [PairStatus.ACTIVE.value, PairStatus.COMPLETED.value, PairStatus.ENDED_EARLY.value]
    day = _day_number(Meeting.starts_at)
    held = _rows(
        Meeting.select(Meeting.pair, day)
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where(
            Pair.cohort.in_(id_list(cohort_ids))
            & Pair.status.in_(followed)
            & (Meeting.status == SessionStatus.HELD.value)
            & (Meeting.starts_at < datetime.combine(weeks[-1] + timedelta(days=1), time.min))
        )
        .order_by(Meeting.pair, Meeting.starts_at)
    )
    days = {pair_id: [row[1] for row in group] for pair_id, group in groupby(held, lambda r: r[0])}
    return health_by_week(
        (
            RunningSpan(start, stop, cadence, days.get(pair_id, ()))
            for pair_id, (start, stop, cadence) in spans.items()
        ),
        weeks,
    )


# --- Sessions --------------------------------------------------------------------------------


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _planned_groups(cohort_ids: Sequence[int]) -> list[tuple[date, date | None, int, int]]:
    """Started pairs grouped by what their plan depends on: start, end and cadence."""
    end = fn.COALESCE(Pair.end_date, Cohort.end_date)
    query = (
        Pair.select(Pair.start_date, end, Cohort.cadence_days, fn.COUNT(Pair.id))
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .where(
            Pair.cohort.in_(id_list(cohort_ids))
            & (Pair.status != PairStatus.PROPOSED.value)
            & Pair.start_date.is_null(False)
            & (Cohort.cadence_days > 0)
        )
        .group_by(Pair.start_date, end, Cohort.cadence_days)
    )
    return [
        (start, finish, cadence, count)
        for start, finish, cadence, count in (
            (as_date(a), as_date(b), c, n) for a, b, c, n in _rows(query)
        )
        if start is not None
    ]


def _planned_between(
    groups: list[tuple[date, date | None, int, int]], first: date, last: date, today: date
) -> int:
    """Sessions planned from ``first`` to ``last`` (both included), as ``sessions_due`` counts
    them: the number due by ``last`` less the number due the day before ``first``."""
    before = first - timedelta(days=1)
    total = 0
    for start, end, cadence, count in groups:
        due_by_last = sessions_due(start, end, cadence, min(last, today)) or 0
        due_before = (
            sessions_due(start, end, cadence, min(before, today)) or 0 if before >= start else 0
        )
        total += count * (due_by_last - due_before)
    return total


def _sessions(cohort_ids: Sequence[int], period: Period | None, today: date) -> Sessions:
    in_cohorts = Pair.cohort.in_(id_list(cohort_ids))
    month = fn.substr(Meeting.starts_at, 1, 7)
    held_by_month = {
        (int(key[:4]), int(key[5:7])): (count, int(minutes or 0))
        for key, count, minutes in _rows(
            Meeting.select(month, fn.COUNT(Meeting.id), fn.SUM(Meeting.duration_minutes))
            .join(Pair, on=(Meeting.pair == Pair.id))
            .where(
                in_cohorts
                & (Meeting.status == SessionStatus.HELD.value)
                & _within(Meeting.starts_at, period)
            )
            .group_by(month)
        )
    }
    by_status = dict(
        _rows(
            Meeting.select(Meeting.status, fn.COUNT(Meeting.id))
            .join(Pair, on=(Meeting.pair == Pair.id))
            .where(in_cohorts & _within(Meeting.starts_at, period))
            .group_by(Meeting.status)
        )
    )
    groups = _planned_groups(cohort_ids)
    first, last = _month_range(held_by_month, groups, period, today)
    months: list[MonthFigures] = []
    if first is not None and last is not None:
        year, number = first
        while (year, number) <= last:
            month_first = _month_start(year, number)
            month_last = _month_start(*_next_month(year, number)) - timedelta(days=1)
            if period is not None:
                month_first, month_last = (
                    max(month_first, period.first),
                    min(month_last, period.last),
                )
            held, minutes = held_by_month.get((year, number), (0, 0))
            planned = _planned_between(groups, month_first, month_last, today)
            months.append(MonthFigures(year, number, held, minutes, planned))
            year, number = _next_month(year, number)
    if period is None:
        planned_total = sum(
            count * (sessions_due(s, e, c, today) or 0) for s, e, c, count in groups
        )
    else:
        planned_total = _planned_between(groups, period.first, period.last, today)
    return Sessions(
        held=sum(held for held, _ in held_by_month.values()),
        minutes_held=sum(minutes for _, minutes in held_by_month.values()),
        planned=planned_total if groups else None,
        cancelled=by_status.get(SessionStatus.CANCELLED.value, 0),
        upcoming=by_status.get(SessionStatus.PLANNED.value, 0),
        months=tuple(months),
    )


def _month_range(
    held_by_month: dict[tuple[int, int], tuple[int, int]],
    groups: list[tuple[date, date | None, int, int]],
    period: Period | None,
    today: date,
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The months to show: the period's, or from the first start or session to the last
    session or the last day a pair was planned to meet (never past today's month)."""
    if period is not None:
        return (period.first.year, period.first.month), (period.last.year, period.last.month)
    starts = [(start.year, start.month) for start, _, _, _ in groups if start <= today]
    ends = [
        (min(end or today, today).year, min(end or today, today).month)
        for start, end, _, _ in groups
        if start <= today
    ]
    firsts = [*held_by_month, *starts]
    lasts = [*held_by_month, *ends]
    if not firsts:
        return None, None
    return min(firsts), max(lasts)


# --- Topics and reasons ----------------------------------------------------------------------


def _tag_counts(sql: str, params: Sequence[Any]) -> tuple[TopicCount, ...]:
    counts = database_proxy.execute_sql(sql, params).fetchall()
    ordered = sorted(
        ((str(label), int(count)) for label, count in counts), key=lambda x: (-x[1], x[0])
    )
    return tuple(TopicCount(label, count) for label, count in ordered)


def _topics(cohort_ids: Sequence[int], period: Period | None) -> Topics:
    cohorts = id_list(cohort_ids).sql
    session_period, pair_period = "", ""
    params: list[Any] = [SessionStatus.HELD.value]
    if period is not None:
        session_period = " AND session.starts_at >= ? AND session.starts_at < ?"
        params += [
            datetime.combine(period.first, time.min).isoformat(sep=" "),
            _after(period).isoformat(sep=" "),
        ]
        pair_period = " AND pair.start_date <= ? AND (pair.end_date IS NULL OR pair.end_date >= ?)"
    session_topics = _tag_counts(
        "SELECT topic.value, COUNT(*) FROM session JOIN pair ON session.pair_id = pair.id, "
        f"json_each(session.topics) AS topic WHERE pair.cohort_id IN {cohorts} "
        f"AND session.status = ?{session_period} GROUP BY topic.value",
        params,
    )
    pair_params = [] if period is None else [period.last.isoformat(), period.first.isoformat()]
    focus_areas = _tag_counts(
        "SELECT area.value, COUNT(DISTINCT pair.id) FROM pair, json_each(pair.focus_areas) AS area "
        f"WHERE pair.cohort_id IN {cohorts}{pair_period} GROUP BY area.value",
        pair_params,
    )
    return Topics(focus_areas, session_topics)


def _end_reasons(cohort_ids: Sequence[int], period: Period | None) -> EndReasons:
    """Reasons grouped regardless of letter case and spacing, each under its most used
    spelling; a reason shared by fewer than the threshold in people is merged or hidden."""
    smallest = settings.get(settings.SMALLEST_GROUP)
    where = Pair.cohort.in_(id_list(cohort_ids)) & (Pair.status == PairStatus.ENDED_EARLY.value)
    if period is not None:
        where &= Pair.end_date.between(period.first, period.last)
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pair_id, reason in _rows(
        Pair.select(Pair.id, Pair.end_reason).where(where).order_by(Pair.id)
    ):
        spelling = " ".join((reason or "").split()) or NO_REASON
        groups[spelling.casefold()].append((pair_id, spelling))
    shown: list[EndReason] = []
    rest: list[int] = []
    for members in groups.values():
        ids = tuple(pair_id for pair_id, _ in members)
        if 2 * len(ids) >= smallest:  # each pair that ended early is two people
            spelling = Counter(spelling for _, spelling in members).most_common()
            label = min(spelling, key=lambda item: (-item[1], item[0]))[0]
            shown.append(EndReason(label, len(ids), ids))
        else:
            rest.extend(ids)
    shown.sort(key=lambda line: (-line.pairs, line.label))
    note = ""
    if rest and 2 * len(rest) >= smallest:
        label = f"Other reasons (each shared by fewer than {smallest} people)"
        shown.append(EndReason(label, len(rest), tuple(sorted(rest))))
    elif rest:
        note = (
            f"{plural(len(rest), 'ended-early pair')} {agree('are', len(rest))} "
            f"not broken down by reason: fewer than {smallest} people."
        )
    ended = sum(len(members) for members in groups.values())
    return EndReasons(ended, tuple(shown), note, smallest)


# --- Public ----------------------------------------------------------------------------------


def programme_figures(
    cohort_ids: Sequence[int] | None = None,
    period: Period | None = None,
    clock: Clock = system_clock,
) -> ProgrammeFigures:
    """The figures of the cohorts ``cohort_ids`` (None: every cohort) over ``period`` (None:
    all the file holds), as of ``clock``'s today. Raises ``NotFound`` for an unknown cohort."""
    today = clock().date()
    cohorts = _cohort_refs(cohort_ids)
    ids = [cohort.id for cohort in cohorts]
    pairs = _Pairs(ids, period, today)
    return ProgrammeFigures(
        cohorts=cohorts,
        period=period,
        as_of=today,
        funnel=_funnel(ids, pairs),
        health_now=_health_now(pairs),
        health_weeks=_health_weeks(ids, pairs),
        sessions=_sessions(ids, period, today),
        topics=_topics(ids, period),
        end_reasons=_end_reasons(ids, period),
        outcomes=outcome_figures(ids, period),
    )


def compare(
    first: Sequence[int],
    second: Sequence[int],
    period: Period | None = None,
    clock: Clock = system_clock,
    second_period: Period | None = None,
) -> Comparison:
    """Two selections side by side: ``first`` over ``period``, ``second`` over
    ``second_period`` (the same period unless given, e.g. last year's for last year's cohort)."""
    return Comparison(
        programme_figures(first, period, clock),
        programme_figures(second, second_period or period, clock),
    )
