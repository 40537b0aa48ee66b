"""The main window: a sidebar of six views, the menus and toolbar, and the status bar.

It only wires things together: ``menus`` declares the commands, views do the listing, dialogs
the editing, ``feature_dialogs`` opens each feature's dialog, ``cohort_commands`` runs the Cohort
menu, ``data_file_prompts`` holds the conversations about the data file, ``export_prompts`` those
about data leaving the app, and ``DataFileSession`` the data file itself.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop import paths
from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.services.location import DataLocation, ServerLocation
from revmentor_desktop.storage.errors import DataFileError
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
from revmentor_desktop.ui.menus import VIEW_NAMES, VIEW_TITLES, WindowActions
from revmentor_desktop.ui.settings import (
    CURRENT_VIEW,
    SPLITTER_STATE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    AppSettings,
)
from revmentor_desktop.ui.views.record_dialogs import STATUS_DIALOGS, change_status_asking
from revmentor_desktop.ui.views.workspace_view import WorkspaceView
from revmentor_desktop.ui.widgets.feedback import show_refusal
from revmentor_desktop.ui.widgets.notice_bar import NoticeBar
from revmentor_desktop.ui.widgets.screen_fit import fitted_size

# Module and class of each view. A view is imported and built when first shown, so start-up
# pays only for the one it opens on.
VIEW_CLASSES = {
    "today": ("today_view", "TodayView"),
    "people": ("people_view", "PeopleView"),
    "cohorts": ("cohorts_view", "CohortsView"),
    "pairs": ("pairs_view", "PairsView"),
    "sessions": ("sessions_view", "SessionsView"),
    "programme": ("programme.programme_view", "ProgrammeView"),
}
KIND_VIEWS = {"person": "people", "cohort": "cohorts", "pair": "pairs", "session": "sessions"}
MESSAGE_MS = 8_000
DEFAULT_SIZE = QSize(1180, 760)  # less where the screen has less room
SAMPLE_NOTICE = "This is sample data — your own file is untouched."


def open_log_folder() -> None:
    """Show the log folder in the file manager (made first: nothing may have been logged yet)."""
    folder = paths.user_log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: AppContext,
        session: DataFileSession,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.settings = settings
        self.views: dict[str, WorkspaceView] = {}
        self.current_view_name = ""
        self.guide_dialog: QDialog | None = None
        self.sidebar = self._make_sidebar()
        self.stack = QStackedWidget(self)
        self.no_file_page = QWidget(self.stack)  # shown instead of a closed file's records
        self.stack.addWidget(self.no_file_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 1040])
        self.sample_banner = NoticeBar(SAMPLE_NOTICE, "Open my own file", self)
        self.setCentralWidget(self._central(self.sample_banner, self.splitter))
        self.actions = WindowActions(self, context.edits.undo_stack)
        self.actions.build_menus(self.menuBar())
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        if session.location is not None:
            self._on_file_opened(session.location)

    # Building

    def _central(self, *parts: QWidget) -> QWidget:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for part in parts:
            layout.addWidget(part, 1 if isinstance(part, QSplitter) else 0)
        return central

    def _make_sidebar(self) -> QListWidget:
        sidebar = QListWidget(self)
        sidebar.setAccessibleName("Views")
        row_height = sidebar.fontMetrics().height() + 16
        for name in VIEW_NAMES:
            item = QListWidgetItem(VIEW_TITLES[name].replace("&", ""), sidebar)
            item.setSizeHint(QSize(0, row_height))
        sidebar.setMinimumWidth(110)
        sidebar.currentRowChanged.connect(lambda row: self.show_view(VIEW_NAMES[row]))
        return sidebar

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        self.actions.build_toolbar(toolbar)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.warning_label = QLabel(self)
        self.warning_label.hide()
        self.counts_label = QLabel(self)
        self.file_label = QLabel(self)
        for label in (self.warning_label, self.counts_label, self.file_label):
            self.statusBar().addPermanentWidget(label)

    def _connect(self) -> None:
        a = self.actions
        prompts = data_file_prompts
        for action, prompt in (
            (a.new_file, prompts.new_data_file),
            (a.open_file, prompts.open_data_file),
            (a.save_copy, prompts.save_copy),
            (a.back_up, prompts.back_up_now),
            (a.restore, prompts.restore_from_backup),
        ):
            action.triggered.connect(
                lambda _checked=False, prompt=prompt: prompt(self, self.session)
            )
        self._connect_feature_dialogs()
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(lambda: self.current_view().focus_search())
        a.new_record.triggered.connect(lambda: self.current_view().new_record())
        a.edit_record.triggered.connect(lambda: self.current_view().edit_current())
        a.delete_record.triggered.connect(lambda: self.current_view().delete_selected())
        for action in a.record_actions:
            self.stack.addAction(action)
        for name, action in a.pair_status.items():
            action.triggered.connect(lambda _checked=False, name=name: self.change_pair(name))
        a.end_early.triggered.connect(lambda: self.change_pair("end_early"))
        for name, action in a.show_view.items():
            action.triggered.connect(lambda _checked=False, name=name: self.show_view(name))
        for kind, action in a.export.items():
            action.triggered.connect(lambda _checked=False, kind=kind: export_data(self, kind))
        a.export_calendar.triggered.connect(lambda: export_calendar(self))
        for name, action in a.cohort.items():
            action.triggered.connect(
                lambda _checked=False, name=name: self.run_cohort_command(name)
            )
        a.export_person.triggered.connect(self._export_person)
        a.erase_person.triggered.connect(self._erase_person)
        a.open_sample.triggered.connect(self._open_sample)
        self.sample_banner.button.clicked.connect(
            lambda: data_file_prompts.open_own_data_file(self, self.session)
        )
        a.open_log_folder.triggered.connect(open_log_folder)
        a.guide.triggered.connect(self.show_guide)
        a.about.triggered.connect(
            lambda: feature_dialogs.about(self.context, self.session.path, self)
        )
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.connect_server.triggered.connect(
            lambda: feature_dialogs.connect_to_server(self.context, self.session, self)
        )
        self.context.edits.data_changed.connect(self._update_actions)
        self.context.edits.message.connect(self.show_message)
        self.context.edits.refused.connect(
            lambda text: QMessageBox.warning(self, "Not undone", text)
        )
        self.context.requests.show_pairs.connect(self.show_pairs)
        self.session.opened.connect(self._on_file_opened)
        self.session.damaged.connect(self._on_file_damaged)
        self.session.message.connect(self.show_message)

    def _connect_feature_dialogs(self) -> None:
        """The commands that open one feature's dialog on the data file or the current pair."""
        a, dialogs = self.actions, feature_dialogs
        for action, command in (
            (a.import_people, dialogs.import_people_from_list),
            (a.import_answers, dialogs.import_form_answers),
            (a.make_forms, dialogs.make_forms),
            (a.collect_forms, dialogs.collect_forms),
            (a.programme_settings, dialogs.programme_settings),
            (a.questionnaires, dialogs.questionnaires),
            (a.session_plans, dialogs.session_plans),
            (a.message_templates, dialogs.message_templates),
        ):
            action.triggered.connect(
                lambda _checked=False, command=command: self.run_on_data_file(command)
            )
        for action, pair_command in (
            (a.log_session, dialogs.log_pair_session),
            (a.print_agreement, dialogs.pair_document("agreement")),
            (a.progress_summary, dialogs.pair_document("pair summary")),
            (a.pair_certificates, dialogs.pair_document("certificates")),
            (a.prepare_messages, dialogs.prepare_pair_messages),
            (a.pair_calendar, dialogs.pair_calendar),
        ):
            action.triggered.connect(
                lambda _checked=False, command=pair_command: self.run_on_pair(command)
            )

    # Views

    def current_view(self) -> WorkspaceView:
        return self.views[self.current_view_name]

    def view(self, name: str) -> WorkspaceView:
        """The named view, imported and built the first time it is asked for."""
        if name not in self.views:
            module_name, class_name = VIEW_CLASSES[name]
            module = import_module(f"revmentor_desktop.ui.views.{module_name}")
            view = getattr(module, class_name)(self.context, self)
            view.restore_state(self.settings)
            self._connect_view(view)
            self.stack.addWidget(view)
            self.views[name] = view
        return self.views[name]

    def _connect_view(self, view: WorkspaceView) -> None:
        view.selection_changed.connect(self._update_actions)
        view.status_changed.connect(self._update_status)
        view.status_changed.connect(self._update_actions)  # a filter can name the cohort
        view.message.connect(self.show_message)
        view.sample_data_requested.connect(self._open_sample)
        view.new_record_requested.connect(self._new_record_of_kind)
        view.navigate_requested.connect(self.show_view)
        view.import_requested.connect(self.actions.import_people.trigger)

    def show_view(self, name: str) -> None:
        view = self.view(name)
        self.current_view_name = name
        self.stack.setCurrentWidget(view)
        self.sidebar.setCurrentRow(VIEW_NAMES.index(name))
        self.actions.show_view[name].setChecked(True)
        self.actions.new_record.setText(view.new_label)
        self.actions.delete_record.setText(view.delete_label)
        self._update_actions()
        self._update_status()

    def _new_record_of_kind(self, kind: str) -> None:
        self.show_view(KIND_VIEWS[kind])
        self.current_view().new_record()

    def _update_actions(self) -> None:
        view = self.current_view()
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

    def _update_status(self) -> None:
        self.counts_label.setText(self.current_view().status_text())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    # Pairs

    def change_pair(self, action: str) -> None:
        pair_id = self.current_view().current_pair_id()
        if pair_id is None:
            return
        if action in STATUS_DIALOGS:
            change_status_asking(self.context, pair_id, action, self)  # the edit says what it did
            return
        try:
            edit = edits.change_pair_status(pair_id, action, clock=self.context.clock)
        except DomainError as error:
            show_refusal(self, error)
            return
        self.context.edits.push(edit)

    def run_on_pair(self, command: PairCommand) -> None:
        """Run a Pair menu command on the pair current in the view, if there is one."""
        if (pair_id := self.current_view().current_pair_id()) is not None:
            command(self.context, pair_id, self)

    # Cohorts

    def run_cohort_command(self, name: str) -> None:
        """Run a Cohort menu command on the cohort current in the view."""
        if (cohort_id := self.current_view().current_cohort_id()) is not None:
            cohort_commands.run(name, self.context, cohort_id, self)

    def show_pairs(self, cohort_id: int, pair_ids: list[int]) -> None:
        """Switch to the Pairs list, filtered on the cohort, with the pairs selected."""
        self.show_view("pairs")
        self.current_view().show_pairs(cohort_id, pair_ids)

    # People

    def _export_person(self) -> None:
        if (person_id := self.current_view().current_person_id()) is not None:
            export_person(self, self.context, person_id)

    def _erase_person(self) -> None:
        person_id = self.current_view().current_person_id()
        if person_id is None or self.session.location is None:
            return
        if summary := erase_person(self, self.context, self.session.path, person_id):
            self.show_message(summary)

    # Files

    def _on_file_opened(self, location: DataLocation) -> None:
        on_server = isinstance(location, ServerLocation)
        shown = location.description if on_server else location.name
        self.setWindowTitle(f"{shown} — RevMentor")
        self.setWindowFilePath("" if on_server else str(location.absolute))
        self.file_label.setText(shown)
        self.file_label.setToolTip(str(location))
        self.sample_banner.setVisible(
            not on_server and data_file_prompts.is_sample_data(location.absolute)
        )
        for file_only in (self.actions.back_up, self.actions.restore):
            file_only.setEnabled(not on_server)  # a server's backups are its administrator's
        warning = self.session.location_warning
        self.warning_label.setVisible(bool(warning))
        self.warning_label.setText("⚠ Risky location" if warning else "")
        self.warning_label.setToolTip(warning or "")
        if warning:
            self.show_message(warning)
        self.context.edits.data_changed.emit()
        self._update_actions()

    def _on_file_damaged(self, error: DataFileError) -> None:
        self.stack.setCurrentWidget(self.no_file_page)
        self.counts_label.clear()
        if data_file_prompts.recover_from_damage(self, self.session, error):
            self.show_view(self.current_view_name)
        else:
            self.close()

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
                    self, self.session, path
                )
            )
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)

    def run_on_data_file(self, command: DataFileCommand) -> None:
        """Run a command on the programme in the open data file (none when on a server)."""
        if self.session.path is not None:
            command(self.context, self.session.path, self)

    def _open_sample(self) -> None:
        data_file_prompts.open_sample_data(self, self.session, self.context.clock().date())

    def show_guide(self, page: str = "") -> None:
        """Show the built-in guide beside the window (one per window), on ``page`` if named."""
        from revmentor_desktop.ui import guide
        from revmentor_desktop.ui.dialogs.guide_dialog import GuideDialog

        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(
                self.context,
                lambda: guide.page_values(self.actions, self.menuBar(), self.session.path),
                self,
            )
        if page:
            self.guide_dialog.show_topic(page)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        self.guide_dialog.activateWindow()

    # Remembered between runs

    def _restore_settings(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(fitted_size(self, DEFAULT_SIZE))
        else:  # saved on a larger screen, perhaps
            self.resize(fitted_size(self, self.size()))
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        name = self.settings.get(CURRENT_VIEW)
        self.show_view(name if name in VIEW_CLASSES else "today")

    def save_settings(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(SPLITTER_STATE, self.splitter.saveState())
        self.settings.set(CURRENT_VIEW, self.current_view_name)
        for view in self.views.values():
            view.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.session.close()
        event.accept()
