"""Everything the printed documents show, gathered into frozen dataclasses.

The documents in ``revmentor_desktop.reports`` take only these objects: no queries and no
widgets reach them. Figures are computed here once, with their definitions written next to
them, so the documents, the tests and any screen that shows the same figure agree.
"""

from __future__ import annotations

import locale
import os
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from peewee import fn

from revmentor_desktop.domain import agreement_text, cohorts, settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.pairs import PairQuery, PairRow, list_pairs
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus, SessionStatus
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Meeting,
    Pair,
    Participation,
    Person,
)

ORGANISATION_SETTING = "documents.organisation_name"
LOGO_SETTING = "documents.logo_path"
PAGE_SIZE_SETTING = "documents.page_size"
PAGE_SIZES = ("A4", "Letter")

# Breakdowns (departments, reasons for ending early) show no group of fewer people than this.
MIN_GROUP_SIZE = 5
TOP_TOPICS = 10
MONTHS_SHOWN = 24

# Countries whose default paper is US Letter (as in glibc's LC_PAPER data).
_LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "PR", "SV", "VE", "DO", "BZ"}
)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# ---------------------------------------------------------------------------------------------
# Small shared pieces


def paper_for_locale(locale_name: str | None) -> str:
    """US "Letter" for locales of the countries that use it, otherwise "A4".

    Accepts the usual spellings: ``en_US.UTF-8``, ``en-US``, ``fr_CA``, ``English_United
    States.1252`` (Windows); anything unrecognised gives A4, the paper of most of the world.
    """
    if not locale_name:
        return "A4"
    name = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if "_" not in name:
        return "A4"
    country = name.rsplit("_", 1)[1].strip()
    if country.upper() in _LETTER_COUNTRIES:
        return "Letter"
    if country.casefold() in {"united states", "canada", "mexico", "philippines"}:
        return "Letter"
    return "A4"


def system_locale_name() -> str | None:
    """The locale whose paper size applies: LC_PAPER, LC_ALL or LANG, else the process locale."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value and value not in {"C", "POSIX"} and not value.startswith("C."):
            return value
    try:
        return locale.getlocale()[0]
    except ValueError:
        return None


def page_size_setting(locale_name: str | None = None) -> str:
    """The paper documents print on: the setting if valid, else the locale's default."""
    stored = settings.get_setting(PAGE_SIZE_SETTING)
    for size in PAGE_SIZES:
        if isinstance(stored, str) and stored.strip().casefold() == size.casefold():
            return size
    return paper_for_locale(locale_name if locale_name is not None else system_locale_name())


def long_date(value: date | None, missing: str = "to be agreed") -> str:
    """``12 March 2027``: unambiguous in every country, independent of the process locale."""
    if value is None:
        return missing
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def short_date(value: date | None, missing: str = "–") -> str:
    if value is None:
        return missing
    return f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}"


def month_label(year: int, month: int) -> str:
    return f"{_MONTHS[month - 1][:3]} {year % 100:02d}"


def cadence_phrase(days: int) -> str:
    """How often, in words: "every 3 weeks" for 21, "every month" for 30 or 31, else days."""
    if days in (30, 31):
        return "every month"
    if days == 7:
        return "every week"
    if days % 7 == 0:
        return f"every {days // 7} weeks"
    if days == 1:
        return "every day"
    return f"every {days} days"


def review_date(start: date | None, end: date | None) -> date | None:
    """The mid-point review: half-way between the start and end dates (rounded down)."""
    if start is None or end is None or end <= start:
        return None
    return start + timedelta(days=(end - start).days // 2)


def sessions_due(start: date | None, end: date | None, cadence_days: int, today: date) -> int:
    """How many sessions the cadence planned from ``start`` up to ``today`` (or ``end``).

    One session per full cadence period elapsed: a pair that started three weeks ago with a
    three-week cadence has one session planned so far. No start date, nothing planned.
    """
    if start is None or cadence_days <= 0:
        return 0
    until = today if end is None else min(end, today)
    return max(0, (until - start).days) // cadence_days


def sessions_in_term(start: date | None, end: date | None, cadence_days: int) -> int | None:
    """How many sessions the cadence plans over the whole term; None without both dates."""
    if start is None or end is None or cadence_days <= 0 or end <= start:
        return None
    return (end - start).days // cadence_days


def meeting_format_phrase(formats: Iterable[str]) -> str:
    """How a pair meets, from both partners' preferred formats."""
    phrases = {"in person": "in person", "video call": "by video call", "phone": "by phone"}
    chosen = sorted({fmt for fmt in formats if fmt in phrases})
    if len(chosen) == 1:
        return phrases[chosen[0]]
    if not chosen:
        return "in person or by video call, as suits both"
    return " or ".join(phrases[fmt] for fmt in chosen) + ", as suits both"


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# ---------------------------------------------------------------------------------------------
# The dataclasses the documents take


@dataclass(frozen=True)
class Letterhead:
    """What sits at the top and bottom of every page."""

    organisation_name: str
    logo_path: Path | None
    page_size: str  # "A4" or "Letter"
    issued_on: date


@dataclass(frozen=True)
class PartyInfo:
    person_id: int
    role_label: str
    name: str
    job_title: str
    department: str


@dataclass(frozen=True)
class GoalLine:
    owner_name: str  # the person's name, or "Both partners"
    description: str
    progress: int  # percent


@dataclass(frozen=True)
class ClauseBlock:
    kind: str  # "text" or "bullets"
    items: tuple[str, ...]


@dataclass(frozen=True)
class AgreementClause:
    key: str
    heading: str
    blocks: tuple[ClauseBlock, ...]


@dataclass(frozen=True)
class AgreementData:
    pair_id: int
    programme: str
    kind: str
    kind_label: str
    programme_start: date | None
    programme_end: date | None
    version: str
    first: PartyInfo  # the pair's mentor (in mutual pairs, the first partner)
    second: PartyInfo
    focus_areas: tuple[str, ...]
    goals: tuple[GoalLine, ...]
    cadence: str
    session_minutes: int
    meeting_format: str
    first_meeting_by: str
    start_date: date | None
    end_date: date | None
    review_date: date | None
    clauses: tuple[AgreementClause, ...]


@dataclass(frozen=True)
class AgreementBatch:
    letterhead: Letterhead
    agreements: tuple[AgreementData, ...]
    title: str  # "Pairing agreement" or "Pairing agreements – <cohort>"


@dataclass(frozen=True)
class SessionLine:
    starts_at: datetime
    duration_minutes: int
    meeting_format: str
    status: str
    cancelled_by: str  # a name and role, or ""
    topics: tuple[str, ...]
    first_takeaway: str
    second_takeaway: str
    private_note: str  # empty unless private notes were asked for


@dataclass(frozen=True)
class PairSummaryData:
    letterhead: Letterhead
    pair_id: int
    programme: str
    kind_label: str
    first: PartyInfo
    second: PartyInfo
    status: str
    end_reason: str
    health_level: str
    health_reason: str
    start_date: date | None
    end_date: date | None
    review_date: date | None
    agreement_signed: date | None
    cadence: str
    focus_areas: tuple[str, ...]
    goals: tuple[GoalLine, ...]
    sessions_held: int
    sessions_due: int
    sessions_in_term: int | None
    sessions_cancelled: int
    sessions_upcoming: int
    total_minutes: int
    last_held: date | None
    days_since_last: int | None
    sessions: tuple[SessionLine, ...]
    shared_summary: str
    next_steps: tuple[str, ...]
    include_private_notes: bool
    private_notes: str  # the pair's coordinator notes; empty unless asked for


@dataclass(frozen=True)
class CountLine:
    label: str
    count: int


@dataclass(frozen=True)
class CohortFigures:
    pairs_total: int
    pairs_by_status: tuple[CountLine, ...]
    enrolled: int
    people_paired: int
    people_unpaired: int
    match_rate: float | None  # share of enrolled people in a pair, 0–1
    sessions_held: int
    sessions_due: int
    sessions_cancelled: int
    sessions_upcoming: int
    minutes_held: int
    pairs_started: int  # pairs past "proposed": the base of the next share
    pairs_with_three: int
    share_with_three: float | None
    median_days_to_first: float | None
    ended_early: int
    ended_early_reasons: tuple[CountLine, ...]  # small groups merged, see ``reasons_note``
    reasons_note: str


@dataclass(frozen=True)
class PairLine:
    pair_id: int
    first_name: str
    second_name: str
    status: str
    health_level: str
    health_reason: str
    sessions_held: int
    last_held: date | None


@dataclass(frozen=True)
class AttentionLine:
    pair_label: str
    level: str  # "red", "amber" or "info"
    reason: str


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    held: int

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)


@dataclass(frozen=True)
class DepartmentLine:
    label: str
    people: int | None  # None: fewer than MIN_GROUP_SIZE, not shown
    paired: int | None
    sessions_attended: int | None


@dataclass(frozen=True)
class CohortReportData:
    letterhead: Letterhead
    cohort_id: int
    name: str
    kind_label: str
    first_label: str
    second_label: str
    start_date: date | None
    end_date: date | None
    cadence: str
    figures: CohortFigures
    pairs: tuple[PairLine, ...]
    attention: tuple[AttentionLine, ...]
    months: tuple[MonthCount, ...]
    topics: tuple[CountLine, ...]
    departments: tuple[DepartmentLine, ...]
    min_group_size: int


# ---------------------------------------------------------------------------------------------
# Gathering


def letterhead(clock: Clock = system_clock, locale_name: str | None = None) -> Letterhead:
    name = str(settings.get_setting(ORGANISATION_SETTING, "") or "").strip()
    logo_value = str(settings.get_setting(LOGO_SETTING, "") or "").strip()
    logo = Path(logo_value).expanduser() if logo_value else None
    if logo is not None and not logo.is_file():
        logo = None
    return Letterhead(name, logo, page_size_setting(locale_name), clock().date())


def _kind_label(kind: str) -> str:
    return {
        CohortKind.REVERSE: "Reverse mentoring",
        CohortKind.TRADITIONAL: "Mentoring",
        CohortKind.MUTUAL: "Mutual mentoring",
    }.get(CohortKind(kind), "Mentoring")


def _pair_model(pair_id: int) -> Pair:
    pair = Pair.get_or_none(Pair.id == pair_id)
    if pair is None:
        raise NotFound(f"There is no pair with number {pair_id}.")
    return pair


def _party(person: Person, label: str) -> PartyInfo:
    return PartyInfo(person.id, label, person.name, person.job_title, person.department)


def _goal_lines(pair_id: int, first: PartyInfo, second: PartyInfo) -> tuple[GoalLine, ...]:
    owners = {"mentor": first.name, "mentee": second.name, "both": "Both partners"}
    query = Goal.select().where(Goal.pair == pair_id).order_by(Goal.position, Goal.id)
    return tuple(
        GoalLine(owners.get(goal.owner, second.name), goal.description, goal.progress)
        for goal in query
    )


def _agreement(
    pair: Pair,
    cohort: Cohort,
    mentor: Person,
    mentee: Person,
    org: str,
    wording: tuple[list[agreement_text.Clause], str] | None = None,
) -> AgreementData:
    """One agreement; ``wording`` (clauses and version) saves re-reading them for each pair."""
    first = _party(mentor, cohort.mentor_label)
    second = _party(mentee, cohort.mentee_label)
    start = pair.start_date or cohort.start_date
    end = pair.end_date or cohort.end_date
    review = review_date(start, end)
    meeting_format = meeting_format_phrase((mentor.meeting_format, mentee.meeting_format))
    first_meeting_by = mentee.name
    values = {
        "organisation": org or "the organisation",
        "programme": cohort.name,
        "mentor": mentor.name,
        "mentee": mentee.name,
        "mentor_label": cohort.mentor_label.lower() if cohort.mentor_label else "mentor",
        "mentee_label": cohort.mentee_label.lower() if cohort.mentee_label else "mentee",
        "cadence": cadence_phrase(cohort.cadence_days),
        "minutes": str(cohort.session_minutes),
        "format": meeting_format,
        "first_meeting_by": first_meeting_by,
        "start": long_date(start),
        "end": long_date(end),
        "review": long_date(review),
    }
    clause_list, version = wording or _wording(cohort.kind)
    clauses = tuple(
        AgreementClause(
            clause.key,
            agreement_text.fill(clause.heading, values),
            tuple(
                ClauseBlock(kind, tuple(agreement_text.fill(item, values) for item in items))
                for kind, items in agreement_text.paragraphs(clause.body)
            ),
        )
        for clause in clause_list
    )
    return AgreementData(
        pair_id=pair.id,
        programme=cohort.name,
        kind=cohort.kind,
        kind_label=_kind_label(cohort.kind),
        programme_start=cohort.start_date,
        programme_end=cohort.end_date,
        version=version,
        first=first,
        second=second,
        focus_areas=tuple(pair.focus_areas),
        goals=_goal_lines(pair.id, first, second),
        cadence=values["cadence"],
        session_minutes=cohort.session_minutes,
        meeting_format=meeting_format,
        first_meeting_by=first_meeting_by,
        start_date=start,
        end_date=end,
        review_date=review,
        clauses=clauses,
    )


def _wording(kind: str) -> tuple[list[agreement_text.Clause], str]:
    return agreement_text.agreement_clauses(kind), agreement_text.agreement_version()


def agreement_for_pair(
    pair_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> AgreementBatch:
    pair = _pair_model(pair_id)
    cohort = Cohort.get_by_id(pair.cohort_id)
    head = letterhead(clock, locale_name)
    data = _agreement(
        pair,
        cohort,
        Person.get_by_id(pair.mentor_id),
        Person.get_by_id(pair.mentee_id),
        head.organisation_name,
    )
    return AgreementBatch(head, (data,), "Pairing agreement")


def agreements_for_cohort(
    cohort_id: int,
    clock: Clock = system_clock,
    locale_name: str | None = None,
    include_finished: bool = False,
) -> AgreementBatch:
    """An agreement for every proposed, active or paused pair of the cohort (by mentee name).

    Finished pairs (completed, ended early) need no agreement; ``include_finished`` adds them.
    """
    cohort = cohorts.get_cohort_model(cohort_id)
    head = letterhead(clock, locale_name)
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    query = (
        Pair.select(Pair, mentor, mentee)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where(Pair.cohort == cohort_id)
        .order_by(mentee.name, mentor.name, Pair.id)
    )
    if not include_finished:
        query = query.where(Pair.status.in_(cohorts.OPEN_STATUSES))
    agreements = tuple(
        _agreement(pair, cohort, pair.mentor, pair.mentee, head.organisation_name) for pair in query
    )
    if not agreements:
        raise NotFound(f"The cohort “{cohort.name}” has no open pairs to print agreements for.")
    return AgreementBatch(head, agreements, f"Pairing agreements – {cohort.name}")


def _cancelled_by(code: str, first: PartyInfo, second: PartyInfo) -> str:
    if code == "mentor":
        return first.name
    if code == "mentee":
        return second.name
    if code == "coordinator":
        return "Coordinator"
    return ""


def _next_steps(
    status: str,
    health_level: str,
    health_reason: str,
    today: date,
    upcoming: date | None,
    review: date | None,
    end: date | None,
    cadence: str,
    goals: tuple[GoalLine, ...],
    signed: date | None,
) -> tuple[str, ...]:
    steps: list[str] = []
    if status == PairStatus.PROPOSED:
        steps.append("Hold the introductory meeting and activate the pair.")
    if status in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY):
        steps.append("The partnership has ended; no further sessions are planned.")
        return tuple(steps)
    if signed is None:
        steps.append("Sign the pairing agreement (both partners and the coordinator).")
    if status == PairStatus.PAUSED:
        steps.append("The pair is paused: agree with both partners when to resume.")
    if status == PairStatus.ACTIVE:
        if upcoming is not None:
            steps.append(f"Next session planned for {long_date(upcoming)}.")
        else:
            steps.append(
                f"No session is planned yet: agree the next date (the pair meets {cadence})."
            )
        if health_level in (HealthLevel.AMBER, HealthLevel.RED):
            steps.append(f"The coordinator checks in with both partners: {health_reason}")
    if review is not None and review >= today:
        steps.append(f"Mid-point review around {long_date(review)}.")
    open_goals = [goal for goal in goals if goal.progress < 100]
    if goals and not open_goals:
        steps.append("All goals are reached: agree whether to set new ones or close early.")
    elif open_goals:
        noun = "goal is" if len(open_goals) == 1 else "goals are"
        steps.append(f"{len(open_goals)} {noun} still open; review progress at the next session.")
    if end is not None and end >= today:
        steps.append(f"The partnership ends on {long_date(end)}: plan a closing conversation.")
    return tuple(steps)


def pair_summary(
    pair_id: int,
    include_private_notes: bool = False,
    clock: Clock = system_clock,
    locale_name: str | None = None,
) -> PairSummaryData:
    """The progress summary of one pair. Coordinator-only notes are read only when asked for."""
    pair = _pair_model(pair_id)
    cohort = Cohort.get_by_id(pair.cohort_id)
    mentor = Person.get_by_id(pair.mentor_id)
    mentee = Person.get_by_id(pair.mentee_id)
    first = _party(mentor, cohort.mentor_label)
    second = _party(mentee, cohort.mentee_label)
    now = clock()
    today = now.date()
    start = pair.start_date or cohort.start_date
    end = pair.end_date or cohort.end_date
    review = review_date(start, end)
    goals = _goal_lines(pair.id, first, second)

    lines: list[SessionLine] = []
    held_count = cancelled = upcoming_count = minutes = 0
    last_held: date | None = None
    next_planned: date | None = None
    for meeting in (
        Meeting.select().where(Meeting.pair == pair_id).order_by(Meeting.starts_at, Meeting.id)
    ):
        starts_at = _as_datetime(meeting.starts_at)
        if meeting.status == SessionStatus.HELD:
            held_count += 1
            minutes += meeting.duration_minutes
            last_held = starts_at.date()
        elif meeting.status == SessionStatus.CANCELLED:
            cancelled += 1
        elif starts_at >= now:
            upcoming_count += 1
            if next_planned is None:
                next_planned = starts_at.date()
        lines.append(
            SessionLine(
                starts_at=starts_at,
                duration_minutes=meeting.duration_minutes,
                meeting_format=meeting.meeting_format,
                status=meeting.status,
                cancelled_by=_cancelled_by(meeting.cancelled_by, first, second),
                topics=tuple(meeting.topics),
                first_takeaway=meeting.mentor_takeaways.strip(),
                second_takeaway=meeting.mentee_takeaways.strip(),
                private_note=meeting.notes.strip() if include_private_notes else "",
            )
        )
    health = pair_health(pair.status, pair.start_date, last_held, cohort.cadence_days, today)
    cadence = cadence_phrase(cohort.cadence_days)
    return PairSummaryData(
        letterhead=letterhead(clock, locale_name),
        pair_id=pair.id,
        programme=cohort.name,
        kind_label=_kind_label(cohort.kind),
        first=first,
        second=second,
        status=pair.status,
        end_reason=pair.end_reason,
        health_level=health.level.value,
        health_reason=health.reason,
        start_date=start,
        end_date=end,
        review_date=review,
        agreement_signed=pair.agreement_signed,
        cadence=cadence,
        focus_areas=tuple(pair.focus_areas),
        goals=goals,
        sessions_held=held_count,
        sessions_due=sessions_due(start, end, cohort.cadence_days, today),
        sessions_in_term=sessions_in_term(start, end, cohort.cadence_days),
        sessions_cancelled=cancelled,
        sessions_upcoming=upcoming_count,
        total_minutes=minutes,
        last_held=last_held,
        days_since_last=None if last_held is None else (today - last_held).days,
        sessions=tuple(lines),
        shared_summary=pair.shared_summary.strip(),
        next_steps=_next_steps(
            pair.status,
            health.level.value,
            health.reason,
            today,
            next_planned,
            review,
            end,
            cadence,
            goals,
            pair.agreement_signed,
        ),
        include_private_notes=include_private_notes,
        private_notes=pair.coordinator_notes.strip() if include_private_notes else "",
    )


# ---------------------------------------------------------------------------------------------
# The cohort report


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
        pair_id: _PairSessions(count, int(total or 0), _as_date(first))
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
    month = fn.substr(Meeting.starts_at, 1, 7)
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
    cursor = Meeting._meta.database.execute_sql(
        "SELECT topic.value, COUNT(*) FROM session "
        "JOIN pair ON session.pair_id = pair.id, json_each(session.topics) AS topic "
        "WHERE pair.cohort_id = ? AND session.status = ? "
        "GROUP BY topic.value",
        (cohort_id, SessionStatus.HELD.value),
    )
    counts = sorted(
        ((str(name), int(count)) for name, count in cursor), key=lambda x: (-x[1], x[0])
    )
    lines = [CountLine(name, count) for name, count in counts[:TOP_TOPICS]]
    rest = sum(count for _, count in counts[TOP_TOPICS:])
    if rest:
        lines.append(CountLine("Other topics", rest))
    return tuple(lines)


def _suppress(groups: dict[str, int]) -> tuple[list[tuple[str, int]], int]:
    """Groups of at least ``MIN_GROUP_SIZE`` people, and the number of people in the rest."""
    shown = [(label, size) for label, size in groups.items() if size >= MIN_GROUP_SIZE]
    rest = sum(size for size in groups.values() if size < MIN_GROUP_SIZE)
    shown.sort(key=lambda item: (-item[1], item[0]))
    return shown, rest


def _ended_early_reasons(rows: list[Pair]) -> tuple[tuple[CountLine, ...], str]:
    """Reasons shared by at least five people (each ended pair counts its two partners)."""
    pairs_by_reason = Counter(pair.end_reason.strip() or "No reason recorded" for pair in rows)
    people = {reason: 2 * count for reason, count in pairs_by_reason.items()}
    shown, rest_people = _suppress(people)
    lines = [CountLine(reason, pairs_by_reason[reason]) for reason, _ in shown]
    note = ""
    if rest_people:
        rest_pairs = rest_people // 2
        if rest_people >= MIN_GROUP_SIZE:
            lines.append(
                CountLine("Other reasons (each shared by fewer than 5 people)", rest_pairs)
            )
        else:
            note = (
                f"{rest_pairs} ended-early {'pair is' if rest_pairs == 1 else 'pairs are'} "
                f"not broken down by reason: fewer than {MIN_GROUP_SIZE} people."
            )
    return tuple(lines), note


def _departments(cohort_id: int, held: dict[int, _PairSessions]) -> tuple[DepartmentLine, ...]:
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
    shown, rest = _suppress(sizes)

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
            pid
            for label, ids in by_department.items()
            if sizes[label] < MIN_GROUP_SIZE
            for pid in ids
        ]
        label = "Other departments (each fewer than 5 people)"
        if rest >= MIN_GROUP_SIZE:
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
    waits: list[int] = []
    for row in started:
        start = row.start_date or cohort.start_date
        end = row.end_date or cohort.end_date
        due += sessions_due(start, end, cohort.cadence_days, today)
        first = held.get(row.id)
        if row.start_date is not None and first is not None and first.first_held is not None:
            waits.append((first.first_held - row.start_date).days)
    ended = [pair for pair in pair_models.values() if pair.status == PairStatus.ENDED_EARLY]
    reasons, reasons_note = _ended_early_reasons(ended)

    figures = CohortFigures(
        pairs_total=len(rows),
        pairs_by_status=by_status,
        enrolled=enrolled,
        people_paired=enrolled - unpaired,
        people_unpaired=unpaired,
        match_rate=(enrolled - unpaired) / enrolled if enrolled else None,
        sessions_held=session_counts.get(SessionStatus.HELD.value, 0),
        sessions_due=due,
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
        kind_label=_kind_label(cohort.kind),
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
        departments=_departments(cohort_id, held),
        min_group_size=MIN_GROUP_SIZE,
    )
