"""What can be done to a data source as a whole: create it, open it for changes or for reading,
check it, back it up, restore a backup over it. The window (through ``Workspace``) and every
command go through these, so the kind of store behind a ``DataLocation`` is decided here: a
``DataFileLocation`` opens a SQLite data file, a ``ServerLocation`` a database on a PostgreSQL
server (``storage.server``). What only a file has so far (its check, its backup folder, restoring
a backup over it) is refused for a server with plain words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from peewee import Database

from revmentor_desktop.domain import privacy
from revmentor_desktop.services import server_passwords
from revmentor_desktop.services.location import DataFileLocation, DataLocation, ServerLocation
from revmentor_desktop.storage import backup, reading, restore, server
from revmentor_desktop.storage.database import DataFile, create_data_file
from revmentor_desktop.storage.errors import ServerProblem
from revmentor_desktop.storage.inspection import DataFileReport, inspect_data_file
from revmentor_desktop.storage.location import data_file_location_warning
from revmentor_desktop.storage.migrations import schema_version
from revmentor_desktop.storage.models import binding_models_to
from revmentor_desktop.storage.server import ServerStore

T = TypeVar("T")

BackupInfo = backup.BackupInfo
ReplacedFile = restore.ReplacedFile


def create(location: DataLocation, fill: Callable[[], T]) -> T:
    """Make a new data source holding what ``fill`` writes; returns what ``fill`` returns.
    A server database must exist and be empty: its schema is built, then filled, in one
    transaction."""
    if isinstance(location, ServerLocation):
        return _create_on_server(location, fill)
    return create_data_file(location.absolute, fill)


def _create_on_server(location: ServerLocation, fill: Callable[[], T]) -> T:
    database = server_passwords.connect(location)
    try:
        if schema_version(database) > 0:
            raise ServerProblem(
                location.url,
                "already holds a RevMentor programme, so nothing was created.",
                "Use it as it is, or give the new programme a database of its own.",
            )
        with database.atomic():
            server.prepare_schema(location.url, database, create=True)
            with binding_models_to(database):
                return fill()
    finally:
        database.close()


def open_for_changes(
    location: DataLocation, *, create: bool = False, check_in_background: bool = False
) -> DataFile | ServerStore:
    """Open for changes (a data file: the writer lock, an upgrade after a backup; see
    ``DataFile.open``; a server database: ``ServerStore.open``)."""
    if isinstance(location, ServerLocation):
        return server_passwords.open_store(location, create=create)
    return DataFile.open(location.absolute, create=create, check_in_background=check_in_background)


@contextlib.contextmanager
def open_for_reading(location: DataLocation) -> Iterator[Database]:
    """One consistent, read-only snapshot, even while the window is changing the data."""
    if isinstance(location, ServerLocation):
        store = server_passwords.open_store(location)
        # One repeatable-read, read-only transaction: every query sees the same moment.
        with store, store.database.atomic():
            store.database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield store.database
        return
    with reading.open_for_reading(location.absolute) as database:
        yield database


def file_only(location: DataLocation, what: str) -> DataFileLocation:
    """``location`` when it is a data file; for a server, a refusal naming ``what`` cannot
    be done there yet."""
    if isinstance(location, ServerLocation):
        raise ServerProblem(
            location.url,
            f"is a database on a server: {what} works only on a data file so far.",
            "The server's own backups and checks are its administrator's job; to work on a "
            "data file, copy the programme with: revmentor copy --from URL --to FILE",
        )
    return location


def inspect(location: DataLocation, *, full_check: bool = True) -> DataFileReport:
    """Format, size, counts and integrity, without changing anything."""
    return inspect_data_file(file_only(location, "checking").path, full_check=full_check)


def back_up(
    location: DataLocation, output: Path | None = None, now: datetime | None = None
) -> Path:
    """A verified copy at ``output``, or (without it) a backup in the backup folder kept by
    the usual thinning; returns where it was written. (A server database's copy is
    ``copying.back_up_server``'s.)"""
    path = file_only(location, "a backup").path
    if output is not None:
        return backup.copy_data_file(path, output)
    return backup.automatic_backup(path, reason="manual", now=now)


def took_backup_today(location: DataLocation, now: datetime) -> bool:
    return backup.took_backup_today(file_only(location, "daily backups").absolute, now)


def automatic_backup(location: DataLocation, reason: str, now: datetime | None = None) -> Path:
    return backup.automatic_backup(file_only(location, "a backup").absolute, reason=reason, now=now)


def backups_of(location: DataLocation) -> list[BackupInfo]:
    return backup.list_backups(file_only(location, "the backup folder").absolute)


def newest_good_backup(location: DataLocation) -> BackupInfo | None:
    return backup.newest_good_backup(file_only(location, "the backup folder").absolute)


def describe_backup(backup_path: Path) -> DataFileReport:
    """What a backup holds, refused with plain words when it cannot be restored."""
    return backup.describe_backup(backup_path)


def location_warning(location: DataLocation) -> str | None:
    """Why this place may damage the data (a synced folder, a network share), or None."""
    return data_file_location_warning(file_only(location, "the folder check").absolute)


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
        backup_path,
        file_only(location, "restoring a backup").absolute,
        carry_over=privacy.carry_erasures_over,
        now=now,
    )


def backup_before_import(data_file: Path) -> Callable[[], Path]:
    """The backup an import takes before it changes anything: an automatic backup of
    ``data_file`` named "before-import" (see ``domain.importing.apply_plan``)."""
    return lambda: backup.automatic_backup(Path(data_file), reason="before-import")


def backup_before_import_into(opened: DataFile | ServerStore) -> Callable[[], Path] | None:
    """The backup to take before importing into ``opened``: a data file's "before-import"
    backup; none on a server, whose backups its administrator keeps."""
    return backup_before_import(opened.path) if isinstance(opened, DataFile) else None
