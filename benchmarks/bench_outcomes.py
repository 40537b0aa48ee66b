"""Benchmark: the outcomes table of a 2,000-person file (a figure against its goal, not a test).

Goal: the outcomes figures (the before/after table and the rest of the Outcomes section) of
the whole file in at most 200 ms. The file is made by the demo (``revmentor demo --people
2000``), whose recent cohorts have questionnaires answered. The goal is judged as a ratio (see
``goals.py``) to SQLite reading every answer row once on the same file with nothing computed,
timed in the same run: the least any figure drawn from the answers can cost.

Run with ``python benchmarks/bench_outcomes.py [PEOPLE]``. Exits 1 when the goal is missed.
Each figure is the best of several runs, on the clock and in processor time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the package, run from anywhere
from goals import OUTCOMES

from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.outcomes.figures import outcome_figures
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Answer, Cohort, OutcomeForm, database_proxy

RUNS = 7
TODAY = date(2026, 11, 25)


def best_of(work: Callable[[], object]) -> tuple[float, float]:
    """The shortest time on the clock and in processor time of ``RUNS`` runs of ``work``."""
    clock = processor = float("inf")
    for _ in range(RUNS):
        started, processor_started = time.perf_counter(), time.process_time()
        work()
        clock = min(clock, time.perf_counter() - started)
        processor = min(processor, time.process_time() - processor_started)
    return clock, processor


def read_every_answer() -> int:
    cursor = database_proxy.execute_sql(
        "SELECT form_id, answer_kind, dimension, number FROM answer"
    )
    return sum(1 for _ in cursor)


def main() -> int:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with (
        tempfile.TemporaryDirectory() as folder,
        DataFile.open(Path(folder) / "outcomes.revmentor", create=True),
    ):
        summary = generate_demo(people=people, seed=1, today=TODAY)
        cohort_ids = [cohort.id for cohort in Cohort.select(Cohort.id)]
        answered = OutcomeForm.select().where(OutcomeForm.returned_at.is_null(False)).count()
        print(
            f"Demo: {summary.people:,} people, {summary.pairs:,} pairs, "
            f"{len(cohort_ids)} cohorts; {OutcomeForm.select().count():,} forms "
            f"({answered:,} returned), {Answer.select().count():,} answer rows"
        )
        whole, whole_processor = best_of(lambda: outcome_figures(cohort_ids))
        each, _ = best_of(lambda: [outcome_figures([cohort_id]) for cohort_id in cohort_ids])
        reference, reference_processor = best_of(read_every_answer)
    print(
        f"Outcomes of the whole file: {whole * 1000:.0f} ms on the clock "
        f"({whole_processor * 1000:.0f} ms of processor time)"
    )
    print(
        f"  each cohort's outcomes in turn (as each cohort report gathers them): "
        f"{each * 1000:.0f} ms for {len(cohort_ids)} cohorts"
    )
    print(
        f"  reference, SQLite reading every answer row once: {reference * 1000:.0f} ms "
        f"({reference_processor * 1000:.1f} ms of processor time)"
    )
    print(f"  {OUTCOMES.verdict(whole_processor * 1000, reference_processor * 1000)}")
    ok = OUTCOMES.met(whole_processor * 1000, reference_processor * 1000)
    print("Goal met." if ok else "The goal was missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
