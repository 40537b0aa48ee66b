"""Restoring a backup over a data file that nobody has open, with no moment of a wrong file.

Everything happens under the writer lock. The backup is copied under a temporary name, upgraded
to this version's format, and handed, beside the current file, to a ``carry_over`` step (the
domain re-applies erasures there) before the copy replaces the data file in one rename. A crash
at any point leaves either the old file or the complete, corrected new one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from revmentor_desktop.storage import backup, disk, files
from revmentor_desktop.storage.database import CREATION_PRAGMAS
from revmentor_desktop.storage.errors import DataFileError, NewerDataFile
from revmentor_desktop.storage.inspection import check_not_a_folder, inspect_data_file
from revmentor_desktop.storage.lock import WriterLock
from revmentor_desktop.storage.migrations import migrate

# Given the current file (None when there is none or it cannot be read) and the incoming copy.
CarryOver = Callable[[SqliteDatabase | None, SqliteDatabase], object]
# What the current file's connection needs: foreign keys for reads, patience for a reader.
_CURRENT_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 10_000}
UNCHANGED = "The data file was not changed."


@dataclass(frozen=True)
class ReplacedFile:
    """Where a restore kept the file it replaced. ``problem`` is what made that file unusable
    (it is then kept byte for byte, not backed up); empty for a healthy file."""

    path: Path
    problem: str = ""

    def describe(self) -> str:
        if not self.problem:
            return f"The replaced file was kept as {self.path}"
        return f"The replaced file {self.problem} It was kept, byte for byte, as {self.path}"


def restore_backup(
    backup_path: Path, data_file: Path, *, carry_over: CarryOver, now: datetime | None = None
) -> ReplacedFile | None:
    """Replace ``data_file`` with a verified, upgraded copy of ``backup_path``.

    Returns where the replaced file was kept (a safety backup, or the file this version cannot
    use set aside byte for byte), or None when there was no file to replace. Raises
    ``DataFileError`` (the data file unchanged) for a damaged backup, when the data file is
    open elsewhere, or (``DiskFull``) when the disk has no room for the copy and the safety
    backup.
    """
    backup_path, data_file = Path(backup_path).absolute(), Path(data_file).absolute()
    check_not_a_folder(data_file)
    backup.describe_backup(backup_path)
    if data_file.exists():
        disk.check_can_change(data_file)
    # Room for the restored copy and for the safety backup of the file it replaces.
    needed = backup_path.stat().st_size + (data_file.stat().st_size if data_file.exists() else 0)
    disk.check_room(data_file, needed, UNCHANGED)
    try:
        return _restore(backup_path, data_file, carry_over, now or datetime.now())
    except Exception as error:
        if isinstance(error, DataFileError) or not disk.is_disk_full(error):
            raise
        raise disk.no_room(data_file, UNCHANGED, needed) from error


def _restore(
    backup_path: Path, data_file: Path, carry_over: CarryOver, now: datetime
) -> ReplacedFile | None:
    with WriterLock(data_file):
        backup.clear_leftovers(data_file)
        problem = _problem_with(data_file)
        kept = None
        if data_file.exists() and problem is None:
            safety = backup.automatic_backup(
                data_file, reason="before-restore", now=now, thin=False
            )
            kept = ReplacedFile(safety)
        # A file from a newer version is readable: the people erased in it must stay erased.
        readable = data_file.exists() and (problem is None or isinstance(problem, NewerDataFile))
        with files.replacing(data_file) as incoming:
            backup.write_verified_copy(backup_path, incoming)
            with _opened(data_file if readable else None) as current, _upgraded(incoming) as copy:
                carry_over(current, copy)
            if problem is not None:
                kept = ReplacedFile(backup.set_aside(data_file, problem, now), problem.problem)
            files.pause_for_crash_test("restore-before-replacing")
            # The replaced file's log or journal must never pair with the restored file.
            for suffix in files.SQLITE_SIDE_SUFFIXES:
                data_file.with_name(data_file.name + suffix).unlink(missing_ok=True)
        files.pause_for_crash_test("restore-replaced")
    return kept


def _problem_with(path: Path) -> DataFileError | None:
    """What makes the file at ``path`` unusable here; None when it is fine or missing."""
    if not path.exists():
        return None
    try:
        inspect_data_file(path, full_check=False)
    except DataFileError as problem:
        return problem
    return None


@contextlib.contextmanager
def _opened(path: Path | None) -> Iterator[SqliteDatabase | None]:
    """The current file, its log folded in first so nothing committed is lost with it."""
    if path is None:
        yield None
        return
    database = SqliteDatabase(str(path), pragmas=_CURRENT_PRAGMAS, timeout=10)
    database.connect()
    try:
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        yield database
    finally:
        database.close()


@contextlib.contextmanager
def _upgraded(path: Path) -> Iterator[SqliteDatabase]:
    database = SqliteDatabase(str(path), pragmas=CREATION_PRAGMAS, timeout=10)
    database.connect()
    try:
        migrate(database)
        yield database
    finally:
        database.close()
