"""Gathering the cohort report: figures, breakdowns and the pairs that need attention."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from peewee import fn

from revmentor_desktop.domain import cohorts, settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.pairs import PairQuery, PairRow, list_pairs
from revmentor_desktop.domain.programme_figures import Sessions, TopicCount, programme_figures
from revmentor_desktop.domain.queries import as_date
from revmentor_desktop.domain.report_data.common import (
    MONTHS_SHOWN,
    TOP_TOPICS,
    cadence_phrase,
    percent,
    planned_note,
    share_of_planned,
)
from revmentor_desktop.domain.report_data.pair_documents import (
    kind_label,
    letterhead,
)
from revmentor_desktop.domain.report_data.records import (
    AttentionLine,
    CohortFigures,
    CohortReportData,
    CountLine,
    DepartmentLine,
    MonthCount,
    PairLine,
)
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus
from revmentor_desktop.storage.models import (
    Meeting,
    Pair,
    Participation,
    Person,
)


@dataclass(frozen=True)
class _PairSessions:
    held: int
    minutes: int
    first_held: date | None


def _held_by_pair(cohort_id: int) -> dict[int, _PairSessions]:
    query = (
        Meeting.select(
            Meeting.pair,
            fn.COUNT(Meeting.id),
            fn.SUM(Meeting.duration_minutes),
            fn.MIN(Meeting.starts_at),
        )
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where((Pair.cohort == cohort_id) & (Meeting.status == SessionStatus.HELD.value))
        .group_by(Meeting.pair)
    )
    return {
        pair_id: _PairSessions(count, int(total or 0), as_date(first))
        for pair_id, count, total, first in query.tuples()
    }


def _suppress(groups: dict[str, int], smallest: int) -> tuple[list[tuple[str, int]], int]:
    """Groups of at least ``smallest`` people, and the number of people in the rest."""
    shown = [(label, size) for label, size in groups.items() if size >= smallest]
    rest = sum(size for size in groups.values() if size < smallest)
    shown.sort(key=lambda item: (-item[1], item[0]))
    return shown, rest


def _departments(
    cohort_id: int, held: dict[int, _PairSessions], smallest: int
) -> tuple[DepartmentLine, ...]:
    """People, paired people and sessions attended by department, without small groups."""
    enrolled = dict(
        Participation.select(Person.id, Person.department)
        .join(Person)
        .where(Participation.cohort == cohort_id)
        .tuples()
    )
    paired: set[int] = set()
    attended: Counter[int] = Counter()
    for pair_id, mentor_id, mentee_id in (
        Pair.select(Pair.id, Pair.mentor, Pair.mentee).where(Pair.cohort == cohort_id).tuples()
    ):
        for person_id in (mentor_id, mentee_id):
            paired.add(person_id)
            attended[person_id] += held[pair_id].held if pair_id in held else 0
    by_department: dict[str, list[int]] = defaultdict(list)
    for person_id, department in enrolled.items():
        by_department[(department or "").strip() or "No department recorded"].append(person_id)
    sizes = {label: len(ids) for label, ids in by_department.items()}
    shown, rest = _suppress(sizes, smallest)

    def line(label: str, ids: list[int]) -> DepartmentLine:
        return DepartmentLine(
            label,
            len(ids),
            sum(1 for person_id in ids if person_id in paired),
            sum(attended[person_id] for person_id in ids),
        )

    lines = [line(label, by_department[label]) for label, _ in shown]
    if rest:
        small = [
            pid for label, ids in by_department.items() if sizes[label] < smallest for pid in ids
        ]
        label = f"Other departments (each fewer than {smallest} people)"
        if rest >= smallest:
            lines.append(line(label, small))
        else:
            lines.append(DepartmentLine(label, None, None, None))
    return tuple(lines)


def _attention(rows: list[PairRow]) -> tuple[AttentionLine, ...]:
    items: list[tuple[int, str, AttentionLine]] = []
    rank = {HealthLevel.RED: 0, HealthLevel.AMBER: 1}
    for row in rows:
        label = f"{row.mentor_name} & {row.mentee_name}"
        if row.health.level in rank:
            items.append(
                (
                    rank[row.health.level],
                    label,
                    AttentionLine(label, row.health.level.value, row.health.reason),
                )
            )
        if row.status in (PairStatus.PROPOSED, PairStatus.ACTIVE) and row.agreement_signed is None:
            items.append((2, label, AttentionLine(label, "info", "Agreement not signed yet.")))
    items.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in items)


def _held_note(held: int, due: int | None, cadence_days: int, started: list[PairRow]) -> str:
    """What the cohort's sessions held compare with, with the share when it is a true share."""
    if due is None:
        if cadence_days <= 0:
            unknown = "no meeting rhythm is set to plan by"
        elif started:
            unknown = f"meeting {cadence_phrase(cadence_days)}; no pair has a start date yet"
        else:
            unknown = "no pair has started yet"
        return planned_note(held, None, unknown=unknown)
    share = share_of_planned(held, due)
    note = planned_note(held, due)
    return note if share is None else f"{note} ({percent(share)})"


def _months(shared: Sessions) -> tuple[MonthCount, ...]:
    """The programme figures' months, from the first with a session held (the report charts
    held sessions only), the latest ``MONTHS_SHOWN`` of them."""
    months = list(shared.months)
    while months and months[0].held == 0:
        months.pop(0)
    return tuple(
        MonthCount(month.year, month.month, month.held) for month in months[-MONTHS_SHOWN:]
    )


def _topics(topics: tuple[TopicCount, ...]) -> tuple[CountLine, ...]:
    """The ``TOP_TOPICS`` most covered topics; the rest summed as "Other topics"."""
    lines = [CountLine(line.label, line.count) for line in topics[:TOP_TOPICS]]
    rest = sum(line.count for line in topics[TOP_TOPICS:])
    if rest:
        lines.append(CountLine("Other topics", rest))
    return tuple(lines)


def cohort_report(
    cohort_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> CohortReportData:
    """The cohort report's data. Every figure the Programme view also shows (match rate,
    health, sessions against planned, topics, reasons for ending early, outcomes) is read
    from ``programme_figures``, so the document and the screen cannot disagree."""
    cohort = cohorts.get_cohort_model(cohort_id)
    shared = programme_figures([cohort_id], None, clock)
    funnel, sessions = shared.funnel, shared.sessions
    rows = list_pairs(PairQuery(cohort_id=cohort_id, sort_by="mentee"), clock)
    held = _held_by_pair(cohort_id)
    statuses = Counter(row.status for row in rows)
    by_status = tuple(
        CountLine(status.value, statuses.get(status.value, 0)) for status in PairStatus
    )

    started = [row for row in rows if row.status != PairStatus.PROPOSED]
    with_three = sum(1 for row in started if held.get(row.id, _PairSessions(0, 0, None)).held >= 3)
    waits: list[int] = []
    for row in started:
        first = held.get(row.id)
        if row.start_date is not None and first is not None and first.first_held is not None:
            # A session logged before the recorded start counts as met on the first day.
            waits.append(max(0, (first.first_held - row.start_date).days))
    smallest = settings.get(settings.SMALLEST_GROUP)
    reasons = shared.end_reasons
    figures = CohortFigures(
        pairs_total=len(rows),
        pairs_by_status=by_status,
        enrolled=funnel.enrolled,
        people_paired=funnel.paired,
        people_unpaired=funnel.enrolled - funnel.paired,
        match_rate=funnel.match_rate,
        sessions_held=sessions.held,
        sessions_due=sessions.planned or 0,
        held_note=_held_note(sessions.held, sessions.planned, cohort.cadence_days, started),
        sessions_cancelled=sessions.cancelled,
        sessions_upcoming=sessions.upcoming,
        minutes_held=sessions.minutes_held,
        pairs_started=len(started),
        pairs_with_three=with_three,
        share_with_three=with_three / len(started) if started else None,
        median_days_to_first=float(statistics.median(waits)) if waits else None,
        ended_early=reasons.ended_early,
        ended_early_reasons=tuple(CountLine(line.label, line.pairs) for line in reasons.reasons),
        reasons_note=reasons.note,
        health=tuple(CountLine(line.word, line.count) for line in shared.health_now),
        funnel=shared.funnel.steps,
    )
    pair_lines = tuple(
        PairLine(
            row.id,
            row.mentor_name,
            row.mentee_name,
            row.status,
            row.health.level.value,
            row.health.word,
            row.health.reason,
            row.sessions_held,
            row.last_held,
        )
        for row in rows
    )
    return CohortReportData(
        letterhead=letterhead(clock, locale_name),
        cohort_id=cohort.id,
        name=cohort.name,
        kind_label=kind_label(cohort.kind),
        first_label=cohort.mentor_label,
        second_label=cohort.mentee_label,
        start_date=cohort.start_date,
        end_date=cohort.end_date,
        cadence=cadence_phrase(cohort.cadence_days),
        figures=figures,
        pairs=pair_lines,
        attention=_attention(rows),
        months=_months(sessions),
        topics=_topics(shared.topics.session_topics),
        departments=_departments(cohort_id, held, smallest),
        min_group_size=smallest,
        outcomes=shared.outcomes,
    )
