"""A small programme built through the domain functions, for window and model tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from revmentor_desktop.domain import cohorts, pairs, people, sessions

START = datetime(2026, 3, 2, 9, 0)


class MovableClock:
    """A clock a test can move forward; the window reads it whenever time matters."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, days: int) -> None:
        self.now += timedelta(days=days)


@dataclass
class Programme:
    cohort_id: int
    person_ids: dict[str, int] = field(default_factory=dict)
    pair_ids: dict[str, int] = field(default_factory=dict)
    session_ids: list[int] = field(default_factory=list)


def _at(moment: datetime) -> MovableClock:
    return MovableClock(moment)


def build_programme(cadence_days: int = 14) -> Programme:
    """Six people, one cohort, an active pair that met once, a proposed pair, one loner."""
    clock = _at(START)
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft("Reverse 2026", start_date=START.date(), cadence_days=cadence_days),
        clock,
    )
    programme = Programme(cohort_id)
    staff = [
        ("Ada Lovelace", "Engineering", "mentor"),
        ("Bo Svensson", "Finance", "mentee"),
        ("Zoë Martin", "Marketing", "mentor"),
        ("Yann Le Goff", "Engineering", "mentee"),
        ("Xavi Puig", "Sales", None),
        ("Wen Li", "Finance", "mentee"),
    ]
    for name, department, role in staff:
        draft = people.PersonDraft(name, department=department)
        person_id = people.add_person(draft, clock)
        programme.person_ids[name] = person_id
        if role:
            cohorts.enrol(cohort_id, person_id, role)
    ids = programme.person_ids
    active = pairs.create_pair(
        pairs.PairDraft(cohort_id, ids["Ada Lovelace"], ids["Bo Svensson"], START.date()), clock
    )
    pairs.change_status(active, "activate", clock=clock)
    proposed = pairs.create_pair(
        pairs.PairDraft(cohort_id, ids["Zoë Martin"], ids["Yann Le Goff"]), clock
    )
    programme.pair_ids = {"active": active, "proposed": proposed}
    held = sessions.SessionDraft(active, START + timedelta(days=1), status="held")
    programme.session_ids.append(sessions.add_session(held, _at(START + timedelta(days=2))))
    return programme
