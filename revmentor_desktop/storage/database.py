"""Opening a data file: the single entry point that checks, locks, backs up, migrates and binds."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from traceback import clear_frames
from types import TracebackType
from typing import TypeVar

from peewee import PeeweeException, SqliteDatabase

from revmentor_desktop.storage import audit, backup, disk, files
from revmentor_desktop.storage.errors import DataFileError, DataFileMissing
from revmentor_desktop.storage.inspection import (
    BackgroundIntegrityCheck,
    DataFileReport,
    check_not_a_folder,
    inspect_data_file,
)
from revmentor_desktop.storage.lock import WriterLock
from revmentor_desktop.storage.migrations import migrate
from revmentor_desktop.storage.models import binding_models_to, database_proxy

# WAL lets readers (a nightly `revmentor backup`) work beside the writer; FULL makes every
# commit durable before it is acknowledged; secure_delete overwrites erased personal data.
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "secure_delete": 1,
    "busy_timeout": 10_000,
}
# A file being created is private to this process until it is complete: a rollback journal
# keeps it a single self-contained file that can be moved into place.
CREATION_PRAGMAS = {**PRAGMAS, "journal_mode": "delete"}
T = TypeVar("T")
SIDE_FILES = ("-journal", "-wal", "-shm")
NOTHING_SAVED = "Nothing was saved: the file is as it was before this change."
NOTHING_CREATED = "The file was not created, and nothing was left behind."


class _DataFileDatabase(SqliteDatabase):
    def commit(self) -> None:
        files.pause_for_crash_test("before-commit")
        super().commit()

    def rollback(self) -> None:
        # When a commit finds the disk full, SQLite has already rolled the transaction back;
        # a second rollback would only hide that error behind "no transaction is active".
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()


def _room_for_changes(path: Path) -> int:
    """A fair estimate of the room a change, its log and a backup may take: the file's size."""
    size = path.stat().st_size if path.is_file() else 0
    return max(size, disk.MINIMUM_ROOM_FOR_CHANGES)


def explain_failed_change(
    path: Path, error: BaseException | None, done: str = NOTHING_SAVED
) -> DataFileError | None:
    """``error``, raised while changing the data file ``path``, restated for a person when the
    machine explains it: a full disk (``DiskFull``, with the room to make) or a file or folder
    that can no longer be written (``ReadOnlyDataFile``). None for any other error."""
    if error is None or isinstance(error, DataFileError):
        return None
    if disk.is_disk_full(error):
        return disk.no_room(path, done, _room_for_changes(path))
    if disk.is_read_only(error):
        return disk.read_only(path, "the file or its folder", done)
    return None


class DataFile:
    """An open data file, held for writing by this process until ``close``."""

    def __init__(
        self,
        path: Path,
        database: SqliteDatabase,
        lock: WriterLock,
        pending_check: BackgroundIntegrityCheck | None = None,
    ) -> None:
        self.path = path
        self.database = database
        self._lock = lock
        self._pending_check = pending_check
        self._changes_at_open = self._total_changes()

    @classmethod
    def open(
        cls, path: Path, *, create: bool = False, check_in_background: bool = False
    ) -> DataFile:
        """Open ``path`` for changes; ``create`` makes a new, empty data file if none exists.

        Raises a ``DataFileError`` with a message for the coordinator when the file cannot be
        used; in that case the file has not been changed. With ``check_in_background`` the
        integrity check of a file that needs no upgrade is left for ``start_integrity_check``
        to run on another thread (about 60 ms on a 40 MB file) while the caller goes on;
        ``confirm_intact`` gives its verdict.
        """
        path = Path(path).absolute()
        check_not_a_folder(path)
        if path.exists():
            disk.check_can_change(path)
        elif create:
            disk.check_can_create(path, NOTHING_CREATED)
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise DataFileMissing(path, "does not exist.", "Check the name and folder.")
        try:
            return cls._open_checked(path, create, check_in_background)
        except Exception as error:
            translated = explain_failed_change(path, error, "Nothing was changed.")
            if translated is None:
                raise
            raise translated from error

    @classmethod
    def _open_checked(cls, path: Path, create: bool, check_in_background: bool) -> DataFile:
        lock = WriterLock(path)
        lock.acquire()
        backup.clear_leftovers(path)
        pending_check = None
        try:
            # Decided only under the lock: another process may have created the file meanwhile.
            if path.exists():
                pending_check = _check_before_opening(path, check_in_background)
            elif create:
                _create_data_file(path, fill=lambda: None)
            else:
                raise DataFileMissing(path, "does not exist.", "Check the name and folder.")
            database = _connect(path)
            try:
                migrate(database)
                audit.record_actor(database)
            except (sqlite3.Error, PeeweeException) as error:
                database.close()
                raise DataFileError(
                    path,
                    f"could not be upgraded to this version's data format ({error}).",
                    "The upgrade was undone and the file is as it was; a backup was made "
                    "before the upgrade.",
                ) from error
            except BaseException:
                database.close()
                raise
        except BaseException:
            if pending_check is not None:
                pending_check.abandon()
            lock.release()
            raise
        database_proxy.initialize(database)
        return cls(path, database, lock, pending_check)

    @property
    def integrity_check_pending(self) -> bool:
        """True from an open with ``check_in_background`` until the check has finished."""
        return self._pending_check is not None and not self._pending_check.finished

    def start_integrity_check(self) -> None:
        if self._pending_check is not None:
            self._pending_check.start()

    def confirm_intact(self) -> None:
        """Wait for the background integrity check, if any; raise ``DataFileError`` if the
        file is damaged (it stays open: the caller closes it)."""
        pending, self._pending_check = self._pending_check, None
        if pending is not None:
            pending.wait()

    def check_intact_now(self) -> None:
        """SQLite's quick check, now (or the verdict of the one running); raises like
        ``confirm_intact``. For when a query failed in a way damage would explain."""
        if self._pending_check is not None:
            self.confirm_intact()
        else:
            inspect_data_file(self.path, full_check=False)

    def _total_changes(self) -> int:
        return int(self.database.connection().total_changes)

    @property
    def changed_since_open(self) -> bool:
        return self._total_changes() != self._changes_at_open

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.database.atomic():
            yield

    def report(self) -> DataFileReport:
        return inspect_data_file(self.path)

    def close(self) -> None:
        if self._pending_check is not None:
            self._pending_check.abandon()
            self._pending_check = None
        if self.database.is_closed() and not self._lock.held:
            return
        with contextlib.suppress(Exception):
            self.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.database.close()
        if database_proxy.obj is self.database:
            database_proxy.initialize(None)
        self._lock.release()

    def __enter__(self) -> DataFile:
        return self

    def explain_failure(self, error: BaseException) -> DataFileError | None:
        """A query on this file that failed, restated when a full disk or read-only media
        explains it (see ``explain_failed_change``); None otherwise, and for errors that are
        not the database's (a full disk under an export names another file)."""
        if not isinstance(error, sqlite3.Error | PeeweeException):
            return None
        return explain_failed_change(self.path, error)

    def __exit__(
        self, exc_type: object, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Close; a change that failed for want of room or of write access is reported as
        ``DiskFull`` or ``ReadOnlyDataFile``."""
        if traceback is not None:
            # The cursor of a statement that failed half-way lives on in the traceback's
            # frames, and SQLite puts off closing a connection until its statements are done:
            # the -wal and -shm files would stay beside the file until garbage collection.
            clear_frames(traceback)
        self.close()
        translated = explain_failed_change(self.path, error)
        if translated is not None:
            raise translated from error


def _check_before_opening(path: Path, check_in_background: bool) -> BackgroundIntegrityCheck | None:
    """Refuse a file this app cannot use; back it up before an upgrade. Returns the integrity
    check still running when it may finish in the background."""
    report = inspect_data_file(path, full_check=False, integrity=not check_in_background)
    if report.needs_migration:
        if check_in_background:
            inspect_data_file(path, full_check=False)  # a damaged file is never upgraded
        backup.automatic_backup(path, reason=backup.BEFORE_MIGRATION)
        return None
    return BackgroundIntegrityCheck(path) if check_in_background else None


def _connect(path: Path) -> SqliteDatabase:
    database = _DataFileDatabase(str(path), pragmas=PRAGMAS, timeout=10)
    database.connect()
    return database


def create_data_file(path: Path, fill: Callable[[], T]) -> T:
    """Create a new data file at ``path`` holding what ``fill`` writes through the models, and
    return what ``fill`` returns. The file appears under its name only once it is complete.

    Raises ``DataFileError`` when ``path`` already exists or is being created elsewhere.
    """
    path = Path(path).absolute()
    check_not_a_folder(path)
    disk.check_can_create(path, NOTHING_CREATED)
    path.parent.mkdir(parents=True, exist_ok=True)
    with WriterLock(path):
        backup.clear_leftovers(path)
        if path.exists():
            raise DataFileError(path, "already exists.", "Choose a new name for the new file.")
        return _create_data_file(path, fill)


def _create_data_file(path: Path, fill: Callable[[], T]) -> T:
    """Build a new data file beside ``path`` and move it into place only once it is complete.

    A crash while creating therefore leaves either no data file or a whole one, never an empty
    or half-made file that every later open would refuse. What a crash leaves under the
    temporary name is removed at the next open.
    """
    room_before = disk.free_bytes(path.parent)
    try:
        with files.replacing(path) as building:
            database = _DataFileDatabase(str(building), pragmas=CREATION_PRAGMAS, timeout=10)
            database.connect()
            try:
                migrate(database)
                with binding_models_to(database):
                    files.pause_for_crash_test("filling-new-file")
                    filled = fill()
            finally:
                database.close()
    except Exception as error:
        if not disk.is_disk_full(error):
            raise
        # Every byte free when it began was not enough: at least that much more is needed.
        needed = room_before + disk.MINIMUM_ROOM_FOR_CHANGES
        raise disk.no_room(path, NOTHING_CREATED, needed) from error
    return filled


__all__ = ["DataFile", "DataFileError", "binding_models_to", "create_data_file"]
