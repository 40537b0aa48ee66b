"""Errors about the data file, each worded for the coordinator who has to act on it."""

from __future__ import annotations

from pathlib import Path


class DataFileError(Exception):
    """A data file cannot be used. ``str(error)`` is a complete message for a person."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
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
