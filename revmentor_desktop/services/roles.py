"""Who may do what in a programme on a server: the group roles, and who belongs to them.

Only a server has roles; on a data file the operating system's file permissions decide, so
these refuse a data file with plain words (see ``storage.server_roles`` for the roles).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from peewee import PeeweeException, PostgresqlDatabase

from revmentor_desktop.services import server_passwords
from revmentor_desktop.services.location import DataLocation, ServerLocation
from revmentor_desktop.storage import server, server_roles
from revmentor_desktop.storage.server_roles import Group, Member, ProgrammeRoles, RoleProblem

__all__ = ["Group", "Member", "ProgrammeRoles", "RoleProblem", "grant", "members", "revoke"]


@contextlib.contextmanager
def _programme_database(location: DataLocation) -> Iterator[tuple[PostgresqlDatabase, str]]:
    if not isinstance(location, ServerLocation):
        raise RoleProblem(
            f"{location} is a data file: roles exist only for a database on a server. Who may "
            "open a data file is decided by its folder's permissions."
        )
    database = server_passwords.connect(location)
    try:
        server.prepare_schema(location.url, database, create=False)
        yield database, location.database_name
    except PeeweeException as error:
        raise RoleProblem(f"The server refused: {server.first_line(error)}") from error
    finally:
        database.close()


def set_up(location: DataLocation) -> ProgrammeRoles:
    with _programme_database(location) as (database, name):
        return server_roles.set_up(database, name)


def grant(location: DataLocation, login_role: str, group: Group, site: str | None) -> None:
    with _programme_database(location) as (database, name):
        server_roles.grant(database, name, login_role, group, site)


def revoke(location: DataLocation, login_role: str, group: Group) -> None:
    with _programme_database(location) as (database, name):
        server_roles.revoke(database, name, login_role, group)


def members(location: DataLocation) -> list[Member]:
    with _programme_database(location) as (database, name):
        return server_roles.members(database, name)
