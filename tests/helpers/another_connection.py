"""A second connection to the data a test has open, as another program or coordinator has."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

import psycopg2

from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore


@contextlib.contextmanager
def another_connection(store: DataFile | ServerStore) -> Iterator[Callable[[str], None]]:
    """A function running a statement on a connection of its own, each committed at once."""
    if isinstance(store, ServerStore):
        server = psycopg2.connect(dbname=store.database.database, **store.database.connect_params)
        server.autocommit = True
        try:
            yield lambda statement: server.cursor().execute(statement)
        finally:
            server.close()
        return
    file = sqlite3.connect(store.path, isolation_level=None)
    try:
        yield lambda statement: file.execute(statement) and None
    finally:
        file.close()
