"""Only one RevMentor changes a data file at a time, and a crashed one never blocks the next."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from revmentor_desktop.paths import lock_file_for
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import DataFileInUse
from revmentor_desktop.storage.models import Person
from tests.storage.helpers import make_data_file, query, run_python, start_python

TRY_TO_OPEN = """
    import sys
    from pathlib import Path
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.storage.errors import DataFileError
    try:
        DataFile.open(Path(sys.argv[1])).close()
    except DataFileError as error:
        print(type(error).__name__)
        print(error)
    else:
        print("OPENED")
"""

HOLD_OPEN = """
    import os, sys, time
    from pathlib import Path
    from revmentor_desktop.storage.database import DataFile
    held = DataFile.open(Path(sys.argv[1]), create=True)
    print(os.getpid(), flush=True)
    time.sleep(120)
"""


def try_to_open_elsewhere(path: Path) -> list[str]:
    """Open ``path`` from another process; its first output line says what happened."""
    result = run_python(TRY_TO_OPEN, str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def lock_holder(path: Path) -> dict[str, object]:
    return json.loads(lock_file_for(path).read_text(encoding="utf-8"))


@pytest.fixture
def holder_process(data_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """Another process that holds the data file open; yields its pid and the process."""
    process = start_python(HOLD_OPEN, str(data_path))
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert line.strip().isdigit(), process.stderr.read() if process.stderr else line
        yield int(line), process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def test_a_second_process_is_refused_and_told_who_holds_the_file(data_path: Path) -> None:
    make_data_file(data_path)
    with DataFile.open(data_path) as held:
        output = try_to_open_elsewhere(data_path)

        assert output[0] == "DataFileInUse"
        message = "\n".join(output[1:])
        assert f"process {os.getpid()} " in message
        assert socket.gethostname() in message
        assert "already open" in message
        assert "Close RevMentor there first" in message
        # The refused process neither took the lock file over nor removed it ...
        assert lock_holder(data_path)["pid"] == os.getpid()
        # ... and the holder carries on changing the file.
        with held.transaction():
            Person.create(name="Still mine", created_at="2024-05-01", updated_at="2024-05-01")
    assert query(data_path, "SELECT name FROM person") == [("Still mine",)]


def test_this_process_is_refused_while_another_holds_the_file(
    data_path: Path, holder_process: tuple[int, subprocess.Popen[str]]
) -> None:
    holder_pid, _process = holder_process

    with pytest.raises(DataFileInUse) as refused:
        DataFile.open(data_path)

    assert f"process {holder_pid} " in str(refused.value)
    assert socket.gethostname() in str(refused.value)
    assert str(os.getpid()) not in str(refused.value)


def test_the_same_process_cannot_open_the_file_twice(data_path: Path) -> None:
    make_data_file(data_path)
    with DataFile.open(data_path), pytest.raises(DataFileInUse):
        DataFile.open(data_path)


def test_closing_releases_the_file_for_the_next_process(data_path: Path) -> None:
    make_data_file(data_path)
    opened = DataFile.open(data_path)
    assert try_to_open_elsewhere(data_path)[0] == "DataFileInUse"

    opened.close()

    assert not lock_file_for(data_path).exists()
    assert try_to_open_elsewhere(data_path) == ["OPENED"]
    with DataFile.open(data_path):
        assert lock_holder(data_path)["pid"] == os.getpid()


def test_a_lock_left_by_a_killed_process_is_reclaimed(
    data_path: Path, holder_process: tuple[int, subprocess.Popen[str]]
) -> None:
    holder_pid, process = holder_process
    assert lock_holder(data_path)["pid"] == holder_pid

    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    # The crash left its lock file behind, naming a process that no longer exists.
    assert lock_file_for(data_path).exists()
    assert lock_holder(data_path)["pid"] == holder_pid
    with DataFile.open(data_path):
        assert lock_holder(data_path)["pid"] == os.getpid()
        assert try_to_open_elsewhere(data_path)[0] == "DataFileInUse"


def test_a_stale_lock_file_naming_a_dead_process_is_reclaimed(data_path: Path) -> None:
    make_data_file(data_path)
    finished = run_python("import os; print(os.getpid())")
    dead_pid = int(finished.stdout)
    lock_file_for(data_path).write_text(
        json.dumps(
            {
                "pid": dead_pid,
                "host": socket.gethostname(),
                "user": "someone",
                "since": "2024-01-01T09:00:00",
            }
        ),
        encoding="utf-8",
    )

    with DataFile.open(data_path):
        assert lock_holder(data_path)["pid"] == os.getpid()
    assert try_to_open_elsewhere(data_path) == ["OPENED"]


def test_an_unreadable_lock_file_does_not_block_opening(data_path: Path) -> None:
    make_data_file(data_path)
    lock_file_for(data_path).write_text("{half a record", encoding="utf-8")

    with DataFile.open(data_path):
        assert lock_holder(data_path)["pid"] == os.getpid()
