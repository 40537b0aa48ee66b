"""Benchmark: import a generated 10,000-row staff list into a new data file (goal: ≤ 5 s).

Run with ``python benchmarks/bench_import.py [ROWS]`` (464000 rows make the 50 MB CSV, whose goal
is a peak of ≤ 300 MB). Prints reading, planning and writing times, the process's peak memory and
the ratios to the goals; exits 1 when a goal is missed.
"""

from __future__ import annotations

import csv
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 5.0
GOAL_PEAK_MB = 300.0


def staff_list(rows: int) -> bytes:
    """A staff list like an HR export: UTF-8 with BOM, managers earlier in the list."""
    departments = ["Finance", "Sales", "IT", "Legal", "Operations", "Marketing", "People"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "Employee ID",
            "First Name",
            "Last Name",
            "Work Email",
            "Department",
            "Job Title",
            "Manager Email",
            "Hire Date",
            "Grade",
            "Location",
        ]
    )
    for number in range(rows):
        manager = f"person{(number - 1) // 8}@example.org" if number else ""
        writer.writerow(
            [
                f"E{number:05d}",
                f"Given{number}",
                f"Family{number % 997}",
                f"person{number}@example.org",
                departments[number % len(departments)],
                "Analyst" if number % 8 else "Manager",
                manager,
                f"{2000 + number % 24}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                str(1 + number % 12),
                "Dublin" if number % 2 else "Leeds",
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        os.environ["REVMENTOR_HOME"] = folder
        from revmentor_desktop.domain import importing
        from revmentor_desktop.storage.database import DataFile

        path = Path(folder) / "bench.revmentor"
        data = staff_list(rows)
        with DataFile.open(path, create=True):
            started = time.perf_counter()
            table = importing.read_table(data, "staff.csv")
            read_done = time.perf_counter()
            plan = importing.build_plan(table, importing.initial_mapping(table.headers))
            plan_done = time.perf_counter()
            result = importing.apply_plan(plan, path)
            apply_done = time.perf_counter()
            again = importing.build_plan(table, importing.initial_mapping(table.headers))
        total = apply_done - started
        print(f"rows: {rows:,}  ({len(data) / 1e6:.1f} MB, {table.detected})")
        print(f"read:  {read_done - started:6.2f} s")
        print(f"plan:  {plan_done - read_done:6.2f} s")
        print(f"apply: {apply_done - plan_done:6.2f} s  (backup, re-check, write)")
        print(f"result: {result.summary()}")
        print(f"total: {total:6.2f} s  goal {GOAL_SECONDS:.1f} s  ratio {total / GOAL_SECONDS:.2f}")
        print(f"second run plans: {again.summary()}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    ratio = peak / GOAL_PEAK_MB
    print(f"peak memory: {peak:.0f} MB  goal {GOAL_PEAK_MB:.0f} MB  ratio {ratio:.2f}")
    return 0 if total <= GOAL_SECONDS and peak <= GOAL_PEAK_MB else 1


if __name__ == "__main__":
    sys.exit(main())
