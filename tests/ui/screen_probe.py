"""Open the main window and every dialog of ``ui/dialogs`` on the screen Qt is given, and print
their sizes as JSON.

``test_fits_the_screen.py`` runs this in a fresh interpreter on an offscreen 1280×800 screen,
once as it is and once at 200 % scaling (``QT_SCALE_FACTOR=2``), which no test inside the
suite's own Qt application can change.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from revmentor_desktop.app import window_on
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.plans import catalogue
from revmentor_desktop.reports.registry import KINDS
from revmentor_desktop.ui import dialogs
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.guide import page_values
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.navigation import VIEW_CLASSES
from revmentor_desktop.ui.settings import AppSettings
from tests.ui.programme import MovableClock, Programme, build_programme


def dialog_classes() -> list[str]:
    """Every dialog class defined in ``revmentor_desktop.ui.dialogs`` that is opened as it is:
    a shape shared by several dialogs (``PairQuestionDialog``) is measured through them."""
    found: dict[str, type] = {}
    for module_info in pkgutil.iter_modules(dialogs.__path__):
        module = importlib.import_module(f"{dialogs.__name__}.{module_info.name}")
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == module.__name__:
                found[name] = value
    shared = {base for value in found.values() for base in value.__mro__[1:]}
    return sorted(name for name, value in found.items() if value not in shared)


def _openings(
    programme: Programme, data_path: Path, window: MainWindow
) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """Each dialog's module and what it is opened on (after the context): the longest forms."""
    ada, active = programme.person_ids["Ada Lovelace"], programme.pair_ids["active"]
    answered = _answered_check_in(programme)
    guide_values = partial(page_values, window.actions, window.menuBar(), data_path)
    return {
        "AboutDialog": ("about_dialog", (data_path,)),
        "ActivatePairDialog": ("activate_pair_dialog", (programme.pair_ids["proposed"],)),
        "AnswerEntryDialog": ("answer_entry_dialog", (programme.cohort_id,)),
        "AnswerImportWizard": ("answer_import_wizard", ()),
        "CheckInDatesDialog": ("check_in_dates_dialog", (programme.cohort_id,)),
        "CollectFormsDialog": ("collect_forms_dialog", ()),
        "ConnectServerDialog": ("connect_server_dialog", ()),
        "FormAnswersDialog": ("form_answers_dialog", (answered,)),
        "MakeFormsDialog": ("make_forms_dialog", ()),
        "MessageTemplatesDialog": ("message_templates_dialog", ()),
        "PlanEditor": ("plans_library", (catalogue.find_plan("generative-ai"),)),
        "PlansLibrary": ("plans_library", ()),
        "PrepareMessagesDialog": ("prepare_messages_dialog", ([active],)),
        "QuestionnaireEditor": ("questionnaire_editor", ()),
        "CohortDialog": ("cohort_dialog", (programme.cohort_id,)),
        "DocumentDialog": ("document_dialog", (KINDS["cohort report"], programme.cohort_id)),
        "EndPairEarlyDialog": ("end_pair_dialog", (active,)),
        "EnrolPeopleDialog": ("enrol_dialog", ("Reverse 2026", ("Mentor", "Mentee"), set())),
        "GuideDialog": ("guide_dialog", (guide_values,)),
        "EraseDialog": ("privacy_dialogs", (data_path, ada)),
        "ImportWizard": ("import_wizard", (data_path,)),
        "MatchReviewDialog": ("match_review_dialog", (programme.cohort_id,)),
        "PairDialog": ("pair_dialog", (active,)),
        "PersonDialog": ("person_dialog", (ada,)),
        "PersonExportDialog": ("privacy_dialogs", (ada,)),
        "ProgrammeSettingsDialog": ("programme_settings_dialog", ()),
        "SessionDialog": ("session_dialog", (programme.session_ids[0],)),
    }


def _answered_check_in(programme: Programme) -> int:
    """A check-in form answered with the longest note the coordinator may be sent."""
    form = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN)[0]
    note = "We have had to move our meetings several times. " * 20
    forms.record_answers(
        form.form_id,
        {"checkin.comfort": 2, "checkin.for-the-coordinator": note},
        forms.Channel.PAPER,
    )
    return form.form_id


def _open(name: str, module: str, arguments: tuple[Any, ...], window: MainWindow) -> QDialog:
    dialog_class = getattr(importlib.import_module(f"{dialogs.__name__}.{module}"), name)
    dialog: QDialog = dialog_class(window.context, *arguments, parent=window)
    dialog.show()
    return dialog


def _measure(name: str, window: QWidget) -> dict[str, Any]:
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    return {"name": name, "size": window.size().toTuple(), "minimum": minimum.toTuple()}


def probe(data_path: Path) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = MovableClock()
    settings = AppSettings()
    session = DataFileSession(settings, clock)
    session.open(data_path, create=True)
    programme = build_programme()
    window = window_on(session, settings, clock)
    window.show()
    measured = []
    for view in VIEW_CLASSES:
        window.show_view(view)
        app.processEvents()
        measured.append(_measure(f"main window ({view})", window))
    opened = []
    for name, (module, arguments) in _openings(programme, data_path, window).items():
        dialog = _open(name, module, arguments, window)
        app.processEvents()
        measured.append(_measure(name, dialog))
        opened.append(type(dialog).__name__)
        dialog.done(QDialog.DialogCode.Rejected.value)
        dialog.deleteLater()
        app.processEvents()
    available = window.screen().availableGeometry().size().toTuple()
    window.close()
    return {
        "available": available,
        "windows": measured,
        "opened": sorted(opened),
        "dialog_classes": dialog_classes(),
    }


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
