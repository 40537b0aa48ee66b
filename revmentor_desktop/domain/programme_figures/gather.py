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
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.collector import collector_paused
from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.outcomes.figures import OutcomeFigures, outcome_figures
from revmentor_desktop.domain.programme_figures.pairs import PairFacts, forget_pairs_read
from revmentor_desktop.domain.programme_figures.records import (
    RUNNING_LEVELS,
    Comparison,
    EndReason,
    EndReasons,
    Funnel,
    FunnelStep,
    HealthCount,
    HealthWeek,
    ProgrammeFigures,
    Topics,
)
from revmentor_desktop.domain.programme_figures.selection import Selection, rows
from revmentor_desktop.domain.programme_figures.sessions import (
    focus_areas,
    session_topics,
    sessions,
)
from revmentor_desktop.domain.programme_figures.weekly import (
    RunningSpan,
    health_by_week,
    week_endings,
)
from revmentor_desktop.domain.remembered import Remembered
from revmentor_desktop.domain.vocabulary import PairStatus, agree, plural
from revmentor_desktop.storage.models import Pair

FUNNEL_STEPS = (
    ("enrolled", "Enrolled"),
    ("paired", "Paired"),
    ("agreement", "Agreement signed"),
    ("first-session", "First session held"),
    ("three-sessions", "Three or more sessions"),
    ("completed", "Completed"),
)
NO_REASON = "No reason recorded"
_FOLLOWED = (PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.ENDED_EARLY)


# --- Funnel ----------------------------------------------------------------------------------


def _pair_step(facts: PairFacts, row: tuple[Any, ...]) -> int:
    """How far along the funnel a pair got by the end of the period (1 = paired)."""
    pair_id, _, _, _, status, _, end, signed, _, _ = row
    period = facts.selection.period
    held = facts.held_by_end(pair_id)
    reached = (
        signed is not None and (period is None or signed <= period.last),
        held >= 1,
        held >= 3,
        status == PairStatus.COMPLETED and (period is None or end is None or end <= period.last),
    )
    step = 1
    for passed in reached:
        if not passed:
            break
        step += 1
    return step


def _funnel(facts: PairFacts) -> Funnel:
    furthest: dict[tuple[int, int], int] = {}
    pairs_at: dict[int, list[int]] = defaultdict(list)  # the furthest step -> pairs there
    for row in facts.rows:
        step = _pair_step(facts, row)
        pairs_at[step].append(row[0])
        for person in (row[2], row[3]):
            key = (row[1], person)
            if furthest.get(key, 0) < step:
                furthest[key] = step
    people_at: dict[int, list[int]] = defaultdict(list)
    for cohort, person in facts.enrolments:
        people_at[furthest.get((cohort, person), 0)].append(person)
    # From the last step back, each step holds those at it and at every later one.
    reached_people: list[set[int]] = []
    reached_pairs: list[list[int]] = []
    counts: list[int] = []
    people: set[int] = set()
    pairs: list[int] = []
    count = 0
    for index in reversed(range(len(FUNNEL_STEPS))):
        people |= set(people_at[index])
        pairs += pairs_at[index]
        count += len(people_at[index])
        reached_people.append(set(people))
        reached_pairs.append(list(pairs))
        counts.append(count)
    reached_people.reverse()
    reached_pairs.reverse()
    counts.reverse()
    enrolled = counts[0]
    steps = []
    for index, (key, label) in enumerate(FUNNEL_STEPS):
        before = counts[index - 1] if index else counts[0]
        drop = before - counts[index]
        steps.append(
            FunnelStep(
                key=key,
                label=label,
                count=counts[index],
                share_of_enrolled=counts[index] / enrolled if enrolled else None,
                drop_out=drop,
                drop_out_share=drop / before if before else None,
                person_ids=tuple(sorted(reached_people[index])),
                pair_ids=tuple(sorted(reached_pairs[index])),
            )
        )
    return Funnel(tuple(steps))


# --- Health ----------------------------------------------------------------------------------


def _health_now(facts: PairFacts) -> tuple[HealthCount, ...]:
    today = facts.selection.today
    by_level: dict[HealthLevel, list[int]] = defaultdict(list)
    for pair_id, _, _, _, status, start, _, _, cadence, _ in facts.rows:
        if status == PairStatus.ACTIVE:
            health = pair_health(status, start, facts.last_held(pair_id), cadence, today)
            by_level[health.level].append(pair_id)
    return tuple(
        HealthCount(level, len(by_level[level]), tuple(sorted(by_level[level])))
        for level in RUNNING_LEVELS
    )


def _running_until(facts: PairFacts, pair_id: int, status: str, end: date | None) -> date | None:
    """The last day a pair was running: today for an active pair, the day before it ended
    (or, without an end date, before its last session) for a finished one; None for a pair
    that is not followed (proposed or paused)."""
    today = facts.selection.today
    if status == PairStatus.ACTIVE:
        return today
    if status in _FOLLOWED:
        return (end or facts.last_held(pair_id) or today) - timedelta(days=1)
    return None


def _health_weeks(facts: PairFacts) -> tuple[HealthWeek, ...]:
    selection = facts.selection
    spans: dict[int, tuple[int, int, int]] = {}
    for pair_id, _, _, _, status, start, end, _, cadence, _ in facts.rows:
        stop = None if start is None else _running_until(facts, pair_id, status, end)
        if start is not None and stop is not None and stop >= start:
            spans[pair_id] = (start.toordinal(), stop.toordinal(), cadence)
    if not spans:
        return ()
    if selection.period is None:
        first, last = date.fromordinal(min(span[0] for span in spans.values())), selection.today
    else:
        first, last = selection.period.first, min(selection.period.last, selection.today)
    weeks = week_endings(first, last)
    if not weeks:
        return ()
    return health_by_week(
        (
            RunningSpan(start, stop, cadence, facts.held.get(pair_id, ()))
            for pair_id, (start, stop, cadence) in spans.items()
        ),
        weeks,
    )


# --- Reasons for ending early ----------------------------------------------------------------


def _end_reasons(selection: Selection) -> EndReasons:
    """Reasons grouped regardless of letter case and spacing, each under its most used
    spelling; a reason shared by fewer than the threshold in people is merged or hidden."""
    smallest = settings.get(settings.SMALLEST_GROUP)
    where = selection.pairs() & (Pair.status == PairStatus.ENDED_EARLY.value)
    if selection.period is not None:
        where &= Pair.end_date.between(selection.period.first, selection.period.last)
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    query = Pair.select(Pair.id, Pair.end_reason).where(where).order_by(Pair.id)
    for pair_id, reason in rows(query):
        spelling = " ".join((reason or "").split()) or NO_REASON
        groups[spelling.casefold()].append((pair_id, spelling))
    shown: list[EndReason] = []
    rest: list[int] = []
    for members in groups.values():
        ids = tuple(sorted(pair_id for pair_id, _ in members))
        if 2 * len(ids) >= smallest:  # each pair that ended early is two people
            # The most used spelling; of equally used ones, the first recorded.
            label = Counter(spelling for _, spelling in members).most_common(1)[0][0]
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


# The figures of the last few selections, kept while the data is unchanged: going back to a
# selection already shown (all cohorts again) reads nothing. Figures kept before their outcomes
# were counted are completed in place by ``with_outcomes``.
_Key = tuple[tuple[int, ...] | None, Period | None, date]
_RECENT: Remembered[_Key, ProgrammeFigures] = Remembered(size=8)


def programme_figures(
    cohort_ids: Sequence[int] | None = None,
    period: Period | None = None,
    clock: Clock = system_clock,
) -> ProgrammeFigures:
    """The figures of the cohorts ``cohort_ids`` (None: every cohort) over ``period`` (None:
    all the file holds), as of ``clock``'s today. Raises ``NotFound`` for an unknown cohort.

    The same selection asked for again while the data is unchanged gives the figures already
    worked out (``Remembered``); any change to the data, by anyone, and they are counted anew."""
    return with_outcomes(figures_before_outcomes(cohort_ids, period, clock))


def figures_before_outcomes(
    cohort_ids: Sequence[int] | None = None,
    period: Period | None = None,
    clock: Clock = system_clock,
) -> ProgrammeFigures:
    """``programme_figures`` without counting the outcomes, for a view that draws its charts
    on screen first: their ``outcomes`` are ``not_counted_yet`` unless already kept (then they
    come back complete). ``with_outcomes`` completes them."""
    key = _key(cohort_ids, period, clock)
    return _RECENT.get(key, lambda: _counted(*key))


def _key(cohort_ids: Sequence[int] | None, period: Period | None, clock: Clock) -> _Key:
    chosen = None if cohort_ids is None else tuple(sorted(set(cohort_ids)))
    return chosen, period, clock().date()


def with_outcomes(figures: ProgrammeFigures) -> ProgrammeFigures:
    """``figures`` with their outcomes counted, kept in their place for next time."""
    if figures.outcomes.counted:
        return figures
    with collector_paused():
        outcomes = outcome_figures(figures.cohort_ids, figures.period)
    complete = replace(figures, outcomes=outcomes)
    _RECENT.replace(figures, complete)
    return complete


def forget_recent_figures() -> None:
    """Count every selection afresh next time (a benchmark timing the counting itself)."""
    _RECENT.forget()
    forget_pairs_read()


def _counted(
    cohort_ids: Sequence[int] | None, period: Period | None, today: date
) -> ProgrammeFigures:
    with collector_paused():
        selection = Selection.of(cohort_ids, period, today)
        facts = PairFacts(selection)
        return ProgrammeFigures(
            cohorts=selection.cohorts,
            period=period,
            as_of=selection.today,
            funnel=_funnel(facts),
            health_now=_health_now(facts),
            health_weeks=_health_weeks(facts),
            sessions=sessions(selection, facts),
            topics=Topics(focus_areas(selection), session_topics(selection)),
            end_reasons=_end_reasons(selection),
            outcomes=OutcomeFigures.not_counted_yet(),
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
