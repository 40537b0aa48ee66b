"""Composition root: settings, then the data file, then the window.

Nothing heavy is imported here: reports and matching load when first used.
"""

from __future__ import annotations

# The data layer comes before Qt on purpose. Once PySide6 is loaded it reads the source of
# every module that imports anything, looking for its `__feature__` switches: about 15 ms
# over the data layer's modules, a tenth of start-up.
import revmentor_desktop.domain.attention
import revmentor_desktop.domain.edits
import revmentor_desktop.services.workspace  # noqa: F401

# isort: split
import gc
import logging
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from revmentor_desktop import APP_ID, APP_NAME, paths
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.services.location import ServerLocation
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.data_file_prompts import open_with_recovery
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.models.formatting import follow_locale_dates
from revmentor_desktop.ui.settings import LAST_FILE, AppSettings
from revmentor_desktop.ui.termination import CloseOnTermination
from revmentor_desktop.ui.undo import EditStack
from revmentor_desktop.ui.unexpected_errors import UnexpectedErrors

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ORGANIZATION_NAME = "RevMentor"
ORGANIZATION_DOMAIN = "revmentor.org"


def application_icon() -> QIcon:
    """The icon as drawn for each size (resources/README.md); Qt reads only the sizes it shows."""
    folder = resources.files("revmentor_desktop.resources.icons")
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(folder.joinpath(f"revmentor-{size}.png")), QSize(size, size))
    return icon


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    follow_locale_dates()  # the window and the documents it makes write dates the same way
    return app


def start_path(data_path: Path | None, settings: AppSettings) -> tuple[Path, bool]:
    """Which file to open and whether to create it: ``--data``, else the last one, else the
    default file, created on first start."""
    if data_path is not None:
        return data_path, False
    last = settings.get(LAST_FILE)
    if last:
        return Path(last), False
    return paths.default_data_file(), True


def open_main_window(
    data_path: Path | ServerLocation | None, settings: AppSettings, clock: Clock = system_clock
) -> MainWindow | None:
    """Open the data file (asking the user what to do if it fails), or the server database
    ``--data`` named, then build the window.

    SQLite's integrity check of the file goes on in the background while the window is built
    and shown; the window offers a backup if the check finds damage.
    """
    session = DataFileSession(settings, clock)
    if isinstance(data_path, ServerLocation):
        return _window_on_server(session, data_path, settings, clock)
    # No file name in the log: the user chose it, and it may well be a person's name.
    session.opened.connect(lambda _where: log.info("Data source opened"))
    session.damaged.connect(
        lambda error: log.warning("Data file damaged (%s)", type(error).__name__)
    )
    path, create = start_path(data_path, settings)
    if path == paths.default_data_file():
        create = True
    if not open_with_recovery(
        None, session, path, create=create, give_up_label="Quit", check_in_background=True
    ):
        return None
    return window_on(session, settings, clock)


def _window_on_server(
    session: DataFileSession, location: ServerLocation, settings: AppSettings, clock: Clock
) -> MainWindow | None:
    try:
        session.open_server(location)
    except DataFileError as problem:
        QMessageBox.warning(None, "The server database cannot be opened", str(problem))
        return None
    log.info("Server database opened")
    return window_on(session, settings, clock)


def window_on(session: DataFileSession, settings: AppSettings, clock: Clock) -> MainWindow:
    """The window over an open data file, with the undo history that follows the file."""
    context = AppContext(EditStack(), clock, settings)
    window = MainWindow(context, session, settings)
    session.opened.connect(context.edits.forget_history)
    # Another coordinator's change refreshes the lists as the window's own edits do.
    session.changed_elsewhere.connect(context.edits.data_changed)
    session.setParent(window)
    context.edits.setParent(window)
    return window


def report_errors_of(session: DataFileSession) -> UnexpectedErrors:
    """Install the exception hook that explains a failure by the open data file: a change
    the machine refused, or damage found by a failed read."""
    errors = UnexpectedErrors(
        damage_found=session.verify_after_read_error, explain=session.explain_failed_change
    )
    errors.install()
    return errors


def start_gui(data_path: Path | ServerLocation | None) -> MainWindow | None:
    """Everything up to the shown window; the event loop is ``run_gui``'s."""
    make_application(sys.argv)
    window = open_main_window(data_path, AppSettings())
    if window is None:
        return None
    report_errors_of(window.session)
    CloseOnTermination(window)
    window.show()
    gc.enable()  # turned off while starting (cli.py)
    return window


def run_gui(data_path: Path | ServerLocation | None) -> int:
    window = start_gui(data_path)
    status = 1 if window is None else QApplication.exec()
    log.info("Window closed (exit status %s)", status)
    return status
