"""Driving the outcomes dialogs from the keyboard, as a coordinator typing in paper forms does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.window_fixtures import activate

# The offscreen platform cannot raise windows, grab the keyboard for popups or resize to hints.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support")


def show(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(dialog)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(qtbot: QtBot, *keys: str | Qt.Key) -> None:
    """Type into whatever has the focus: text as typed, a key (Enter, Tab) as pressed."""
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(focused(), key)
        else:
            qtbot.keyClick(focused(), key)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)
