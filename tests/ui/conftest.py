"""What the window tests share: an application context with its own undo stack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.clock import Clock
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import EditStack
from tests.reports import programme


@pytest.fixture
def app_clock() -> Clock:
    """The moment the dialogs take for now: the test programme's, unless a module stands in
    its own ``app_clock`` fixture for dates that need another day."""
    return programme.clock


@pytest.fixture
def context(data_file: DataFile, qtbot: QtBot, app_clock: Clock) -> Iterator[AppContext]:
    """The context a dialog is given, on an open data file; its undo stack goes with the test."""
    stack = EditStack()
    yield AppContext(edits=stack, clock=app_clock)
    stack.deleteLater()
