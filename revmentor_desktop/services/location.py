"""Where the data lives, parsed once from ``--data`` or the window's choice.

Today a data source is a file. A server URL will become a second kind of location; everything
above this module passes a ``DataLocation`` along and asks it to describe itself, so that kind
can be added here without the window or the commands learning a second way to name data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from revmentor_desktop import paths


@dataclass(frozen=True)
class DataFileLocation:
    """A data file on this computer, named by its path as the coordinator gave it (so messages
    repeat their words); ``absolute`` is the same file wherever the process stands."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def absolute(self) -> Path:
        return self.path.absolute()

    def __str__(self) -> str:
        return str(self.path)


# The only kind of data source so far; a server location joins it as ``DataFileLocation | …``.
DataLocation = DataFileLocation


def file_location(path: Path | str) -> DataFileLocation:
    return DataFileLocation(Path(path).expanduser())


def default_location() -> DataFileLocation:
    """The coordinator's own data file, where a first start creates it."""
    return file_location(paths.default_data_file())


def parse_location(text: str | None) -> DataLocation:
    """The data source ``--data TEXT`` names; without it, the default data file."""
    return file_location(text) if text else default_location()
