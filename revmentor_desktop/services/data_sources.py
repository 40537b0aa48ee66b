"""What can be done to a data source as a whole: create it, open it for changes or for reading,
check it, back it up, restore a backup over it. The window (through ``Workspace``) and every
command go through these, so the kind of store behind a ``DataLocation`` is decided here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from peewee import Database

from revmentor_desktop.domain import privacy
from revmentor_desktop.services.location import DataLocation
from revmentor_desktop.storage import backup, reading, restore
from revmentor_desktop.storage.database import DataFile, create_data_file
from revmentor_desktop.storage.inspection import DataFileReport, inspect_data_file
from revmentor_desktop.storage.location import data_file_location_warning

T = TypeVar("T")

BackupInfo = backup.BackupInfo
ReplacedFile = restore.ReplacedFile


def create(location: DataLocation, fill: Callable[[], T]) -> T:
    """Make a new data source holding what ``fill`` writes; returns what ``fill`` returns."""
    return create_data_file(location.absolute, fill)


def open_for_changes(
    location: DataLocation, *, create: bool = False, check_in_background: bool = False
) -> DataFile:
    """Open for changes (the writer lock, an upgrade after a backup); see ``DataFile.open``."""
    return DataFile.open(location.absolute, create=create, check_in_background=check_in_background)


@contextlib.contextmanager
def open_for_reading(location: DataLocation) -> Iterator[Database]:
    """One consistent, read-only snapshot, even while the window is changing the data."""
    with reading.open_for_reading(location.absolute) as database:
        yield database


def inspect(location: DataLocation, *, full_check: bool = True) -> DataFileReport:
    """Format, size, counts and integrity, without changing anything."""
    return inspect_data_file(location.path, full_check=full_check)


def back_up(
    location: DataLocation, output: Path | None = None, now: datetime | None = None
) -> Path:
    """A verified copy at ``output``, or (without it) a backup in the backup folder kept by
    the usual thinning; returns where it was written."""
    if output is not None:
        return backup.copy_data_file(location.path, output)
    return backup.automatic_backup(location.path, reason="manual", now=now)


def took_backup_today(location: DataLocation, now: datetime) -> bool:
    return backup.took_backup_today(location.absolute, now)


def automatic_backup(location: DataLocation, reason: str, now: datetime | None = None) -> Path:
    return backup.automatic_backup(location.absolute, reason=reason, now=now)


def backups_of(location: DataLocation) -> list[BackupInfo]:
    return backup.list_backups(location.absolute)


def newest_good_backup(location: DataLocation) -> BackupInfo | None:
    return backup.newest_good_backup(location.absolute)


def describe_backup(backup_path: Path) -> DataFileReport:
    """What a backup holds, refused with plain words when it cannot be restored."""
    return backup.describe_backup(backup_path)


def location_warning(location: DataLocation) -> str | None:
    """Why this place may damage the data (a synced folder, a network share), or None."""
    return data_file_location_warning(location.absolute)


def restore_closed(
    location: DataLocation, backup_path: Path, now: datetime | None = None
) -> ReplacedFile | None:
    """Put a verified copy of ``backup_path`` in place of the data nobody has open.

    People erased in the replaced data are erased in the copy before it takes its place, so an
    erased person never comes back, not even for a moment. Returns where the replaced file was
    kept (a backup, or a file this version cannot use set aside as it was), or None when there
    was none.
    """
    return restore.restore_backup(
        backup_path, location.absolute, carry_over=privacy.carry_erasures_over, now=now
    )


def backup_before_import(data_file: Path) -> Callable[[], Path]:
    """The backup an import takes before it changes anything: an automatic backup of
    ``data_file`` named "before-import" (see ``domain.importing.apply_plan``)."""
    return lambda: backup.automatic_backup(Path(data_file), reason="before-import")
