"""The demo's records before they are written, and the bulk insert that writes them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from peewee import Field, Model, fn

from revmentor_desktop.domain.vocabulary import (
    CohortKind,
    MeetingFormat,
    PairStatus,
)
from revmentor_desktop.storage.models import (
    TagListField,
    database_proxy,
)


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


def insert_rows(model: type[Model], fields: Sequence[Field], rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert of rows whose values already have the fields' Python types.

    ``insert_many`` renders every value into the SQL text, which takes most of the time at
    100 000 sessions; one prepared statement run with ``executemany`` stores the same values
    several times faster. Dates and times go through the adapters peewee registers, as with
    ``insert_many``; tag lists are turned into JSON by their field.
    """
    columns = ", ".join(f'"{field_.column_name}"' for field_ in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    tag_columns = [i for i, field_ in enumerate(fields) if isinstance(field_, TagListField)]
    if not tag_columns:
        database_proxy.cursor().executemany(sql, rows)
        return
    stored = [list(row) for row in rows]
    for row in stored:
        for index in tag_columns:
            row[index] = fields[index].db_value(row[index])
    database_proxy.cursor().executemany(sql, stored)


def office_moment(day: date, rng: random.Random) -> datetime:
    """A plausible office-hours time on ``day``."""
    hour = rng.choice((8, 9, 10, 11, 13, 14, 15, 16))
    return datetime.combine(day, time(hour, rng.choice((0, 0, 15, 30, 30, 45))))


def random_days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, max(low, high)))
