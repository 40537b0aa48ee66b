"""A small programme whose every figure is worked out by hand (see the test module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.clock import Clock

TODAY = date(2026, 3, 15)  # a Sunday: the last week of the weekly health ends today
NOW = datetime.combine(TODAY, time(10))
COHORT_START, COHORT_END = date(2026, 1, 5), date(2026, 6, 30)
CADENCE = 14


def clock() -> datetime:
    return NOW


def clock_on(day: date) -> Clock:
    return lambda: datetime.combine(day, time(9))


@dataclass(frozen=True)
class SmallProgramme:
    cohort_id: int
    pairs: dict[str, int]  # P1 … P4, E1 … E4 (ended early)
    people: dict[str, int]


def _person(name: str) -> int:
    return people.add_person(people.PersonDraft(name), clock)


def _held(pair_id: int, day: date, minutes: int, topics: list[str]) -> None:
    sessions.add_session(
        sessions.SessionDraft(
            pair_id, datetime.combine(day, time(14)), minutes, status="held", topics=topics
        ),
        clock,
    )


def build_small_programme(name: str = "Reverse 2026") -> SmallProgramme:
    """Ten people in four pairs and two unpaired, eight more in four pairs that ended early.

    - P1 (A1, B1): agreement signed, four sessions, completed on 1 March.
    - P2 (A2, B2): agreement signed, three sessions, the last on 9 February: needs a nudge.
    - P3 (A3, B3): agreement signed, one session on 20 January: stalled.
    - P4 (A4, B4): no agreement, started on 9 March, no session yet: on track.
    - A5 and B5 are enrolled without a pair.
    - E1 … E4: started on 5 January, ended early on 10 February without meeting; three for
      "Moved team" (spelled three ways), one for "Workload".
    """
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(name, "reverse", COHORT_START, COHORT_END, CADENCE, 60), clock
    )
    names = [f"{side}{index}" for index in range(1, 6) for side in "AB"]
    names += [f"C{index}" for index in range(1, 9)]
    ids = {person: _person(f"{name} {person}") for person in names}
    for person, person_id in ids.items():
        role = (
            "mentor" if person.startswith("A") or person in {"C1", "C3", "C5", "C7"} else "mentee"
        )
        cohorts.enrol(cohort_id, person_id, role)

    def pair(mentor: str, mentee: str, start: date, **extra: object) -> int:
        pair_id = pairs.create_pair(
            pairs.PairDraft(cohort_id, ids[mentor], ids[mentee], start_date=start, **extra), clock
        )
        pairs.change_status(pair_id, "activate", clock=clock_on(start), start_date=start)
        return pair_id

    signed = {"agreement_signed": COHORT_START}
    made = {
        "P1": pair("A1", "B1", COHORT_START, focus_areas=["Teams"], **signed),
        "P2": pair("A2", "B2", COHORT_START, focus_areas=["Teams", "AI"], **signed),
        "P3": pair("A3", "B3", COHORT_START, **signed),
        "P4": pair("A4", "B4", date(2026, 3, 9)),
    }
    for day in (date(2026, 1, 12), date(2026, 1, 26), date(2026, 2, 9), date(2026, 2, 23)):
        _held(made["P1"], day, 60, ["Teams"])
    for day in (date(2026, 1, 12), date(2026, 1, 26), date(2026, 2, 9)):
        _held(made["P2"], day, 30, ["Teams", "AI"])
    _held(made["P3"], date(2026, 1, 20), 90, ["Budget"])
    pairs.change_status(made["P1"], "complete", clock=clock_on(date(2026, 3, 1)))
    reasons = ["Moved team", "moved  team", "Moved Team ", "Workload"]
    for index, reason in enumerate(reasons):
        key = f"E{index + 1}"
        made[key] = pair(f"C{2 * index + 1}", f"C{2 * index + 2}", COHORT_START)
        pairs.change_status(made[key], "end_early", reason, clock=clock_on(date(2026, 2, 10)))
    return SmallProgramme(cohort_id, made, ids)
