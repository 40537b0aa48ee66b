"""A PostgreSQL server for the tests that run on both stores.

``REVMENTOR_TEST_SERVER`` names a database the tests may connect to as a role allowed to create
databases (CI sets it: .ci/run). Each test that runs on the server gets a new database of its own
beside that one, dropped afterwards: an empty one, or (``new_programme_database``) a copy of a
programme database this test process built once, so that the migrations run once per process
rather than once per test. Without the variable, the same default address is tried; only when
nothing answers there are the server tests skipped (CI always sets it, so a server that does not
answer fails there instead).
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import time
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

from peewee import OperationalError, PostgresqlDatabase, ProgrammingError

from revmentor_desktop.storage.server import connect, prepare_schema

TEST_SERVER_VARIABLE = "REVMENTOR_TEST_SERVER"
DEFAULT_TEST_SERVER = "postgresql:///revmentor_test"
_numbers = itertools.count(1)


def _connected(url: str) -> PostgresqlDatabase:
    name = urlsplit(url).path.lstrip("/")
    database = PostgresqlDatabase(name, dsn=url, connect_timeout=5)
    database.connect()
    return database


@cache
def test_server_url() -> str | None:
    """The administering database's address; None when no variable is set and no server answers
    at the default address (then server tests are skipped)."""
    url = os.environ.get(TEST_SERVER_VARIABLE)
    if url:
        return url  # a server that does not answer now fails the tests: CI expects it
    try:
        _connected(DEFAULT_TEST_SERVER).close()
    except OperationalError:
        return None
    return DEFAULT_TEST_SERVER


def address_of(url: str, database_name: str) -> str:
    """``url`` naming another database on the same server (``urlunsplit`` would drop the
    empty host of a local-socket address)."""
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme}://{parts.netloc}/{database_name}{query}"


@contextlib.contextmanager
def new_server_database() -> Iterator[str]:
    """The address of a new, empty database, dropped when the block ends."""
    with _new_database("template0") as url:
        yield url


@contextlib.contextmanager
def new_programme_database() -> Iterator[str]:
    """The address of a new database holding an empty programme (the schema at the latest
    version, as ``ServerStore.open(create=True)`` leaves it), dropped when the block ends."""
    with _new_database(_programme_template(_admin_url())) as url:
        yield url


def _admin_url() -> str:
    import pytest

    admin_url = test_server_url()
    if admin_url is None:
        pytest.skip(
            f"no PostgreSQL server answers at {DEFAULT_TEST_SERVER} and {TEST_SERVER_VARIABLE} "
            "is not set"
        )
    return admin_url


def _database_name(kind: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"revmentor_{kind}_{os.getpid()}_{worker}_{next(_numbers)}"


@contextlib.contextmanager
def _new_database(template: str) -> Iterator[str]:
    admin_url = _admin_url()
    name = _database_name("test")
    admin = _connected(admin_url)
    try:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
        # Text sorted by letter code, as README has the database created: as a data file sorts.
        # A copy of another template keeps that template's (the programme template's is C too).
        collation = " LC_COLLATE 'C'" if template == "template0" else ""
        admin.execute_sql(
            f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\'{collation}'
        )
        try:
            yield address_of(admin_url, name)
        finally:
            _drop(admin, name)
    finally:
        admin.close()


@cache
def _programme_template(admin_url: str) -> str:
    """A database this process migrates once and each programme database is copied from
    (copying takes a fraction of the time the migrations do); dropped when the process ends.
    Nothing stays connected to it, as copying requires."""
    name = _database_name("template")
    admin = _connected(admin_url)
    try:
        admin.execute_sql(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
        )
    finally:
        admin.close()
    atexit.register(_drop_when_done, admin_url, name)
    url = address_of(admin_url, name)
    database = connect(url, name)
    try:
        prepare_schema(url, database, create=True)
    finally:
        database.close()
    return name


def _drop_when_done(admin_url: str, name: str) -> None:
    admin = _connected(admin_url)
    try:
        _drop(admin, name)
    finally:
        admin.close()


def _drop(admin: PostgresqlDatabase, name: str) -> None:
    """Drop a test's database, ending connections the test left open (FORCE). FORCE may also
    have to stop the server's own autovacuum worker on it, which needs ``pg_signal_backend``
    (``.ci/run`` grants it); without that right, wait for the worker and drop plainly."""
    try:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    except ProgrammingError as error:
        if "pg_signal_backend" not in str(error):
            raise
    for _attempt in range(50):
        try:
            admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except OperationalError:  # still in use by autovacuum for a moment
            time.sleep(0.1)
    admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
