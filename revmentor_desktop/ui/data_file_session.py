"""The window's side of the open data source: ``services.Workspace`` does the work; this
adapter turns what it reports into signals and runs the integrity check from the event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.services.data_sources import ReplacedFile
from revmentor_desktop.services.location import DataLocation, file_location
from revmentor_desktop.services.workspace import Workspace
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.ui.settings import AppSettings

CHECK_POLL_MS = 20


class DataFileSession(QObject):
    """Holds the window's ``Workspace``; every switch of data file goes through here."""

    opened = Signal(object)  # the Path of the newly opened file
    damaged = Signal(object)  # the DataFileError the background check found; file now closed
    message = Signal(str)

    def __init__(
        self, settings: AppSettings, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.workspace = Workspace(clock, say=self.message.emit)
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(CHECK_POLL_MS)
        self._check_timer.timeout.connect(self._poll_integrity_check)

    @property
    def path(self) -> Path | None:
        return self.workspace.path

    @property
    def location_warning(self) -> str | None:
        return self.workspace.location_warning

    def open(self, path: Path, *, create: bool = False, check_in_background: bool = False) -> None:
        """Open ``path`` (raising ``DataFileError``), then close the file open before it.

        With ``check_in_background`` (start-up) the window can show the file at once: if
        SQLite's integrity check then finds damage, the file is closed and ``damaged`` emitted.
        The file becomes the last opened one, and gets its daily backup, once it passed.
        """
        self._open(file_location(path), create=create, check_in_background=check_in_background)

    def _open(
        self, location: DataLocation, *, create: bool = False, check_in_background: bool = False
    ) -> None:
        if not self.workspace.open(
            location, create=create, check_in_background=check_in_background
        ):
            return
        self.opened.emit(self.workspace.path)
        if check_in_background:  # the verdict comes from the event loop, once a window listens
            self._check_timer.start()
        else:
            self._poll_integrity_check()

    def _poll_integrity_check(self) -> None:
        if self.workspace.integrity_check_pending:
            # Started from the event loop, so that it does not compete with filling the window.
            self.workspace.start_integrity_check()
            return
        self._check_timer.stop()
        path = self.workspace.path
        if path is None:
            return
        try:
            self.workspace.confirm_intact()
        except DataFileError as error:
            self.damaged.emit(error)
            return
        self.settings.remember_file(path)

    def verify_after_read_error(self) -> bool:
        """A query failed as damage would make it fail: check the file now. When it is damaged,
        close it and emit ``damaged`` from the event loop, and return True."""
        error = self.workspace.damage_after_read_error()
        if error is None:
            return False
        self._check_timer.stop()
        QTimer.singleShot(0, lambda found=error: self.damaged.emit(found))
        return True

    def explain_failed_change(self, error: BaseException) -> DataFileError | None:
        return self.workspace.explain_failed_change(error)

    def close(self) -> None:
        self._check_timer.stop()
        self.workspace.close()

    def back_up_now(self) -> Path:
        return self.workspace.back_up_now()

    def save_copy(self, destination: Path) -> Path:
        return self.workspace.save_copy(destination)

    def restore(self, backup_path: Path, path: Path | None = None) -> ReplacedFile | None:
        """Replace the open file (or the closed ``path``) with a backup, then open it; returns
        where the replaced file was kept."""
        location = file_location(path) if path is not None else None
        return self.workspace.restore(backup_path, location, reopen=self._open)
