"""What the outcomes dialogs' tests share: a programme on a data file and an edit stack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import EditStack
from tests.reports.programme import Programme, build_programme, clock


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return build_programme()


@pytest.fixture
def context(programme: Programme, qtbot: QtBot) -> Iterator[AppContext]:
    stack = EditStack()
    yield AppContext(edits=stack, clock=clock)
    stack.deleteLater()


@pytest.fixture
def questions_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers Yes to every question a dialog asks; the list holds what was asked."""
    asked: list[str] = []

    def answer_yes(_parent: QWidget, title: str, text: str, *_args: object) -> object:
        asked.append(f"{title} {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    return asked
