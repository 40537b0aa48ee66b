"""Backups: consistent copies of a data file, written so a failure never leaves half a file.

A backup is itself a data file. Copies go through SQLite's online backup API inside one read
transaction, so a copy taken while RevMentor is writing is still a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from peewee import SqliteDatabase

from revmentor_desktop.paths import DATA_FILE_SUFFIX, backup_folder_for
from revmentor_desktop.storage import disk, files
from revmentor_desktop.storage.errors import (
    BackupError,
    DamagedDataFile,
    DataFileError,
    NewerDataFile,
    NotADataFile,
)
from revmentor_desktop.storage.inspection import (
    DataFileReport,
    connect_for_reading,
    inspect_data_file,
)
from revmentor_desktop.storage.reading import READING_PRAGMAS

TIMESTAMP_FORMAT = "%Y-%m-%d_%H%M%S"
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.+) (?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:\.(?P<counter>\d+))?"
    r"(?: (?P<reason>[\w-]+))?$"
)


BEFORE_MIGRATION = "before-migration"
# What a restore calls a replaced file it could not back up (it is kept as it was, byte for
# byte), by what is wrong with it; anything else it cannot read is "unreadable".
SET_ASIDE_REASONS: tuple[tuple[type[DataFileError], str], ...] = (
    (NewerDataFile, "newer-version"),
    (DamagedDataFile, "damaged"),
    (NotADataFile, "not-a-data-file"),
)
UNREADABLE = "unreadable"
# Thinning never deletes these: each may be the only copy of what it holds.
KEPT_UNTIL_DELETED = frozenset(
    {BEFORE_MIGRATION, UNREADABLE, *(reason for _kind, reason in SET_ASIDE_REASONS)}
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    counter: int = 1  # orders backups taken within the same second


def _copy_consistent_snapshot(source: Path, target: Path, *, max_pages: int | None) -> None:
    reader = connect_for_reading(source)
    writer = sqlite3.connect(str(target), isolation_level=None)
    try:
        if max_pages is not None:
            writer.execute(f"PRAGMA max_page_count = {int(max_pages)}")
        reader.backup(writer, pages=-1)  # one step: one read transaction, one snapshot
        writer.execute("PRAGMA journal_mode = DELETE")
    finally:
        writer.close()
        reader.close()


def copy_data_file(source: Path, destination: Path, *, max_pages: int | None = None) -> Path:
    """Write a verified copy of ``source`` to ``destination``; all or nothing.

    ``max_pages`` caps the copy's size (tests use it to stand in for a full disk).
    """
    source, destination = Path(source), Path(destination)
    if destination.is_dir():
        raise BackupError(
            destination,
            "is a folder, but a file was expected.",
            f"Name the copy to write, e.g. {source.stem} copy{DATA_FILE_SUFFIX} inside it.",
        )
    if not destination.parent.is_dir():
        raise BackupError(
            destination,
            "cannot be written: the folder does not exist.",
            "Choose an existing folder.",
        )
    _check_room_for_copy(source, destination)
    try:
        with files.replacing(destination) as partial:
            write_verified_copy(source, partial, max_pages=max_pages)
            files.pause_for_crash_test("backup-before-replacing")
    except (OSError, sqlite3.Error, DataFileError) as error:
        raise BackupError(destination, f"could not be written: {_describe(error)}.") from error
    return destination


def write_verified_copy(source: Path, target: Path, *, max_pages: int | None = None) -> None:
    """Copy ``source`` to the new file ``target`` as one snapshot and check the copy."""
    _copy_consistent_snapshot(source, target, max_pages=max_pages)
    inspect_data_file(target)


def _check_room_for_copy(source: Path, destination: Path) -> None:
    """Refuse before writing a byte when the copy cannot fit or its folder is read-only."""
    folder = disk.existing_folder(destination)
    if not disk.can_write(folder):
        raise BackupError(
            destination,
            f"cannot be written: the folder {folder} is read-only. Nothing was changed.",
            "Choose a writable folder (for a one-off copy: revmentor backup -o FILE).",
        )
    size = source.stat().st_size
    if disk.free_bytes(folder) < size:
        raise disk.no_room(destination, "The backup was not written and nothing was changed.", size)


def _describe(error: BaseException) -> str:
    text = str(error)
    if isinstance(error, sqlite3.Error) and "full" in text.lower():
        return "the disk is full"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return text


def backup_name(data_file: Path, when: datetime, reason: str = "", counter: int = 1) -> str:
    name = f"{data_file.stem} {when.strftime(TIMESTAMP_FORMAT)}"
    if counter > 1:  # a second backup within the same second must not replace the first
        name += f".{counter}"
    if reason:
        name += f" {reason}"
    return name + DATA_FILE_SUFFIX


def free_backup_path(folder: Path, named_like: Path, when: datetime, reason: str) -> Path:
    """The first backup name in ``folder`` not taken yet (two backups in the same second are
    numbered)."""
    counter = 1
    while (folder / backup_name(named_like, when, reason, counter)).exists():
        counter += 1
    return folder / backup_name(named_like, when, reason, counter)


def automatic_backup(
    data_file: Path, *, reason: str, now: datetime | None = None, thin: bool = True
) -> Path:
    """Back ``data_file`` up into its backup folder, then thin the older automatic backups."""
    now = now or datetime.now()
    folder = backup_folder_for(data_file)
    _check_room_for_copy(data_file, folder / backup_name(data_file, now, reason))
    folder.mkdir(parents=True, exist_ok=True)
    written = copy_data_file(data_file, free_backup_path(folder, data_file, now, reason))
    if thin:
        for surplus in backups_to_remove(list_backups(data_file), now):
            files.remove_with_side_files(surplus.path)
    return written


def list_backups(data_file: Path) -> list[BackupInfo]:
    """The automatic backups of ``data_file``, newest first."""
    folder = backup_folder_for(data_file)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"*{DATA_FILE_SUFFIX}"):
        match = _BACKUP_NAME.match(candidate.name.removesuffix(DATA_FILE_SUFFIX))
        if match is None or match["stem"] != data_file.stem:
            continue
        taken_at = datetime.strptime(match["stamp"], TIMESTAMP_FORMAT)
        counter = int(match["counter"] or 1)
        found.append(BackupInfo(candidate, taken_at, match["reason"] or "", counter))
    return sorted(found, key=lambda info: (info.taken_at, info.counter), reverse=True)


def clear_leftovers(data_file: Path) -> list[Path]:
    """Remove what killed writers left of ``data_file``: half-made copies of it beside it
    (from a creation or a restore) and anything half-written in its backup folder.

    The caller holds the writer lock of ``data_file``."""
    data_file = Path(data_file)
    name = data_file.name
    beside = files.remove_leftovers(
        data_file.parent,
        keep_target=lambda target: target != name and not target.startswith(f".{name}."),
    )
    # Earlier versions named these without a process id; only the lock's holder makes them.
    for legacy in (
        data_file.with_name(f".{name}.restoring"),
        data_file.with_name(f".{name}.creating"),
    ):
        if legacy.exists():
            with contextlib.suppress(OSError):  # read-only media: leave it
                files.remove_with_side_files(legacy)
                beside.append(legacy)
    return beside + files.remove_leftovers(backup_folder_for(data_file))


def set_aside_reason(problem: DataFileError) -> str:
    """The word a file set aside for ``problem`` is named by in the backup folder."""
    return next((r for kind, r in SET_ASIDE_REASONS if isinstance(problem, kind)), UNREADABLE)


def set_aside(data_file: Path, problem: DataFileError, now: datetime) -> Path:
    """Keep ``data_file``, which cannot be backed up because of ``problem``, byte for byte (its
    log and journal too) in the backup folder, named for what is wrong with it."""
    folder = backup_folder_for(data_file)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / backup_name(data_file, now, set_aside_reason(problem))
    for suffix in ("", *files.SQLITE_SIDE_SUFFIXES):
        side = data_file.with_name(data_file.name + suffix)
        if side.exists():
            with files.replacing(kept.with_name(kept.name + suffix)) as copy:
                shutil.copyfile(side, copy)
    return kept


def data_files_in_backup_folder(data_file: Path) -> list[Path]:
    """Every data file in the backup folder, whatever its name: automatic backups, copies
    saved there by hand, and the files a restore set aside, damaged or from a newer version
    (those may not be fully readable)."""
    folder = backup_folder_for(Path(data_file))
    if not folder.is_dir():
        return []
    found = []
    for candidate in sorted(folder.iterdir()):
        if candidate.name.startswith(".") or not candidate.is_file():
            continue
        try:
            inspect_data_file(candidate, full_check=False, integrity=False)
        except (NewerDataFile, DamagedDataFile):
            pass
        except DataFileError:
            continue
        found.append(candidate)
    return found


def delete_backup(path: Path) -> None:
    files.remove_with_side_files(Path(path))


@contextlib.contextmanager
def reading_copy(path: Path) -> Iterator[SqliteDatabase]:
    """A read-only connection to a backup of any data format this app can read."""
    database = SqliteDatabase(str(path), pragmas=READING_PRAGMAS, timeout=10)
    database.connect()
    try:
        yield database
    finally:
        database.close()


def newest_good_backup(data_file: Path) -> BackupInfo | None:
    for info in list_backups(data_file):
        try:
            inspect_data_file(info.path, full_check=False)
        except DataFileError:
            continue
        return info
    return None


def took_backup_today(data_file: Path, now: datetime) -> bool:
    return any(info.taken_at.date() == now.date() for info in list_backups(data_file))


# Thinning keeps the newest few, then one a day for a week, one a week for two months and one
# a month for a year (the same idea as Anki's backups).
KEEP_NEWEST = 8
KEEP_DAILY_FOR = timedelta(days=7)
KEEP_WEEKLY_FOR = timedelta(weeks=8)
KEEP_MONTHLY_FOR = timedelta(days=365)


def _bucket(taken_at: datetime, age: timedelta) -> tuple[str, object] | None:
    if age <= KEEP_DAILY_FOR:
        return ("day", taken_at.date())
    if age <= KEEP_WEEKLY_FOR:
        return ("week", taken_at.isocalendar()[:2])
    if age <= KEEP_MONTHLY_FOR:
        return ("month", (taken_at.year, taken_at.month))
    return None


def backups_to_remove(backups: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which automatic backups thinning deletes; backups before a migration and files set
    aside by a restore are always kept."""
    newest_first = sorted(backups, key=lambda info: info.taken_at, reverse=True)
    kept_buckets: set[tuple[str, object]] = set()
    surplus = []
    for position, info in enumerate(newest_first):
        bucket = _bucket(info.taken_at, now - info.taken_at)
        if position < KEEP_NEWEST or info.reason in KEPT_UNTIL_DELETED:
            if bucket is not None:
                kept_buckets.add(bucket)
            continue
        if bucket is None or bucket in kept_buckets:
            surplus.append(info)
        else:
            kept_buckets.add(bucket)
    return surplus


def describe_backup(path: Path) -> DataFileReport:
    """Check a backup and count what it holds, for the restore confirmation."""
    return inspect_data_file(Path(path))
