"""A value that changes whenever the open data source changes, whoever changes it: for results
worked out from the data (the programme figures) that may be kept while it stays the same.

A data file asks SQLite two things, both free: ``PRAGMA data_version``, which moves when another
connection (another program, a command run beside the window) commits a change, and the
connection's own count of rows it has changed (``total_changes``), which the pragma does not
see. A server asks PostgreSQL for its current snapshot (``pg_current_snapshot()``): it moves
when any transaction that changed something commits, this connection's own included. Neither
reads a table, so asking costs microseconds on a file and one round trip on a server.

Each value also names the connection it was read on, so a result kept from one data source is
never taken for another's, nor for the same file opened anew. Inside a transaction there is no
version (None): changes not yet committed would not move it.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import Any

from peewee import Database

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import database_proxy

_SERIALS = itertools.count(1)
_CONNECTION_ATTRIBUTE = "_revmentor_connection_serial"


def data_version() -> Hashable | None:
    """The open data source's version now; None inside a transaction."""
    database = database_proxy.obj
    if database.in_transaction():
        return None
    serial = _connection_serial(database)
    if is_server(database):
        snapshot = database.execute_sql("SELECT pg_current_snapshot()::text").fetchone()[0]
        return (serial, snapshot)
    changed_elsewhere = database.execute_sql("PRAGMA data_version").fetchone()[0]
    return (serial, changed_elsewhere, database.connection().total_changes)


def _connection_serial(database: Database) -> int:
    """A number for the connection ``database`` has open now, new for each connection made
    (a reopened file starts its change counts again)."""
    connection: Any = database.connection()
    known = getattr(database, _CONNECTION_ATTRIBUTE, None)
    if known is None or known[0] is not connection:
        known = (connection, next(_SERIALS))
        setattr(database, _CONNECTION_ATTRIBUTE, known)
    return int(known[1])
