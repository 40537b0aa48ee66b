"""Screenshots of every view and the main dialogs on the sample data, for the README.

Run under a real X server so fonts and styles are the ones a user sees, e.g.
``xvfb-run -s "-screen 0 1280x800x24" python docs/make_screenshots.py``. It writes a fresh sample
file to a temporary folder, never touching the user's data, and saves PNGs in docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from revmentor_desktop.paths import HOME_OVERRIDE_VARIABLE

OUTPUT = Path(__file__).resolve().parent / "screenshots"
WINDOW_SIZE = (1280, 800)
TODAY = date(2026, 11, 25)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(OUTPUT / f"{name}.png"))
    print(OUTPUT / f"{name}.png")


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="revmentor-shots-"))
    os.environ[HOME_OVERRIDE_VARIABLE] = str(scratch / "home")
    from revmentor_desktop.app import make_application, open_main_window
    from revmentor_desktop.domain.demo import generate_demo
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.ui.settings import AppSettings

    sample = scratch / "Northwind programme.revmentor"
    with DataFile.open(sample, create=True):
        generate_demo(people=150, seed=7, today=TODAY)

    def clock() -> datetime:
        return datetime(2026, 11, 25, 10, 0)

    app = make_application(sys.argv)
    window = open_main_window(sample, AppSettings(), clock)
    assert window is not None
    window.resize(*WINDOW_SIZE)
    window.show()
    OUTPUT.mkdir(exist_ok=True)
    for name in ("today", "people", "cohorts", "pairs", "sessions"):
        window.show_view(name)
        save(window, f"view-{name}", app)
    save_dialogs(window, app)
    window.close()
    return 0


def save_dialogs(window: QWidget, app: QApplication) -> None:
    """The record dialogs a coordinator uses most, on the first rows of the sample data."""
    from revmentor_desktop.domain import cohorts, pairs, people
    from revmentor_desktop.domain.pairs import PairQuery
    from revmentor_desktop.ui.dialogs.match_review_dialog import MatchReviewDialog
    from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
    from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog

    context = window.context  # type: ignore[attr-defined]
    person_id = people.people_ids()[0]
    active_pair = pairs.list_pairs(PairQuery(status="active"), context.clock)[0]
    cohort_id = next(row.id for row in cohorts.list_cohorts() if row.unmatched > 1)
    for name, dialog in (
        ("dialog-person", PersonDialog(context, person_id, parent=window)),
        ("dialog-pair", PairDialog(context, active_pair.id, parent=window)),
        ("dialog-matching", MatchReviewDialog(context, cohort_id, parent=window)),
    ):
        dialog.show()
        save(dialog, name, app)
        dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
