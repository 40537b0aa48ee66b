"""A programme kept in a database on a PostgreSQL server: the second store beside the data file.

The same models and the same numbered migrations serve both. The server looks after what the
data file's code does by hand (durability, locking, its own backups); this module connects,
checks the database is RevMentor's at a version this app understands, upgrades an older one
(in one transaction) and binds the models to it.

Passwords are libpq's business first: it reads them from ~/.pgpass, a service file or
PGPASSWORD, and the address (``ServerLocation``) is refused when it holds one. Only when the
server asks for a password libpq did not find does ``connect`` ask the caller's
``PasswordLookup`` (the services layer's: one typed in the window, or the system keyring).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

import psycopg2
from peewee import PeeweeException, PostgresqlDatabase

from revmentor_desktop import paths
from revmentor_desktop.storage import server_backup
from revmentor_desktop.storage.errors import DataFileError, ServerProblem
from revmentor_desktop.storage.migrations import (
    LATEST_VERSION,
    SERVER_VERSION_TABLE,
    migrate,
    schema_version,
)
from revmentor_desktop.storage.models import database_proxy

log = logging.getLogger(__name__)
CONNECT_SECONDS = 10
# PostgreSQL delivers a notification only to listeners on the same database, so one name serves
# every programme on a server: each database is a channel of its own.
CHANGES_CHANNEL = "revmentor_changes"
_CHANGING_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")
PGPASS_HELP = (
    "Put the password in ~/.pgpass, one line per server, readable by you alone "
    "(chmod 600 ~/.pgpass): host:port:database:user:password, for example "
    "dbhost:5432:mentoring:anna:secret (a * matches any value). A PostgreSQL service file or "
    "the PGPASSWORD variable work too; or type it in File → Connect to a server…, which can "
    "keep it in this computer's keyring."
)
WRONG_PASSWORD_HELP = (
    "Type the password again in File → Connect to a server…, or correct it in ~/.pgpass "
    "(or the service file or PGPASSWORD) where the PostgreSQL client found it."
)
# The server's address -> a password for it, or None: asked only when the server wants one.
PasswordLookup = Callable[[str], "str | None"]


class AnnouncingDatabase(PostgresqlDatabase):
    """A connection that tells the other coordinators' windows when it changed rows: a NOTIFY on
    ``CHANGES_CHANNEL`` with each commit that wrote something. Sent inside the transaction, the
    notification arrives when the change is committed, and never for a change rolled back."""

    _changes_pending = False

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        cursor = super().execute_sql(sql, params)
        if sql.lstrip()[:8].upper().startswith(_CHANGING_STATEMENTS):
            if self.in_transaction():
                self._changes_pending = True
            else:  # a statement of its own is committed at once
                super().execute_sql(f"NOTIFY {CHANGES_CHANNEL}")
        return cursor

    def commit(self) -> None:
        if self._changes_pending:
            self._changes_pending = False
            super().execute_sql(f"NOTIFY {CHANGES_CHANNEL}")
        super().commit()

    def rollback(self) -> None:
        self._changes_pending = False
        super().rollback()


def connect(
    url: str, database_name: str, passwords: PasswordLookup | None = None
) -> AnnouncingDatabase:
    """An open connection to the database ``url`` names, or ``ServerProblem`` saying why not.
    When the server asks for a password libpq did not find (or refuses the one it found),
    ``passwords`` is asked for one and the connection tried once more with it."""
    try:
        return _connected(url, database_name)
    except PeeweeException as error:
        password = passwords(url) if passwords is not None and _wants_password(error) else None
        if not password:
            raise _connection_problem(url, error) from error
    try:
        return _connected(url, database_name, password)
    except PeeweeException as error:
        raise _connection_problem(url, error) from error


def _connected(url: str, database_name: str, password: str | None = None) -> AnnouncingDatabase:
    options: dict[str, Any] = {"password": password} if password else {}
    database = AnnouncingDatabase(
        database_name, dsn=url, connect_timeout=CONNECT_SECONDS, **options
    )
    database.connect()
    return database


def _wants_password(error: BaseException) -> bool:
    text = str(error)
    return "no password supplied" in text or "password authentication failed" in text


def _connection_problem(url: str, error: BaseException) -> ServerProblem:
    text = str(error)
    if "no password supplied" in text:
        return ServerProblem(url, "asks for a password, and none was found for it.", PGPASS_HELP)
    if "password authentication failed" in text:
        return ServerProblem(url, "refused the password given for it.", WRONG_PASSWORD_HELP)
    return ServerProblem(
        url,
        f"could not be reached ({first_line(error)}).",
        "Check the address, that the server is running, and that your ~/.pgpass (or "
        "service file) holds the password for this database and role.",
    )


class ChangeListener:
    """A connection of its own that LISTENs for the commits of other connections to the same
    database. The window watches ``fileno`` and calls ``changed_elsewhere`` when it is
    readable; nothing here waits."""

    def __init__(
        self,
        url: str,
        database_name: str,
        own_backend: int | None,
        passwords: PasswordLookup | None = None,
    ) -> None:
        self._database = connect(url, database_name, passwords)
        self._own_backend = own_backend  # this app's own changes are refreshed as they are made
        self._database.execute_sql(f"LISTEN {CHANGES_CHANNEL}")
        self.lost = False

    def fileno(self) -> int:
        return int(self._database.connection().fileno())

    def changed_elsewhere(self) -> bool:
        """Read what has arrived: True when another connection committed a change. A lost
        connection sets ``lost`` (and reports no change)."""
        connection = self._database.connection()
        try:
            connection.poll()
        except psycopg2.Error:
            self.lost = True
            return False
        arrived, connection.notifies[:] = list(connection.notifies), []
        return any(notice.pid != self._own_backend for notice in arrived)

    def close(self) -> None:
        with contextlib.suppress(PeeweeException, psycopg2.Error):
            self._database.close()


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class ServerStore:
    """A server database open for changes, with the models bound to it until ``close``."""

    def __init__(
        self, url: str, database: PostgresqlDatabase, passwords: PasswordLookup | None = None
    ) -> None:
        self.url = url
        self.database = database
        self._passwords = passwords

    @classmethod
    def open(
        cls,
        url: str,
        database_name: str,
        *,
        create: bool = False,
        passwords: PasswordLookup | None = None,
    ) -> ServerStore:
        """Open the database; ``create`` builds the schema in an empty one. Refuses a
        database that is not RevMentor's, or newer than this version, leaving it untouched."""
        database = connect(url, database_name, passwords)
        try:
            prepare_schema(url, database, create=create)
        except BaseException:
            database.close()
            raise
        database_proxy.initialize(database)
        return cls(url, database, passwords)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.database.atomic():
            yield

    def listen_for_changes(self) -> ChangeListener:
        """A listener for what other coordinators commit to this database from now on."""
        own = self.database.connection().get_backend_pid()
        return ChangeListener(self.url, self.database.database, own, self._passwords)

    def explain_failure(self, error: BaseException) -> DataFileError | None:
        """The server reports its own problems in words of its own: nothing to restate."""
        return None

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()
        if database_proxy.obj is self.database:
            database_proxy.initialize(None)

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(
        self, exc_type: object, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def prepare_schema(url: str, database: PostgresqlDatabase, *, create: bool) -> list[int]:
    """Check the schema, and build or upgrade it (an older one after a copy of it is written,
    ``server_backup``); returns the versions applied."""
    version = schema_version(database)
    if version == 0:
        others = [name for name in database.get_tables() if name != SERVER_VERSION_TABLE]
        if others:
            raise ServerProblem(
                url,
                f"holds other tables ({', '.join(sorted(others)[:3])}…), not a RevMentor "
                "programme; nothing was changed.",
                "Give RevMentor a database of its own.",
            )
        if not create:
            raise ServerProblem(
                url,
                "holds no RevMentor programme yet.",
                f"Create one with: revmentor --data {url} new",
            )
    elif version > LATEST_VERSION:
        raise ServerProblem(
            url,
            f"was written by a newer RevMentor (data format {version}; this version reads up "
            f"to {LATEST_VERSION}); nothing was changed.",
            "Update RevMentor on this computer.",
        )
    elif version < LATEST_VERSION:
        _back_up_before_upgrade(url, database, version)
    try:
        return migrate(database)
    except PeeweeException as error:
        raise ServerProblem(
            url,
            f"could not be upgraded to this version's data format ({first_line(error)}).",
            "The upgrade was undone: the database is as it was.",
        ) from error


def _back_up_before_upgrade(url: str, database: PostgresqlDatabase, version: int) -> None:
    try:
        written = server_backup.back_up_before_upgrade(url, database, version)
    except (DataFileError, PeeweeException) as error:
        reason = error.problem if isinstance(error, DataFileError) else first_line(error)
        raise ServerProblem(
            url,
            f"needs an upgrade to this version's data format, and the copy taken first could "
            f"not be written ({reason}); nothing was changed.",
            f"Make room in {paths.server_backup_folder()}, or ask whoever runs the server.",
        ) from error
    log.info("Copied %s before its upgrade from data format %s: %s", url, version, written)
