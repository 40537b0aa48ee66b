"""A programme on a PostgreSQL server: its address, ``revmentor --data URL new``, what is not
RevMentor's refused untouched, and the copy kept before an upgrade. (How the schema is built,
refused when newer and upgraded, on both stores: tests/storage/test_migrations.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import PostgresqlDatabase

from revmentor_desktop import paths
from revmentor_desktop.domain import people
from revmentor_desktop.services.location import (
    DataFileLocation,
    ServerLocation,
    parse_location,
    server_location,
)
from revmentor_desktop.storage import server, server_backup
from revmentor_desktop.storage.errors import ServerProblem
from revmentor_desktop.storage.migrations import LATEST_VERSION, migrate, schema_version
from tests.helpers.cli import run
from tests.helpers.server import new_server_database
from tests.storage.helpers import query


@pytest.fixture
def empty_database() -> Iterator[ServerLocation]:
    with new_server_database() as url:
        yield server_location(url)


def _connected(location: ServerLocation) -> PostgresqlDatabase:
    return server.connect(location.url, location.database_name)


def _tables(location: ServerLocation) -> set[str]:
    database = _connected(location)
    try:
        return set(database.get_tables())
    finally:
        database.close()


def test_data_names_a_file_or_a_server_database() -> None:
    assert isinstance(parse_location("programme.revmentor"), DataFileLocation)
    location = parse_location("postgresql://db.example.org/mentoring?sslmode=verify-full")
    assert isinstance(location, ServerLocation)
    assert location.database_name == "mentoring"
    assert str(location) == "postgresql://db.example.org/mentoring?sslmode=verify-full"


@pytest.mark.parametrize(
    "url",
    ["postgresql://hr:s3cret@db.example.org/mentoring", "postgresql://db/m?password=s3cret"],
)
def test_an_address_holding_a_password_is_refused_without_repeating_it(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    status, _out, err = run(capsys, "--data", url, "new")
    assert status == 1
    assert "~/.pgpass" in err
    assert "s3cret" not in err


def test_an_address_without_a_database_is_refused() -> None:
    with pytest.raises(ServerProblem, match="names no database"):
        server_location("postgresql://db.example.org")


def test_new_builds_the_schema_on_an_empty_database_and_refuses_a_second_time(
    capsys: pytest.CaptureFixture[str], empty_database: ServerLocation
) -> None:
    status, out, err = run(capsys, "--data", empty_database.url, "new")
    assert status == 0, err
    assert f"server database {empty_database.database_name}" in out
    database = _connected(empty_database)
    assert schema_version(database) == LATEST_VERSION
    database.close()

    status, _out, err = run(capsys, "--data", empty_database.url, "new")
    assert status == 1
    assert "already holds a RevMentor programme" in err


def test_people_added_through_a_command_are_on_the_server(
    capsys: pytest.CaptureFixture[str], empty_database: ServerLocation, tmp_path: Path
) -> None:
    run(capsys, "--data", empty_database.url, "new")
    staff = tmp_path / "staff.csv"
    staff.write_text("Name,Email\nAgnès Dupont,agnes@example.org\n", encoding="utf-8")
    status, _out, err = run(capsys, "--data", empty_database.url, "import-people", str(staff))
    assert status == 0, err
    with server.ServerStore.open(empty_database.url, empty_database.database_name):
        rows = people.people_rows(people.people_ids()).values()
        assert [row.name for row in rows] == ["Agnès Dupont"]


def test_a_database_without_a_programme_is_not_opened_and_says_how_to_create_one(
    empty_database: ServerLocation,
) -> None:
    with pytest.raises(ServerProblem, match=r"revmentor --data .* new"):
        server.ServerStore.open(empty_database.url, empty_database.database_name)
    assert _tables(empty_database) == set()


def test_a_database_holding_other_tables_is_refused_untouched(
    empty_database: ServerLocation,
) -> None:
    database = _connected(empty_database)
    database.execute_sql("CREATE TABLE invoices (id INTEGER)")
    database.close()
    with pytest.raises(ServerProblem, match="not a RevMentor programme"):
        server.ServerStore.open(empty_database.url, empty_database.database_name, create=True)
    assert _tables(empty_database) == {"invoices"}


def test_an_older_schema_whose_copy_cannot_be_written_is_not_upgraded(
    empty_database: ServerLocation,
) -> None:
    """The copy kept before an upgrade (tests/storage/test_migrations.py) comes first: when it
    cannot be written, the database is left at its version, with plain words on why."""
    database = _connected(empty_database)
    migrate(database, target_version=6)
    database.close()
    before = _tables(empty_database)
    paths.server_backup_folder().parent.mkdir(parents=True, exist_ok=True)
    paths.server_backup_folder().write_text("a file where the folder should be")

    with pytest.raises(ServerProblem) as refused:
        server.ServerStore.open(empty_database.url, empty_database.database_name)

    assert "the copy taken first could not be written" in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert _tables(empty_database) == before
    database = _connected(empty_database)
    assert schema_version(database) == 6
    database.close()


def test_the_copy_before_an_upgrade_keeps_the_servers_own_audit_trail(
    empty_database: ServerLocation,
) -> None:
    """Copying rows into the new data file fires its audit triggers; the copy's trail is
    nonetheless the server's, as it was: who changed what, not who made the copy."""
    database = _connected(empty_database)
    migrate(database, target_version=11)
    database.execute_sql(
        "INSERT INTO person (name, created_at, updated_at) VALUES ('Ana Lima', now(), now())"
    )
    trail = database.execute_sql(
        "SELECT table_name, row_key, action, changed_by FROM audit ORDER BY id"
    ).fetchall()
    database.close()

    server.ServerStore.open(empty_database.url, empty_database.database_name).close()

    (copy,) = server_backup.backups_before_upgrade(empty_database.url, empty_database.name)
    assert query(copy, "PRAGMA user_version") == [(11,)]
    assert query(copy, "SELECT name FROM person") == [("Ana Lima",)]
    copied = query(copy, "SELECT table_name, row_key, action, changed_by FROM audit ORDER BY id")
    assert copied == [tuple(row) for row in trail] and len(copied) == 1
