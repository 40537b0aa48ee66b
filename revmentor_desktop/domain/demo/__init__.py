"""Synthetic demo data: a realistic programme to try the app, train coordinators and test scale.

``generate_demo`` fills the open, empty data file with people, cohorts of every kind, pairs in
every status, goals and sessions. Everything is drawn from one seeded random generator and the
given ``today``, so the same arguments always give the same data file contents. Rows go in
with bulk inserts inside one transaction, so ten thousand people and a hundred thousand
sessions take seconds; the rules the domain functions enforce one by one (enrolled roles,
capacities, no self-mentoring, held sessions in the past and after the pair's start, managers
without cycles) hold by construction instead.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from revmentor_desktop.domain.clock import system_clock
from revmentor_desktop.domain.demo.answers import insert_answers
from revmentor_desktop.domain.demo.cohorts import (
    enrol,
    insert_cohorts,
    insert_pairs,
    make_cohorts,
    make_pairs,
)
from revmentor_desktop.domain.demo.meetings import (
    insert_meetings,
    make_sessions,
)
from revmentor_desktop.domain.demo.rows import (
    insert_rows,
    next_id,
)
from revmentor_desktop.domain.demo.staff import (
    insert_people,
    make_people,
)
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.storage.models import (
    Cohort,
    Meeting,
    OutcomeForm,
    Pair,
    Participation,
    Person,
    database_proxy,
)

MIN_PEOPLE = 2


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo created."""

    people: int
    cohorts: int
    pairs: int
    sessions: int


# --- Entry point --------------------------------------------------------------------------


def generate_demo(
    people: int = 120, sessions: int | None = None, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Fill the open, empty data file with a synthetic programme and say how much it holds.

    Exactly ``people`` people are created; the number of cohorts and pairs follows from it.
    Pairs meet at their cohort's cadence, so there are as many sessions as that allows, or
    ``sessions`` when that is fewer (each pair's meetings are then thinned out evenly); the
    summary says how many were made. ``today`` (the system date by default) anchors every date, so
    the same ``seed`` and ``today`` always give the same data.
    Raises ``ValidationError`` for fewer than ``MIN_PEOPLE`` people or negative sessions and
    ``RuleViolation`` when the data file already holds people or cohorts.
    """
    problems = {}
    if people < MIN_PEOPLE:
        problems["people"] = f"The demo needs at least {MIN_PEOPLE} people."
    if sessions is not None and sessions < 0:
        problems["sessions"] = "The number of sessions cannot be negative."
    if problems:
        raise ValidationError(problems)
    if Person.select().exists() or Cohort.select().exists():
        raise RuleViolation(
            "This data file already holds people or cohorts; create a new, empty data file "
            "for the demo."
        )
    today = today or system_clock().date()
    rng = random.Random(seed)
    with database_proxy.atomic():
        staff = make_people(rng, people, today, next_id(Person))
        cohorts = make_cohorts(rng, people, today, next_id(Cohort))
        enrolments = enrol(rng, staff, cohorts)
        pairs = make_pairs(rng, cohorts, enrolments, today, next_id(Pair))
        meetings = make_sessions(rng, pairs, sessions, today)
        insert_people(staff, today)
        insert_cohorts(cohorts)
        insert_rows(
            Participation,
            [Participation.cohort, Participation.person, Participation.role,
             Participation.capacity],
            [(cohort.id, person.id, role, capacity)
             for cohort in cohorts for person, role, capacity in enrolments[cohort.id]],
        )  # fmt: skip
        insert_pairs(rng, pairs, today)
        insert_meetings(meetings, next_id(Meeting))
        insert_answers(seed, pairs, today, next_id(OutcomeForm))
    return DemoSummary(len(staff), len(cohorts), len(pairs), len(meetings))
