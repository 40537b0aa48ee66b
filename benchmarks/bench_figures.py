"""Benchmark: the programme figures of the Programme view (a figure against its goal, not a test).

Goals, on the file of ``revmentor demo --people 10000 --sessions 100000``: the figures of every
cohort in at most 300 ms; those of one cohort over a period (what a change of cohort or period
recomputes) in at most 150 ms. The view draws on top of these. Both are judged as ratios (see
``goals.py``) to SQLite reading every session once (their minutes summed) on the same file with
nothing else, timed in the same run: the least any figure drawn from the sessions can cost. A
plain ``SELECT COUNT(*)`` is printed for scale.

Run with ``python benchmarks/bench_figures.py [PEOPLE [SESSIONS]]`` (a new demo file), or with
``--file PATH`` on an existing one (a copy: it is opened for changes). Exits 1 when a goal is
missed. Each figure is the best of several runs, on the clock and in processor time; each run
counts the figures afresh (``forget_recent_figures``: the view keeps the figures of a selection
while the data is unchanged, which would otherwise be timed instead).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_outcomes import best_of  # the same best-of-several timing
from bench_workspace import chosen_large_file, large_file_argument
from goals import EVERY_COHORT_FIGURES, ONE_COHORT_FIGURES, Goal
from peewee import fn
from references import reading_every_session

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.programme_figures import programme_figures
from revmentor_desktop.domain.programme_figures.gather import forget_recent_figures
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Meeting, Pair, Person, database_proxy

TODAY = date(2026, 11, 25)


def clock() -> datetime:
    return datetime.combine(TODAY, datetime.min.time())


def _largest_cohort() -> int:
    counts = (
        Pair.select(Pair.cohort).group_by(Pair.cohort).order_by(fn.COUNT(Pair.id).desc()).limit(1)
    )
    return int(database_proxy.execute(counts).fetchone()[0])


def _judged(goal: Goal, measured: tuple[float, float], reference: float) -> bool:
    """Prints the figure and judges its processor time against the reading of every session."""
    elapsed, processor = measured
    print(f"{goal.name}: {elapsed * 1000:.0f} ms on the clock")
    print(f"  {goal.verdict(processor * 1000, reference * 1000)}")
    return goal.met(processor * 1000, reference * 1000)


def _counted(cohort_ids: list[int] | None, period: Period | None) -> Callable[[], object]:
    def count() -> object:
        forget_recent_figures()
        return programme_figures(cohort_ids, period, clock)

    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=10_000)
    parser.add_argument("sessions", nargs="?", type=int, default=100_000)
    large_file_argument(parser)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = chosen_large_file(arguments.file) if arguments.file else Path(folder) / "f.revmentor"
        with DataFile.open(path, create=arguments.file is None):
            if arguments.file is None:
                generate_demo(
                    people=arguments.people, sessions=arguments.sessions, seed=1, today=TODAY
                )
            print(
                f"File: {Person.select().count():,} people, {Pair.select().count():,} pairs, "
                f"{Meeting.select().count():,} sessions"
            )
            cohort = _largest_cohort()
            quarter = Period(TODAY - timedelta(days=91), TODAY)
            every_cohort = best_of(_counted(None, None))
            one_cohort = best_of(_counted([cohort], quarter))
            _, reading = reading_every_session()
            counting, _ = best_of(
                lambda: database_proxy.execute_sql("SELECT COUNT(*) FROM session").fetchall()
            )
    every_met = _judged(EVERY_COHORT_FIGURES, every_cohort, reading)
    one_met = _judged(ONE_COHORT_FIGURES, one_cohort, reading)
    print(
        f"  reference, SQLite reading every session once: {reading * 1000:.1f} ms of processor "
        f"time; "
        f"SELECT COUNT(*) over the sessions: {counting * 1000:.2f} ms"
    )
    ok = every_met and one_met
    print("Goals met." if ok else "A goal was missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
