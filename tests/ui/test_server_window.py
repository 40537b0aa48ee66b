"""The window on a programme kept on a PostgreSQL server: File → Connect to a server…, the
recent servers (never a password), and other coordinators' changes appearing by themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import people
from revmentor_desktop.services.location import ServerAddress, ServerLocation, server_location
from revmentor_desktop.storage import server
from revmentor_desktop.storage.models import binding_models_to
from revmentor_desktop.ui.dialogs.connect_server_dialog import ConnectServerDialog
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.settings import AppSettings
from tests.helpers import protected_server
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.server import new_server_database
from tests.ui import window_fixtures
from tests.ui.window_fixtures import IGNORE_OFFSCREEN_NOISE, MakeWindow

pytestmark = IGNORE_OFFSCREEN_NOISE
make_window = window_fixtures.make_window
protected_programme = protected_server.protected_programme
NAMES = [f"Member {number:02}" for number in range(1, 61)]
PASSWORD = "never-kept-4711"


@pytest.fixture
def server_programme() -> Iterator[ServerLocation]:
    """A server database holding sixty people, none of whom the window has open yet."""
    with new_server_database() as url:
        location = server_location(url)
        with server.ServerStore.open(location.url, location.database_name, create=True):
            for name in NAMES:
                people.add_person(people.PersonDraft(name))
        yield location


def _connect_dialog(window: MainWindow, qtbot: QtBot) -> ConnectServerDialog:
    window.actions.connect_server.trigger()
    shown = [found for found in window.findChildren(ConnectServerDialog) if found.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.waitExposed(dialog)
    return dialog


def _fill_in(qtbot: QtBot, dialog: ConnectServerDialog, address: ServerAddress) -> None:
    for field, text in (
        (dialog.host, address.host),
        (dialog.port, address.port),
        (dialog.database, address.database),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def _connect_button(dialog: ConnectServerDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _people_names(window: MainWindow) -> list[str]:
    model = window.stack.view("people").model  # type: ignore[attr-defined]
    return [model.record_at(row).name for row in range(model.rowCount())]


def test_connecting_to_a_server_shows_its_programme_and_remembers_no_password(
    qtbot: QtBot,
    make_window: MakeWindow,
    server_programme: ServerLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # what libpq would use, were one asked for
    window = make_window()
    dialog = _connect_dialog(window, qtbot)
    assert not _connect_button(dialog).isEnabled()  # no database named yet
    assert not dialog.recent.isVisible()  # no recent servers: no box lying over the address

    _fill_in(qtbot, dialog, ServerAddress.from_url(server_programme.url))
    assert dialog.address.text() == server_programme.url
    qtbot.mouseClick(_connect_button(dialog), Qt.MouseButton.LeftButton)

    name = server_programme.database_name
    assert window.windowTitle() == f"{name} on this computer — RevMentor"
    assert window.status_bar.file_label.text() == f"{name} on this computer"
    assert not window.actions.back_up.isEnabled()  # the server's backups are not the app's
    window.show_view("people")
    assert _people_names(window)[:2] == ["Member 01", "Member 02"]
    window.settings.sync()
    kept = window.settings.path.read_text(encoding="utf-8")
    assert server_programme.url in kept
    assert PASSWORD not in kept and "password" not in kept.lower()

    again = _connect_dialog(window, qtbot)
    assert again.recent.itemText(1) == server_programme.url
    assert again.address.text() == server_programme.url  # the last server, ready to reconnect
    again.reject()


def test_a_server_asking_for_a_password_gets_told_how_to_set_up_pgpass(
    qtbot: QtBot,
    make_window: MakeWindow,
    server_programme: ServerLocation,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    window = make_window()
    title_before = window.windowTitle()
    dialog = _connect_dialog(window, qtbot)
    port = str(urlsplit(server_programme.url).port or "")
    # Over TCP the server asks for a password (the local socket needs none).
    address = ServerAddress("127.0.0.1", port, server_programme.database_name)
    _fill_in(qtbot, dialog, address)

    qtbot.mouseClick(_connect_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()  # still open, to correct or try again
    said = dialog.problem.text()
    assert "asks for a password" in said
    assert "~/.pgpass" in said and "chmod 600" in said
    assert window.windowTitle() == title_before  # the data file stays open
    dialog.reject()


def test_a_pasted_address_holding_a_password_is_refused_before_connecting(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    dialog = _connect_dialog(window, qtbot)
    qtbot.keyClicks(dialog.address, f"postgresql://anna:{PASSWORD}@dbhost/mentoring")

    assert "contains a password" in dialog.problem.text()
    assert not _connect_button(dialog).isEnabled()
    dialog.reject()
    assert PASSWORD not in AppSettings().path.read_text(encoding="utf-8")


def test_a_person_added_by_another_coordinator_appears_and_the_selection_stays(
    qtbot: QtBot, make_window: MakeWindow, server_programme: ServerLocation
) -> None:
    window = make_window()
    window.session.open_server(server_programme)
    window.show_view("people")
    view = window.stack.view("people")
    table = view.table  # type: ignore[attr-defined]
    scroll = table.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # sixty people fill more than the list
    scroll.setValue(scroll.maximum() // 2)  # reading the middle of the list
    middle_row = table.rowAt(table.viewport().height() // 2)
    selected = view.model.id_at(middle_row)  # type: ignore[attr-defined]
    view.select_ids([selected])  # type: ignore[attr-defined]
    where_reading = scroll.value()
    assert where_reading > 0

    other = server.connect(server_programme.url, server_programme.database_name)
    with binding_models_to(other):  # another coordinator, on a connection of their own
        people.add_person(people.PersonDraft("Aaron Early"))
    other.close()

    qtbot.waitUntil(lambda: "Aaron Early" in _people_names(window), timeout=2000)
    assert view.selected_ids() == [selected]  # type: ignore[attr-defined]
    assert scroll.value() == where_reading


def test_a_typed_password_connects_and_only_the_keyring_keeps_it(
    qtbot: QtBot, make_window: MakeWindow, protected_programme: ServerLocation
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    window = make_window()
    dialog = _connect_dialog(window, qtbot)
    dialog.set_address(protected_programme.url)
    assert not dialog.remember_password.isEnabled()  # nothing typed, nothing to remember
    qtbot.keyClicks(dialog.password, protected_server.PASSWORD)
    dialog.remember_password.setChecked(True)

    qtbot.mouseClick(_connect_button(dialog), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert (
        window.status_bar.file_label.text() == f"{protected_programme.database_name} on 127.0.0.1"
    )
    assert list(memory.kept.values()) == [protected_server.PASSWORD]
    window.settings.sync()
    kept = window.settings.path.read_text(encoding="utf-8")
    assert protected_programme.url in kept
    assert protected_server.PASSWORD not in kept


def test_without_a_keyring_the_dialog_says_so_and_connects_for_this_session(
    qtbot: QtBot, make_window: MakeWindow, protected_programme: ServerLocation
) -> None:
    window = make_window()  # the tests' computer has no keyring (tests/conftest.py)
    dialog = _connect_dialog(window, qtbot)
    dialog.set_address(protected_programme.url)
    qtbot.keyClicks(dialog.password, protected_server.PASSWORD)
    dialog.remember_password.setChecked(True)

    qtbot.mouseClick(_connect_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "no keyring" in dialog.problem.text()
    assert not dialog.remember_password.isChecked()

    qtbot.mouseClick(_connect_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert (
        window.status_bar.file_label.text() == f"{protected_programme.database_name} on 127.0.0.1"
    )
