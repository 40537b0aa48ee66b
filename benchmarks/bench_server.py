"""Benchmark a programme on a PostgreSQL server: start-up, filtering, sorting, five coordinators.

Run with ``python benchmarks/bench_server.py [--server URL] [--seconds N] [--file PATH]``
(offscreen without a display). It puts the file of ``revmentor demo --people 10000 --sessions
100000`` (generated once by bench_workspace, cached under benchmarks/output/), or a copy of the
file ``--file`` names, on a new database on the server (``revmentor copy``'s service), then
prints each figure with its goal:

- start-up to a populated window on the server, against the same on the data file (≤ 1.5×),
  timed as bench_workspace times it: from launching a fresh interpreter to the shown window;
- the people search typed letter by letter (p95) and the slowest column sort, on the server,
  each as a ratio to SQLite reading the same rows from the data file in the same run (the
  workspace's goals, ``goals.py``: 30 ms and 100 ms on the recording machine);
- five coordinators (processes) saving random people's and pairs' notes for ``--seconds``
  through the versioned updates a dialog uses, reloading and saving again when told another
  coordinator saved first. Afterwards every acknowledged save must still be there or have been
  overwritten by a later acknowledged save (0 lost), and every save of a stale copy must have
  been refused (every conflict reported).

The database (default ``postgresql:///revmentor_bench``, made with ``createdb``) is dropped at
the end unless ``--keep``. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import os

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import dataclasses
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_workspace import (
    APP_WINDOW,
    STARTUP_RUNS,
    chosen_large_file,
    compile_bytecode,
    large_file_argument,
    measure_people_filter,
    measure_slowest_sort,
    time_until_ready,
)
from goals import PEOPLE_FILTER, SLOWEST_SORT
from references import reading_every_person, reading_every_session

STARTUP_RATIO_GOAL = 1.5
COORDINATORS = 5
HOT_ROWS = 10  # people and pairs each: few enough that coordinators often meet on one

# APP_WINDOW's start, with the window opened on a server database instead of a data file.
SERVER_WINDOW = """
import gc, sys
gc.disable()
from PySide6.QtWidgets import QApplication
from revmentor_desktop.app import start_gui
from revmentor_desktop.services.location import server_location
window = start_gui(server_location(sys.argv[1]))
QApplication.processEvents()
print("ready", flush=True)
window.close()
"""


def put_on_server(path: Path, url: str) -> None:
    """A new database holding the programme of ``path``, copied and verified by ``copy``."""
    from revmentor_desktop.services.copying import copy_programme
    from revmentor_desktop.services.location import file_location, server_location

    location = server_location(url)
    subprocess.run(["dropdb", "--if-exists", location.database_name], check=True)
    # Text compared by letter code, as in a data file.
    created_as_readme_says = ("--template", "template0", "--encoding", "UTF8", "--lc-collate", "C")
    subprocess.run(["createdb", *created_as_readme_says, location.database_name], check=True)
    started = time.perf_counter()
    copy_programme(file_location(path), location, replace=False)
    print(f"  copied to {url} in {time.perf_counter() - started:.1f} s")


def measure_startups(path: Path, url: str, environment: dict[str, str]) -> tuple[float, float]:
    """Median seconds to a populated window on the data file and on the server, interleaved."""
    time_until_ready(APP_WINDOW, str(path), environment=environment)  # warm-up, daily backup
    time_until_ready(SERVER_WINDOW, url, environment=environment)
    on_file, on_server = [], []
    for _ in range(STARTUP_RUNS):
        on_file.append(time_until_ready(APP_WINDOW, str(path), environment=environment))
        on_server.append(time_until_ready(SERVER_WINDOW, url, environment=environment))
    return statistics.median(on_file), statistics.median(on_server)


def measure_lists_on_server(url: str) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from revmentor_desktop.services.location import server_location
    from revmentor_desktop.storage.server import ServerStore

    QApplication.instance() or QApplication([])
    location = server_location(url)
    with ServerStore.open(location.url, location.database_name):
        return measure_people_filter(), measure_slowest_sort()


@dataclass(frozen=True)
class Save:
    """An acknowledged save: ``marker`` written to a row's notes over the copy at ``base``."""

    coordinator: int
    kind: str
    row_id: int
    marker: str
    base: int


@dataclass(frozen=True)
class Conflict:
    """A refused save: the copy at ``base`` was stale."""

    coordinator: int
    kind: str
    row_id: int
    base: int


def _versioned_access() -> dict[str, tuple[Callable[[int], Any], Callable[..., Any]]]:
    from revmentor_desktop.domain import edits
    from revmentor_desktop.domain.pairs import load_pair
    from revmentor_desktop.domain.people import load_person

    return {
        "person": (
            load_person,
            lambda row, draft, base: edits.update_person(row, draft, base=base),
        ),
        "pair": (load_pair, lambda row, draft, base: edits.update_pair(row, draft, base=base)),
    }


def coordinate(
    number: int, url: str, seconds: float, rows: list[tuple[str, int]]
) -> tuple[list[Save], list[Conflict]]:
    """One coordinator: load a random row as a dialog does, pause as if typing, save new notes
    against the loaded version; when refused, reload and save again. Until ``seconds`` pass."""
    from revmentor_desktop.domain.conflicts import EditConflict
    from revmentor_desktop.services.location import server_location
    from revmentor_desktop.storage.server import ServerStore

    access = _versioned_access()
    chance = random.Random(number)
    saves: list[Save] = []
    conflicts: list[Conflict] = []
    location = server_location(url)
    deadline = time.monotonic() + seconds
    with ServerStore.open(location.url, location.database_name):
        while time.monotonic() < deadline:
            kind, row_id = chance.choice(rows)
            load, update = access[kind]
            marker = f"coordinator {number} save {len(saves) + 1}"
            while True:
                loaded = load(row_id)
                time.sleep(chance.uniform(0, 0.02))
                draft = dataclasses.replace(loaded.draft, coordinator_notes=marker)
                try:
                    update(row_id, draft, loaded)
                except EditConflict:
                    conflicts.append(Conflict(number, kind, row_id, loaded.version))
                    continue
                saves.append(Save(number, kind, row_id, marker, loaded.version))
                break
    return saves, conflicts


@dataclass(frozen=True)
class Verdict:
    saves: int
    lost: int
    conflicts: int
    unreported: int
    spurious: int


def judge(
    saves: list[Save], conflicts: list[Conflict], final: dict[tuple[str, int], str]
) -> Verdict:
    """Versions only move by a save, so the acknowledged saves of a row must each start from a
    different version, and the row must end holding the one that started from the latest.

    Two saves acknowledged over the same version: the second wrote over the first without its
    coordinator being told (an unreported conflict, and the first save lost). A refused save
    is real when some other save was acknowledged over the version it loaded."""
    lost = unreported = 0
    by_row: dict[tuple[str, int], list[Save]] = {}
    for save in saves:
        by_row.setdefault((save.kind, save.row_id), []).append(save)
    for row, acknowledged in by_row.items():
        repeated = sum(n - 1 for n in Counter(save.base for save in acknowledged).values())
        unreported += repeated
        lost += repeated
        latest = max(save.base for save in acknowledged)
        lost += final[row] not in {save.marker for save in acknowledged if save.base == latest}
    moved = {(save.kind, save.row_id, save.base) for save in saves}
    spurious = sum((c.kind, c.row_id, c.base) not in moved for c in conflicts)
    return Verdict(len(saves), lost, len(conflicts), unreported, spurious)


def hot_rows(url: str) -> list[tuple[str, int]]:
    from revmentor_desktop.services.location import server_location
    from revmentor_desktop.storage.models import Pair, Person
    from revmentor_desktop.storage.server import ServerStore

    location = server_location(url)
    with ServerStore.open(location.url, location.database_name):
        people = [p.id for p in Person.select(Person.id).order_by(Person.id).limit(HOT_ROWS)]
        pairs = [p.id for p in Pair.select(Pair.id).order_by(Pair.id).limit(HOT_ROWS)]
    return [("person", row) for row in people] + [("pair", row) for row in pairs]


def final_notes(url: str, rows: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    from revmentor_desktop.services.location import server_location
    from revmentor_desktop.storage.server import ServerStore

    access = _versioned_access()
    location = server_location(url)
    with ServerStore.open(location.url, location.database_name):
        return {(kind, row): access[kind][0](row).draft.coordinator_notes for kind, row in rows}


def simulate_coordinators(url: str, seconds: float) -> Verdict:
    rows = hot_rows(url)
    # Spawned, not forked: each coordinator opens its own connection, as separate machines do.
    with multiprocessing.get_context("spawn").Pool(COORDINATORS) as pool:
        results = pool.starmap(
            coordinate, [(number, url, seconds, rows) for number in range(1, COORDINATORS + 1)]
        )
    saves = [save for done, _ in results for save in done]
    conflicts = [conflict for _, refused in results for conflict in refused]
    return judge(saves, conflicts, final_notes(url, rows))


def references_on(path: Path) -> tuple[float, float]:
    """SQLite reading every person's listed text and every session of the data file on the
    clock (ms): the references of the list goals, timed in this run."""
    from revmentor_desktop.storage.database import DataFile

    with DataFile.open(path):
        return reading_every_person()[0] * 1000, reading_every_session()[0] * 1000


def report(name: str, value: float, goal: float, unit: str) -> bool:
    met = value <= goal
    print(f"{name:44} {value:9.2f} {unit:3} goal ≤ {goal:g} {unit:3} {'ok' if met else 'MISSED'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="postgresql:///revmentor_bench")
    parser.add_argument("--seconds", type=float, default=60.0, help="of coordinators editing")
    parser.add_argument("--keep", action="store_true", help="keep the server database")
    large_file_argument(parser)
    arguments = parser.parse_args()

    path = chosen_large_file(arguments.file)
    people_read, sessions_read = references_on(path)
    home = tempfile.mkdtemp(prefix="revmentor-bench-")
    os.environ["REVMENTOR_HOME"] = home
    environment = compile_bytecode({**os.environ, "REVMENTOR_HOME": home})
    put_on_server(path, arguments.server)
    try:
        on_file, on_server = measure_startups(path, arguments.server, environment)
        filter_p95, slowest_sort = measure_lists_on_server(arguments.server)
        print(f"  {COORDINATORS} coordinators editing for {arguments.seconds:g} s…", flush=True)
        verdict = simulate_coordinators(arguments.server, arguments.seconds)
    finally:
        if not arguments.keep:
            from revmentor_desktop.services.location import server_location

            name = server_location(arguments.server).database_name
            subprocess.run(["dropdb", "--if-exists", name], check=True)

    print()
    print(f"start-up to a populated window: data file {on_file:.3f} s, server {on_server:.3f} s")
    met = [
        report("start-up ratio (server / data file)", on_server / on_file, STARTUP_RATIO_GOAL, "x"),
    ]
    print(
        f"references, SQLite on the data file: every person {people_read:.2f} ms, "
        f"every session {sessions_read:.2f} ms"
    )
    for goal, measured, reference in (
        (PEOPLE_FILTER, filter_p95, people_read),
        (SLOWEST_SORT, slowest_sort, sessions_read),
    ):
        print(f"  on the server, {goal.verdict(measured, reference)}")
        met.append(goal.met(measured, reference))
    print(
        f"coordinators: {verdict.saves} saves acknowledged, {verdict.conflicts} conflicts "
        f"reported ({verdict.spurious} without another save first)"
    )
    met.append(report("lost updates", verdict.lost, 0, ""))
    met.append(report("conflicts not reported", verdict.unreported, 0, ""))
    met.append(report("conflicts reported without one", verdict.spurious, 0, ""))
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
