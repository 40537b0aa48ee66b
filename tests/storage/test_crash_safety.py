"""A RevMentor killed at any moment loses no acknowledged change and leaves a usable file."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.inspection import inspect_data_file
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.storage.models import Person
from tests.storage.helpers import SIDE_SUFFIXES, integrity, query, start_python

pytestmark = pytest.mark.slow

ROUNDS = 24

# Inserts people one transaction at a time and acknowledges each id only once committed.
WRITER = """
    import random, sys
    from datetime import datetime
    from pathlib import Path
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.storage.models import Person
    opened = DataFile.open(Path(sys.argv[1]), create=True)
    print("ready", flush=True)
    rng = random.Random(sys.argv[2])
    while True:
        now = datetime.now()
        with opened.database.atomic():
            # Notes of varied length split pages and spill into overflow pages.
            person = Person.create(
                name=f"Round {sys.argv[2]}",
                coordinator_notes="n" * rng.choice((0, 40, 900, 5000)),
                created_at=now,
                updated_at=now,
            )
        sys.stdout.write(f"{person.id}\\n")
        sys.stdout.flush()
"""


def _everything_written(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The rest of what the killed ``process`` printed, read through the same buffered streams
    as its "ready" line. ``communicate`` reads the pipes themselves: the ids that the reading of
    "ready" had already taken into the stream's buffer (a writer that got ahead of a busy test)
    would be missed, and their rows counted as committed without an acknowledgement."""
    assert process.stdout is not None and process.stderr is not None
    process.wait(timeout=60)
    return process.stdout.read(), process.stderr.read()


def _snapshot_after_crash(path: Path, scratch: Path) -> Path:
    """Copy the file as the crash left it (with its log), so checking it changes nothing."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    for name in (path.name, *(path.name + suffix for suffix in SIDE_SUFFIXES)):
        if (path.parent / name).exists():
            shutil.copy2(path.parent / name, scratch / name)
    return scratch / path.name


def test_killed_writers_lose_no_acknowledged_change(data_path: Path, tmp_path: Path) -> None:
    rng = random.Random(20240514)
    acknowledged: set[int] = set()
    rounds_with_writes = 0

    for round_number in range(ROUNDS):
        writer = start_python(WRITER, str(data_path), str(round_number))
        assert writer.stdout is not None
        if rng.random() < 0.25:
            # Killed while starting up: opening, checking or recovering the file.
            time.sleep(rng.uniform(0.0, 0.25))
        else:
            line = writer.stdout.readline()
            assert line.strip() == "ready", writer.communicate(timeout=10)[1]
            time.sleep(rng.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        output, errors = _everything_written(writer)
        assert writer.returncode == -signal.SIGKILL, errors
        assert "Traceback" not in errors, errors
        ids = {int(line) for line in output.split() if line.isdigit()}
        acknowledged |= ids
        rounds_with_writes += bool(ids)

        if not data_path.exists():
            assert not acknowledged, "acknowledged changes vanished with the file"
            continue
        crashed = _snapshot_after_crash(data_path, tmp_path / "after crash")
        assert integrity(crashed) == ["ok"], f"round {round_number}"
        stored = {int(str(row[0])) for row in query(crashed, "SELECT id FROM person")}
        missing = acknowledged - stored
        assert not missing, f"round {round_number}: acknowledged ids lost: {sorted(missing)[:10]}"
        # At most one commit per round can land without being acknowledged (killed between
        # the commit and the print), however busy the machine; anything more would be rows
        # from nowhere, or acknowledgements the test failed to read.
        assert len(stored - acknowledged) <= round_number + 1

    # The crashes really interrupted work in progress.
    assert rounds_with_writes >= ROUNDS // 2
    assert len(acknowledged) >= 50
    # After the last crash the file opens normally and holds everything acknowledged.
    with DataFile.open(data_path) as opened:
        stored = {person.id for person in Person.select(Person.id)}
        assert acknowledged <= stored
        assert opened.report().healthy
    assert integrity(data_path) == ["ok"]


CREATE_THEN_DIE = """
    import sys
    from pathlib import Path
    from revmentor_desktop.storage.database import DataFile
    print("start", flush=True)
    DataFile.open(Path(sys.argv[1]), create=True)
    print("created", flush=True)
    import time; time.sleep(60)
"""


def test_a_crash_while_creating_a_new_file_never_leaves_an_unusable_one(tmp_path: Path) -> None:
    """Killed part-way through creating a data file, the next start must still open it.

    Killing a few milliseconds after the call lands inside the creation itself.
    """
    rng = random.Random(7)
    for attempt in range(30):
        path = tmp_path / f"new {attempt}" / "programme.revmentor"
        path.parent.mkdir()
        creator = start_python(CREATE_THEN_DIE, str(path))
        assert creator.stdout is not None
        assert creator.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, 0.006))
        creator.send_signal(signal.SIGKILL)
        creator.communicate(timeout=10)

        if path.exists():
            # Whatever is there is a whole data file, not an empty or half-made one.
            assert inspect_data_file(path).schema_version == LATEST_VERSION
        with DataFile.open(path, create=True) as opened:
            assert opened.report().schema_version == LATEST_VERSION
        assert sorted(entry.name for entry in path.parent.iterdir()) == ["programme.revmentor"]


def _write_first_page_from_log(path: Path) -> None:
    """Do what a checkpoint killed after its first write leaves: page 1 new, the rest old."""
    log = path.with_name(path.name + "-wal").read_bytes()
    page_size = int.from_bytes(log[8:12], "big")
    newest_first_page = None
    for offset in range(32, len(log) - 24 - page_size + 1, 24 + page_size):
        if int.from_bytes(log[offset : offset + 4], "big") == 1:
            newest_first_page = log[offset + 24 : offset + 24 + page_size]
    assert newest_first_page is not None
    with path.open("r+b") as handle:
        handle.write(newest_first_page)


def test_a_file_killed_mid_checkpoint_opens_with_every_row(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        opened.database.execute_sql("PRAGMA wal_autocheckpoint = 0")
        opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for number in range(300):
            with opened.database.atomic():
                Person.create(
                    name=f"Person {number}",
                    coordinator_notes="n" * 900,
                    created_at=datetime(2026, 11, 2),
                    updated_at=datetime(2026, 11, 2),
                )
        snapshot = _snapshot_after_crash(data_path, data_path.parent / "crashed")
    _write_first_page_from_log(snapshot)
    header = snapshot.read_bytes()[:100]
    page_size = int.from_bytes(header[16:18], "big")
    header_pages = int.from_bytes(header[28:32], "big")
    assert header_pages * page_size > snapshot.stat().st_size  # it promises more pages
    assert header[24:28] == header[92:96]  # and says that count is valid
    with DataFile.open(snapshot):
        assert Person.select().count() == 300
    assert integrity(snapshot) == ["ok"]
