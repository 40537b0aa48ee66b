"""The window's side of the open data source: ``services.Workspace`` does the work; this
adapter turns what it reports into signals and runs the integrity check from the event loop.

On a server database it also passes on what other coordinators commit: PostgreSQL's
LISTEN/NOTIFY on a connection of its own, whose socket a ``QSocketNotifier`` watches, so a
change shows within a moment and nothing is polled while nobody changes anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.services.data_sources import ReplacedFile
from revmentor_desktop.services.location import DataLocation, ServerLocation, file_location
from revmentor_desktop.services.workspace import Workspace
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.server import ChangeListener
from revmentor_desktop.ui.settings import AppSettings

CHECK_POLL_MS = 20
# Several notifications in a burst (an import commits many) make one refresh, this long after
# the first: well inside the two seconds a coordinator waits to see another's change.
CHANGES_SETTLE_MS = 250
CONNECTION_LOST = (
    "The connection to the server was lost: changes by other coordinators no longer appear. "
    "Open the server again (File → Connect to a server…) to see them."
)


class DataFileSession(QObject):
    """Holds the window's ``Workspace``; every switch of data file goes through here."""

    opened = Signal(object)  # the DataLocation newly opened: a data file or a server database
    damaged = Signal(object)  # the DataFileError the background check found; file now closed
    message = Signal(str)
    changed_elsewhere = Signal()  # another coordinator committed a change to the open server

    def __init__(
        self, settings: AppSettings, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.workspace = Workspace(clock, say=self.message.emit)
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(CHECK_POLL_MS)
        self._check_timer.timeout.connect(self._poll_integrity_check)
        self._listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        self._settle_timer = QTimer(self, singleShot=True, interval=CHANGES_SETTLE_MS)
        self._settle_timer.timeout.connect(self.changed_elsewhere)

    @property
    def path(self) -> Path | None:
        return self.workspace.path

    @property
    def location(self) -> DataLocation | None:
        return self.workspace.location

    @property
    def server(self) -> ServerLocation | None:
        return self.workspace.server

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

    def open_server(self, location: ServerLocation) -> None:
        """Open a database on a server (raising ``ServerProblem``), close what was open, and
        remember the server among the recent ones (its address only: never a password)."""
        self._open(location)

    def _open(
        self, location: DataLocation, *, create: bool = False, check_in_background: bool = False
    ) -> None:
        if not self.workspace.open(
            location, create=create, check_in_background=check_in_background
        ):
            return
        self._listen_for_changes()
        assert self.workspace.location is not None
        self.opened.emit(self.workspace.location)
        if self.workspace.server is not None:
            self.settings.remember_server(self.workspace.server.url)
            return
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

    def _listen_for_changes(self) -> None:
        self._stop_listening()
        self._listener = self.workspace.listen_for_changes()
        if self._listener is None:
            return
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_changes)

    def _read_changes(self) -> None:
        if self._listener is None:
            return
        if self._listener.changed_elsewhere() and not self._settle_timer.isActive():
            self._settle_timer.start()
        if self._listener.lost:
            self._stop_listening()
            self.message.emit(CONNECTION_LOST)

    def _stop_listening(self) -> None:
        self._settle_timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def close(self) -> None:
        self._check_timer.stop()
        self._stop_listening()
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
