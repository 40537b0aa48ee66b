"""Before a server's programme is upgraded, a copy of it as a data file in its old format.

A data file is copied byte for byte before its upgrade (``backup.automatic_backup``). A server
database cannot be, and the models (``transfer``) describe only this version's tables, so the
copy is built the way the old version built its files: the numbered migrations up to the
server's version make an empty data file, then every table's rows are read column by column
from the server. The RevMentor that wrote the server's programme opens the copy as its own
file; nothing of the server's own backups (its administrator's) is needed to go back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from peewee import PostgresqlDatabase, SqliteDatabase

from revmentor_desktop.paths import DATA_FILE_SUFFIX, server_backup_folder
from revmentor_desktop.storage import files
from revmentor_desktop.storage.audit import ACTOR_TABLE, AUDIT_TABLE
from revmentor_desktop.storage.backup import BEFORE_MIGRATION, free_backup_path
from revmentor_desktop.storage.errors import BackupError
from revmentor_desktop.storage.inspection import inspect_data_file
from revmentor_desktop.storage.migrations import migrate

_ROWS_PER_BATCH = 2_000


def backups_before_upgrade(url: str, database_name: str) -> list[Path]:
    """The copies taken before upgrades of this server's database, oldest first."""
    stem = _stem(url, database_name)
    folder = server_backup_folder()
    return sorted(folder.glob(f"{stem} *{DATA_FILE_SUFFIX}")) if folder.is_dir() else []


def back_up_before_upgrade(
    url: str, database: PostgresqlDatabase, version: int, now: datetime | None = None
) -> Path:
    """Write the programme ``database`` holds (at schema ``version``) to a new data file of
    that version in ``server_backup_folder``, checked; returns its path."""
    folder = server_backup_folder()
    named_like = Path(_stem(url, database.database) + DATA_FILE_SUFFIX)
    when = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = free_backup_path(folder, named_like, when, BEFORE_MIGRATION)
        with files.replacing(target) as partial:
            _write_copy(database, partial, version)
            inspect_data_file(partial)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(folder, f"could not take a copy of the programme ({error}).") from error
    return target


def _stem(url: str, database_name: str) -> str:
    host = urlsplit(url).hostname or "this computer"
    return f"{database_name} on {host}"


def _write_copy(server: PostgresqlDatabase, path: Path, version: int) -> None:
    copy = SqliteDatabase(str(path), pragmas={"journal_mode": "delete"})
    copy.connect()
    try:
        migrate(copy, target_version=version)
        with copy.atomic():
            tables = _tables_of(copy)
            for table in tables:
                _copy_table(server, copy, table)
            _check_counts(server, copy, tables, path)
    finally:
        copy.close()


def _tables_of(copy: SqliteDatabase) -> list[str]:
    """The programme's tables in the copy, the audit trail last: copying the others adds to
    it (its triggers), and it is then replaced by the server's own."""
    names = [name for name in copy.get_tables() if name != ACTOR_TABLE]
    return sorted(names, key=lambda name: name == AUDIT_TABLE)


def _copy_table(server: PostgresqlDatabase, copy: SqliteDatabase, table: str) -> None:
    columns = [column.name for column in copy.get_columns(table)]
    listed = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    copy.execute_sql(f'DELETE FROM "{table}"')
    cursor = server.execute_sql(f'SELECT {listed} FROM "{table}" ORDER BY 1')
    connection = copy.connection()
    for batch in _batches(cursor):
        connection.executemany(
            f'INSERT INTO "{table}" ({listed}) VALUES ({marks})',
            [tuple(_as_stored_in_a_file(value) for value in row) for row in batch],
        )


def _batches(cursor: object) -> Iterator[list[tuple[object, ...]]]:
    while batch := cursor.fetchmany(_ROWS_PER_BATCH):  # type: ignore[attr-defined]
        yield batch


def _as_stored_in_a_file(value: object) -> object:
    """A server's value as a data file keeps it: dates and times as ISO text (as peewee writes
    them), flags as 0 and 1 (``bool`` is an ``int`` already)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _check_counts(
    server: PostgresqlDatabase, copy: SqliteDatabase, tables: Iterable[str], path: Path
) -> None:
    for table in tables:
        (on_server,) = server.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()
        (copied,) = copy.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()
        if copied != on_server:
            raise BackupError(
                path, f"holds {copied} rows of {table} where the server holds {on_server}."
            )
