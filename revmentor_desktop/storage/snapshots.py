"""Row snapshots: what some rows looked like, and putting them back exactly (for undo/redo)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import Expression

from revmentor_desktop.storage.models import ALL_MODELS, BaseModel

RowKey = tuple[str, int]  # (table name, id)


@dataclass(frozen=True)
class Scope:
    """A set of rows: the rows of ``model`` matching ``where``."""

    model: type[BaseModel]
    where: Expression


Snapshot = dict[RowKey, dict[str, Any] | None]

_MODEL_BY_TABLE = {model._meta.table_name: model for model in ALL_MODELS}
_PARENTS_FIRST = [model._meta.table_name for model in ALL_MODELS]


def capture(scopes: Iterable[Scope]) -> Snapshot:
    snapshot: Snapshot = {}
    for scope in scopes:
        table = scope.model._meta.table_name
        for row in scope.model.select().where(scope.where).dicts():
            snapshot[(table, int(row["id"]))] = _to_column_names(scope.model, row)
    return snapshot


def _to_column_names(model: type[BaseModel], row: dict[str, Any]) -> dict[str, Any]:
    columns = {}
    for field_name, value in row.items():
        field = model._meta.fields[field_name]
        columns[field.column_name] = field.db_value(value)
    return columns


def capture_after(before: Snapshot, scopes: Iterable[Scope]) -> Snapshot:
    """The same rows as ``before`` (found by id, wherever they are now) plus ``scopes``' rows.

    Rows of ``before`` that no longer exist are recorded as absent (None).
    """
    after = capture(scopes)
    for table, row_id in before.keys() - after.keys():
        model = _MODEL_BY_TABLE[table]
        after |= capture([Scope(model, model.id == row_id)]) or {(table, row_id): None}
    return after


def complete(before: Snapshot, after: Snapshot) -> tuple[Snapshot, Snapshot]:
    """Rows only in one snapshot did not exist in the other: mark them absent (None)."""
    keys = before.keys() | after.keys()
    return (
        {key: before.get(key) for key in keys},
        {key: after.get(key) for key in keys},
    )


def restore(snapshot: Snapshot) -> None:
    """Make every row named in ``snapshot`` look as it did (``None``: the row must not exist).

    The caller provides the transaction. Deletions run children first, insertions parents first.
    """
    database = ALL_MODELS[0]._meta.database
    # Rows may point at each other (a manager and a report): check the links at commit time.
    database.execute_sql("PRAGMA defer_foreign_keys = ON")
    order = sorted(snapshot, key=lambda key: (_PARENTS_FIRST.index(key[0]), key[1]))
    for table, row_id in reversed(order):
        if snapshot[(table, row_id)] is None:
            model = _MODEL_BY_TABLE[table]
            model.delete().where(model.id == row_id).execute()
    for table, row_id in order:
        values = snapshot[(table, row_id)]
        if values is None:
            continue
        quoted = [f'"{column}"' for column in values]
        assignments = ", ".join(f"{name} = ?" for name in quoted)
        updated = database.execute_sql(
            f'UPDATE "{table}" SET {assignments} WHERE id = ?',
            [*values.values(), row_id],
        )
        if updated.rowcount == 0:
            placeholders = ", ".join("?" for _ in values)
            database.execute_sql(
                f'INSERT INTO "{table}" ({", ".join(quoted)}) VALUES ({placeholders})',
                list(values.values()),
            )
