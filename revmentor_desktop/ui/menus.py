"""Every command of the main window as a QAction, with its shortcut, and the menus holding them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QToolBar, QWidget

from revmentor_desktop import menu_paths
from revmentor_desktop.ui.cohort_commands import CHANGING
from revmentor_desktop.ui.cohort_commands import COMMANDS as COHORT_COMMANDS
from revmentor_desktop.ui.undo import redo_keys, undo_keys

VIEW_NAMES = ("today", "people", "cohorts", "pairs", "sessions", "programme")
VIEW_TITLES = {
    "today": "&Today",
    "people": "&People",
    "cohorts": "&Cohorts",
    "pairs": "P&airs",
    "sessions": "&Sessions",
    "programme": "Pro&gramme",
}
EXPORT_LABELS = {
    "people": "&People",
    "cohorts": "&Cohorts",
    "pairs": "P&airs",
    "sessions": "&Sessions",
    "all": "&Everything",
}
PAIR_ACTIONS = {
    "activate": "&Activate…",
    "pause": "&Pause",
    "resume": "&Resume",
    "complete": "&Complete",
}

# The Pair menu's command and the pairs list's context menu say the same.
PAIR_CERTIFICATES = "Cer&tificates of participation…"

# The commands that have a text and a tip and nothing else: (attribute, text, tip), by menu.
TIPPED_COMMANDS = (
    ("new_file", "&New data file…", "Start a new, empty data file"),
    (
        "connect_server",
        menu_paths.CONNECT_SERVER.text,
        "Open a programme kept in a database on a PostgreSQL server",
    ),
    ("import_people", menu_paths.IMPORT_PEOPLE.text, "Add people from a staff list (CSV or Excel)"),
    (
        "import_answers",
        menu_paths.IMPORT_ANSWERS.text,
        "Questionnaire answers exported by Microsoft Forms or Google Forms",
    ),
    (
        "make_forms",
        "&Make questionnaire forms…",
        "Fillable PDF questionnaires for everyone due one in a cohort",
    ),
    (
        "collect_forms",
        "Co&llect returned forms…",
        "Record the answers in questionnaire forms that came back as PDFs",
    ),
    (
        "programme_settings",
        menu_paths.PROGRAMME_SETTINGS.text,
        "Organisation name and logo, paper, agreement wording and matching weights",
    ),
    (
        "questionnaires",
        "Q&uestionnaires…",
        "Reword, add, reorder or retire the questions of the outcome questionnaires",
    ),
    (
        "session_plans",
        "Session &plans…",
        "The library of session plans: edit, add, duplicate, retire, print handouts",
    ),
    (
        "message_templates",
        "Message &templates…",
        "Reword the e-mails RevMentor prepares for participants",
    ),
    ("export_calendar", "&Calendar of planned sessions…", "Write an .ics file for your calendar"),
    ("back_up", "&Back up now", "Write a backup copy beside the file"),
    (
        "export_person",
        "E&xport everything about this person…",
        "Answer an access request: all data held about the selected person",
    ),
    ("erase_person", "&Erase this person…", "Remove the selected person's personal data"),
    ("end_early", "&End early…", "End the selected pair early"),
    ("progress_summary", "Progress &summary…", "A printable summary of the pair's progress"),
    ("pair_certificates", PAIR_CERTIFICATES, "Certificates of participation for a completed pair"),
    (
        "prepare_messages",
        "Prepare e-&mails…",
        "E-mail drafts for the pair's partners, to check and send from your mail program",
    ),
    ("open_sample", "Open &sample data", "Look around in sample data"),
    (
        "open_log_folder",
        menu_paths.OPEN_LOG_FOLDER.text,
        "Show the log of what went wrong, to send to whoever looks after RevMentor",
    ),
)

# A command's name for the guide, for actions whose text follows the state of the window
# ("Undo Add person", "New cohort…") rather than naming the command itself.
COMMAND_NAME = "command_name"


def command_name(action: QAction) -> str:
    """What the command is called wherever it is listed apart from its menu (the guide)."""
    fixed = action.property(COMMAND_NAME)
    return str(fixed) if fixed else action.text().replace("&", "")


def _icon(widget: QWidget, theme_name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    return QIcon.fromTheme(theme_name, widget.style().standardIcon(fallback))


def _action(
    parent: QObject, text: str, shortcut: QKeySequence | str | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def add_cohort_commands(menu: QMenu, actions: dict[str, QAction]) -> None:
    """The cohort commands in their order, those that change the cohort after a separator."""
    for name, action in actions.items():
        if name == CHANGING[0]:
            menu.addSeparator()
        menu.addAction(action)


class WindowActions:
    """Created once per window; ``window_commands`` connects them and enables what fits the
    selection."""

    # Made from TIPPED_COMMANDS
    new_file: QAction
    connect_server: QAction
    import_people: QAction
    import_answers: QAction
    make_forms: QAction
    collect_forms: QAction
    programme_settings: QAction
    questionnaires: QAction
    session_plans: QAction
    message_templates: QAction
    export_calendar: QAction
    back_up: QAction
    export_person: QAction
    erase_person: QAction
    end_early: QAction
    progress_summary: QAction
    pair_certificates: QAction
    prepare_messages: QAction
    open_sample: QAction
    open_log_folder: QAction

    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        sp = QStyle.StandardPixmap
        for name, text, tip in TIPPED_COMMANDS:
            setattr(self, name, _action(window, text, tip=tip))
        self.open_file = _action(window, menu_paths.OPEN_FILE.text, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &recent", window)
        self.export = {
            kind: _action(window, f"{label}{' (JSON)' if kind == 'all' else ' (CSV)'}…")
            for kind, label in EXPORT_LABELS.items()
        }
        self.save_copy = _action(window, menu_paths.SAVE_COPY.text, QKeySequence.StandardKey.SaveAs)
        self.restore = _action(window, menu_paths.RESTORE_BACKUP.text)
        self.quit = _action(window, "&Quit", QKeySequence.StandardKey.Quit)

        self.undo = undo_stack.createUndoAction(window, menu_paths.UNDO.text)
        self.undo.setShortcuts(undo_keys())
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(redo_keys())
        self.undo.setProperty(COMMAND_NAME, "Undo the last change")
        self.redo.setProperty(COMMAND_NAME, "Redo what was undone")
        self.undo.setIcon(_icon(window, "edit-undo", sp.SP_ArrowBack))
        self.redo.setIcon(_icon(window, "edit-redo", sp.SP_ArrowForward))
        self.find = _action(window, "&Find", QKeySequence.StandardKey.Find, "Search this list")

        self.new_record = _action(window, "&New…", QKeySequence.StandardKey.New)
        self.new_record.setProperty(COMMAND_NAME, "New person, cohort, pair or session")
        self.new_record.setIcon(_icon(window, "document-new", sp.SP_FileIcon))
        self.edit_record = _action(window, "&Open", "Return", "Open the selected record")
        self.edit_record.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.edit_record.setIcon(_icon(window, "document-open", sp.SP_FileDialogDetailedView))
        self.delete_record = _action(window, "&Archive or delete", QKeySequence.StandardKey.Delete)
        self.delete_record.setProperty(COMMAND_NAME, "Archive or delete what is selected")
        self.delete_record.setIcon(_icon(window, "edit-delete", sp.SP_TrashIcon))
        for action in (self.edit_record, self.delete_record):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.pair_status = {
            name: _action(
                window, text, tip=f"{text.replace('&', '').rstrip('…')} the selected pair"
            )
            for name, text in PAIR_ACTIONS.items()
        }
        self.log_session = _action(
            window, "&Log a session…", "Ctrl+L", "Log a session for the pair"
        )
        self.log_session.setIcon(_icon(window, "appointment-new", sp.SP_DialogApplyButton))

        self.pair_calendar = _action(window, "Calendar for this &pair…")
        self.print_agreement = _action(
            window, "Print a&greement…", "Ctrl+P", "The pairing agreement for both to sign"
        )
        self.cohort = {
            name: _action(window, command.text, command.shortcut, command.tip)
            for name, command in COHORT_COMMANDS.items()
        }
        self.match_cohort = self.cohort["match"]
        self.cohort_agreements = self.cohort["agreements"]
        self.cohort_report = self.cohort["report"]
        self.cohort_calendar = self.cohort["calendar"]

        self.view_group = QActionGroup(window)
        self.show_view: dict[str, QAction] = {}
        for number, name in enumerate(VIEW_NAMES, start=1):
            action = _action(window, VIEW_TITLES[name], f"Ctrl+{number}")
            action.setCheckable(True)
            action.setData(name)
            self.view_group.addAction(action)
            self.show_view[name] = action

        self.guide = _action(
            window,
            "RevMentor &guide",
            QKeySequence.StandardKey.HelpContents,
            "Getting started, running a cohort well, your data and backups, shortcuts",
        )
        self.about = _action(window, "&About RevMentor")

    @property
    def record_actions(self) -> list[QAction]:
        return [self.edit_record, self.delete_record]

    def build_menus(self, menu_bar: QMenuBar) -> None:
        file_menu = menu_bar.addMenu(menu_paths.FILE_MENU)
        file_menu.addActions([self.new_file, self.open_file])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.connect_server)
        file_menu.addSeparator()
        file_menu.addActions([self.import_people, self.import_answers])
        file_menu.addActions([self.make_forms, self.collect_forms])
        export_menu = file_menu.addMenu("&Export")
        export_menu.addActions(list(self.export.values()))
        export_menu.addSeparator()
        export_menu.addAction(self.export_calendar)
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.programme_settings,
                self.questionnaires,
                self.session_plans,
                self.message_templates,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.save_copy, self.back_up, self.restore])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = menu_bar.addMenu(menu_paths.EDIT_MENU)
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        record_menu = menu_bar.addMenu("&Record")
        record_menu.addActions([self.new_record, self.edit_record, self.delete_record])
        record_menu.addSeparator()
        record_menu.addActions([self.export_person, self.erase_person])
        self.cohort_menu = menu_bar.addMenu("&Cohort")
        add_cohort_commands(self.cohort_menu, self.cohort)
        pair_menu = menu_bar.addMenu("P&air")
        pair_menu.addActions(list(self.pair_status.values()))
        pair_menu.addAction(self.end_early)
        pair_menu.addSeparator()
        pair_menu.addAction(self.log_session)
        pair_menu.addSeparator()
        pair_menu.addActions([self.print_agreement, self.progress_summary, self.pair_calendar])
        pair_menu.addAction(self.pair_certificates)
        pair_menu.addAction(self.prepare_messages)
        self.pair_menu = pair_menu
        view_menu = menu_bar.addMenu("&View")
        view_menu.addActions(list(self.show_view.values()))
        help_menu = menu_bar.addMenu(menu_paths.HELP_MENU)
        help_menu.addAction(self.guide)
        help_menu.addSeparator()
        help_menu.addActions([self.open_sample, self.open_log_folder])
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def build_toolbar(self, toolbar: QToolBar) -> None:
        toolbar.addActions([self.new_record, self.edit_record, self.delete_record])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addAction(self.log_session)
