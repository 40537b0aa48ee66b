"""Moving every row of a programme from one database to another (a data file and a server,
either way) and proving the two hold the same: a row count and a checksum per table.

Rows travel as the models read them (dates, flags and tag lists as Python values), so each
store writes them in its own way; the checksum is taken from those same values, so a file and a
server holding the same programme give the same figures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from peewee import Database, SqliteDatabase, chunked

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import ALL_MODELS, BaseModel, binding_models_to

_ROWS_PER_INSERT = 200


@dataclass(frozen=True)
class TableFigures:
    rows: int
    checksum: str


Fingerprint = dict[str, TableFigures]


def _rows(model: type[BaseModel]) -> Iterator[dict[str, object]]:
    primary_key = model._meta.primary_key
    yield from model.select().order_by(primary_key).dicts().iterator()


def fingerprint(database: Database) -> Fingerprint:
    """Each table's row count and a checksum of its rows, in key order."""
    figures: Fingerprint = {}
    with binding_models_to(database):
        for model in ALL_MODELS:
            digest, count = hashlib.sha256(), 0
            for row in _rows(model):
                digest.update(json.dumps(row, default=str, sort_keys=True).encode("utf-8"))
                count += 1
            figures[model._meta.table_name] = TableFigures(count, digest.hexdigest()[:16])
    return figures


def holds_a_programme(database: Database) -> bool:
    """Whether any table but the settings has a row (the settings hold the calendar's identity
    from the start)."""
    with binding_models_to(database):
        return any(
            model.select().exists() for model in ALL_MODELS if model._meta.table_name != "setting"
        )


def copy_rows(source: Database, target: Database) -> None:
    """Replace every row of ``target`` (inside the caller's transaction) with ``source``'s."""
    with binding_models_to(target):
        _defer_links(target)
        for model in reversed(ALL_MODELS):
            model.delete().execute()
        for model in ALL_MODELS:
            with binding_models_to(source):
                rows = list(_rows(model))
            for chunk in chunked(rows, _ROWS_PER_INSERT):
                model.insert_many(chunk).execute()
            _continue_numbering_after(model, target)


def _defer_links(database: Database) -> None:
    """Rows may point at rows still to come (a manager after their report): check at commit."""
    if isinstance(database, SqliteDatabase):
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
    else:
        database.execute_sql("SET CONSTRAINTS ALL DEFERRED")


def _continue_numbering_after(model: type[BaseModel], database: Database) -> None:
    """Copied rows keep their ids; the server's next id must follow the highest of them."""
    if not is_server(database) or model._meta.primary_key.name != "id":
        return
    table = model._meta.table_name
    if model._meta.primary_key.field_type != "AUTO":
        return
    database.execute_sql(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"COALESCE(MAX(id), 0) + 1, false) FROM {table}"
    )
