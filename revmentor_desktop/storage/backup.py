"""Backups: consistent copies of a data file, written so a failure never leaves half a file.

A backup is itself a data file. Copies go through SQLite's online backup API inside one read
transaction, so a copy taken while RevMentor is writing is still a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from revmentor_desktop.paths import DATA_FILE_SUFFIX, backup_folder_for
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.errors import BackupError, DataFileError
from revmentor_desktop.storage.inspection import (
    DataFileReport,
    connect_for_reading,
    inspect_data_file,
)

TIMESTAMP_FORMAT = "%Y-%m-%d_%H%M%S"
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.+) (?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:\.(?P<counter>\d+))?"
    r"(?: (?P<reason>[\w-]+))?$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    counter: int = 1  # orders backups taken within the same second


def _temporary_name(destination: Path) -> Path:
    return destination.with_name(f".{destination.name}.{os.getpid()}.partial")


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def copy_data_file(source: Path, destination: Path, *, max_pages: int | None = None) -> Path:
    """Write a verified copy of ``source`` to ``destination``; all or nothing.

    ``max_pages`` caps the copy's size (tests use it to stand in for a full disk).
    """
    source, destination = Path(source), Path(destination)
    if not destination.parent.is_dir():
        raise BackupError(
            destination,
            "cannot be written: the folder does not exist.",
            "Choose an existing folder.",
        )
    _check_room_for_copy(source, destination)
    partial = _temporary_name(destination)
    try:
        _copy_consistent_snapshot(source, partial, max_pages=max_pages)
        inspect_data_file(partial)
        partial.replace(destination)
        _fsync_folder(destination.parent)
    except (OSError, sqlite3.Error, DataFileError) as error:
        _remove_quietly(partial)
        raise BackupError(destination, f"could not be written: {_describe(error)}.") from error
    except BaseException:
        _remove_quietly(partial)
        raise
    return destination


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


def _remove_quietly(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def backup_name(data_file: Path, when: datetime, reason: str = "", counter: int = 1) -> str:
    name = f"{data_file.stem} {when.strftime(TIMESTAMP_FORMAT)}"
    if counter > 1:  # a second backup within the same second must not replace the first
        name += f".{counter}"
    if reason:
        name += f" {reason}"
    return name + DATA_FILE_SUFFIX


def automatic_backup(
    data_file: Path, *, reason: str, now: datetime | None = None, thin: bool = True
) -> Path:
    """Back ``data_file`` up into its backup folder, then thin the older automatic backups."""
    now = now or datetime.now()
    folder = backup_folder_for(data_file)
    _check_room_for_copy(data_file, folder / backup_name(data_file, now, reason))
    folder.mkdir(parents=True, exist_ok=True)
    counter = 1
    while (folder / backup_name(data_file, now, reason, counter)).exists():
        counter += 1
    written = copy_data_file(data_file, folder / backup_name(data_file, now, reason, counter))
    if thin:
        for surplus in backups_to_remove(list_backups(data_file), now):
            _remove_quietly(surplus.path)
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
    """Which automatic backups thinning deletes; backups before a migration are always kept."""
    newest_first = sorted(backups, key=lambda info: info.taken_at, reverse=True)
    kept_buckets: set[tuple[str, object]] = set()
    surplus = []
    for position, info in enumerate(newest_first):
        bucket = _bucket(info.taken_at, now - info.taken_at)
        if position < KEEP_NEWEST or info.reason == "before-migration":
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


def restore_backup(backup_path: Path, data_file: Path, *, now: datetime | None = None) -> Path:
    """Replace ``data_file`` with a verified copy of ``backup_path``.

    The caller must hold the writer lock and have closed its connection. The current file is
    backed up first; its WAL and shared-memory files are removed so they never pair with the
    restored file. Returns the path of the safety backup of the replaced file.
    """
    backup_path, data_file = Path(backup_path), Path(data_file)
    describe_backup(backup_path)
    safety_copy = automatic_backup(data_file, reason="before-restore", now=now, thin=False)
    incoming = data_file.with_name(f".{data_file.name}.restoring")
    try:
        copy_data_file(backup_path, incoming)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                data_file.with_name(data_file.name + suffix).unlink()
        incoming.replace(data_file)
        _fsync_folder(data_file.parent)
    finally:
        _remove_quietly(incoming)
    return safety_copy
