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
from revmentor_desktop.domain.outcomes.figures import outcome_figures
from revmentor_desktop.domain.pairs import PairQuery, PairRow, list_pairs
from revmentor_desktop.domain.queries import as_date
from revmentor_desktop.domain.report_data.common import (
    MONTHS_SHOWN,
    TOP_TOPICS,
    cadence_phrase,
    percent,
    planned_note,
    sessions_due,
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
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus, agree, plural
from revmentor_desktop.storage.counting import topic_counts, year_month
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


def _status_counts(cohort_id: int) -> dict[str, int]:
    """Sessions of the cohort by status: "held", "cancelled", and "upcoming" (planned)."""
    query = (
        Meeting.select(Meeting.status, fn.COUNT(Meeting.id))
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where(Pair.cohort == cohort_id)
        .group_by(Meeting.status)
    )
    return dict(query.tuples())


def _months(cohort_id: int, start: date | None) -> tuple[MonthCount, ...]:
    month = year_month(Meeting.starts_at)
    query = (
        Meeting.select(month, fn.COUNT(Meeting.id))
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where((Pair.cohort == cohort_id) & (Meeting.status == SessionStatus.HELD.value))
        .group_by(month)
    )
    counts = {(int(key[:4]), int(key[5:7])): count for key, count in query.tuples()}
    if not counts:
        return ()
    first = min(counts)
    if start is not None:
        first = min(first, (start.year, start.month))
    last = max(counts)
    months: list[MonthCount] = []
    year, number = first
    while (year, number) <= last:
        months.append(MonthCount(year, number, counts.get((year, number), 0)))
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return tuple(months[-MONTHS_SHOWN:])


def _topics(cohort_id: int) -> tuple[CountLine, ...]:
    """Topics of held sessions, most frequent first; the rest summed as "Other topics"."""
    held = topic_counts(cohort_id, SessionStatus.HELD.value)
    counts = sorted(held.items(), key=lambda item: (-item[1], item[0]))
    lines = [CountLine(name, count) for name, count in counts[:TOP_TOPICS]]
    rest = sum(count for _, count in counts[TOP_TOPICS:])
    if rest:
        lines.append(CountLine("Other topics", rest))
    return tuple(lines)


def _suppress(groups: dict[str, int], smallest: int) -> tuple[list[tuple[str, int]], int]:
    """Groups of at least ``smallest`` people, and the number of people in the rest."""
    shown = [(label, size) for label, size in groups.items() if size >= smallest]
    rest = sum(size for size in groups.values() if size < smallest)
    shown.sort(key=lambda item: (-item[1], item[0]))
    return shown, rest


def _ended_early_reasons(rows: list[Pair], smallest: int) -> tuple[tuple[CountLine, ...], str]:
    """Reasons shared by at least ``smallest`` people (each ended pair counts its partners)."""
    pairs_by_reason = Counter(pair.end_reason.strip() or "No reason recorded" for pair in rows)
    people = {reason: 2 * count for reason, count in pairs_by_reason.items()}
    shown, rest_people = _suppress(people, smallest)
    lines = [CountLine(reason, pairs_by_reason[reason]) for reason, _ in shown]
    note = ""
    if rest_people:
        rest_pairs = rest_people // 2
        if rest_people >= smallest:
            lines.append(
                CountLine(
                    f"Other reasons (each shared by fewer than {smallest} people)", rest_pairs
                )
            )
        else:
            note = (
                f"{plural(rest_pairs, 'ended-early pair')} {agree('are', rest_pairs)} "
                f"not broken down by reason: fewer than {smallest} people."
            )
    return tuple(lines), note


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


def cohort_report(
    cohort_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> CohortReportData:
    cohort = cohorts.get_cohort_model(cohort_id)
    today = clock().date()
    rows = list_pairs(PairQuery(cohort_id=cohort_id, sort_by="mentee"), clock)
    pair_models = {
        pair.id: pair
        for pair in Pair.select(
            Pair.id, Pair.status, Pair.end_reason, Pair.start_date, Pair.end_date
        ).where(Pair.cohort == cohort_id)
    }
    held = _held_by_pair(cohort_id)
    statuses = Counter(row.status for row in rows)
    by_status = tuple(
        CountLine(status.value, statuses.get(status.value, 0)) for status in PairStatus
    )

    enrolled = Participation.select().where(Participation.cohort == cohort_id).count()
    unpaired = len(cohorts.unpaired_person_ids(cohort_id))
    session_counts = _status_counts(cohort_id)

    started = [row for row in rows if row.status != PairStatus.PROPOSED]
    with_three = sum(1 for row in started if held.get(row.id, _PairSessions(0, 0, None)).held >= 3)
    due = 0
    planned_pairs = 0
    waits: list[int] = []
    for row in started:
        pair_due = sessions_due(
            row.start_date, row.end_date or cohort.end_date, cohort.cadence_days, today
        )
        if pair_due is not None:
            due += pair_due
            planned_pairs += 1
        first = held.get(row.id)
        if row.start_date is not None and first is not None and first.first_held is not None:
            # A session logged before the recorded start counts as met on the first day.
            waits.append(max(0, (first.first_held - row.start_date).days))
    ended = [pair for pair in pair_models.values() if pair.status == PairStatus.ENDED_EARLY]
    smallest = settings.get(settings.SMALLEST_GROUP)
    reasons, reasons_note = _ended_early_reasons(ended, smallest)

    held_count = session_counts.get(SessionStatus.HELD.value, 0)
    figures = CohortFigures(
        pairs_total=len(rows),
        pairs_by_status=by_status,
        enrolled=enrolled,
        people_paired=enrolled - unpaired,
        people_unpaired=unpaired,
        match_rate=(enrolled - unpaired) / enrolled if enrolled else None,
        sessions_held=held_count,
        sessions_due=due,
        held_note=_held_note(
            held_count, due if planned_pairs else None, cohort.cadence_days, started
        ),
        sessions_cancelled=session_counts.get(SessionStatus.CANCELLED.value, 0),
        sessions_upcoming=session_counts.get(SessionStatus.PLANNED.value, 0),
        minutes_held=sum(item.minutes for item in held.values()),
        pairs_started=len(started),
        pairs_with_three=with_three,
        share_with_three=with_three / len(started) if started else None,
        median_days_to_first=float(statistics.median(waits)) if waits else None,
        ended_early=len(ended),
        ended_early_reasons=reasons,
        reasons_note=reasons_note,
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
        months=_months(cohort_id, cohort.start_date),
        topics=_topics(cohort_id),
        departments=_departments(cohort_id, held, smallest),
        min_group_size=smallest,
        outcomes=outcome_figures([cohort.id]),
    )
