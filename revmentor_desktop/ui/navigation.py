"""Getting about the window: the sidebar listing the views, and the stack that shows one view at
a time, building each the first time it is asked for."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.menus import VIEW_NAMES, VIEW_TITLES
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.views.workspace_view import WorkspaceView

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


def make_sidebar(parent: QWidget) -> QListWidget:
    """One row per view, in the View menu's order."""
    sidebar = QListWidget(parent)
    sidebar.setAccessibleName("Views")
    row_height = sidebar.fontMetrics().height() + 16
    for name in VIEW_NAMES:
        item = QListWidgetItem(VIEW_TITLES[name].replace("&", ""), sidebar)
        item.setSizeHint(QSize(0, row_height))
    sidebar.setMinimumWidth(110)
    return sidebar


class ViewStack(QStackedWidget):
    """The views by name, the current one shown; a blank page instead while no file is open."""

    view_made = Signal(object)  # a WorkspaceView just built, for the window to connect

    def __init__(self, context: AppContext, settings: AppSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.views: dict[str, WorkspaceView] = {}
        self.current_name = ""
        self.no_file_page = QWidget(self)  # shown instead of a closed file's records
        self.addWidget(self.no_file_page)

    def current(self) -> WorkspaceView:
        return self.views[self.current_name]

    def view(self, name: str) -> WorkspaceView:
        """The named view, imported and built the first time it is asked for."""
        if name not in self.views:
            module_name, class_name = VIEW_CLASSES[name]
            module = import_module(f"revmentor_desktop.ui.views.{module_name}")
            view = getattr(module, class_name)(self.context, self)
            view.restore_state(self.settings)
            self.view_made.emit(view)
            self.addWidget(view)
            self.views[name] = view
        return self.views[name]

    def show_named(self, name: str) -> WorkspaceView:
        view = self.view(name)
        self.current_name = name
        self.setCurrentWidget(view)
        return view

    def show_no_file(self) -> None:
        self.setCurrentWidget(self.no_file_page)
