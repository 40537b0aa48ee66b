"""Building main windows on temporary data files, and standing in for the record dialogs."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from revmentor_desktop.app import window_on
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.views import record_dialogs
from tests.ui.programme import MovableClock

MakeWindow = Callable[..., MainWindow]
# The offscreen platform cannot pass size hints on; it says so once per shown window.
IGNORE_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class DialogCalls:
    """Records which dialog the window asked for instead of showing it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def factory(self, module_name: str, class_name: str) -> Callable[..., Any]:
        calls = self.calls

        class FakeDialog:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs.pop("parent", None)
                calls.append((class_name, args[1:], kwargs))

            def exec(self) -> int:
                return QDialog.DialogCode.Rejected.value

            def deleteLater(self) -> None:
                pass

        return FakeDialog


def activate(window: QWidget) -> None:
    """Make ``window`` the active one so its shortcuts work (offscreen never activates it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogCalls:
    calls = DialogCalls()
    monkeypatch.setattr(record_dialogs, "_dialog_class", calls.factory)
    return calls


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions the window or a dialog asks ("title text"), each answered Yes."""
    questions: list[str] = []

    def answer_yes(_parent: object, title: str, text: str, *_args: object) -> object:
        questions.append(f"{title} {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    return questions


@pytest.fixture
def make_window(qtbot: QtBot, data_path: Path) -> Iterator[MakeWindow]:
    """Opens a data file and a window on it; afterwards checks no other window was left."""
    made: list[MainWindow] = []

    def make(
        clock: MovableClock | None = None,
        build: Callable[[], Any] | None = None,
        path: Path = data_path,
    ) -> MainWindow:
        clock = clock or MovableClock()
        settings = AppSettings()
        session = DataFileSession(settings, clock)
        session.open(path, create=True)
        if build is not None:
            build()
        window = window_on(session, settings, clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        activate(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftovers = [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget not in made and (widget.isVisible() or isinstance(widget, QDialog))
    ]
    assert leftovers == []
