"""What the outcomes dialogs' tests share: a programme on a data file and an edit stack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import EditStack
from tests.reports.programme import Programme, build_programme, clock
from tests.ui import window_fixtures


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return build_programme()


@pytest.fixture
def context(programme: Programme, qtbot: QtBot) -> Iterator[AppContext]:
    stack = EditStack()
    yield AppContext(edits=stack, clock=clock)
    stack.deleteLater()


asked = window_fixtures.asked
