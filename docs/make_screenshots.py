"""Screenshots of every view and the main dialogs on the sample data, for the README.

Run under a real X server so fonts and styles are the ones a user sees, e.g.
``xvfb-run -s "-screen 0 1280x800x24" python docs/make_screenshots.py``. It writes a fresh sample
file to a temporary folder, never touching the user's data, and saves PNGs in docs/screenshots/.
``python docs/make_screenshots.py --matching-only`` makes just dialog-matching.png, and
``--programme-only`` just the Programme view, light and dark. The matching
assistant is shown on the staff list and enrolment answers in tests/data/, imported
into a reverse cohort as a new coordinator would.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# This working copy's package, not whichever one the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from revmentor_desktop.paths import HOME_OVERRIDE_VARIABLE

OUTPUT = Path(__file__).resolve().parent / "screenshots"
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data"
WINDOW_SIZE = (1280, 800)
TODAY = date(2026, 11, 25)
HANGUL = re.compile("[\uac00-\ud7a3]")


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
    from revmentor_desktop.app import make_application

    def clock() -> datetime:
        return datetime(2026, 11, 25, 10, 0)

    options = {"--matching-only", "--programme-only"}
    app = make_application([arg for arg in sys.argv if arg not in options])
    OUTPUT.mkdir(exist_ok=True)
    sample = scratch / "Northwind programme.revmentor"
    if "--programme-only" in sys.argv:
        window = open_sample_window(sample, clock)
        save_programme(window, app)
        window.close()
        return 0
    if "--matching-only" not in sys.argv:
        save_views_and_dialogs(sample, app, clock)
    save_matching(scratch / "Northwind staff.revmentor", app, clock)
    return 0


def open_sample_window(sample: Path, clock: Callable[[], datetime]) -> QWidget:
    """The main window, shown at the screenshots' size, on a generated sample programme."""
    from make_document_pages import apply_sample_organisation

    from revmentor_desktop.app import open_main_window
    from revmentor_desktop.domain.demo import generate_demo
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.ui.settings import AppSettings

    with DataFile.open(sample, create=True):
        generate_demo(people=150, seed=7, today=TODAY)
        apply_sample_organisation()  # the letterhead the preview and the settings show
    window = open_main_window(sample, AppSettings(), clock)
    assert window is not None
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def save_views_and_dialogs(sample: Path, app: QApplication, clock: Callable[[], datetime]) -> None:
    """Every view and the record dialogs, on a generated sample programme."""
    window = open_sample_window(sample, clock)
    for name in ("today", "people", "cohorts", "pairs", "sessions"):
        window.show_view(name)  # type: ignore[attr-defined]
        save(window, f"view-{name}", app)
    save_programme(window, app)
    save_dialogs(window, app)
    save_preview(window, app)
    save_import_wizard(window, sample, app)
    window.close()


def save_programme(window: QWidget, app: QApplication) -> None:
    """The Programme view over every cohort of the sample, in the light palette and in the
    dark one a computer set to dark mode gives the app."""
    window.show_view("programme")  # type: ignore[attr-defined]
    save(window, "view-programme", app)
    light = app.palette()
    app.setPalette(dark_palette())
    save(window, "view-programme-dark", app)
    app.setPalette(light)
    settle(app)


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark mode gives Qt (offscreen and Xvfb have none)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2d2d2d",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#292929",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#383838",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d7fc4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def save_dialogs(window: QWidget, app: QApplication) -> None:
    """The record dialogs a coordinator uses most, on the first rows of the sample data."""
    from revmentor_desktop.domain import pairs, people
    from revmentor_desktop.domain.pairs import PairQuery
    from revmentor_desktop.ui.dialogs.answer_entry_dialog import AnswerEntryDialog
    from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
    from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
    from revmentor_desktop.ui.dialogs.plans_library import PlansLibrary
    from revmentor_desktop.ui.dialogs.prepare_messages_dialog import PrepareMessagesDialog
    from revmentor_desktop.ui.dialogs.programme_settings_dialog import ProgrammeSettingsDialog
    from revmentor_desktop.ui.dialogs.questionnaire_editor import QuestionnaireEditor

    context = window.context  # type: ignore[attr-defined]
    person_id = people.people_ids()[0]
    active_pair = pairs.list_pairs(PairQuery(status="active"), context.clock)[0]
    cohort_id = pairs.get_pair(active_pair.id).cohort_id
    for name, dialog in (
        ("dialog-person", PersonDialog(context, person_id, parent=window)),
        ("dialog-pair", PairDialog(context, active_pair.id, parent=window)),
        ("dialog-settings", ProgrammeSettingsDialog(context, parent=window)),
        ("dialog-answer-entry", AnswerEntryDialog(context, cohort_id, parent=window)),
        ("dialog-questionnaires", QuestionnaireEditor(context, parent=window)),
        ("dialog-session-plans", PlansLibrary(context, parent=window)),
        ("dialog-prepare-emails", PrepareMessagesDialog(context, [active_pair.id], parent=window)),
    ):
        dialog.show()
        save(dialog, name, app)
        dialog.reject()


def save_preview(window: QWidget, app: QApplication) -> None:
    """The preview of an active pair's progress summary, its first page drawn: a pair with a
    Korean name if the sample has one, as names in any script print."""
    from revmentor_desktop.domain import pairs
    from revmentor_desktop.domain.pairs import PairQuery
    from revmentor_desktop.reports.registry import PAIR_SUMMARY
    from revmentor_desktop.ui.dialogs.document_dialog import show_document

    context = window.context  # type: ignore[attr-defined]
    active = pairs.list_pairs(PairQuery(status="active"), context.clock)
    pair = next(
        (row for row in active if HANGUL.search(f"{row.mentor_name} {row.mentee_name}")),
        active[0],
    )
    dialog = show_document(context, PAIR_SUMMARY, pair.id, window)
    view = dialog.page_view
    deadline = time.monotonic() + 60
    while (dialog.pdf is None or view.page_image(0) is None) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    save(dialog, "dialog-preview", app)
    dialog.reject()


def save_matching(path: Path, app: QApplication, clock: Callable[[], datetime]) -> None:
    """The matching assistant on the staff list and the enrolment answers, as a reverse cohort."""
    from revmentor_desktop.domain import cohorts
    from revmentor_desktop.domain.importing import (
        ImportOptions,
        apply_plan,
        build_plan,
        initial_mapping,
        read_table_file,
    )
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.ui.context import AppContext
    from revmentor_desktop.ui.dialogs.match_review_dialog import MatchReviewDialog
    from revmentor_desktop.ui.undo import EditStack

    with DataFile.open(path, create=True):
        for name in ("staff_hris_export.csv", "enrolment_form_responses.csv"):
            table = read_table_file(FIXTURES / name)
            options = ImportOptions(today=TODAY, cohort_name="Reverse 2026", cohort_kind="reverse")
            apply_plan(build_plan(table, initial_mapping(table.headers), options), None)
        cohort_id = cohorts.find_cohort_id("Reverse 2026")
        dialog = MatchReviewDialog(AppContext(EditStack(), clock), cohort_id)
        dialog.resize(*WINDOW_SIZE)
        dialog.show()
        dialog.table.selectRow(1)
        dialog.lower_tabs.setCurrentWidget(dialog.weights)
        save(dialog, "dialog-matching", app)
        dialog.reject()


def save_import_wizard(window: QWidget, data_file: Path, app: QApplication) -> None:
    """The import wizard's preview of the test staff list, everyone enrolled in a new cohort
    as mentee: what a coordinator checks before pressing Import. Nothing is imported."""
    from revmentor_desktop.ui.dialogs.import_wizard import ImportWizard

    staff_list = Path(__file__).resolve().parents[1] / "tests" / "data" / "staff_hris_export.csv"
    wizard = ImportWizard(window.context, data_file, parent=window)  # type: ignore[attr-defined]
    wizard.show()
    wizard.set_file(staff_list)
    wizard.next()
    wizard.next()
    wizard.cohort_page.cohort.setEditText("Reverse mentoring 2027")
    roles = wizard.cohort_page.default_role
    roles.setCurrentIndex(roles.findData("mentee"))
    wizard.next()
    save(wizard, "dialog-import", app)
    wizard.reject()


if __name__ == "__main__":
    sys.exit(main())
