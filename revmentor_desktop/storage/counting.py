"""The pieces of SQL the figures need that each store says differently: a date-time's month
and day number, the days of a group joined into one text, the labels inside a JSON list column,
and a count of rows meeting a condition. Only this module knows how each store says them:
SQLite with ``substr`` and ``julianday`` on the stored text, ``group_concat`` and ``json_each``;
PostgreSQL with ``to_char`` and date arithmetic on its timestamps, ``string_agg`` and
``json_array_elements_text``. Domain code builds its queries from these and
never names a dialect's function itself (tests/test_layering.py holds it to that)."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import SQL, Case, Expression, Field, Function, Node, NodeList, fn

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import database_proxy

# SQLite's day number of 1 January of year 1 is 1721425.5; Python's ordinal of it is 1.
_JULIAN_DAY_OF_ORDINAL_ZERO = 1721424.5
_EPOCH = date(1970, 1, 1)


def _on_server() -> bool:
    return is_server(database_proxy.obj)


def year_month(field: Field) -> Function:
    """``field`` (a stored date-time) as its "YYYY-MM" month, to group by."""
    if _on_server():
        return fn.to_char(field, "YYYY-MM")
    return fn.substr(field, 1, 7)


def day_number(field: Field) -> Node:
    """``field`` (a stored date or date-time) as the whole number ``date.toordinal()`` gives
    its day, computed by the store."""
    if _on_server():
        # Subtracting two dates gives whole days in PostgreSQL.
        return (field.cast("date") - SQL(f"DATE '{_EPOCH}'")) + _EPOCH.toordinal()
    return (fn.julianday(fn.substr(field, 1, 10)) - _JULIAN_DAY_OF_ORDINAL_ZERO).cast("INTEGER")


def days_joined(field: Field) -> Function:
    """The days ("YYYY-MM-DD") of a group's date-times ``field``, joined by commas, in no
    particular order: one short text per group, where a row per value would cost the reader
    a Python object each."""
    if _on_server():
        return fn.string_agg(fn.to_char(field, "YYYY-MM-DD"), ",")
    return fn.group_concat(fn.substr(field, 1, 10), ",")


def each_label(field: Field, name: str) -> tuple[Node, Node]:
    """A FROM item giving one row per label in the JSON list ``field`` holds (a
    ``TagListField``), named ``name``, and the column of that row's label.

    ``Model.select(label, ...).from_(Model, source)`` then counts labels like any column."""
    if _on_server():
        source = NodeList(
            (fn.json_array_elements_text(field.cast("json")), SQL(f'AS "{name}"("value")'))
        )
    else:
        source = fn.json_each(field).alias(name)
    return source, SQL(f'"{name}"."value"')


def count_where(condition: Any) -> Function:
    """How many rows of a group meet ``condition`` (PostgreSQL cannot sum true and false)."""
    return fn.SUM(Case(None, ((condition, 1),), 0))


def checked_row_by_row(condition: Any) -> Expression:
    """``condition`` written so that the store checks it on each row as it reads the table
    straight through, rather than looking each matching row up through an index: cheaper
    when most rows match (SQLite cannot use an index for a CASE)."""
    return Case(None, ((condition, 1),), None) == 1
