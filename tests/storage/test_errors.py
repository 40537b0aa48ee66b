"""Which failed queries suggest a damaged file, worth checking at once."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from revmentor_desktop.storage.errors import suggests_damage


@pytest.mark.parametrize(
    ("error", "damaged"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (peewee.DatabaseError("file is not a database"), True),
        (sqlite3.OperationalError("disk I/O error"), True),
        (peewee.OperationalError("database is locked"), False),
        (sqlite3.IntegrityError("UNIQUE constraint failed: person.email_key"), False),
        (ValueError("malformed date"), False),
    ],
)
def test_only_sqlite_saying_the_file_is_unreadable_suggests_damage(
    error: Exception, damaged: bool
) -> None:
    assert suggests_damage(error) is damaged
