"""The programme figures as frozen dataclasses: what the dashboard draws, the cohort report
prints and ``revmentor figures`` writes. Nothing here queries the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from revmentor_desktop.domain.dates import Period, month_label
from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel
from revmentor_desktop.domain.outcomes.figures import OutcomeFigures

RUNNING_LEVELS = (HealthLevel.GREEN, HealthLevel.AMBER, HealthLevel.RED)


@dataclass(frozen=True)
class CohortRef:
    id: int
    name: str


@dataclass(frozen=True)
class FunnelStep:
    """One step of the participation funnel. ``count`` counts enrolments (a person in two of
    the chosen cohorts counts in each) that reached this step and every step before it;
    ``person_ids`` and ``pair_ids`` are who and which pairs are behind it, for a list."""

    key: str
    label: str
    count: int
    share_of_enrolled: float | None  # 0–1; None when no one is enrolled
    drop_out: int  # reached the step before, not this one (0 for the first step)
    drop_out_share: float | None  # of those who reached the step before
    person_ids: tuple[int, ...]
    pair_ids: tuple[int, ...]


@dataclass(frozen=True)
class Funnel:
    steps: tuple[FunnelStep, ...]

    def step(self, key: str) -> FunnelStep:
        return next(step for step in self.steps if step.key == key)

    @property
    def enrolled(self) -> int:
        return self.steps[0].count

    @property
    def paired(self) -> int:
        return self.step("paired").count

    @property
    def match_rate(self) -> float | None:
        """The share of enrolled people in a pair, as the cohort report's headline gives it."""
        return self.step("paired").share_of_enrolled


@dataclass(frozen=True)
class HealthCount:
    """Running (active) pairs at one health level, with the words the pairs list uses."""

    level: HealthLevel
    count: int
    pair_ids: tuple[int, ...]

    @property
    def word(self) -> str:
        return HEALTH_WORDS[self.level]


@dataclass(frozen=True)
class HealthWeek:
    """How the pairs running at the end of a week stood that day (weeks end on Sunday)."""

    week_ending: date
    on_track: int
    needs_a_nudge: int
    stalled: int

    def count(self, level: HealthLevel) -> int:
        return {
            HealthLevel.GREEN: self.on_track,
            HealthLevel.AMBER: self.needs_a_nudge,
            HealthLevel.RED: self.stalled,
        }[level]

    @property
    def running(self) -> int:
        return self.on_track + self.needs_a_nudge + self.stalled


@dataclass(frozen=True)
class MonthFigures:
    """Sessions of one calendar month: held (and their minutes) against planned."""

    year: int
    month: int
    held: int
    minutes_held: int
    planned: int  # one per cadence period of each started pair (see ``sessions_due``)

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def hours_held(self) -> float:
        return self.minutes_held / 60


@dataclass(frozen=True)
class Sessions:
    """Sessions over the whole selection; ``months`` covers every month from the first
    session or start to the last (or to the end of the period)."""

    held: int
    minutes_held: int
    planned: int | None  # None when no started pair has a start date and a meeting rhythm
    cancelled: int
    upcoming: int
    months: tuple[MonthFigures, ...]

    @property
    def hours_held(self) -> float:
        return self.minutes_held / 60

    @property
    def share_of_planned(self) -> float | None:
        """Held as a share of planned, only when that is a true share (held ≤ planned)."""
        if not self.planned or self.held > self.planned:
            return None
        return self.held / self.planned


@dataclass(frozen=True)
class TopicCount:
    label: str
    count: int


@dataclass(frozen=True)
class Topics:
    focus_areas: tuple[TopicCount, ...]  # pairs that chose each focus area, most first
    session_topics: tuple[TopicCount, ...]  # held sessions that covered each topic, most first


@dataclass(frozen=True)
class EndReason:
    label: str
    pairs: int
    pair_ids: tuple[int, ...]


@dataclass(frozen=True)
class EndReasons:
    """Why pairs ended early, grouped by reason (letter case and spaces aside). A reason shared
    by fewer people than the anonymity threshold (each pair counts its two partners) joins
    "Other reasons"; when even those together are too few, they are left out and ``note``
    says how many and why."""

    ended_early: int
    reasons: tuple[EndReason, ...]
    note: str
    smallest_group: int


@dataclass(frozen=True)
class ProgrammeFigures:
    cohorts: tuple[CohortRef, ...]
    period: Period | None  # None: everything the file holds
    as_of: date  # "now" for health now and for sessions planned so far
    funnel: Funnel
    health_now: tuple[HealthCount, ...]  # on track, needs a nudge, stalled
    health_weeks: tuple[HealthWeek, ...]
    sessions: Sessions
    topics: Topics
    end_reasons: EndReasons
    outcomes: OutcomeFigures

    @property
    def cohort_ids(self) -> tuple[int, ...]:
        return tuple(cohort.id for cohort in self.cohorts)

    def health(self, level: HealthLevel) -> HealthCount:
        return next(line for line in self.health_now if line.level == level)


@dataclass(frozen=True)
class Comparison:
    """Two selections' figures side by side (e.g. this year's cohort against last year's)."""

    first: ProgrammeFigures
    second: ProgrammeFigures
