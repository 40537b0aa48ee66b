"""Starting the app: the window comes up while the data file's integrity is still being checked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from revmentor_desktop.app import application_icon, open_main_window, start_gui
from revmentor_desktop.domain import people
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.settings import LAST_FILE, AppSettings
from tests.helpers.message_boxes import answer_message_boxes
from tests.storage.helpers import damage_table_root_page, integrity
from tests.ui import window_fixtures
from tests.ui.programme import MovableClock

pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def _start(qtbot: QtBot, path: Path) -> MainWindow:
    window = open_main_window(path, AppSettings(), MovableClock())
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _people_listed(window: MainWindow) -> list[str]:
    window.show_view("people")
    model = window.current_view().model  # type: ignore[attr-defined]
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_healthy_file_is_remembered_and_backed_up_once_its_check_passed(
    qtbot: QtBot, data_path: Path
) -> None:
    with DataFile.open(data_path, create=True):
        people.add_person(people.PersonDraft("Zoë Martin"))

    window = _start(qtbot, data_path)

    qtbot.waitUntil(lambda: AppSettings().get(LAST_FILE) == str(data_path))
    assert [info.reason for info in backup.list_backups(data_path)] == ["daily"]
    assert window.windowTitle() == "programme.revmentor — RevMentor"
    assert _people_listed(window) == ["Zoë Martin"]
    window.close()


def _damaged_file(path: Path, *, backed_up: bool) -> None:
    """A file whose damage only SQLite's check sees at start-up: Today does not read skills."""
    with DataFile.open(path, create=True):
        people.add_person(people.PersonDraft("Zoë Martin", teaches=["Slack"]))
    if backed_up:
        backup.automatic_backup(path, reason="manual")
    damage_table_root_page(path, "skill")


def test_damage_found_after_the_window_opened_offers_the_newest_backup(
    qtbot: QtBot, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_file(data_path, backed_up=True)
    asked = answer_message_boxes(monkeypatch, "Restore")
    window = _start(qtbot, data_path)  # opens before the check has its verdict

    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "RevMentor cannot open programme.revmentor" in asked[0]
    assert "is damaged" in asked[0]
    qtbot.waitUntil(lambda: window.session.path is not None)
    assert integrity(data_path) == ["ok"]
    assert _people_listed(window) == ["Zoë Martin"]
    assert AppSettings().get(LAST_FILE) == str(data_path)
    window.close()


@pytest.mark.qt_no_exception_capture  # the app's own exception hook is what is tested
def test_damage_that_breaks_today_is_reported_once_with_the_offer_of_a_backup(
    qtbot: QtBot, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with DataFile.open(data_path, create=True):
        people.add_person(people.PersonDraft("Zoë Martin"))
    backup.automatic_backup(data_path, reason="manual")
    damage_table_root_page(data_path, "pair")  # Today reads pairs as it is first shown
    asked = answer_message_boxes(monkeypatch, "Restore")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs the app's

    window = start_gui(data_path)  # Today's queries fail as it shows: it shows all the same
    assert window is not None
    qtbot.addWidget(window)

    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "is damaged" in asked[0]  # the backup is offered, no "something went wrong"
    qtbot.waitUntil(lambda: window.session.path is not None)
    assert integrity(data_path) == ["ok"]
    assert _people_listed(window) == ["Zoë Martin"]
    window.close()


def test_giving_up_on_a_damaged_file_closes_the_window(
    qtbot: QtBot, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_file(data_path, backed_up=False)
    asked = answer_message_boxes(monkeypatch, "Quit")
    window = _start(qtbot, data_path)

    qtbot.waitUntil(lambda: not window.isVisible())
    assert "is damaged" in asked[0]
    assert window.session.path is None
    assert AppSettings().get(LAST_FILE) != str(data_path)


def test_the_window_icon_has_every_drawn_size(qapp: object) -> None:
    icon = application_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == {16, 24, 32, 48, 64, 128, 256, 512}
    assert icon.pixmap(16, 16).width() == 16
