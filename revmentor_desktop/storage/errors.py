"""Errors about the data file, each worded for the coordinator who has to act on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

# What SQLite says when the file itself cannot be read, as opposed to busy or misused.
DAMAGE_WORDS = ("malformed", "not a database", "disk i/o error")


class DataFileError(Exception):
    """A data file cannot be used. ``str(error)`` is a complete message for a person.

    ``path`` is the file; for a server database (``ServerProblem``) it is the address."""

    def __init__(self, path: Path | str, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        message = f"{path}: {problem}"
        if advice:
            message += f" {advice}"
        super().__init__(message)


class DataFileMissing(DataFileError):
    pass


class NotADataFile(DataFileError):
    pass


class DamagedDataFile(DataFileError):
    pass


class TruncatedDataFile(DamagedDataFile):
    pass


class NewerDataFile(DataFileError):
    pass


class DataFileInUse(DataFileError):
    def __init__(self, path: Path, holder: str) -> None:
        self.holder = holder
        super().__init__(
            path,
            f"is already open for changes by {holder}.",
            "Close RevMentor there first, or open a copy of the file.",
        )


class BackupError(DataFileError):
    pass


class ServerProblem(DataFileError):
    """A database on a server cannot be used (unreachable, refused, not RevMentor's, newer
    than this version); ``path`` is its address, never with a password."""


class ReadOnlyDataFile(DataFileError):
    """The file or its folder cannot be written (read-only media, an immutable file)."""


class DiskFull(DataFileError):
    """The disk holding the file has no room for a change, a journal or a backup."""


def suggests_damage(error: BaseException) -> bool:
    """Whether a failed query says the data file itself is damaged (worth checking it now)."""
    readable = isinstance(error, sqlite3.DatabaseError | PeeweeDatabaseError)
    return readable and any(word in str(error).lower() for word in DAMAGE_WORDS)
