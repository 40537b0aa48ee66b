"""What the disk under a data file allows: writing at all, and how much room is left.

Write commands ask before they change anything (even before the "before" backup), so a full
disk or read-only media is reported in plain words instead of surfacing half-way through.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from peewee import PeeweeException

from revmentor_desktop.storage.errors import DiskFull, ReadOnlyDataFile

# Room to open a file for changes: the shared-memory index (32 KiB), the lock file and the
# first pages of the write-ahead log. Bigger changes are checked when they are saved.
MINIMUM_ROOM_FOR_CHANGES = 1024 * 1024
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
SQLITE_DISK_FULL = "database or disk is full"
SQLITE_READ_ONLY = "attempt to write a readonly database"


def free_bytes(folder: Path) -> int:
    """Bytes this process may still write in ``folder``."""
    return shutil.disk_usage(folder).free


def can_write(path: Path) -> bool:
    """Whether ``path`` (a file or folder) may be written: false on read-only media and for an
    immutable file, which the mode bits do not show (and which root cannot write either)."""
    return os.access(path, os.W_OK)


def describe_size(size: int) -> str:
    """A size as a person reads it: "640 KB", "1.4 MB"."""
    if size <= 0:
        return "0 KB"
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    if size < 1000 * 1000 * 1000:
        return f"{size / 1000 / 1000:.1f} MB"
    return f"{size / 1000 / 1000 / 1000:.1f} GB"


def existing_folder(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (a backup folder may not exist yet)."""
    folder = Path(path).absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def is_disk_full(error: BaseException | None) -> bool:
    """Whether ``error`` or an error it was raised from or during says the disk is full.

    SQLite rolls a transaction back itself when a commit finds no room, so the error seen last
    is often "cannot rollback"; the full disk is then found further down the chain.
    """
    return _chain_says(error, DISK_FULL_ERRNOS, SQLITE_DISK_FULL)


def is_read_only(error: BaseException | None) -> bool:
    """Whether ``error`` or one in its chain is SQLite saying the data file cannot be written
    (media remounted read-only, a file made immutable while it was open). Other files' errors
    are not the data file's."""
    return _chain_says(error, frozenset(), SQLITE_READ_ONLY)


def _chain_says(error: BaseException | None, errnos: frozenset[int], sqlite_words: str) -> bool:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in errnos:
            return True
        if isinstance(error, sqlite3.Error | PeeweeException) and sqlite_words in str(error):
            return True
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return False


def no_room(path: Path, done: str, needed: int) -> DiskFull:
    """The message for a full disk: what happened to ``path``, and how much room to make."""
    return DiskFull(
        path,
        f"the disk holding it is full. {done}",
        f"Free at least {describe_size(needed)} on that disk (it has "
        f"{describe_size(free_bytes(existing_folder(path)))} free), then try again.",
    )


def check_room(path: Path, needed: int, done: str) -> None:
    """Raise ``DiskFull`` unless the disk that will hold ``path`` has ``needed`` bytes free."""
    if free_bytes(existing_folder(path)) < needed:
        raise no_room(path, done, needed)


def check_can_change(data_file: Path) -> None:
    """Before anything is written for a change to ``data_file``: the file and its folder must
    be writable (the folder holds the lock, the log and the backups) and have some room."""
    data_file = Path(data_file)
    folder = data_file.parent
    for target, what in ((data_file, "the file"), (folder, "its folder")):
        if target.exists() and not can_write(target):
            raise read_only(data_file, what, "Nothing was changed.")
    check_room(data_file, MINIMUM_ROOM_FOR_CHANGES, "Nothing was changed.")


def read_only(data_file: Path, what: str, done: str) -> ReadOnlyDataFile:
    """The message for a data file that cannot be written because ``what`` is read-only."""
    return ReadOnlyDataFile(
        data_file,
        f"cannot be changed: {what} is read-only (read-only media, a locked or immutable "
        f"file, or no permission). {done}",
        "Reading it (opening it elsewhere, exports, copies) still works; to change it, make "
        "it writable, or copy it to a writable folder and use the copy.",
    )


def check_can_create(data_file: Path, done: str) -> None:
    """Before a new data file is built at ``data_file``: its folder must be writable and have
    room for at least an empty file, its journal and its lock."""
    folder = existing_folder(data_file)
    if not can_write(folder):
        raise ReadOnlyDataFile(
            data_file,
            f"cannot be created: the folder {folder} is read-only (read-only media or no "
            f"permission). {done}",
            "Choose a writable folder.",
        )
    check_room(data_file, MINIMUM_ROOM_FOR_CHANGES, done)


def can_create_side_files(data_file: Path) -> bool:
    """Whether SQLite may create its log and shared-memory files beside ``data_file``."""
    folder = Path(data_file).parent
    return can_write(folder) and free_bytes(folder) >= MINIMUM_ROOM_FOR_CHANGES
