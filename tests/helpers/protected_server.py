"""A programme on the test server that asks for a password: a coordinator role with one,
reached over TCP (scram-sha-256), where libpq finds no password of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from revmentor_desktop.services import data_sources, roles
from revmentor_desktop.services.location import ServerAddress, ServerLocation, server_location
from revmentor_desktop.storage.server_roles import Group
from tests.helpers.server import new_server_database
from tests.helpers.server import test_server_url as administering_url

PASSWORD = "correct horse 4711"


def _admin(url: str) -> psycopg2.extensions.connection:
    connection = psycopg2.connect(url)
    connection.autocommit = True
    return connection


@pytest.fixture
def protected_programme(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[ServerLocation]:
    """A programme a coordinator role with a password reaches over TCP, where the server asks
    for that password; libpq finds none of its own (no PGPASSWORD, no ~/.pgpass)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    with new_server_database() as url:
        owner = server_location(url)
        data_sources.create(owner, lambda: None)
        role = f"revmentor_test_{owner.database_name}_anna"
        with _admin(url) as admin, admin.cursor() as cursor:
            cursor.execute(f'DROP ROLE IF EXISTS "{role}"')
            cursor.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{PASSWORD}'")
            cursor.execute("SHOW port")
            (port,) = cursor.fetchone()
        roles.set_up(owner)
        roles.grant(owner, role, Group.COORDINATOR, None)
        address = ServerAddress("127.0.0.1", str(port), owner.database_name, role)
        yield server_location(address.url)
    groups = [f"{owner.database_name}_{group.value}" for group in Group]
    with _admin(administering_url() or url) as admin, admin.cursor() as cursor:
        for name in [role, *groups]:
            cursor.execute(f'DROP ROLE IF EXISTS "{name}"')
