"""The open data file: switching files, the automatic backups, and where the file lives."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.data_files import restore_closed_data_file
from revmentor_desktop.log_file import log
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.location import data_file_location_warning
from revmentor_desktop.storage.restore import ReplacedFile
from revmentor_desktop.ui.settings import AppSettings

CHECK_POLL_MS = 20


class DataFileSession(QObject):
    """Holds at most one open ``DataFile``; every switch goes through here."""

    opened = Signal(object)  # the Path of the newly opened file
    damaged = Signal(object)  # the DataFileError the background check found; file now closed
    message = Signal(str)

    def __init__(
        self, settings: AppSettings, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self.data_file: DataFile | None = None
        self.location_warning: str | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(CHECK_POLL_MS)
        self._check_timer.timeout.connect(self._poll_integrity_check)

    @property
    def path(self) -> Path | None:
        return self.data_file.path if self.data_file else None

    def open(self, path: Path, *, create: bool = False, check_in_background: bool = False) -> None:
        """Open ``path`` (raising ``DataFileError``), then close the file open before it.

        With ``check_in_background`` (start-up) the window can show the file at once: if
        SQLite's integrity check then finds damage, the file is closed and ``damaged`` emitted.
        The file becomes the last opened one, and gets its daily backup, once it passed.
        """
        path = Path(path).absolute()
        if path == self.path:
            return
        opened = DataFile.open(path, create=create, check_in_background=check_in_background)
        previous, self.data_file = self.data_file, opened
        if previous is not None:
            self._close(previous)
        self.location_warning = data_file_location_warning(path)
        self.opened.emit(path)
        if check_in_background:  # the verdict comes from the event loop, once a window listens
            self._check_timer.start()
        else:
            self._poll_integrity_check()

    def _poll_integrity_check(self) -> None:
        data_file = self.data_file
        if data_file is None:
            return
        if data_file.integrity_check_pending:
            # Started from the event loop, so that it does not compete with filling the window.
            data_file.start_integrity_check()
            return
        self._check_timer.stop()
        try:
            data_file.confirm_intact()
        except DataFileError as error:
            self.close()
            self.damaged.emit(error)
            return
        self.settings.remember_file(data_file.path)
        self._daily_backup(data_file.path)

    def verify_after_read_error(self) -> bool:
        """A query failed as damage would make it fail: check the file now. When it is damaged,
        close it and emit ``damaged`` from the event loop, and return True."""
        data_file = self.data_file
        if data_file is None:
            return False
        try:
            data_file.check_intact_now()
        except DataFileError as error:
            self.close()
            QTimer.singleShot(0, lambda found=error: self.damaged.emit(found))
            return True
        return False

    def explain_failed_change(self, error: BaseException) -> DataFileError | None:
        """A change that failed, in plain words when a full disk or read-only media explains
        it (what, which file, that nothing was saved, the room to make); else None."""
        return self.data_file.explain_failure(error) if self.data_file else None

    def _daily_backup(self, path: Path) -> None:
        if not backup.took_backup_today(path, self.clock()):
            self._automatic_backup(path, "daily")

    def _automatic_backup(self, path: Path, reason: str) -> None:
        """A backup the disk refuses (full, read-only) is said, and stops nothing: opening or
        closing goes on, and the data file itself is as it was."""
        try:
            backup.automatic_backup(path, reason=reason, now=self.clock())
        except DataFileError as error:
            log.warning("Automatic backup not written (%s)", type(error).__name__)
            self.message.emit(f"No automatic backup was taken. {error}")

    def _close(self, data_file: DataFile) -> None:
        try:
            if data_file.changed_since_open:
                self._automatic_backup(data_file.path, "on-close")
        finally:
            data_file.close()

    def close(self) -> None:
        self._check_timer.stop()
        if self.data_file is not None:
            data_file, self.data_file = self.data_file, None
            self._close(data_file)

    def back_up_now(self) -> Path:
        assert self.path is not None
        return backup.automatic_backup(self.path, reason="manual", now=self.clock())

    def save_copy(self, destination: Path) -> Path:
        assert self.path is not None
        return backup.copy_data_file(self.path, destination)

    def restore(self, backup_path: Path, path: Path | None = None) -> ReplacedFile | None:
        """Replace the open file (or the closed ``path``) with a backup, then open it; returns
        where the replaced file was kept."""
        target = path or self.path
        assert target is not None
        if self.path == target:
            self.close()
        try:
            safety = restore_closed_data_file(backup_path, target)
        except DataFileError:
            with contextlib.suppress(DataFileError):
                self.open(target)
            raise
        self.open(target)
        return safety
