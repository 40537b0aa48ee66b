"""The commands that act on one cohort, declared once.

A cohort is "current" on the Cohorts list (the selected one), on the Pairs and Sessions lists
(the cohort of the selected pair, or the one the list is filtered on) and in an open cohort
dialog. The window's Cohort menu and the dialog's Cohort button both list these commands and
run them through ``run``, so they behave the same wherever they are chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from revmentor_desktop.domain import cohorts, edits
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.feedback import confirm, show_refusal


@dataclass(frozen=True)
class CohortCommand:
    text: str  # as the menus show it, with its mnemonic
    tip: str
    shortcut: str | None = None
    reads_saved_data: bool = True  # an open dialog saves its changes before running it


COMMANDS: dict[str, CohortCommand] = {
    "open": CohortCommand("&Open cohort…", "Edit the cohort's details and who takes part"),
    "match": CohortCommand(
        "&Match people…", "Let the matching assistant propose pairs for the cohort", "Ctrl+M"
    ),
    "agreements": CohortCommand(
        "&Agreements for this cohort…", "Every open pair's agreement in one PDF"
    ),
    "report": CohortCommand("Cohort &report…", "Figures and charts for management"),
    "certificates": CohortCommand(
        "C&ertificates of participation…",
        "A certificate for each partner of the cohort's completed pairs, in one PDF",
    ),
    "calendar": CohortCommand(
        "&Calendar for this cohort…", "The cohort's planned sessions as a calendar file"
    ),
    "answers": CohortCommand(
        "&Type in paper answers…", "Type in the answers of printed questionnaires, by keyboard"
    ),
    "check-ins": CohortCommand(
        "Check-&in dates…", "When the starting-point, check-in and closing questionnaires are due"
    ),
    "messages": CohortCommand(
        "Prepare &e-mails…", "E-mail drafts for the cohort's pairs, from a message template"
    ),
    "archive": CohortCommand("Arc&hive cohort", "Hide the cohort from lists; nothing is deleted"),
    "restore": CohortCommand("Re&store cohort", "Show the archived cohort in lists again"),
    "delete": CohortCommand(
        "&Delete cohort…",
        "Delete the cohort with its enrolments, pairs and sessions; people stay",
        reads_saved_data=False,
    ),
}
# The separator in menus goes before these: they change the cohort rather than read it.
CHANGING = ("archive", "restore", "delete")


def available(cohort_id: int | None) -> set[str]:
    """The commands that apply to the cohort (None: no cohort is current)."""
    archived = None if cohort_id is None else cohorts.is_archived(cohort_id)
    if archived is None:
        return set()
    return set(COMMANDS) - {"archive" if archived else "restore"}


def run(name: str, context: AppContext, cohort_id: int, parent: QWidget) -> bool:
    """Run command ``name`` on the cohort; True when it did what was asked."""
    from revmentor_desktop.ui.views import record_dialogs

    if name == "open":
        return record_dialogs.open_record(context, "cohort", cohort_id, parent)
    if name == "match":
        record_dialogs.review_matches(context, cohort_id, parent)
        return True
    if name in DOCUMENTS:
        return _show_document(DOCUMENTS[name], context, cohort_id, parent)
    if name in OUTCOME_DIALOGS:
        return _open_outcome_dialog(OUTCOME_DIALOGS[name], context, cohort_id, parent)
    if name == "messages":
        from revmentor_desktop.ui.dialogs.prepare_messages_dialog import prepare_messages

        return prepare_messages(context, parent, cohort_id=cohort_id)
    if name == "calendar":
        from revmentor_desktop.ui.export_prompts import export_calendar

        return export_calendar(parent, cohort_id=cohort_id) is not None
    if name in ("archive", "restore"):
        return _set_archived(context, cohort_id, parent, archived=name == "archive")
    if name == "delete":
        return _delete(context, cohort_id, parent)
    raise KeyError(name)


# command: document kind
DOCUMENTS = {
    "agreements": "agreements",
    "report": "cohort report",
    "certificates": "cohort certificates",
}


def _show_document(kind: str, context: AppContext, cohort_id: int, parent: QWidget) -> bool:
    from revmentor_desktop.reports.registry import KINDS
    from revmentor_desktop.ui.dialogs.document_dialog import show_document

    show_document(context, KINDS[kind], cohort_id, parent)
    return True


# command: (module under ui.dialogs, class name)
OUTCOME_DIALOGS = {
    "answers": ("answer_entry_dialog", "AnswerEntryDialog"),
    "check-ins": ("check_in_dates_dialog", "CheckInDatesDialog"),
}


def _open_outcome_dialog(
    dialog: tuple[str, str], context: AppContext, cohort_id: int, parent: QWidget
) -> bool:
    from importlib import import_module

    from revmentor_desktop.ui.views.record_dialogs import run_dialog

    module_name, class_name = dialog
    module = import_module(f"revmentor_desktop.ui.dialogs.{module_name}")
    return run_dialog(getattr(module, class_name)(context, cohort_id, parent=parent))


def _set_archived(context: AppContext, cohort_id: int, parent: QWidget, *, archived: bool) -> bool:
    return _push(context, parent, lambda: edits.set_cohort_archived(cohort_id, archived))


def _delete(context: AppContext, cohort_id: int, parent: QWidget) -> bool:
    question = cohorts.cohort_contents(cohort_id).deletion_question(undo_key_text())
    if not confirm(parent, "Delete cohort?", question):
        return False
    return _push(context, parent, lambda: edits.delete_cohort(cohort_id))


def _push(context: AppContext, parent: QWidget, make_edit: Callable[[], Edit]) -> bool:
    """Make and push the edit; the edit stack says what was done and how to undo it."""
    try:
        edit = make_edit()
    except DomainError as error:
        show_refusal(parent, error)
        return False
    context.edits.push(edit)
    return True
