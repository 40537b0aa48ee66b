"""What the main window remembers between runs: its size and place, its toolbar, where the
sidebar ends, the view it showed, and each view's own choices."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from revmentor_desktop.ui.navigation import VIEW_CLASSES, ViewStack
from revmentor_desktop.ui.settings import (
    CURRENT_VIEW,
    SPLITTER_STATE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    AppSettings,
)
from revmentor_desktop.ui.widgets.screen_fit import fitted_size

DEFAULT_SIZE = QSize(1180, 760)  # less where the screen has less room


def restore_window_state(window: QMainWindow, splitter: QSplitter, settings: AppSettings) -> str:
    """Lay the window out as it was left, and say which view it showed ("today" at first)."""
    geometry = settings.get(WINDOW_GEOMETRY)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        window.resize(fitted_size(window, DEFAULT_SIZE))
    else:  # saved on a larger screen, perhaps
        window.resize(fitted_size(window, window.size()))
    state = settings.get(WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)
    splitter_state = settings.get(SPLITTER_STATE)
    if not splitter_state.isEmpty():
        splitter.restoreState(splitter_state)
    name = settings.get(CURRENT_VIEW)
    return name if name in VIEW_CLASSES else "today"


def save_window_state(
    window: QMainWindow, splitter: QSplitter, views: ViewStack, settings: AppSettings
) -> None:
    settings.set(WINDOW_GEOMETRY, window.saveGeometry())
    settings.set(WINDOW_STATE, window.saveState())
    settings.set(SPLITTER_STATE, splitter.saveState())
    settings.set(CURRENT_VIEW, views.current_name)
    for view in views.views.values():
        view.save_state(settings)
    settings.sync()
