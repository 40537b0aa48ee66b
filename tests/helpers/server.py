"""A PostgreSQL server for the tests that run on both stores.

``REVMENTOR_TEST_SERVER`` names a database the tests may connect to as a role allowed to create
databases (CI sets it: .ci/run). Each test that runs on the server gets a new, empty database of
its own beside that one, dropped afterwards. Without the variable, the same default address is
tried; only when nothing answers there are the server tests skipped (CI always sets it, so a
server that does not answer fails there instead).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

from peewee import OperationalError, PostgresqlDatabase, ProgrammingError

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
    import pytest

    admin_url = test_server_url()
    if admin_url is None:
        pytest.skip(
            f"no PostgreSQL server answers at {DEFAULT_TEST_SERVER} and {TEST_SERVER_VARIABLE} "
            "is not set"
        )
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"revmentor_test_{os.getpid()}_{worker}_{next(_numbers)}"
    admin = _connected(admin_url)
    try:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
        # Text sorted by letter code, as README has the database created: as a data file sorts.
        admin.execute_sql(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
        )
        try:
            yield address_of(admin_url, name)
        finally:
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
