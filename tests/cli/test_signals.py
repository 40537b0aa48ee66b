"""Signals and pipes around a running command, and around the window: SIGTERM (logout,
shutdown, ``kill``) and output piped into ``head``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.files import PAUSE_SECONDS_VARIABLE, PAUSE_VARIABLE
from tests.storage.helpers import make_data_file, query, side_files, write_staff_list

REPOSITORY = Path(__file__).parents[2]


def revmentor(
    *arguments: str, home: Path, pause: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPOSITORY),
        "REVMENTOR_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        **(pause or {}),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "revmentor_desktop", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def big_staff_list(path: Path) -> Path:
    return write_staff_list(path, rows=20_000, notes_length=200)


def test_sigterm_during_an_import_rolls_back_and_leaves_no_partial_file(
    data_path: Path, tmp_path: Path, isolated_home: Path
) -> None:
    make_data_file(data_path, people=10)
    staff = big_staff_list(tmp_path / "staff.csv")
    process = revmentor("--data", str(data_path), "import-people", str(staff), home=isolated_home)
    assert process.stdout is not None
    assert process.stdout.readline().startswith("Read ")  # the file is read; the import starts
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "stopped by a termination signal" in err
    assert "Traceback" not in err
    assert query(data_path, "SELECT count(*) FROM person") == [(10,)]
    assert side_files(data_path) == set()
    partial = [p.name for p in data_path.parent.rglob("*") if p.name.startswith(".")]
    assert partial == []
    assert not data_path.with_name(data_path.name + ".lock").exists()


def test_output_piped_into_head_ends_quietly(
    data_path: Path, tmp_path: Path, isolated_home: Path
) -> None:
    make_data_file(data_path)
    staff = big_staff_list(tmp_path / "staff.csv")
    process = revmentor(
        "--data", str(data_path), "import-people", str(staff), "--dry-run", home=isolated_home
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # what `| head -1` does once it has its line
    err = process.stderr.read()
    assert process.wait(timeout=120) == 128 + signal.SIGPIPE
    assert err == ""


def test_sigterm_closes_the_window_as_quit_does(data_path: Path, isolated_home: Path) -> None:
    make_data_file(data_path, people=3)
    lock = data_path.with_name(data_path.name + ".lock")
    window = revmentor("--data", str(data_path), home=isolated_home)
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert lock.exists(), "the window should have opened the file"
    time.sleep(2)  # the window is up and its event loop running
    window.send_signal(signal.SIGTERM)
    _out, err = window.communicate(timeout=60)
    assert window.returncode == 0, err
    assert not lock.exists()  # lock released
    assert side_files(data_path) == set()  # log checkpointed into the file
    settings = "".join(path.read_text() for path in isolated_home.rglob("*.ini"))
    assert "geometry=" in settings  # saved by the window's close, as on Quit


def programme(path: Path) -> None:
    """A reverse-mentoring cohort of two juniors and two seniors, ready to be matched."""
    consent = date(2026, 1, 1)
    with DataFile.open(path, create=True):
        cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"))
        for name, grade, role in (("Ana Ortiz", 2, "mentor"), ("Ben Li", 3, "mentor")):
            email = f"{name.lower().replace(' ', '.')}@example.org"
            draft = people.PersonDraft(
                name, email, grade=grade, teaches=["AI"], consent_date=consent
            )
            cohorts.enrol(cohort_id, people.add_person(draft), role)
        for name, grade in (("Hana Boss", 9), ("Zoë Park", 8)):
            draft = people.PersonDraft(name, grade=grade, learns=["AI"], consent_date=consent)
            cohorts.enrol(cohort_id, people.add_person(draft), "mentee")


def _terminated_before_its_commit(
    *arguments: str, home: Path, pause_seconds: float = 600
) -> tuple[str, str]:
    """Run ``revmentor ARGUMENTS``, send SIGTERM while it waits just before committing its
    change, and return its output once it has stopped with the termination status."""
    pause = {PAUSE_VARIABLE: "before-commit", PAUSE_SECONDS_VARIABLE: str(pause_seconds)}
    process = revmentor(*arguments, home=home, pause=pause)
    assert process.stderr is not None
    assert process.stderr.readline().strip() == "paused at before-commit"
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "stopped by a termination signal" in err and "Traceback" not in err
    return out, err


def _nothing_left_beside(data_path: Path) -> None:
    assert side_files(data_path) == set()
    assert not data_path.with_name(data_path.name + ".lock").exists()
    assert [p.name for p in data_path.parent.rglob("*") if ".partial" in p.name] == []


def test_sigterm_during_match_apply_creates_no_pair(data_path: Path, isolated_home: Path) -> None:
    programme(data_path)
    out, _err = _terminated_before_its_commit(
        "--data", str(data_path), "match", "--cohort", "Reverse 2026", "--apply", home=isolated_home
    )
    assert "Ana Ortiz → Hana Boss" in out  # proposed, then stopped while creating the pairs
    assert "Created" not in out
    assert query(data_path, "SELECT count(*) FROM pair") == [(0,)]
    _nothing_left_beside(data_path)


def test_sigterm_during_an_erasure_lets_it_finish_and_says_so(
    data_path: Path, isolated_home: Path
) -> None:
    programme(data_path)
    email = "ana.ortiz@example.org"
    out, _err = _terminated_before_its_commit(
        "--data",
        str(data_path),
        "erase",
        email,
        "--yes",
        "--purge-backups",
        home=isolated_home,
        pause_seconds=1,
    )
    assert f"Erased Ana Ortiz <{email}>; their records now show “Erased person #1”." in out
    assert "Deleted 1 backup that still held their data." in out
    for path in [data_path, *backup_folder_for(data_path).iterdir()]:
        assert b"Ana Ortiz" not in path.read_bytes(), path
    _nothing_left_beside(data_path)
