"""Row snapshots: what some rows looked like, and putting them back exactly (for undo/redo).

An edit names only its root rows ("this person", "this pair"). Which other rows it may touch
follows from the schema: a delete of a root reaches its ON DELETE CASCADE children (and theirs),
and clears the links of ON DELETE SET NULL referrers. ``capture`` records all of those, so a
new table with a foreign key is covered without anyone listing it. The order rows are put back
in is the models' foreign-key order: parents first for inserts, children first for deletes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from peewee import Expression, ForeignKeyField, SqliteDatabase, Value, chunked

from revmentor_desktop.storage.models import ALL_MODELS, BaseModel, database_proxy

RowKey = tuple[str, Any]  # (table name, primary key)
Snapshot = dict[RowKey, dict[str, Any] | None]  # None: the row does not exist

# How many keys go into one ``IN (...)`` list, well below every database's parameter limit.
_KEYS_PER_QUERY = 500
_CASCADE, _SET_NULL = "CASCADE", "SET NULL"


@dataclass(frozen=True)
class Scope:
    """Root rows of an edit: the rows of ``model`` matching ``where``."""

    model: type[BaseModel]
    where: Expression


_MODEL_BY_TABLE = {model._meta.table_name: model for model in ALL_MODELS}


def capture(scopes: Iterable[Scope]) -> Snapshot:
    """The rows of ``scopes`` and every row a delete of them would cascade to or unlink."""
    snapshot: Snapshot = {}
    followed: set[RowKey] = set()
    for scope in scopes:
        _capture_with_dependents(scope.model, scope.where, snapshot, followed)
    return snapshot


def _capture_with_dependents(
    model: type[BaseModel], where: Expression, into: Snapshot, followed: set[RowKey]
) -> None:
    """Read the matching rows, then follow their referrers once per row (links may loop)."""
    table = model._meta.table_name
    keys = [key for key in _read_rows(model, where, into) if (table, key) not in followed]
    followed.update((table, key) for key in keys)
    for foreign_key in _referrers(model):
        for chunk in chunked(keys, _KEYS_PER_QUERY):
            condition = foreign_key.in_(chunk)
            if _on_delete(foreign_key) == _CASCADE:
                _capture_with_dependents(foreign_key.model, condition, into, followed)
            else:  # SET NULL: the row itself changes, nothing below it does
                _read_rows(foreign_key.model, condition, into)


def _referrers(model: type[BaseModel]) -> list[ForeignKeyField]:
    """Foreign keys a delete of a ``model`` row reaches (RESTRICT ones make it fail instead)."""
    return [field for field in model._meta.backrefs if _on_delete(field) in (_CASCADE, _SET_NULL)]


def _on_delete(field: ForeignKeyField) -> str:
    return (field.on_delete or "NO ACTION").upper()


def _read_rows(model: type[BaseModel], where: Expression, into: Snapshot) -> list[Any]:
    """Add the matching rows to ``into`` as stored (no Python conversion); return their keys."""
    fields = model._meta.sorted_fields
    key_column = model._meta.primary_key.column_name
    cursor = model._meta.database.execute(model.select(*fields).where(where))
    keys = []
    for values in cursor.fetchall():
        row = dict(zip((field.column_name for field in fields), values, strict=True))
        keys.append(row[key_column])
        into[(model._meta.table_name, row[key_column])] = row
    return keys


def capture_after(before: Snapshot, scopes: Iterable[Scope]) -> Snapshot:
    """The same rows as ``before`` (found by key, wherever they are now) plus ``scopes``' rows.

    Rows of ``before`` that no longer exist are recorded as absent (None). Rows that left the
    scopes (a report whose manager was deleted) are read alone: their own dependents were not
    in ``before``, so they are not part of the edit.
    """
    after = capture(scopes)
    for table, keys in _keys_by_table(before.keys() - after.keys()).items():
        model = _MODEL_BY_TABLE[table]
        for chunk in chunked(keys, _KEYS_PER_QUERY):
            _read_rows(model, model._meta.primary_key.in_(chunk), after)
        for key in keys:
            after.setdefault((table, key), None)
    return after


def changed_since(snapshot: Snapshot) -> list[RowKey]:
    """The rows of ``snapshot`` that no longer look as it recorded them: written since by
    someone else. A row at the recorded version is unchanged; one whose version moved is
    compared by content, since undo and redo advance versions while putting back the very
    values an earlier edit left."""
    now: Snapshot = {}
    for table, keys in _keys_by_table(snapshot).items():
        model = _MODEL_BY_TABLE[table]
        for chunk in chunked(keys, _KEYS_PER_QUERY):
            _read_rows(model, model._meta.primary_key.in_(chunk), now)
    return [key for key, row in snapshot.items() if not _same_row(row, now.get(key))]


def _same_row(recorded: dict[str, Any] | None, now: dict[str, Any] | None) -> bool:
    if recorded is None or now is None:
        return recorded is now
    if "version" in recorded and recorded["version"] == now["version"]:
        return True
    return _without_version(recorded) == _without_version(now)


def _without_version(row: dict[str, Any]) -> dict[str, Any]:
    return {column: value for column, value in row.items() if column != "version"}


def _keys_by_table(keys: Iterable[RowKey]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for table, key in keys:
        grouped.setdefault(table, []).append(key)
    return grouped


def complete(before: Snapshot, after: Snapshot) -> tuple[Snapshot, Snapshot]:
    """Only the rows the edit changed, on both sides; a row only in one snapshot did not
    exist in the other and is marked absent (None).

    A capture reaches every row a delete could touch (all of a cohort's sessions, say); an
    edit keeps only those that differ, so undo and redo write no more than the edit did.
    """
    keys = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    return (
        {key: before.get(key) for key in keys},
        {key: after.get(key) for key in keys},
    )


@cache
def parents_first() -> tuple[str, ...]:
    """Table names ordered so that every table comes after the tables it points at.

    Links of a table to itself (a manager) do not constrain the order; their checks wait
    until commit (see ``restore``).
    """
    ordered: list[type[BaseModel]] = []
    waiting = list(ALL_MODELS)
    while waiting:
        ready = [model for model in waiting if _parents(model) <= set(ordered)]
        if not ready:
            raise ValueError("The models' foreign keys form a cycle; undo cannot order them.")
        ordered += ready
        waiting = [model for model in waiting if model not in ready]
    return tuple(model._meta.table_name for model in ordered)


def _parents(model: type[BaseModel]) -> set[type[BaseModel]]:
    return {parent for parent in model._meta.refs.values() if parent is not model}


def restore(snapshot: Snapshot) -> None:
    """Make every row named in ``snapshot`` look as it did (``None``: the row must not exist).

    The caller provides the transaction. Deletions run children first, then inserts and
    updates parents first. Rows are deleted and inserted a chunk a statement: undoing and
    redoing an import writes thousands of rows, and one statement each took seconds.
    """
    _defer_foreign_key_checks()
    position = {table: index for index, table in enumerate(parents_first())}
    order = sorted(snapshot, key=lambda row_key: position[row_key[0]])
    for table, keys in _runs_by_table(reversed(order)):
        _delete_rows(
            _MODEL_BY_TABLE[table], [key for key in keys if snapshot[(table, key)] is None]
        )
    for table, keys in _runs_by_table(order):
        rows = {key: snapshot[(table, key)] for key in keys}
        _write_rows(_MODEL_BY_TABLE[table], {key: row for key, row in rows.items() if row})


def _runs_by_table(keys: Iterable[RowKey]) -> Iterator[tuple[str, list[Any]]]:
    """The keys of each table in turn, as they come (``keys`` are sorted by table)."""
    for table, run in groupby(keys, key=itemgetter(0)):
        yield table, [key for _table, key in run]


def _delete_rows(model: type[BaseModel], keys: list[Any]) -> None:
    for chunk in chunked(keys, _KEYS_PER_QUERY):
        model.delete().where(model._meta.primary_key.in_(chunk)).execute()


def _write_rows(model: type[BaseModel], rows: dict[Any, dict[str, Any]]) -> None:
    """Update the rows that exist, insert the others; values are written as stored, bypassing
    the fields' conversions, so they come back exact."""
    primary_key = model._meta.primary_key
    existing: set[Any] = set()
    for chunk in chunked(list(rows), _KEYS_PER_QUERY):
        existing.update(
            key for (key,) in model.select(primary_key).where(primary_key.in_(chunk)).tuples()
        )
    for key in existing:
        model.update(_stored(model, rows[key])).where(primary_key == key).execute()
    missing = [_stored(model, row) for key, row in rows.items() if key not in existing]
    if missing:
        # SQLite takes 999 values a statement in older versions: a chunk stays below that.
        per_statement = max(1, 900 // len(missing[0]))
        for chunk in chunked(missing, per_statement):
            model.insert_many(chunk).execute()


def _stored(model: type[BaseModel], values: dict[str, Any]) -> dict[Any, Value]:
    columns = model._meta.columns
    return {columns[name]: Value(value, unpack=False) for name, value in values.items()}


def _defer_foreign_key_checks() -> None:
    """Rows may point at each other (a manager and a report): check the links at commit."""
    if isinstance(database_proxy.obj, SqliteDatabase):
        database_proxy.execute_sql("PRAGMA defer_foreign_keys = ON")
    else:  # the server's links are made DEFERRABLE by the migrations for this
        database_proxy.execute_sql("SET CONSTRAINTS ALL DEFERRED")
