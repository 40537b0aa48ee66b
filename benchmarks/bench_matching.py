"""How fast the matching assistant solves large cohorts, against the goals of issues #6 and #15.

Run with ``python benchmarks/bench_matching.py`` (``PYTHONPATH=.`` from a working copy). It
builds random organisations in memory (no data file), so it measures scoring, solving and
explaining — the parts that grow with the cohort — and prints each figure with its ratio to the
goal (below 1.00 meets the goal). Figures differ by 2× between machines, so each is also shown
against a reference measured in the same run: SciPy's ``linear_sum_assignment`` alone on a
random matrix of the same size (mentees × free places), the bare assignment the assistant builds
on. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta

import numpy as np

from revmentor_desktop.domain.matching.facts import CohortFacts, Participant, Profile
from revmentor_desktop.domain.matching.rules import RuleSettings
from revmentor_desktop.domain.matching.solver import solve
from revmentor_desktop.domain.vocabulary import CohortKind, Role

TAGS = [f"topic {n}" for n in range(60)]
DEPARTMENTS = ["Finance", "IT", "Sales", "Legal", "Operations", "HR", "Marketing", "Research"]
LOCATIONS = ["Leeds", "London", "Lyon", "Berlin", ""]
FORMATS = ["either", "either", "video call", "in person", "phone"]


def organisation(mentees: int, mentors: int, capacities: tuple[int, int], seed: int) -> CohortFacts:
    """A random organisation: a management tree, grades, hire dates, tags and preferences."""
    rng = random.Random(seed)
    size = mentees + mentors
    managers: dict[int, int | None] = {1: None}
    for person_id in range(2, size + 1):
        managers[person_id] = rng.randint(max(1, person_id - 50), person_id - 1)
    start = date(1995, 1, 1)
    participants = []
    order = list(range(1, size + 1))
    rng.shuffle(order)
    for position, person_id in enumerate(order):
        is_mentor = position < mentors
        profile = Profile(
            person_id=person_id,
            name=f"Person {person_id}",
            department=rng.choice(DEPARTMENTS),
            manager_id=managers[person_id],
            grade=rng.choice([None, *range(1, 12)]),
            hire_date=rng.choice([None, start + timedelta(days=rng.randint(0, 11000))]),
            location=rng.choice(LOCATIONS),
            meeting_format=rng.choice(FORMATS),
            teaches=tuple(rng.sample(TAGS, rng.randint(0, 6))),
            learns=tuple(rng.sample(TAGS, rng.randint(0, 4))),
            has_consent=rng.random() > 0.02,
        )
        role = Role.MENTOR if is_mentor else Role.MENTEE
        participants.append(Participant(profile, role, rng.randint(*capacities)))
    return CohortFacts(
        cohort_id=1,
        cohort_name="Benchmark",
        kind=CohortKind.REVERSE,
        settings=RuleSettings(CohortKind.REVERSE),
        participants=participants,
        managers=managers,
    )


def reference_seconds(facts: CohortFacts, repeats: int) -> float:
    """Median time of SciPy's assignment alone on a random matrix of the cohort's size."""
    from scipy.optimize import linear_sum_assignment

    mentees = sum(1 for p in facts.participants if p.role is Role.MENTEE)
    places = sum(p.capacity for p in facts.participants if p.role is Role.MENTOR)
    matrix = np.random.default_rng(0).random((mentees, places))
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        linear_sum_assignment(matrix, maximize=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def measure(label: str, facts: CohortFacts, goal: float, repeats: int = 3) -> bool:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = solve(facts)
        timings.append(time.perf_counter() - started)
    best, median = min(timings), statistics.median(timings)
    reference = reference_seconds(facts, repeats)
    verdict = "meets goal" if median <= goal else "MISSES goal"
    print(
        f"{label:<38} median {median:6.3f} s  best {best:6.3f} s  goal {goal:4.1f} s  "
        f"ratio {median / goal:4.2f}  {verdict}\n"
        f"{'':<38} reference (linear_sum_assignment alone) {reference:6.3f} s: "
        f"the assistant takes {median / reference:4.1f}× it  "
        f"({len(result.proposals)} pairs, {len(result.unmatched)} unmatched, "
        f"{len(result.covering_nothing)} covering none of the wanted topics)"
    )
    return median <= goal


def main() -> int:
    import scipy.optimize  # noqa: F401  (loaded once, as the app would on its first run)

    print("Matching benchmark (scoring + solving + explanations, in memory)")
    print(
        "Goals are in seconds; the reference is the bare assignment on a random matrix of the "
        "same size, timed in this run."
    )
    small = organisation(200, 200, (1, 1), seed=1)
    large = organisation(1000, 1000, (1, 3), seed=2)
    results = [
        measure("200 mentees × 200 mentors, capacity 1", small, 0.3, repeats=5),
        measure("1,000 × 1,000, capacities 1–3", large, 3.0),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
