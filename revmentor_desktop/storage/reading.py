"""Reading a data file without taking the writer lock, for exports while the app has it open.

The connection is ``query_only``: it cannot change a byte even by mistake. Everything read inside
``open_for_reading`` comes from one read transaction, so an export is a consistent snapshot even
while the window is saving changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from peewee import SqliteDatabase

from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.inspection import inspect_data_file, reading_uri
from revmentor_desktop.storage.models import database_proxy

READING_PRAGMAS = {"query_only": 1, "foreign_keys": 1, "busy_timeout": 10_000}


@contextlib.contextmanager
def open_for_reading(path: Path) -> Iterator[SqliteDatabase]:
    """Bind the models to a read-only connection to ``path``; restore the old binding after."""
    path = Path(path).absolute()
    report = inspect_data_file(path, full_check=False)
    if report.needs_migration:
        raise DataFileError(
            path,
            "is in an older format that has to be upgraded before it can be read.",
            "Open it once in RevMentor (it backs the file up and upgrades it), then try again.",
        )
    database = SqliteDatabase(reading_uri(path), uri=True, pragmas=READING_PRAGMAS, timeout=10)
    database.connect()
    previous = database_proxy.obj
    database_proxy.initialize(database)
    try:
        with database.atomic():  # one read transaction: one consistent snapshot
            yield database
    finally:
        database.close()
        database_proxy.initialize(previous)
