"""A password typed for a server: used this session, kept in the keyring when asked, and found
there the next time, on a real server that asks for one (over TCP, scram-sha-256)."""

from __future__ import annotations

from urllib.parse import urlsplit

import keyring
import pytest
from keyring.backends import fail

from revmentor_desktop.services import server_passwords
from revmentor_desktop.services.location import ServerLocation
from revmentor_desktop.storage.errors import ServerProblem
from tests.helpers import protected_server
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.protected_server import PASSWORD

protected_programme = protected_server.protected_programme


def _opens(location: ServerLocation) -> bool:
    with server_passwords.open_store(location) as store:
        return store.database.execute_sql("SELECT count(*) FROM person").fetchone() == (0,)


def test_a_password_belongs_to_the_server_database_and_role_not_the_options() -> None:
    key = server_passwords.password_key
    assert key("postgresql://anna@dbhost/mentoring?sslmode=require") == "anna@dbhost:5432/mentoring"
    assert key("postgresql://anna@dbhost:5433/mentoring") == "anna@dbhost:5433/mentoring"
    assert key("postgresql:///mentoring") == "@localhost:5432/mentoring"


def test_without_a_password_the_server_says_how_to_give_one(
    protected_programme: ServerLocation,
) -> None:
    with pytest.raises(ServerProblem) as refused:
        _opens(protected_programme)
    assert "asks for a password, and none was found for it" in str(refused.value)
    assert "File → Connect to a server…" in str(refused.value)


def test_a_typed_password_opens_the_programme_for_this_session_only(
    protected_programme: ServerLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert server_passwords.use_password(protected_programme.url, PASSWORD, remember=False) == ""

    assert _opens(protected_programme)
    assert memory.kept == {}  # not remembered: gone when RevMentor closes
    monkeypatch.setattr(server_passwords, "_typed_this_session", {})  # RevMentor restarted
    with pytest.raises(ServerProblem):
        _opens(protected_programme)


def test_a_remembered_password_is_found_in_the_keyring_next_time(
    protected_programme: ServerLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    server_passwords.use_password(protected_programme.url, PASSWORD, remember=True)
    monkeypatch.setattr(server_passwords, "_typed_this_session", {})  # RevMentor restarted

    assert _opens(protected_programme)
    assert list(memory.kept.values()) == [PASSWORD]
    # The change listener makes a connection of its own with the same password.
    with server_passwords.open_store(protected_programme) as store:
        store.listen_for_changes().close()


def test_a_wrong_password_is_refused_in_words_saying_what_to_do(
    protected_programme: ServerLocation,
) -> None:
    server_passwords.use_password(protected_programme.url, "not it", remember=False)
    with pytest.raises(ServerProblem) as refused:
        _opens(protected_programme)
    said = str(refused.value)
    assert "refused the password given for it" in said
    assert "Type the password again" in said


def test_without_a_keyring_the_password_still_serves_this_session_and_says_so(
    protected_programme: ServerLocation,
) -> None:
    keyring.set_keyring(fail.Keyring())
    warning = server_passwords.use_password(protected_programme.url, PASSWORD, remember=True)

    assert "no keyring" in warning and "~/.pgpass" in warning
    assert _opens(protected_programme)


def test_a_password_is_never_part_of_what_is_shown_or_kept_as_the_address(
    protected_programme: ServerLocation,
) -> None:
    server_passwords.use_password(protected_programme.url, PASSWORD, remember=False)
    with server_passwords.open_store(protected_programme) as store:
        assert PASSWORD not in store.url
    assert PASSWORD not in protected_programme.description
    assert urlsplit(protected_programme.url).password is None
