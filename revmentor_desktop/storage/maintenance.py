"""Housekeeping the store does on request, named for what it achieves, not how SQLite does it."""

from __future__ import annotations

from peewee import Database, PeeweeException

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.disk import is_disk_full
from revmentor_desktop.storage.models import ALL_MODELS, database_proxy


def reclaim_space() -> bool:
    """Rewrite the open data so no bytes of deleted or blanked values remain, in the file or in
    its write-ahead log (after an erasure, say).

    Returns False when the disk is too full to rewrite the file: what was deleted stays deleted
    (secure_delete has already overwritten the values), only compacting failed.
    """
    database = database_proxy.obj
    if is_server(database):
        # The server reclaims dead rows itself (autovacuum); a VACUUM cannot run inside the
        # transaction the change is in, and would not reach its write-ahead log or backups.
        return True
    try:
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.execute_sql("VACUUM")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except PeeweeException as error:
        if not is_disk_full(error):
            raise
        return False
    return True


def settle_after_bulk_load(database: Database) -> None:
    """After a whole programme was written to a server at once (a copy onto it): bring the
    planner's statistics and the map of rows every transaction sees up to date now, rather than
    when the server's autovacuum next passes (a minute or more later). Until then the lists
    cannot read from their indexes alone (migration 13) and a search keystroke reads the
    table. Outside any transaction; a data file needs nothing."""
    if not is_server(database):
        return
    tables = ", ".join(f'"{model._meta.table_name}"' for model in ALL_MODELS)
    database.execute_sql(f"VACUUM (ANALYZE) {tables}")
