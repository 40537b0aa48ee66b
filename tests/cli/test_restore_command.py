"""``revmentor restore`` over a file this version cannot open: the file is kept and named for
what it is, and the people erased in it stay erased."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.services.data_sources import restore_closed
from revmentor_desktop.services.location import file_location
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.storage.models import Person
from tests.storage.helpers import (
    ERASED_NAME,
    damage_table_root_page,
    make_newer_version,
    programme_with_an_erasure,
    sha256,
)


def _restore_over(
    capsys: pytest.CaptureFixture[str], data_path: Path, spoil: Callable[[Path], None], word: str
) -> tuple[str, Path]:
    """Spoil the data file, restore its backup over it; what restore said, and the one file in
    the backup folder named with ``word``, which must hold the spoiled file byte for byte."""
    older, _uma = programme_with_an_erasure(data_path)
    spoil(data_path)
    spoiled = sha256(data_path)
    status = main(["--data", str(data_path), "restore", str(older), "--yes"])
    out, err = capsys.readouterr()
    assert status == 0, err
    [kept] = [path for path in backup_folder_for(data_path).iterdir() if word in path.name]
    assert sha256(kept) == spoiled
    assert f"It was kept, byte for byte, as {kept}" in out
    return out, kept


def test_a_file_from_a_newer_version_is_kept_and_named_for_what_it_is(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    out, kept = _restore_over(capsys, data_path, make_newer_version, "newer-version")
    assert "damaged" not in out and "damaged" not in kept.name
    assert (
        f"The replaced file was written by a newer RevMentor (data format {LATEST_VERSION + 1}; "
        f"this version reads up to {LATEST_VERSION})."
    ) in out


def test_a_damaged_file_is_kept_and_called_damaged(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    out, _kept = _restore_over(capsys, data_path, damage_table_root_page, "damaged")
    assert "The replaced file is damaged and cannot be read" in out


def test_people_erased_in_a_file_from_a_newer_version_stay_erased(data_path: Path) -> None:
    older, uma = programme_with_an_erasure(data_path)
    make_newer_version(data_path)

    restore_closed(file_location(data_path), older)

    assert ERASED_NAME.encode() not in data_path.read_bytes()
    with DataFile.open(data_path):
        assert Person.get_by_id(uma).name == "Erased person #1"


def test_set_aside_files_are_never_thinned_away(data_path: Path) -> None:
    older, _uma = programme_with_an_erasure(data_path)
    make_newer_version(data_path)
    replaced = restore_closed(file_location(data_path), older, now=datetime(2026, 3, 2, 9, 0))
    assert replaced is not None
    for day in range(2, 21):  # three weeks of backups, several a day, all newer than it
        for hour in range(10, 16):
            backup.automatic_backup(data_path, reason="daily", now=datetime(2026, 3, day, hour))
    assert replaced.path.exists()
