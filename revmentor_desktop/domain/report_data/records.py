"""The frozen dataclasses the documents take: nothing in them queries the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from revmentor_desktop.domain.logo import Logo
from revmentor_desktop.domain.outcomes.figures import FocusProgress, OutcomeFigures
from revmentor_desktop.domain.programme_figures.records import FunnelStep
from revmentor_desktop.domain.report_data.common import (
    month_label,
)


@dataclass(frozen=True)
class Letterhead:
    """What sits at the top and bottom of every page."""

    organisation_name: str
    logo: Logo | None
    page_size: str  # "A4" or "Letter"
    issued_on: date
    coordinator_name: str = ""
    coordinator_contact: str = ""

    @property
    def coordinator_line(self) -> str:
        """``Programme coordinator: Maria Lopez · mentoring@example.org``, or "" if neither."""
        parts = [part for part in (self.coordinator_name, self.coordinator_contact) if part]
        return f"Programme coordinator: {' · '.join(parts)}" if parts else ""


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
    health_word: str  # as the window says it: "On track", "Completed"
    health_reason: str
    start_date: date | None
    end_date: date | None
    review_date: date | None
    agreement_signed: date | None
    cadence: str
    focus_areas: tuple[str, ...]
    goals: tuple[GoalLine, ...]
    sessions_held: int
    sessions_due: int | None  # None: no start date or no meeting rhythm to count from
    sessions_in_term: int | None
    planned_note: str  # "of 4 planned so far; 14 over the term", or why none can be given
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
    focus_progress: tuple[FocusProgress, ...] = ()  # each partner's own before/after


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
    held_note: str  # what the sessions held compare with, as the headline tile says it
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
    # Shared with the Programme view (``programme_figures``): active pairs by health word,
    # and the participation funnel.
    health: tuple[CountLine, ...] = ()
    funnel: tuple[FunnelStep, ...] = ()


@dataclass(frozen=True)
class PairLine:
    pair_id: int
    first_name: str
    second_name: str
    status: str
    health_level: str
    health_word: str  # as the window says it: "On track", "Completed"
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
    people: int | None  # None: fewer than the smallest group shown (a setting), not shown
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
    outcomes: OutcomeFigures | None = None  # the Outcomes section
