"""Starting from nothing: ``revmentor new`` and the way every command points to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop import paths
from revmentor_desktop.domain import people
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.database import DataFile
from tests.helpers.cli import run

REPOSITORY = Path(__file__).resolve().parents[2]


def test_new_creates_an_empty_file_that_check_accepts_and_says_what_next(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "programme 2027.revmentor"
    status, out, err = run(capsys, "--data", str(target), "new")
    assert status == 0, err
    assert f"Created an empty data file: {target}" in out
    assert f"revmentor --data '{target}' import-people staff.csv" in out
    status, out, err = run(capsys, "--data", str(target), "check")
    assert status == 0, err
    assert "0 people, 0 cohorts, 0 pairs, 0 sessions" in out
    assert "Integrity: ok" in out


def test_new_refuses_an_existing_file_and_leaves_it_as_it_was(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    with DataFile.open(data_path, create=True):
        people.add_person(people.PersonDraft("Agnès Dupont"))
    before = data_path.read_bytes()
    status, out, err = run(capsys, "--data", str(data_path), "new")
    assert status == 1
    assert out == ""
    assert f"{data_path} already exists, so nothing was created." in err
    assert "Traceback" not in err
    assert data_path.read_bytes() == before


def test_new_on_a_folder_names_a_file_to_use_instead(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "--data", str(tmp_path), "new")
    assert status == 1
    assert f"{tmp_path}: is a folder, but a data file was expected" in err
    assert str(tmp_path / "programme.revmentor") in err


def test_new_in_a_missing_folder_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "programme.revmentor"
    status, _, err = run(capsys, "--data", str(target), "new")
    assert status == 1
    assert f"The folder {target.parent} does not exist; nothing was created." in err
    assert not target.parent.exists()


def test_new_in_a_read_only_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere the mode bits forbid, so the read-only folder is simulated where
    # the storage layer asks (as tests/storage/test_faults.py does without a mount).
    monkeypatch.setattr(disk, "can_write", lambda path: Path(path) != tmp_path)
    target = tmp_path / "programme.revmentor"
    status, _, err = run(capsys, "--data", str(target), "new")
    assert status == 1
    assert f"The folder {tmp_path} is read-only" in err
    assert not target.exists()


def test_new_without_data_makes_the_default_file_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    default = paths.default_data_file()
    status, out, err = run(capsys, "new")
    assert status == 0, err
    assert f"Created an empty data file: {default}" in out
    assert "  revmentor import-people staff.csv" in out
    assert default.is_file()
    status, _, err = run(capsys, "new")
    assert status == 1
    assert f"{default} already exists" in err


@pytest.mark.parametrize(
    "command",
    [("check",), ("backup",), ("export", "people", "-o", "{folder}/people.csv"), ("retention",)],
)
def test_a_command_on_a_missing_file_says_how_to_make_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "nope.revmentor"
    arguments = [part.format(folder=tmp_path) for part in command]
    status, _, err = run(capsys, "--data", str(missing), *arguments)
    assert status == 1
    assert err.strip() == (
        f"revmentor: No data file at {missing}. Create one with: revmentor --data {missing} new "
        f"(or revmentor --data {missing} demo for sample data)"
    )


def test_a_changing_command_on_a_missing_file_says_how_to_make_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("Name,Email\nZoë Adams,zoe@example.org\n", encoding="utf-8")
    missing = tmp_path / "nope.revmentor"
    status, _, err = run(capsys, "--data", str(missing), "import-people", str(staff))
    assert status == 1
    assert f"Create one with: revmentor --data {missing} new" in err
    assert not missing.exists()


def test_without_data_the_hint_names_the_default_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check")
    assert status == 1
    assert f"No data file at {paths.default_data_file()} yet" in err
    assert "Create one with: revmentor new" in err


def test_a_missing_backup_is_not_mistaken_for_a_missing_data_file(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    DataFile.open(data_path, create=True).close()
    gone = tmp_path / "gone.revmentor"
    status, _, err = run(capsys, "--data", str(data_path), "restore", str(gone), "--yes")
    assert status == 1
    assert f"{gone}: does not exist" in err
    assert " new" not in err


def test_new_runs_as_a_program(tmp_path: Path) -> None:
    target = tmp_path / "fresh.revmentor"
    result = subprocess.run(
        [sys.executable, "-m", "revmentor_desktop", "--data", str(target), "new"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPOSITORY), "REVMENTOR_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    assert target.is_file()
