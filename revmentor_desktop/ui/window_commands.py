"""What each command of the window's menus does, and which of them apply to what is selected.

``menus`` declares the commands; here each is connected to what it runs: a conversation about the
data file (``data_file_prompts``), a feature's dialog (``feature_dialogs``), a Cohort menu command
(``cohort_commands``), data leaving the app (``export_prompts``), or the current view's own
record commands. A command on the pair, cohort or person does nothing while none is current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QWidget

from revmentor_desktop import paths
from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.ui import cohort_commands, data_file_prompts, feature_dialogs
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.export_prompts import (
    erase_person,
    export_calendar,
    export_data,
    export_person,
)
from revmentor_desktop.ui.feature_dialogs import DataFileCommand, PairCommand
from revmentor_desktop.ui.menus import WindowActions
from revmentor_desktop.ui.navigation import ViewStack
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.views.record_dialogs import STATUS_DIALOGS, change_status_asking
from revmentor_desktop.ui.widgets.feedback import show_refusal

Command = TypeVar("Command")


def run_each(commands: Iterable[tuple[QAction, Command]], run: Callable[[Command], object]) -> None:
    """Have each action, when triggered, ``run`` the command paired with it."""
    for action, command in commands:
        action.triggered.connect(lambda _checked=False, command=command: run(command))


def _by_action(actions: Mapping[Command, QAction]) -> Iterable[tuple[QAction, Command]]:
    """Actions declared by name (``{"pause": action}``) as (action, name) for ``run_each``."""
    return ((action, name) for name, action in actions.items())


def open_log_folder() -> None:
    """Show the log folder in the file manager (made first: nothing may have been logged yet)."""
    folder = paths.user_log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class WindowCommands(QObject):
    """The window's commands, run on the open data file or on what the current view selects.

    The window lays out the menus and switches views; it asks this object to keep the commands
    enabled as the selection changes (``update_actions``).
    """

    message = Signal(str)  # what a command did, for the status bar

    def __init__(
        self,
        window: QWidget,
        actions: WindowActions,
        views: ViewStack,
        context: AppContext,
        session: DataFileSession,
        settings: AppSettings,
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of every dialog a command opens
        self.actions = actions
        self.views = views
        self.context = context
        self.session = session
        self.settings = settings
        self._connect()

    def _connect(self) -> None:
        a = self.actions
        prompts = data_file_prompts
        run_each(
            (
                (a.new_file, prompts.new_data_file),
                (a.open_file, prompts.open_data_file),
                (a.save_copy, prompts.save_copy),
                (a.back_up, prompts.back_up_now),
                (a.restore, prompts.restore_from_backup),
            ),
            lambda prompt: prompt(self.window, self.session),
        )
        self._connect_feature_dialogs()
        a.quit.triggered.connect(self.window.close)
        a.find.triggered.connect(lambda: self.views.current().focus_search())
        a.new_record.triggered.connect(lambda: self.views.current().new_record())
        a.edit_record.triggered.connect(lambda: self.views.current().edit_current())
        a.delete_record.triggered.connect(lambda: self.views.current().delete_selected())
        run_each(_by_action(a.pair_status), self.change_pair)
        a.end_early.triggered.connect(lambda: self.change_pair("end_early"))
        run_each(_by_action(a.export), lambda kind: export_data(self.window, kind))
        a.export_calendar.triggered.connect(lambda: export_calendar(self.window))
        run_each(_by_action(a.cohort), self.run_cohort_command)
        a.export_person.triggered.connect(self._export_person)
        a.erase_person.triggered.connect(self._erase_person)
        a.open_sample.triggered.connect(self.open_sample)
        a.open_log_folder.triggered.connect(open_log_folder)
        a.about.triggered.connect(
            lambda: feature_dialogs.about(self.context, self.session.path, self.window)
        )
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.connect_server.triggered.connect(
            lambda: feature_dialogs.connect_to_server(self.context, self.session, self.window)
        )
        self.context.edits.data_changed.connect(self.update_actions)

    def _connect_feature_dialogs(self) -> None:
        """The commands that open one feature's dialog on the data file or the current pair."""
        a, dialogs = self.actions, feature_dialogs
        run_each(
            (
                (a.import_people, dialogs.import_people_from_list),
                (a.import_answers, dialogs.import_form_answers),
                (a.make_forms, dialogs.make_forms),
                (a.collect_forms, dialogs.collect_forms),
                (a.programme_settings, dialogs.programme_settings),
                (a.questionnaires, dialogs.questionnaires),
                (a.session_plans, dialogs.session_plans),
                (a.message_templates, dialogs.message_templates),
            ),
            self.run_on_data_file,
        )
        run_each(
            (
                (a.log_session, dialogs.log_pair_session),
                (a.print_agreement, dialogs.pair_document("agreement")),
                (a.progress_summary, dialogs.pair_document("pair summary")),
                (a.pair_certificates, dialogs.pair_document("certificates")),
                (a.prepare_messages, dialogs.prepare_pair_messages),
                (a.pair_calendar, dialogs.pair_calendar),
            ),
            self.run_on_pair,
        )

    # What applies

    def follow_view(self, name: str) -> None:
        """The commands as the view just shown needs them: its View menu entry checked, New and
        Delete named for its records, and what its selection allows enabled."""
        view = self.views.current()
        self.actions.show_view[name].setChecked(True)
        self.actions.new_record.setText(view.new_label)
        self.actions.delete_record.setText(view.delete_label)
        self.update_actions()

    def update_actions(self) -> None:
        view = self.views.current()
        self.actions.new_record.setEnabled(view.can_create())
        self.actions.edit_record.setEnabled(view.can_edit())
        self.actions.delete_record.setEnabled(view.can_delete())
        pair_id = view.current_pair_id()
        status = pairs.pair_status(pair_id)[0] if pair_id else ""
        allowed = pairs.allowed_actions(status) if pair_id else []
        for name, action in self.actions.pair_status.items():
            action.setEnabled(name in allowed)
        self.actions.end_early.setEnabled("end_early" in allowed)
        self.actions.log_session.setEnabled(pair_id is not None)
        for action in (
            self.actions.pair_calendar,
            self.actions.print_agreement,
            self.actions.progress_summary,
            self.actions.prepare_messages,
        ):
            action.setEnabled(pair_id is not None)
        self.actions.pair_certificates.setEnabled(status == PairStatus.COMPLETED)
        person_id = view.current_person_id()
        self.actions.export_person.setEnabled(person_id is not None)
        self.actions.erase_person.setEnabled(person_id is not None)
        applicable = cohort_commands.available(view.current_cohort_id())
        for name, action in self.actions.cohort.items():
            action.setEnabled(name in applicable)

    # Pairs

    def change_pair(self, action: str) -> None:
        pair_id = self.views.current().current_pair_id()
        if pair_id is None:
            return
        if action in STATUS_DIALOGS:
            # The edit says what it did.
            change_status_asking(self.context, pair_id, action, self.window)
            return
        try:
            edit = edits.change_pair_status(pair_id, action, clock=self.context.clock)
        except DomainError as error:
            show_refusal(self.window, error)
            return
        self.context.edits.push(edit)

    def run_on_pair(self, command: PairCommand) -> None:
        """Run a Pair menu command on the pair current in the view, if there is one."""
        if (pair_id := self.views.current().current_pair_id()) is not None:
            command(self.context, pair_id, self.window)

    # Cohorts

    def run_cohort_command(self, name: str) -> None:
        """Run a Cohort menu command on the cohort current in the view."""
        if (cohort_id := self.views.current().current_cohort_id()) is not None:
            cohort_commands.run(name, self.context, cohort_id, self.window)

    # People

    def _export_person(self) -> None:
        if (person_id := self.views.current().current_person_id()) is not None:
            export_person(self.window, self.context, person_id)

    def _erase_person(self) -> None:
        person_id = self.views.current().current_person_id()
        if person_id is None or self.session.location is None:
            return
        if summary := erase_person(self.window, self.context, self.session.path, person_id):
            self.message.emit(summary)

    # Files

    def _fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setEnabled(path != self.session.path)
            action.triggered.connect(
                lambda _checked=False, path=path: data_file_prompts.open_data_file(
                    self.window, self.session, path
                )
            )
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)

    def run_on_data_file(self, command: DataFileCommand) -> None:
        """Run a command on the programme in the open data file (none when on a server)."""
        if self.session.path is not None:
            command(self.context, self.session.path, self.window)

    def open_sample(self) -> None:
        data_file_prompts.open_sample_data(self.window, self.session, self.context.clock().date())
