"""Who may do what on a server, enforced by PostgreSQL: each person's login role is checked with
a plain SQL client (psycopg2), switching to it with SET ROLE as the administrator may."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest

from revmentor_desktop.services import data_sources
from revmentor_desktop.services.location import ServerLocation, server_location
from tests.helpers.cli import run
from tests.helpers.server import new_server_database
from tests.helpers.server import test_server_url as administering_url


@dataclass(frozen=True)
class Programme:
    location: ServerLocation
    people: dict[str, str]  # who → their login role on the server


def _admin(url: str) -> psycopg2.extensions.connection:
    connection = psycopg2.connect(url)
    connection.autocommit = True
    return connection


def _create_login_roles(url: str, who: list[str]) -> dict[str, str]:
    names = {person: f"revmentor_test_{os.getpid()}_{person}" for person in who}
    with _admin(url) as admin, admin.cursor() as cursor:
        for name in names.values():
            cursor.execute(f'DROP ROLE IF EXISTS "{name}"')
            cursor.execute(f'CREATE ROLE "{name}" LOGIN')
            # The administrator may act as the people they create: SET ROLE below.
            cursor.execute(f'GRANT "{name}" TO CURRENT_USER')
    return names


def _drop_roles(url: str, names: list[str]) -> None:
    with _admin(url) as admin, admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def programme(capsys: pytest.CaptureFixture[str]) -> Iterator[Programme]:
    """A programme with a cohort at each of two sites, one pair at each, its roles set up, and
    five people: a viewer, a coordinator, one kept to the North site, an owner, a newcomer."""
    with new_server_database() as url:
        location = server_location(url)
        data_sources.create(location, lambda: None)
        with _admin(url) as admin, admin.cursor() as cursor:
            cursor.execute(
                "INSERT INTO person (name, created_at, updated_at) VALUES "
                "('Ann', now(), now()), ('Ben', now(), now())"
            )
            for name, site in (("North 2025", "North"), ("South 2025", "South")):
                cursor.execute(
                    "INSERT INTO cohort (name, kind, site, created_at) "
                    "VALUES (%s, 'reverse', %s, now()) RETURNING id",
                    (name, site),
                )
                cursor.execute(
                    "INSERT INTO pair (cohort_id, mentor_id, mentee_id, direction, created_at) "
                    "SELECT %s, min(id), max(id), 'reverse', now() FROM person",
                    (cursor.fetchone()[0],),
                )
        people = _create_login_roles(url, ["viewer", "coordinator", "north", "owner", "newcomer"])
        assert run(capsys, "--data", url, "roles", "setup")[0] == 0
        for who, group, *site in (
            ("viewer", "viewer"),
            ("coordinator", "coordinator"),
            ("north", "coordinator", "--site", "North"),
        ):
            assert run(capsys, "--data", url, "roles", "grant", people[who], group, *site)[0] == 0
        with _admin(url) as admin, admin.cursor() as cursor:
            cursor.execute(f'GRANT "{location.database_name}_owner" TO "{people["owner"]}"')
        capsys.readouterr()
        yield Programme(location, people)
    groups = [f"{location.database_name}_{group}" for group in ("owner", "coordinator", "viewer")]
    _drop_roles(administering_url() or url, [*people.values(), *groups])


@pytest.fixture
def connect_as(programme: Programme) -> Iterator:
    connections: list[psycopg2.extensions.connection] = []

    def connect(who: str) -> psycopg2.extensions.cursor:
        connection = psycopg2.connect(programme.location.url)
        connection.autocommit = True
        connections.append(connection)
        cursor = connection.cursor()
        cursor.execute(f'SET ROLE "{programme.people[who]}"')
        return cursor

    yield connect
    for connection in connections:
        connection.close()


def _cohorts(cursor: psycopg2.extensions.cursor) -> list[str]:
    cursor.execute("SELECT name FROM cohort ORDER BY name")
    return [name for (name,) in cursor.fetchall()]


def test_a_viewer_reads_everything_and_cannot_change_anything(connect_as) -> None:
    viewer = connect_as("viewer")
    assert _cohorts(viewer) == ["North 2025", "South 2025"]
    viewer.execute("SELECT count(*) FROM pair")
    assert viewer.fetchone()[0] == 2
    for statement in (
        "INSERT INTO cohort (name, kind, created_at) VALUES ('Mine', 'reverse', now())",
        "UPDATE person SET name = 'Changed'",
        "DELETE FROM pair",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            viewer.execute(statement)


def test_a_coordinator_changes_the_programme_but_cannot_manage_roles(
    connect_as, programme: Programme
) -> None:
    coordinator = connect_as("coordinator")
    coordinator.execute(
        "INSERT INTO cohort (name, kind, created_at) VALUES ('Autumn', 'mutual', now())"
    )
    coordinator.execute("UPDATE person SET department = 'Sales' WHERE name = 'Ann'")
    assert _cohorts(coordinator) == ["Autumn", "North 2025", "South 2025"]
    newcomer = programme.people["newcomer"]
    for statement in (
        f'GRANT "{programme.location.database_name}_viewer" TO "{newcomer}"',
        "CREATE ROLE someone_else LOGIN",
        f"INSERT INTO coordinator_site (role_name, site) VALUES ('{newcomer}', 'North')",
        f"DELETE FROM coordinator_site WHERE role_name = '{programme.people['north']}'",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            coordinator.execute(statement)


def test_a_coordinator_kept_to_a_site_sees_and_changes_only_its_cohorts(connect_as) -> None:
    north = connect_as("north")
    assert _cohorts(north) == ["North 2025"]
    north.execute("SELECT count(*) FROM pair")
    assert north.fetchone()[0] == 1
    north.execute("UPDATE pair SET status = 'ended'")
    assert north.rowcount == 1
    everyone = connect_as("coordinator")
    everyone.execute(
        "SELECT c.name, p.status FROM pair p JOIN cohort c ON c.id = p.cohort_id ORDER BY 1"
    )
    assert everyone.fetchall() == [("North 2025", "ended"), ("South 2025", "proposed")]
    everyone.execute("SELECT id FROM cohort WHERE name = 'South 2025'")
    south_id = everyone.fetchone()[0]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        north.execute(
            "INSERT INTO pair (cohort_id, mentor_id, mentee_id, direction, created_at) "
            "SELECT %s, min(id), max(id), 'reverse', now() FROM person",
            (south_id,),
        )
    # A cohort they start belongs to their own site.
    north.execute(
        "INSERT INTO cohort (name, kind, created_at) VALUES ('North 2026', 'mutual', now())"
    )
    everyone.execute("SELECT site FROM cohort WHERE name = 'North 2026'")
    assert everyone.fetchone() == ("North",)


def test_an_owner_adds_people_and_keeps_them_to_a_site(connect_as, programme: Programme) -> None:
    owner = connect_as("owner")
    newcomer = programme.people["newcomer"]
    owner.execute(f'GRANT "{programme.location.database_name}_viewer" TO "{newcomer}"')
    owner.execute(f"INSERT INTO coordinator_site (role_name, site) VALUES ('{newcomer}', 'South')")
    assert _cohorts(connect_as("newcomer")) == ["South 2025"]


def test_roles_list_says_who_is_what(programme: Programme, capsys) -> None:
    status, out, _ = run(capsys, "--data", programme.location.url, "roles", "list")
    assert status == 0
    people = programme.people
    assert out.splitlines() == [
        f"{people['owner']}: owner",
        f"{people['coordinator']}: coordinator",
        f"{people['north']}: coordinator (site North)",
        f"{people['viewer']}: viewer",
    ]


def test_revoking_takes_the_rights_away(connect_as, programme: Programme, capsys) -> None:
    url, viewer = programme.location.url, programme.people["viewer"]
    assert run(capsys, "--data", url, "roles", "revoke", viewer, "viewer")[0] == 0
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        connect_as("viewer").execute("SELECT name FROM cohort")


def test_granting_a_role_nobody_created_says_how_to_create_it(programme: Programme, capsys) -> None:
    status, _, err = run(
        capsys, "--data", programme.location.url, "roles", "grant", "nobody_here", "viewer"
    )
    assert status == 1
    assert "There is no role 'nobody_here'" in err
    assert "CREATE ROLE nobody_here LOGIN" in err


def test_roles_on_a_data_file_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "programme.revmentor"
    status, _, err = run(capsys, "--data", str(path), "roles", "setup")
    assert status == 1
    assert "roles exist only for a database on a server" in err
