"""``revmentor restore`` over a file this version cannot open: the file is kept and named for
what it is, and the people erased in it stay erased."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.domain import privacy
from revmentor_desktop.domain.data_files import restore_closed_data_file
from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.storage.models import Person
from tests.storage.helpers import damage_table_root_page, raw_connection, sha256

ERASED_NAME = "Uma Sato"


def _restore(capsys: pytest.CaptureFixture[str], data_path: Path, older: Path) -> str:
    status = main(["--data", str(data_path), "restore", str(older), "--yes"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


def _programme_with_an_erasure(data_path: Path) -> tuple[Path, int]:
    """A data file whose person was erased after the returned backup was taken."""
    stamp = datetime(2026, 3, 1, 9, 0)
    with DataFile.open(data_path, create=True) as opened:
        uma = Person.create(name=ERASED_NAME, created_at=stamp, updated_at=stamp).id
        Person.create(name="Kwame Mensah", created_at=stamp, updated_at=stamp)
        older = backup.automatic_backup(opened.path, reason="manual", now=stamp)
        privacy.erase_person(uma)
    return older, uma


def _made_by_a_newer_version(path: Path) -> None:
    connection = raw_connection(path)
    with contextlib.closing(connection):
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")


def test_a_file_from_a_newer_version_is_kept_and_named_for_what_it_is(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    older, _uma = _programme_with_an_erasure(data_path)
    _made_by_a_newer_version(data_path)
    newer_bytes = sha256(data_path)

    out = _restore(capsys, data_path, older)

    [kept] = [p for p in backup_folder_for(data_path).iterdir() if "newer-version" in p.name]
    assert "damaged" not in out and "damaged" not in kept.name
    assert (
        f"The replaced file was written by a newer RevMentor (data format {LATEST_VERSION + 1}; "
        f"this version reads up to {LATEST_VERSION}). It was kept, byte for byte, as {kept}"
    ) in out
    assert sha256(kept) == newer_bytes


def test_people_erased_in_a_file_from_a_newer_version_stay_erased(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    older, uma = _programme_with_an_erasure(data_path)
    _made_by_a_newer_version(data_path)

    _restore(capsys, data_path, older)

    assert ERASED_NAME.encode() not in data_path.read_bytes()
    with DataFile.open(data_path):
        assert Person.get_by_id(uma).name == "Erased person #1"


def test_a_damaged_file_is_kept_byte_for_byte_and_called_damaged(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    older, _uma = _programme_with_an_erasure(data_path)
    damage_table_root_page(data_path)
    damaged_bytes = sha256(data_path)

    out = _restore(capsys, data_path, older)

    [kept] = [p for p in backup_folder_for(data_path).iterdir() if "damaged" in p.name]
    assert "The replaced file is damaged and cannot be read" in out
    assert f"It was kept, byte for byte, as {kept}" in out
    assert sha256(kept) == damaged_bytes


def test_set_aside_files_are_never_thinned_away(data_path: Path) -> None:
    older, _uma = _programme_with_an_erasure(data_path)
    _made_by_a_newer_version(data_path)
    replaced = restore_closed_data_file(older, data_path, now=datetime(2026, 3, 2, 9, 0))
    assert replaced is not None
    for day in range(2, 21):  # three weeks of backups, several a day, all newer than it
        for hour in range(10, 16):
            backup.automatic_backup(data_path, reason="daily", now=datetime(2026, 3, day, hour))
    assert replaced.path.exists()
