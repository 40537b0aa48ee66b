"""Opening a record's dialog, by kind and id; the dialogs push their own undoable edits."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from revmentor_desktop.ui.context import AppContext

# kind -> (module under ui.dialogs, class name, keyword for the record's id)
DIALOGS = {
    "person": ("person_dialog", "PersonDialog", "person_id"),
    "cohort": ("cohort_dialog", "CohortDialog", "cohort_id"),
    "pair": ("pair_dialog", "PairDialog", "pair_id"),
    "session": ("session_dialog", "SessionDialog", "session_id"),
    "form": ("form_answers_dialog", "FormAnswersDialog", "form_id"),  # a form's answers
}


def _dialog_class(module_name: str, class_name: str) -> Any:
    module = importlib.import_module(f"revmentor_desktop.ui.dialogs.{module_name}")
    return getattr(module, class_name)


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally and dispose of it; True when the user accepted it."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def _unavailable(parent: QWidget | None, error: Exception) -> bool:
    QMessageBox.information(
        parent, "Not available", f"This form is not part of this version yet ({error})."
    )
    return False


def open_record(
    context: AppContext,
    kind: str,
    record_id: int | None,
    parent: QWidget | None,
    **extra: int | None,
) -> bool:
    """Open the dialog for a record of ``kind`` (a new one when ``record_id`` is None)."""
    module_name, class_name, id_keyword = DIALOGS[kind]
    try:
        dialog_class = _dialog_class(module_name, class_name)
    except (ImportError, AttributeError) as error:
        return _unavailable(parent, error)
    return run_dialog(dialog_class(context, **{id_keyword: record_id}, **extra, parent=parent))


def log_session(context: AppContext, pair_id: int, parent: QWidget | None) -> bool:
    return open_record(context, "session", None, parent, pair_id=pair_id)


# Status actions that ask something first: action -> (module under ui.dialogs, class name)
STATUS_DIALOGS = {
    "activate": ("activate_pair_dialog", "ActivatePairDialog"),  # from which date
    "end_early": ("end_pair_dialog", "EndPairEarlyDialog"),  # why
}


def change_status_asking(
    context: AppContext, pair_id: int, action: str, parent: QWidget | None
) -> bool:
    """Run a status action of ``STATUS_DIALOGS`` through its dialog; True when it was done."""
    try:
        dialog_class = _dialog_class(*STATUS_DIALOGS[action])
    except (ImportError, AttributeError) as error:
        return _unavailable(parent, error)
    return run_dialog(dialog_class(context, pair_id, parent=parent))


def import_people(context: AppContext, data_path: Path, parent: QWidget | None) -> bool:
    try:
        wizard_class = _dialog_class("import_wizard", "ImportWizard")
    except (ImportError, AttributeError) as error:
        return _unavailable(parent, error)
    return run_dialog(wizard_class(context, data_path, parent=parent))


def import_answers(context: AppContext, parent: QWidget | None) -> bool:
    """Import the answers a form tool exported (Microsoft Forms, Google Forms)."""
    wizard_class = _dialog_class("answer_import_wizard", "AnswerImportWizard")
    return run_dialog(wizard_class(context, parent=parent))


def review_matches(context: AppContext, cohort_id: int, parent: QWidget | None) -> bool:
    """Run the matching assistant on a cohort; nothing changes until proposals are accepted."""
    dialog_class = _dialog_class("match_review_dialog", "MatchReviewDialog")
    return run_dialog(dialog_class(context, cohort_id, parent=parent))
