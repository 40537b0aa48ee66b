"""``revmentor certificates`` as a coordinator or a script runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop.domain import pairs
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.lock import WriterLock
from tests.helpers.cli import run
from tests.reports.helpers import page_count, page_texts
from tests.reports.programme import Programme, build_programme, clock

ROOT = Path(__file__).parents[2]


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        built = build_programme()
        pairs.change_status(built.pair_id, "complete", clock=clock)
        return built


def certificates(
    capsys: pytest.CaptureFixture[str], data_path: Path, *arguments: str
) -> tuple[int, str, str]:
    return run(capsys, "--data", str(data_path), "certificates", *arguments)


def test_a_completed_pair_gets_a_page_for_each_partner_even_with_the_window_open(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "pair.pdf"
    with WriterLock(data_path):  # what the open window holds: certificates only read
        status, out, err = certificates(
            capsys, data_path, "--pair", str(programme.pair_id), "-o", str(output)
        )
    assert status == 0, err
    assert out.strip() == f"Wrote 2 certificates to {output}"
    mentor, mentee = page_texts(output.read_bytes())
    assert "Agnès Dubois" in mentor and "REVERSE MENTOR" in mentor
    assert "Jörg Müller" in mentee and "MENTEE" in mentee


def test_a_cohort_by_name_gets_a_page_per_person_of_its_completed_pairs(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "cohort.pdf"
    status, out, err = certificates(
        capsys, data_path, "--cohort", "reverse MENTORING 2026", "-o", str(output)
    )
    assert status == 0, err
    assert "Wrote 2 certificates" in out
    assert page_count(output.read_bytes()) == 2


@pytest.mark.parametrize(
    ("target", "said"),
    [
        (["--pair", "999"], "There is no pair with number 999."),
        (["--pair", "QUIET"], "is active, not completed"),
        (["--cohort", "Nope"], "There is no cohort called “Nope”. Known cohorts: Reverse"),
    ],
    ids=["unknown pair", "pair not completed", "unknown cohort"],
)
def test_refusals_say_what_is_wrong_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    tmp_path: Path,
    programme: Programme,
    target: list[str],
    said: str,
) -> None:
    output = tmp_path / "nothing.pdf"
    target = [str(programme.quiet_pair_id) if word == "QUIET" else word for word in target]
    status, out, err = certificates(capsys, data_path, *target, "-o", str(output))
    assert status == 1
    assert err.startswith("revmentor: ") and said in err
    assert not out and not output.exists()


def test_a_cohort_with_no_completed_pair_is_refused(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    with DataFile.open(data_path, create=True):
        built = build_programme()
    output = tmp_path / "nothing.pdf"
    status, _, err = certificates(
        capsys, data_path, "--cohort", built.cohort_name, "-o", str(output)
    )
    assert status == 1
    assert "has no completed pairs (its pairs: 5 active, 2 ended early)" in err
    assert not output.exists()


def test_the_installed_command_runs_it(
    data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "pair.pdf"
    command = [sys.executable, "-m", "revmentor_desktop", "--data", str(data_path)]
    command += ["certificates", "--pair", str(programme.pair_id), "-o", str(output)]
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == 0, result.stderr
    assert page_count(output.read_bytes()) == 2
