"""The data source the window has open: at most one at a time, every switch through here.

Plain Python, no Qt: the window wraps a ``Workspace`` in a thin adapter that turns its
reports into signals and runs the background integrity check from the event loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.log_file import log
from revmentor_desktop.services import copying, data_sources
from revmentor_desktop.services.location import DataLocation, ServerLocation, file_location
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.server import ChangeListener, ServerStore

Say = Callable[[str], None]


class Workspace:
    """Holds at most one open data source, a data file or a server database; opening another
    closes the one before it. What only a file has (its lock, integrity check, daily and
    on-close backups) is skipped for a server, whose administrator looks after those."""

    def __init__(self, clock: Clock = system_clock, say: Say = lambda _message: None) -> None:
        self.clock = clock
        self.say = say  # a message for the coordinator (a backup the disk refused, …)
        self.data_file: DataFile | ServerStore | None = None
        self.location: DataLocation | None = None
        self.location_warning: str | None = None

    @property
    def path(self) -> Path | None:
        """The open data file; None when a server database (or nothing) is open."""
        return self.data_file.path if isinstance(self.data_file, DataFile) else None

    @property
    def server(self) -> ServerLocation | None:
        """The open server database, if that is what is open."""
        return self.location if isinstance(self.location, ServerLocation) else None

    def listen_for_changes(self) -> ChangeListener | None:
        """Word of changes other coordinators commit to the open server database (None on a
        data file: it has one writer, this window)."""
        if isinstance(self.data_file, ServerStore):
            return self.data_file.listen_for_changes()
        return None

    def open(
        self, location: DataLocation, *, create: bool = False, check_in_background: bool = False
    ) -> bool:
        """Open ``location`` (raising ``DataFileError``), then close the source open before
        it; False when it is the one already open. With ``check_in_background`` the integrity
        check waits for ``start_integrity_check``; call ``confirm_intact`` for its verdict."""
        if isinstance(location, ServerLocation):
            if location == self.location:
                return False
        else:
            location = file_location(location.absolute)
            if location.path == self.path:
                return False
        opened = data_sources.open_for_changes(
            location, create=create, check_in_background=check_in_background
        )
        previous, self.data_file, self.location = self.data_file, opened, location
        if previous is not None:
            self._close(previous)
        on_server = isinstance(location, ServerLocation)
        self.location_warning = None if on_server else data_sources.location_warning(location)
        return True

    @property
    def integrity_check_pending(self) -> bool:
        return isinstance(self.data_file, DataFile) and self.data_file.integrity_check_pending

    def start_integrity_check(self) -> None:
        if isinstance(self.data_file, DataFile):
            self.data_file.start_integrity_check()

    def confirm_intact(self) -> None:
        """The integrity check's verdict: damage closes the source and raises
        ``DataFileError``; an intact source gets its daily backup."""
        if not isinstance(self.data_file, DataFile):
            return
        try:
            self.data_file.confirm_intact()
        except DataFileError:
            self.close()
            raise
        self._daily_backup()

    def damage_after_read_error(self) -> DataFileError | None:
        """A query failed as damage would make it fail: check now; when the source is
        damaged, close it and return the error."""
        if not isinstance(self.data_file, DataFile):
            return None
        try:
            self.data_file.check_intact_now()
        except DataFileError as error:
            self.close()
            return error
        return None

    def explain_failed_change(self, error: BaseException) -> DataFileError | None:
        """A change that failed, in plain words when a full disk or read-only media explains
        it (what, which file, that nothing was saved, the room to make); else None."""
        return self.data_file.explain_failure(error) if self.data_file else None

    def _daily_backup(self) -> None:
        if self.location is not None and not data_sources.took_backup_today(
            self.location, self.clock()
        ):
            self._automatic_backup(self.location, "daily")

    def _automatic_backup(self, location: DataLocation, reason: str) -> None:
        """A backup the disk refuses (full, read-only) is said, and stops nothing: opening or
        closing goes on, and the data itself is as it was."""
        try:
            data_sources.automatic_backup(location, reason, now=self.clock())
        except DataFileError as error:
            log.warning("Automatic backup not written (%s)", type(error).__name__)
            self.say(f"No automatic backup was taken. {error}")

    def _close(self, data_file: DataFile | ServerStore) -> None:
        try:
            if isinstance(data_file, DataFile) and data_file.changed_since_open:
                self._automatic_backup(file_location(data_file.path), "on-close")
        finally:
            data_file.close()

    def close(self) -> None:
        if self.data_file is not None:
            data_file, self.data_file, self.location = self.data_file, None, None
            self._close(data_file)

    def back_up_now(self) -> Path:
        assert self.location is not None
        return data_sources.back_up(self.location, now=self.clock())

    def save_copy(self, destination: Path) -> Path:
        """A copy as a data file; of a server database, from one snapshot."""
        assert self.location is not None
        if isinstance(self.location, ServerLocation):
            return copying.back_up_server(self.location, destination)
        return data_sources.back_up(self.location, destination)

    def restore(
        self,
        backup_path: Path,
        location: DataLocation | None = None,
        reopen: Callable[[DataLocation], object] | None = None,
    ) -> data_sources.ReplacedFile | None:
        """Replace the open source (or the closed ``location``) with a backup, then open it
        with ``reopen`` (``open`` unless the window listens for openings); returns where the
        replaced data was kept. A failed restore opens the source as it was."""
        wanted = location or self.location
        assert wanted is not None, "restore needs an open data source or a location"
        target = file_location(data_sources.file_only(wanted, "restoring a backup").absolute)
        reopen = reopen or self.open
        if target.path == self.path:
            self.close()
        try:
            safety = data_sources.restore_closed(target, backup_path)
        except DataFileError:
            with contextlib.suppress(DataFileError):
                reopen(target)
            raise
        reopen(target)
        return safety
