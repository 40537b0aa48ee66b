"""SIGTERM to the window: it closes as on Quit, even with a dialog open in front of it."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.ui.termination import CloseOnTermination
from tests.ui import window_fixtures

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def test_sigterm_with_a_question_open_closes_it_and_the_window(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    CloseOnTermination(window)
    answers: list[int] = []
    left_open: list[bool] = []

    def ask() -> None:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, "Delete?", "Delete Zoë?", buttons, window)
        QTimer.singleShot(100, lambda: os.kill(os.getpid(), signal.SIGTERM))

        def still_open() -> None:  # the test then fails instead of waiting for ever
            if box.isVisible():
                left_open.append(True)
                box.reject()

        QTimer.singleShot(3_000, box, still_open)
        answers.append(box.exec())

    try:
        QTimer.singleShot(0, ask)
        qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    finally:  # SIGTERM ends this test run again, as it should
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    assert left_open == [], "the question stayed open after SIGTERM"
    assert answers != [QMessageBox.StandardButton.Yes]  # the question was not answered yes
    assert not window.isVisible()
    assert window.session.path is None  # closed as on Quit: file checkpointed, lock released
