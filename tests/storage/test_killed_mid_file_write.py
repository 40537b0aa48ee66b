"""Killed at a named moment while replacing a whole file, RevMentor leaves no erased person, no
half-made data file and, after the next open, no stray copy of personal data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain.text import email_key
from revmentor_desktop.paths import backup_folder_for, default_data_file
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.files import PAUSE_VARIABLE
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.storage.models import Person
from tests.storage.helpers import ERASED_NAME, programme_with_an_erasure

PROJECT = Path(__file__).parents[2]


def _run_until(moment: str, *arguments: str) -> subprocess.Popen[str]:
    """Start ``revmentor ARGUMENTS`` and return it paused at ``moment``, ready to be killed."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT), PAUSE_VARIABLE: moment}
    process = subprocess.Popen(
        [sys.executable, "-m", "revmentor_desktop", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    if line.strip() != f"paused at {moment}":
        process.kill()
        output, errors = process.communicate(timeout=10)
        raise AssertionError(f"never reached {moment}: {line}{errors}{output}")
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL


def _stray_temporaries(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if ".partial" in entry.name)


def _assert_erased(data_path: Path, person_id: int) -> None:
    assert ERASED_NAME.encode() not in data_path.read_bytes()
    with DataFile.open(data_path):
        assert Person.get_by_id(person_id).name == "Erased person #1"
        assert Person.select().count() == 2


def test_a_restore_killed_just_after_replacing_the_file_keeps_the_person_erased(
    data_path: Path,
) -> None:
    older, uma = programme_with_an_erasure(data_path)
    restoring = _run_until(
        "restore-replaced", "--data", str(data_path), "restore", str(older), "--yes"
    )
    _kill(restoring)
    _assert_erased(data_path, uma)


def test_a_restore_killed_before_replacing_leaves_the_file_and_no_copy_behind(
    data_path: Path,
) -> None:
    older, uma = programme_with_an_erasure(data_path)
    before = data_path.read_bytes()
    restoring = _run_until(
        "restore-before-replacing", "--data", str(data_path), "restore", str(older), "--yes"
    )
    _kill(restoring)
    assert data_path.read_bytes() == before
    assert _stray_temporaries(data_path.parent), "the killed restore left its copy"
    _assert_erased(data_path, uma)  # which opens the file: leftovers go
    assert _stray_temporaries(data_path.parent) == []
    assert _stray_temporaries(backup_folder_for(data_path)) == []


def test_a_demo_killed_while_filling_leaves_no_file_and_can_be_run_again(
    data_path: Path,
) -> None:
    demo = ("--data", str(data_path), "demo", "--people", "30", "--sessions", "40")
    _kill(_run_until("filling-new-file", *demo))
    assert not data_path.exists(), "no empty or half-filled file under the final name"

    finished = subprocess.run(
        [sys.executable, "-m", "revmentor_desktop", *demo],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    with DataFile.open(data_path) as opened:
        assert Person.select().count() == 30
        assert opened.report().schema_version == LATEST_VERSION
    assert sorted(entry.name for entry in data_path.parent.iterdir()) == [data_path.name]


def _pid_of_a_finished_process() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_opening_removes_only_what_dead_writers_left(data_path: Path) -> None:
    DataFile.open(data_path, create=True).close()
    folder = backup_folder_for(data_path)
    folder.mkdir()
    dead = _pid_of_a_finished_process()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        removable = [
            data_path.with_name(f".{data_path.name}.{dead}.partial"),
            data_path.with_name(f".{data_path.name}.{dead}.partial-journal"),
            folder / f".programme 2026-03-01_090000 daily.revmentor.{dead}.partial",
            data_path.with_name(f".{data_path.name}.restoring"),  # as earlier versions named it
        ]
        kept = [
            data_path.with_name(f".{data_path.name}.{running.pid}.partial"),  # still writing
            data_path.with_name(f".report.pdf.{dead}.partial"),  # not this data file's
            data_path.with_name("notes.partial"),
            data_path.with_name(".hidden settings"),
            folder / f".programme copy.revmentor.{running.pid}.partial",
            folder / "programme 2026-03-01_090000 daily.revmentor.partial",
        ]
        for path in removable + kept:
            path.write_bytes(b"Uma Sato")
        DataFile.open(data_path).close()
        assert [path for path in removable if path.exists()] == []
        assert [path for path in kept if not path.exists()] == []
    finally:
        running.kill()
        running.wait()


BACKUPS = ("automatic", "copy into the backup folder")


def _backup_arguments(kind: str, data_path: Path) -> tuple[str, ...]:
    if kind == "automatic":
        return ("--data", str(data_path), "backup")
    by_hand = backup_folder_for(data_path) / "before the audit.revmentor"
    return ("--data", str(data_path), "backup", "-o", str(by_hand))


def _programme_with(data_path: Path, name: str, email: str) -> None:
    stamp = datetime(2026, 3, 1, 9, 0)
    with DataFile.open(data_path, create=True):
        Person.create(
            name=name, email=email, email_key=email_key(email), created_at=stamp, updated_at=stamp
        )
        Person.create(name="Kwame Mensah", created_at=stamp, updated_at=stamp)
    backup_folder_for(data_path).mkdir(exist_ok=True)


def _killed_mid_copy(kind: str, data_path: Path) -> list[Path]:
    """Kill ``revmentor backup`` with its copy written but not yet in place; the copies it left."""
    _kill(_run_until("backup-before-replacing", *_backup_arguments(kind, data_path)))
    folder = backup_folder_for(data_path)
    left = [folder / name for name in _stray_temporaries(folder)]
    assert left, "the killed backup left its copy"
    assert all(ERASED_NAME.encode() in path.read_bytes() for path in left)
    return left


@pytest.mark.parametrize("kind", BACKUPS)
def test_a_backup_killed_mid_copy_leaves_nothing_after_the_next_open(
    data_path: Path, kind: str
) -> None:
    _programme_with(data_path, ERASED_NAME, "uma.sato@example.org")
    left = _killed_mid_copy(kind, data_path)
    DataFile.open(data_path).close()
    assert [path for path in left if path.exists()] == []


@pytest.mark.parametrize("kind", BACKUPS)
def test_erase_purging_backups_after_a_killed_backup_leaves_no_copy_of_the_person(
    data_path: Path, kind: str
) -> None:
    _programme_with(data_path, ERASED_NAME, "uma.sato@example.org")
    _killed_mid_copy(kind, data_path)
    erase = ("--data", str(data_path), "erase", "uma.sato@example.org", "--yes")
    finished = subprocess.run(
        [sys.executable, "-m", "revmentor_desktop", *erase, "--purge-backups"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert "Deleted 1 backup that still held their data." in finished.stdout  # before-erasure
    for path in [data_path, *backup_folder_for(data_path).iterdir()]:
        assert ERASED_NAME.encode() not in path.read_bytes(), path


def test_a_first_start_killed_while_creating_its_file_leaves_no_empty_file() -> None:
    """The window creates the default data file on first start through ``DataFile.open``."""
    path = default_data_file()
    _kill(_run_until("filling-new-file"))  # no --data: the default file, created
    assert not path.exists(), "no empty or half-made file under the final name"
    assert _stray_temporaries(path.parent), "the killed start left its half-made file"
    DataFile.open(path, create=True).close()
    assert _stray_temporaries(path.parent) == []
