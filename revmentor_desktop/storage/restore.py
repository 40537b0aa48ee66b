"""Restoring a backup over a data file that nobody has open, with no moment of a wrong file.

Everything happens under the writer lock. The backup is copied under a temporary name, upgraded
to this version's format, and handed, beside the current file, to a ``carry_over`` step (the
domain re-applies erasures there) before the copy replaces the data file in one rename. A crash
at any point leaves either the old file or the complete, corrected new one.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage import backup, files
from revmentor_desktop.storage.database import CREATION_PRAGMAS
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.inspection import inspect_data_file
from revmentor_desktop.storage.lock import WriterLock
from revmentor_desktop.storage.migrations import migrate

# Given the current file (None when there is none or it is damaged) and the incoming copy.
CarryOver = Callable[[SqliteDatabase | None, SqliteDatabase], object]
# What the current file's connection needs: foreign keys for reads, patience for a reader.
_CURRENT_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 10_000}


def restore_backup(
    backup_path: Path, data_file: Path, *, carry_over: CarryOver, now: datetime | None = None
) -> Path | None:
    """Replace ``data_file`` with a verified, upgraded copy of ``backup_path``.

    Returns where the replaced file was kept (a safety backup, or the damaged file set aside
    byte for byte), or None when there was no file to replace. Raises ``DataFileError`` (the
    data file unchanged) for a damaged backup or when the data file is open elsewhere.
    """
    backup_path, data_file = Path(backup_path).absolute(), Path(data_file).absolute()
    now = now or datetime.now()
    backup.describe_backup(backup_path)
    with WriterLock(data_file):
        backup.clear_leftovers(data_file)
        usable = data_file.exists() and _is_usable(data_file)
        kept = None
        if usable:
            kept = backup.automatic_backup(data_file, reason="before-restore", now=now, thin=False)
        with files.replacing(data_file) as incoming:
            backup.write_verified_copy(backup_path, incoming)
            with _opened(data_file if usable else None) as current, _upgraded(incoming) as copy:
                carry_over(current, copy)
            if data_file.exists() and not usable:
                kept = _set_aside(data_file, now)
            files.pause_for_crash_test("restore-before-replacing")
            # The replaced file's log or journal must never pair with the restored file.
            for suffix in files.SQLITE_SIDE_SUFFIXES:
                data_file.with_name(data_file.name + suffix).unlink(missing_ok=True)
        files.pause_for_crash_test("restore-replaced")
    return kept


def _is_usable(path: Path) -> bool:
    try:
        inspect_data_file(path, full_check=False)
    except DataFileError:
        return False
    return True


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


def _set_aside(data_file: Path, now: datetime) -> Path:
    """Keep a copy of a damaged file, byte for byte, in the backup folder; the restored file
    then replaces the original, so there is never a moment without a data file."""
    folder = backup_folder_for(data_file)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{data_file.stem} {now:%Y-%m-%d_%H%M%S} damaged{data_file.suffix}"
    for suffix in ("", *files.SQLITE_SIDE_SUFFIXES):
        side = data_file.with_name(data_file.name + suffix)
        if side.exists():
            shutil.copyfile(side, kept.with_name(kept.name + suffix))
    return kept
