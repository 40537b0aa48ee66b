"""Benchmark: start-up of this checkout against another one, in the same run ("start-up unchanged").

An issue that must not slow start-up is judged against the commit before it: check that commit
out beside this one (``git worktree add --detach ../before COMMIT``) and run
``python benchmarks/bench_startup_against.py ../before``. Each checkout starts on a demo file
of its own format, made by its own ``revmentor demo --people 10000 --sessions 100000 --seed 1``
(the same people, pairs and sessions), or on the files ``--file`` and ``--other-file`` name
(copies are used). It is the workspace benchmark's start-up (``bench_workspace.py``): a fresh
interpreter until the populated window is shown, the median of several starts, interleaved with
a bare PySide6 window so that a busy moment hits all three alike.

The goal is this checkout's start-up at most ``GOAL`` times the other's, on the clock and in
the processor time of the started programs. Exits 1 when it is missed.
"""

from __future__ import annotations

import os

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_workspace import (
    APP_WINDOW,
    BARE_WINDOW,
    CHECKOUT,
    STARTUP_RUNS,
    compile_bytecode,
    generate_large_file,
    time_until_ready,
)

GOAL = 1.1  # the medians of two identical checkouts differ by up to 5% here


def processor_seconds_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Starts:
    """The clock and processor seconds of each start of one program."""

    def __init__(self, code: str, checkout: Path, *arguments: str) -> None:
        self.code, self.checkout, self.arguments = code, checkout, arguments
        self.clock: list[float] = []
        self.processor: list[float] = []

    def start(self, environment: dict[str, str], timed: bool = True) -> None:
        before = processor_seconds_of_children()
        elapsed = time_until_ready(
            self.code, *self.arguments, environment=environment, checkout=self.checkout
        )
        if timed:
            self.clock.append(elapsed)
            self.processor.append(processor_seconds_of_children() - before)

    def medians(self) -> tuple[float, float]:
        return statistics.median(self.clock), statistics.median(self.processor)


def data_file(given: Path | None, checkout: Path, folder: Path) -> Path:
    path = folder / f"{checkout.name}.revmentor"
    if given is not None:
        shutil.copyfile(given, path)
    else:
        print(f"Generating the demo file with {checkout}…", flush=True)
        generate_large_file(path, checkout)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (e.g. the commit before)")
    parser.add_argument("--file", type=Path, help="a demo file in this checkout's format")
    parser.add_argument("--other-file", type=Path, help="a demo file in the other's format")
    arguments = parser.parse_args()
    other = arguments.other.resolve()
    folder = Path(tempfile.mkdtemp(prefix="revmentor-startup-"))
    environment = {**os.environ, "REVMENTOR_HOME": str(folder / "home")}
    environment = compile_bytecode(compile_bytecode(environment), other)
    programs = {
        "bare PySide6 window": Starts(BARE_WINDOW, CHECKOUT),
        f"other checkout ({other.name})": Starts(
            APP_WINDOW, other, str(data_file(arguments.other_file, other, folder))
        ),
        "this checkout": Starts(
            APP_WINDOW, CHECKOUT, str(data_file(arguments.file, CHECKOUT, folder))
        ),
    }
    for program in programs.values():  # untimed: the daily backup, a warm file cache
        program.start(environment, timed=False)
    for _ in range(STARTUP_RUNS):
        for program in programs.values():
            program.start(environment)
    print(f"{'start-up, median of ' + str(STARTUP_RUNS):38} {'clock s':>8} {'processor s':>12}")
    for name, program in programs.items():
        clock, processor = program.medians()
        print(f"{name:38} {clock:8.3f} {processor:12.3f}")
    bare, before, now = (program.medians() for program in programs.values())
    print(f"the other checkout: {before[0] / bare[0]:.2f}x a bare window on the clock")
    print(f"this checkout:      {now[0] / bare[0]:.2f}x a bare window on the clock")
    ratios = (now[0] / before[0], now[1] / before[1])
    met = all(ratio <= GOAL for ratio in ratios)
    print(
        f"this / the other: {ratios[0]:.2f} on the clock, {ratios[1]:.2f} in processor time "
        f"(goal ≤ {GOAL}: {'met' if met else 'MISSED'})"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
