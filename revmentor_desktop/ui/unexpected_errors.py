"""An error no code expected is shown to the coordinator in a dialog, not left on a console.

Qt calls Python from its event loop; an exception escaping there would otherwise only reach the
terminal the app was started from, which a coordinator never sees, and the window would seem
to ignore what they did.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from revmentor_desktop import paths
from revmentor_desktop.log_file import log, log_unexpected
from revmentor_desktop.menu_paths import OPEN_LOG_FOLDER
from revmentor_desktop.storage.errors import DataFileError, suggests_damage
from revmentor_desktop.ui.widgets.feedback import NOT_SAVED_TITLE, show_refusal

TITLE = "Something went wrong"
WHAT_IT_MEANS = (
    "What you were doing may not have finished. Everything saved before it is safe: each change "
    "is written to the data file whole or not at all.\n\n"
    "If it happens again, copy the details into a message to whoever looks after RevMentor."
)
WHERE_IT_IS_LOGGED = (
    "It is also recorded, with the time and without anyone's personal details, in {log_file} "
    f"({OPEN_LOG_FOLDER.path})."
)


class UnexpectedErrors:
    """``report`` is the exception hook; ``install`` makes it the hook of the process.

    ``explain`` is asked first: a change the machine refused (a full disk, read-only media) is
    no surprise, and its plain explanation shows as a refusal instead, as does any
    ``DataFileError`` (already in plain words). ``damage_found`` is asked
    when an error looks like a damaged data file: when it finds the damage it offers the way
    out itself (the newest backup), so no second dialog is shown.
    """

    def __init__(
        self,
        damage_found: Callable[[], bool] = lambda: False,
        explain: Callable[[BaseException], DataFileError | None] = lambda _error: None,
    ) -> None:
        self._damage_found = damage_found
        self._explain = explain
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.report

    def report(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # A DataFileError already says, in plain words, what the machine refused.
        explained = error if isinstance(error, DataFileError) else self._explain(error)
        if explained is not None:
            log.warning("A change was not saved (%s)", type(explained).__name__)
        else:
            sys.__excepthook__(kind, error, trace)  # still on the console, for whoever has one
            if issubclass(kind, KeyboardInterrupt):
                return
            log_unexpected(kind, error, trace)
        if self._showing or not QApplication.instance():
            return  # one dialog at a time: an error while it shows goes to the console and log only
        if explained is None and suggests_damage(error) and self._damage_found():
            return
        self._showing = True
        try:
            if explained is not None:
                show_refusal(QApplication.activeWindow(), explained, NOT_SAVED_TITLE)
            else:
                self._show(kind, error, trace)
        finally:
            self._showing = False

    def _show(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(TITLE)
        problem = f"{kind.__name__}: {error}" if str(error) else kind.__name__
        box.setText(f"RevMentor ran into a problem it did not expect ({problem}).")
        where = WHERE_IT_IS_LOGGED.format(log_file=paths.log_file())
        box.setInformativeText(f"{WHAT_IT_MEANS}\n\n{where}")
        box.setDetailedText("".join(traceback.format_exception(kind, error, trace)))
        box.exec()
        box.deleteLater()
