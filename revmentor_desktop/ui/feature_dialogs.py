"""The window's commands that open one feature's dialog, each behind one short function.

``window_commands`` only decides *what* a command acts on — the open data file, or the pair
current in the view — and does nothing when there is none; the functions here open the feature.
Each dialog module is imported when first used, so start-up does not pay for features left
unused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.export_prompts import export_calendar
from revmentor_desktop.ui.views import record_dialogs

# A command on the programme kept in the open data file, and one on the current pair.
DataFileCommand = Callable[[AppContext, Path, QWidget], object]
PairCommand = Callable[[AppContext, int, QWidget], object]


# The programme (File menu)


def import_people_from_list(context: AppContext, data_path: Path, parent: QWidget) -> None:
    record_dialogs.import_people(context, data_path, parent)


def import_form_answers(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    record_dialogs.import_answers(context, parent)


def make_forms(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.make_forms_dialog import make_questionnaire_forms

    make_questionnaire_forms(context, parent)


def collect_forms(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.collect_forms_dialog import collect_returned_forms

    collect_returned_forms(context, parent)


def programme_settings(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.programme_settings_dialog import show_programme_settings

    show_programme_settings(context, parent)


def questionnaires(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.questionnaire_editor import QuestionnaireEditor

    record_dialogs.run_dialog(QuestionnaireEditor(context, parent))


def session_plans(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.plans_library import PlansLibrary

    record_dialogs.run_dialog(PlansLibrary(context, parent))


def message_templates(context: AppContext, _data_path: Path, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.message_templates_dialog import MessageTemplatesDialog

    record_dialogs.run_dialog(MessageTemplatesDialog(context, parent))


# The current pair (Pair menu)


def log_pair_session(context: AppContext, pair_id: int, parent: QWidget) -> None:
    record_dialogs.log_session(context, pair_id, parent)


def pair_document(kind_name: str) -> PairCommand:
    """The command that makes the named kind of document for a pair."""

    def show(context: AppContext, pair_id: int, parent: QWidget) -> None:
        from revmentor_desktop.reports.registry import KINDS
        from revmentor_desktop.ui.dialogs.document_dialog import show_document

        show_document(context, KINDS[kind_name], pair_id, parent)

    return show


def prepare_pair_messages(context: AppContext, pair_id: int, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.prepare_messages_dialog import prepare_messages

    prepare_messages(context, parent, pair_ids=[pair_id])


def pair_calendar(_context: AppContext, pair_id: int, parent: QWidget) -> None:
    export_calendar(parent, pair_id=pair_id)


# The window (File and Help menus)


def connect_to_server(context: AppContext, session: DataFileSession, parent: QWidget) -> None:
    """Ask for a server's address; the session opens the programme there when it is given."""
    from revmentor_desktop.ui.dialogs.connect_server_dialog import ConnectServerDialog

    dialog = ConnectServerDialog(context, parent, connect=session.open_server)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def about(context: AppContext, data_path: Path | None, parent: QWidget) -> None:
    from revmentor_desktop.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(context, data_path, parent)
    dialog.exec()
    dialog.deleteLater()
