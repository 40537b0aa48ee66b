"""Erasing a person from the window when the disk is full: either nothing is erased and the
dialog says why, or the erasure is saved and the window says only compacting the file failed."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest
from PySide6.QtWidgets import QDialog

from revmentor_desktop.domain import people
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.database import _DataFileDatabase
from revmentor_desktop.ui import export_prompts
from revmentor_desktop.ui.dialogs.privacy_dialogs import EraseDialog
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.views.people_view import PeopleView
from tests.ui import window_fixtures
from tests.ui.programme import Programme, build_programme

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def _erase_as_a_coordinator_would(
    window: MainWindow, person_id: int, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Select the person, choose Erase, tick "I understand" and press Erase; returns what the
    dialog said under its buttons."""
    said: list[str] = []

    def confirm_and_erase(dialog: QDialog) -> bool:
        assert isinstance(dialog, EraseDialog)
        dialog.understood.setChecked(True)
        dialog.erase_button.click()
        said.append(dialog.message.text())
        dialog.deleteLater()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_prompts, "run_dialog", confirm_and_erase)
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    view.select_ids([person_id])
    window.actions.erase_person.trigger()
    return said


def test_an_erasure_whose_safety_backup_finds_no_room_erases_nothing(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    bo = programme["p"].person_ids["Bo Svensson"]
    monkeypatch.setattr(disk, "free_bytes", lambda _folder: 12_000)

    [said] = _erase_as_a_coordinator_would(window, bo, monkeypatch)

    assert said.startswith("Nothing was erased: ")
    assert "the disk holding it is full. The backup was not written" in said
    assert people.get_person(bo).draft.name == "Bo Svensson"


def test_an_erasure_saved_without_room_to_compact_the_file_says_so(
    make_window: MakeWindow, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    bo = programme["p"].person_ids["Bo Svensson"]
    real_execute = _DataFileDatabase.execute_sql

    def no_room_to_compact(database: _DataFileDatabase, sql: str, *args: object) -> object:
        if sql == "VACUUM":
            raise peewee.OperationalError(disk.SQLITE_DISK_FULL)
        return real_execute(database, sql, *args)

    monkeypatch.setattr(_DataFileDatabase, "execute_sql", no_room_to_compact)

    assert _erase_as_a_coordinator_would(window, bo, monkeypatch) == [""]

    shown = window.statusBar().currentMessage()
    assert shown.startswith("Erased; their records now show “Erased person #")
    assert (
        f"{data_path.absolute()}: the erasure is complete and saved. Only reclaiming the space "
        "the erased details took failed, because the disk holding the file is full"
    ) in shown
    assert people.get_person(bo).draft.name.startswith("Erased person #")
