"""The demo's records before they are written (``insert_rows`` writes them)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peewee import Model, fn

from revmentor_desktop.domain.vocabulary import (
    CohortKind,
    MeetingFormat,
    PairStatus,
)
from revmentor_desktop.storage.bulk import insert_rows as insert_rows  # the demo writes with it


@dataclass(slots=True)
class DemoPerson:
    id: int
    band: int
    grade: int
    department: str
    name: str = ""
    email: str = ""
    job_title: str = ""
    manager_id: int | None = None
    hire_date: date | None = None
    location: str = ""
    meeting_format: str = MeetingFormat.EITHER.value
    consent_date: date | None = None
    archived: bool = False
    notes: str = ""
    teaches: list[str] = field(default_factory=list)
    learns: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DemoCohort:
    id: int
    name: str
    kind: CohortKind
    start: date
    end: date
    cadence: int
    minutes: int
    phase: str  # finished / running / upcoming
    archived: bool = False


@dataclass(slots=True)
class DemoPair:
    id: int
    cohort: DemoCohort
    mentor: DemoPerson
    mentee: DemoPerson
    status: str = PairStatus.PROPOSED.value
    profile: str = ""
    start: date | None = None
    end: date | None = None
    focus: list[str] = field(default_factory=list)
    window: tuple[date, date] | None = None  # when its past sessions fall
    future: int = 0  # planned sessions still to come
    overdue: bool = False  # its last past session is still marked planned


def next_id(model: type[Model]) -> int:
    return int(model.select(fn.MAX(model.id)).scalar() or 0) + 1


def office_moment(day: date, rng: random.Random) -> datetime:
    """A plausible office-hours time on ``day``."""
    hour = rng.choice((8, 9, 10, 11, 13, 14, 15, 16))
    return datetime.combine(day, time(hour, rng.choice((0, 0, 15, 30, 30, 45))))


def random_days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, max(low, high)))
