"""What a set of figures covers: which cohorts, which period, as of which day; and the query
conditions that follow from it, written once for every figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.programme_figures.records import CohortRef
from revmentor_desktop.domain.queries import as_date, id_list
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, database_proxy


@dataclass(frozen=True)
class CohortChoice:
    """A cohort as a picker of cohorts to compare offers it."""

    id: int
    name: str
    kind: str
    start_date: date | None


def cohorts_newest_first() -> list[CohortChoice]:
    """Every cohort, the latest to start first (those without a start date last)."""
    query = Cohort.select(Cohort.id, Cohort.name, Cohort.kind, Cohort.start_date).order_by(
        Cohort.start_date.desc(nulls="LAST"), Cohort.name
    )
    return [
        CohortChoice(cohort_id, name, kind, as_date(start))
        for cohort_id, name, kind, start in rows(query)
    ]


def rows(query: Any) -> list[tuple[Any, ...]]:
    """Rows straight from the cursor: peewee's per-value conversion costs more than the query."""
    return database_proxy.execute(query).fetchall()


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min)


@dataclass(frozen=True)
class Selection:
    cohorts: tuple[CohortRef, ...]
    everything: bool  # every cohort of the file: sessions need no filter by pair
    period: Period | None
    today: date

    @classmethod
    def of(cls, cohort_ids: Sequence[int] | None, period: Period | None, today: date) -> Selection:
        """The cohorts ``cohort_ids`` (None: all of them); ``NotFound`` names any unknown."""
        query = Cohort.select(Cohort.id, Cohort.name).order_by(Cohort.start_date, Cohort.name)
        found = tuple(CohortRef(cohort_id, name) for cohort_id, name in rows(query))
        if cohort_ids is None:
            return cls(found, True, period, today)
        wanted = set(cohort_ids)
        missing = sorted(wanted - {cohort.id for cohort in found})
        if missing:
            raise NotFound(f"There is no cohort with number {', '.join(map(str, missing))}.")
        chosen = tuple(cohort for cohort in found if cohort.id in wanted)
        return cls(chosen, len(chosen) == len(found), period, today)

    @property
    def ids(self) -> list[int]:
        return [cohort.id for cohort in self.cohorts]

    def pairs(self) -> Any:
        """The condition on ``Pair`` for pairs of the chosen cohorts."""
        return Pair.cohort.in_(id_list(self.ids))

    def sessions(self) -> Any:
        """The condition on ``Meeting`` for sessions of the chosen cohorts. With every cohort
        there is none: SQLite then reads the table straight through, several times faster
        than looking each session up by its pair."""
        if self.everything:
            return True
        return Meeting.pair.in_(Pair.select(Pair.id).where(self.pairs()))

    @property
    def after(self) -> datetime | None:
        """The first moment after the period, for ``starts_at < ...``; None without one."""
        return None if self.period is None else start_of(self.period.last + timedelta(days=1))

    def sessions_in_period(self) -> Any:
        condition = self.sessions()
        if self.period is not None:
            condition &= (Meeting.starts_at >= start_of(self.period.first)) & (
                Meeting.starts_at < self.after
            )
        return condition
