"""The first start on a file still to be made: the window proposes the name it was given."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.app import open_main_window
from revmentor_desktop.ui.settings import AppSettings
from tests.helpers.message_boxes import answer_message_boxes, box_words
from tests.ui import window_fixtures
from tests.ui.programme import MovableClock

pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


class SaveDialogAnswers:
    """Stands in for the save dialog: records the name it proposed and accepts it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.proposed: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._answer)

    def _answer(self, _parent: object, _title: str, suggested: str, _filter: str) -> tuple:
        self.proposed.append(suggested)
        return suggested, ""


def _with_default(box: QMessageBox) -> str:
    """What a box said, and which button Enter would press."""
    default = box.defaultButton()
    return f"{box_words(box)}\n{default and default.text()}"


def _click_create(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every message box with "Create a new file…"; return what each box said."""
    return answer_message_boxes(monkeypatch, "Create a new file…", _with_default)


def test_starting_on_a_missing_file_offers_to_create_it_under_that_name(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = tmp_path / "Reverse mentoring 2027.revmentor"
    asked = _click_create(monkeypatch)
    save_dialog = SaveDialogAnswers(monkeypatch)

    window = open_main_window(wanted, AppSettings(), MovableClock())

    assert window is not None
    qtbot.addWidget(window)
    assert asked == [
        "There is no data file called Reverse mentoring 2027.revmentor yet.\n"
        f"RevMentor found nothing at {wanted}. Create it as a new, empty data file, "
        "or open another file.\nCreate a new file…"
    ]
    assert save_dialog.proposed == [str(wanted)]
    assert wanted.is_file()
    assert window.windowTitle() == "Reverse mentoring 2027.revmentor — RevMentor"
    window.close()


def test_a_damaged_file_is_not_proposed_as_the_new_one_but_its_folder_is(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "programmes"
    folder.mkdir()
    damaged = folder / "damaged.revmentor"
    damaged.write_bytes(b"not a data file")
    _click_create(monkeypatch)
    save_dialog = SaveDialogAnswers(monkeypatch)

    window = open_main_window(damaged, AppSettings(), MovableClock())

    assert window is not None
    qtbot.addWidget(window)
    assert save_dialog.proposed == [str(folder / "programme.revmentor")]
    assert damaged.read_bytes() == b"not a data file"
    window.close()
