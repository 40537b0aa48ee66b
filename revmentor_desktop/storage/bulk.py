"""Writing many rows at once: one prepared statement run with ``executemany``; and finding
many rows at once by a list of values (``among``).

``insert_many`` and ``update`` render every value into the SQL text, which takes most of the
time at 100,000 rows (an import of 20,000 people spent 11 of its 16 seconds there); a prepared
statement stores the same values several times faster. Dates and times go through the adapters
peewee registers, as with ``insert_many``; tag lists are turned into JSON by their field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from peewee import SQL, Expression, Field, Model

from revmentor_desktop.storage.models import TagListField, database_proxy


def insert_rows(model: type[Model], fields: Sequence[Field], rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows``, whose values already have the fields' Python types, in field order."""
    columns = ", ".join(f'"{field_.column_name}"' for field_ in fields)
    marks = ", ".join(database_proxy.param for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    database_proxy.cursor().executemany(sql, _stored(fields, rows))


def update_rows(
    model: type[Model], fields: Sequence[Field], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Set ``fields`` of many rows; each row gives the values in field order, then its id."""
    mark = database_proxy.param
    assignments = ", ".join(f'"{field_.column_name}" = {mark}' for field_ in fields)
    sql = f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE "id" = {mark}'
    database_proxy.cursor().executemany(sql, _stored([*fields, model.id], list(rows)))


def among(field: Field, values: Sequence[Any]) -> Expression:
    """``field IN (values)`` for a ``where`` clause, with the values sent as parameters of one
    piece of SQL. peewee renders each value of ``field.in_(values)`` as a node of its own: for a
    chunk of 500 e-mail addresses that took longer than the query."""
    marks = ", ".join([database_proxy.param] * len(values))
    return field.in_(SQL(f"({marks})", list(values)))


def _stored(fields: Sequence[Field], rows: list[tuple[Any, ...]]) -> list[Sequence[Any]]:
    tag_columns = [i for i, field_ in enumerate(fields) if isinstance(field_, TagListField)]
    if not tag_columns:
        return rows  # type: ignore[return-value]
    stored = [list(row) for row in rows]
    for row in stored:
        for index in tag_columns:
            row[index] = fields[index].db_value(row[index])
    return stored
