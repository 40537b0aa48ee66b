"""Taking data out of the app: list exports, calendar files, and a person's privacy requests.

The domain writes the files; these functions ask where, and say what happened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.views.record_dialogs import run_dialog
from revmentor_desktop.ui.widgets.feedback import confirm

EXPORT_CHOICES = {
    "people": ("People", "people.csv", "CSV files (*.csv)"),
    "cohorts": ("Cohorts", "cohorts.csv", "CSV files (*.csv)"),
    "pairs": ("Pairs", "pairs.csv", "CSV files (*.csv)"),
    "sessions": ("Sessions", "sessions.csv", "CSV files (*.csv)"),
    "all": ("Everything", "revmentor-export.json", "JSON files (*.json)"),
}


def _documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def _ask_path(parent: QWidget, title: str, file_name: str, file_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(_documents_folder() / file_name), file_filter
    )
    return Path(chosen) if chosen else None


def _include_private(parent: QWidget) -> bool:
    return confirm(
        parent,
        "Include private details?",
        "Include coordinator-only notes and personal details (hire dates, grades, consent)?\n\n"
        "Leave them out when the file is for anyone else.",
        QMessageBox.StandardButton.No,
    )


def export_data(parent: QWidget, kind: str) -> Path | None:
    """Export a list as CSV (Excel opens it) or everything as JSON; returns the file written."""
    from revmentor_desktop.services import exports  # loaded when first used, not at start

    label, file_name, file_filter = EXPORT_CHOICES[kind]
    path = _ask_path(parent, f"Export {label.lower()}", file_name, file_filter)
    if path is None:
        return None
    try:
        return exports.export(kind, path, include_private=_include_private(parent))
    except (OSError, DomainError) as error:
        QMessageBox.warning(parent, "Export failed", f"{path} could not be written: {error}")
        return None


def export_calendar(
    parent: QWidget, pair_id: int | None = None, cohort_id: int | None = None
) -> Path | None:
    """Write planned sessions as an .ics file that calendars update in place when re-imported."""
    from revmentor_desktop.services import exports  # icalendar is heavy: load it when used

    path = _ask_path(parent, "Export calendar", "mentoring-sessions.ics", "Calendar (*.ics)")
    if path is None:
        return None
    try:
        count = exports.write_calendar(path, pair_id=pair_id, cohort_id=cohort_id)
    except (OSError, DomainError) as error:
        QMessageBox.warning(parent, "Export failed", f"{path} could not be written: {error}")
        return None
    QMessageBox.information(
        parent,
        "Calendar written",
        f"{plural(count, 'session')} written to {path}.\nImport the file again after changes: your "
        "calendar updates the events instead of adding copies.",
    )
    return path


def export_person(parent: QWidget, context: AppContext, person_id: int) -> bool:
    from revmentor_desktop.ui.dialogs.privacy_dialogs import PersonExportDialog

    return run_dialog(PersonExportDialog(context, person_id, parent=parent))


def erase_person(
    parent: QWidget, context: AppContext, data_path: Path | None, person_id: int
) -> str | None:
    """Erase after asking; returns what to tell the coordinator, or None when cancelled
    (``data_path`` None: the programme is on a server)."""
    from revmentor_desktop.ui.dialogs.privacy_dialogs import EraseDialog

    dialog = EraseDialog(context, data_path, person_id, parent=parent)
    return dialog.summary() if run_dialog(dialog) else None
