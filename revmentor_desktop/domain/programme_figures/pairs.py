"""The pairs of the chosen cohorts and the days of their held sessions, read once and shared by
the funnel, health now, health week by week and the sessions planned."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Any

from revmentor_desktop.domain.programme_figures.selection import Selection, rows
from revmentor_desktop.domain.queries import Parsed, as_date, id_list
from revmentor_desktop.domain.remembered import Remembered
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.storage.counting import days_joined
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Participation

# One pair: id, cohort, mentor, mentee, status, start, end, agreement signed, the cohort's
# cadence in days and its end date.
PairRow = tuple[int, int, int, int, str, date | None, date | None, date | None, int, date | None]


def _day_number(value: Any) -> int:
    day = as_date(value)
    assert day is not None
    return day.toordinal()


# The pairs of the last few cohort choices, their held days and the enrolments: the same
# whatever the period, so a change of period reads none of them again while the data is
# unchanged.
_PairsRead = tuple[list[PairRow], dict[int, list[int]], list[tuple[int, int]]]
_RECENT: Remembered[tuple[int, ...], _PairsRead] = Remembered(size=4)


def forget_pairs_read() -> None:
    """Read the pairs afresh next time (a benchmark timing the counting itself)."""
    _RECENT.forget()


class PairFacts:
    """The pairs of the chosen cohorts, the days of each pair's held sessions and who is
    enrolled: one query each, for any period of the same cohorts."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        self.rows, self.held, self.enrolments = _RECENT.get(
            tuple(selection.ids), lambda: _read(selection)
        )
        after = selection.after
        self._last_counted = None if after is None else after.toordinal() - 1

    def held_by_end(self, pair_id: int) -> int:
        """Sessions the pair held by the end of the period (ever, without one)."""
        days = self.held.get(pair_id, ())
        return len(days) if self._last_counted is None else bisect_right(days, self._last_counted)

    def last_held(self, pair_id: int) -> date | None:
        days = self.held.get(pair_id)
        return date.fromordinal(days[-1]) if days else None


def _read(selection: Selection) -> _PairsRead:
    return _pair_rows(selection), _held_days(selection), _enrolments(selection)


def _enrolments(selection: Selection) -> list[tuple[int, int]]:
    """Who is enrolled in the chosen cohorts: (cohort, person)."""
    return rows(
        Participation.select(Participation.cohort, Participation.person).where(
            Participation.cohort.in_(id_list(selection.ids))
        )
    )


def _pair_rows(selection: Selection) -> list[PairRow]:
    day = Parsed(as_date).__getitem__
    query = (
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
        .where(selection.pairs())
    )
    return [
        (pair_id, cohort, mentor, mentee, status, day(start), day(end), day(signed), cadence,
         day(cohort_end))
        for pair_id, cohort, mentor, mentee, status, start, end, signed, cadence, cohort_end
        in rows(query)
    ]  # fmt: skip


def _held_days(selection: Selection) -> dict[int, list[int]]:
    """Each pair's held sessions as day numbers, in order. Grouped by pair from the
    (status, pair, start) index alone, one text of days per pair."""
    query = (
        Meeting.select(Meeting.pair, days_joined(Meeting.starts_at))
        .where((Meeting.status == SessionStatus.HELD.value) & selection.sessions())
        .group_by(Meeting.pair)
    )
    number = Parsed(_day_number).__getitem__
    return {pair: sorted(map(number, days.split(","))) for pair, days in rows(query)}
