"""The data-file sub-commands as a coordinator or a scheduled script uses them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.domain import people
from revmentor_desktop.storage.database import DataFile
from tests.helpers.cli import run


def make_file_with_people(path: Path, names: list[str]) -> None:
    with DataFile.open(path, create=True):
        for name in names:
            people.add_person(people.PersonDraft(name=name))


def test_version_prints_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "revmentor_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("RevMentor 0.")


def test_wrong_usage_exits_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_check_reports_a_healthy_file(capsys: pytest.CaptureFixture[str], data_path: Path) -> None:
    make_file_with_people(data_path, ["Zoë Adams", "Jörg Brandt"])
    status, out, err = run(capsys, "--data", str(data_path), "check")
    assert status == 0, err
    assert "2 people" in out
    assert "Integrity: ok" in out


def test_check_reports_a_damaged_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.revmentor"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    status, _out, err = run(capsys, "--data", str(damaged), "check")
    assert status == 1
    assert str(damaged) in err
    assert "Traceback" not in err


def test_check_on_a_missing_file_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.revmentor"
    status, _, err = run(capsys, "--data", str(missing), "check")
    assert status == 1
    assert f"No data file at {missing}." in err


def test_backup_prints_the_path_of_an_openable_copy(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    make_file_with_people(data_path, ["Agnès Dupont"])
    target = tmp_path / "copy.revmentor"
    status, out, err = run(capsys, "--data", str(data_path), "backup", "-o", str(target))
    assert status == 0, err
    assert out.strip() == str(target)
    with DataFile.open(target):
        assert [row.name for row in people.list_people()] == ["Agnès Dupont"]


def test_backup_without_output_goes_to_the_backup_folder(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    make_file_with_people(data_path, ["Agnès Dupont"])
    status, out, _ = run(capsys, "--data", str(data_path), "backup")
    assert status == 0
    written = Path(out.strip())
    assert written.parent == data_path.parent / "programme backups"
    assert written.exists()


def test_backup_to_a_missing_folder_fails_clearly(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    make_file_with_people(data_path, ["Agnès Dupont"])
    target = tmp_path / "gone" / "copy.revmentor"
    status, _, err = run(capsys, "--data", str(data_path), "backup", "-o", str(target))
    assert status == 1
    assert "folder does not exist" in err
    assert not target.parent.exists()


def test_read_only_commands_work_while_the_app_holds_the_file(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    make_file_with_people(data_path, ["Yılmaz Kaya"])
    with DataFile.open(data_path):
        people.add_person(people.PersonDraft(name="Ó Súilleabháin"))
        assert run(capsys, "--data", str(data_path), "check")[0] == 0
        status, _out, err = run(
            capsys, "--data", str(data_path), "backup", "-o", str(tmp_path / "night.revmentor")
        )
        assert status == 0, err
    with sqlite3.connect(tmp_path / "night.revmentor") as copy:
        assert copy.execute("SELECT count(*) FROM person").fetchone()[0] == 2


def test_restore_round_trips_and_keeps_the_replaced_file(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    make_file_with_people(data_path, ["Before Restore"])
    saved = tmp_path / "saved.revmentor"
    assert run(capsys, "--data", str(data_path), "backup", "-o", str(saved))[0] == 0
    with DataFile.open(data_path):
        people.add_person(people.PersonDraft(name="Added Later"))
    status, out, err = run(capsys, "--data", str(data_path), "restore", str(saved), "--yes")
    assert status == 0, err
    assert "kept as" in out
    with DataFile.open(data_path):
        assert [row.name for row in people.list_people()] == ["Before Restore"]


def test_restore_is_refused_while_the_app_holds_the_file(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    make_file_with_people(data_path, ["Held Open"])
    saved = tmp_path / "saved.revmentor"
    run(capsys, "--data", str(data_path), "backup", "-o", str(saved))
    with DataFile.open(data_path):
        status, _, err = run(capsys, "--data", str(data_path), "restore", str(saved), "--yes")
    assert status == 1
    assert "already open for changes" in err


def test_restore_without_yes_and_no_terminal_asks_for_yes(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_file_with_people(data_path, ["Someone"])
    saved = tmp_path / "saved.revmentor"
    run(capsys, "--data", str(data_path), "backup", "-o", str(saved))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    status, _, err = run(capsys, "--data", str(data_path), "restore", str(saved))
    assert status == 1
    assert "--yes" in err


def test_demo_creates_a_file_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "demo.revmentor"
    status, out, err = run(
        capsys, "--data", str(target), "demo", "--people", "40", "--sessions", "120", "--seed", "3"
    )
    assert status == 0, err
    assert "40 people" in out
    assert run(capsys, "--data", str(target), "check")[0] == 0
    before = target.read_bytes()
    status, _, err = run(capsys, "--data", str(target), "demo")
    assert status == 1
    assert "already exists" in err
    assert target.read_bytes() == before


def test_demo_says_when_the_cadence_allows_fewer_sessions_than_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "demo.revmentor"
    status, out, err = run(
        capsys, "--data", str(target), "demo", "--people", "40", "--sessions", "5000"
    )
    assert status == 0, err
    made = int(out.split(" pairs and ")[1].split(" sessions")[0])
    assert 0 < made < 5000
    assert f"cadence, which allows {made} sessions among 40 people, not the 5000 asked" in out
    assert run(capsys, "--data", str(target), "check")[0] == 0
