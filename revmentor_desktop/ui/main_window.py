"""The main window: a sidebar of six views, the menus and toolbar, and the status bar.

It only lays the parts out and wires them together: ``menus`` declares the commands and
``window_commands`` runs them, ``navigation`` holds the sidebar and the views (built when first
shown), ``status_bar`` the bottom line, ``window_state`` what is remembered between runs,
``data_file_prompts`` the conversations about the data file and ``DataFileSession`` the data file
itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.services.location import DataLocation, ServerLocation
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.ui import data_file_prompts
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.menus import VIEW_NAMES, WindowActions
from revmentor_desktop.ui.navigation import KIND_VIEWS, ViewStack, make_sidebar
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.status_bar import WindowStatusBar
from revmentor_desktop.ui.views.workspace_view import WorkspaceView
from revmentor_desktop.ui.widgets.notice_bar import NoticeBar
from revmentor_desktop.ui.window_commands import WindowCommands
from revmentor_desktop.ui.window_state import restore_window_state, save_window_state

SAMPLE_NOTICE = "This is sample data — your own file is untouched."


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
        self.guide_dialog: QDialog | None = None
        self.sidebar = make_sidebar(self)
        self.sidebar.currentRowChanged.connect(lambda row: self.show_view(VIEW_NAMES[row]))
        self.stack = ViewStack(context, settings, self)
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
        self.status_bar = WindowStatusBar(self)
        self.setStatusBar(self.status_bar)
        self.commands = WindowCommands(self, self.actions, self.stack, context, session, settings)
        self._connect()
        self.show_view(restore_window_state(self, self.splitter, settings))
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

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        self.actions.build_toolbar(toolbar)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        a = self.actions
        for action in a.record_actions:
            self.stack.addAction(action)
        for name, action in a.show_view.items():
            action.triggered.connect(lambda _checked=False, name=name: self.show_view(name))
        self.sample_banner.button.clicked.connect(
            lambda: data_file_prompts.open_own_data_file(self, self.session)
        )
        a.guide.triggered.connect(self.show_guide)
        self.commands.message.connect(self.status_bar.show_message)
        self.context.edits.message.connect(self.status_bar.show_message)
        self.context.edits.refused.connect(
            lambda text: QMessageBox.warning(self, "Not undone", text)
        )
        self.context.requests.show_pairs.connect(self.show_pairs)
        self.stack.view_made.connect(self._connect_view)
        self.session.opened.connect(self._on_file_opened)
        self.session.damaged.connect(self._on_file_damaged)
        self.session.message.connect(self.status_bar.show_message)

    # Views

    def current_view(self) -> WorkspaceView:
        return self.stack.current()

    def _connect_view(self, view: WorkspaceView) -> None:
        view.selection_changed.connect(self.commands.update_actions)
        view.status_changed.connect(self._update_status)
        view.status_changed.connect(self.commands.update_actions)  # a filter can name the cohort
        view.message.connect(self.status_bar.show_message)
        view.sample_data_requested.connect(self.commands.open_sample)
        view.new_record_requested.connect(self._new_record_of_kind)
        view.navigate_requested.connect(self.show_view)
        view.import_requested.connect(self.actions.import_people.trigger)

    def show_view(self, name: str) -> None:
        self.stack.show_named(name)
        self.sidebar.setCurrentRow(VIEW_NAMES.index(name))
        self.commands.follow_view(name)
        self._update_status()

    def _new_record_of_kind(self, kind: str) -> None:
        self.show_view(KIND_VIEWS[kind])
        self.current_view().new_record()

    def show_pairs(self, cohort_id: int, pair_ids: list[int]) -> None:
        """Switch to the Pairs list, filtered on the cohort, with the pairs selected."""
        self.show_view("pairs")
        self.current_view().show_pairs(cohort_id, pair_ids)

    def _update_status(self) -> None:
        self.status_bar.counts_label.setText(self.current_view().status_text())

    # Files

    def _on_file_opened(self, location: DataLocation) -> None:
        on_server = isinstance(location, ServerLocation)
        shown = location.description if on_server else location.name
        self.setWindowTitle(f"{shown} — RevMentor")
        self.setWindowFilePath("" if on_server else str(location.absolute))
        self.sample_banner.setVisible(
            not on_server and data_file_prompts.is_sample_data(location.absolute)
        )
        for file_only in (self.actions.back_up, self.actions.restore):
            file_only.setEnabled(not on_server)  # a server's backups are its administrator's
        self.status_bar.show_data_source(shown, str(location), self.session.location_warning)
        self.context.edits.data_changed.emit()  # the commands follow it (update_actions)

    def _on_file_damaged(self, error: DataFileError) -> None:
        self.stack.show_no_file()
        self.status_bar.counts_label.clear()
        if data_file_prompts.recover_from_damage(self, self.session, error):
            self.show_view(self.stack.current_name)
        else:
            self.close()

    # Help

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

    def closeEvent(self, event: QCloseEvent) -> None:
        save_window_state(self, self.splitter, self.stack, self.settings)
        self.session.close()
        event.accept()
