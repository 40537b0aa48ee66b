"""Links between rows that point nowhere, found the same way on either store."""

from __future__ import annotations

from peewee import JOIN

from revmentor_desktop.storage.models import ALL_MODELS


def dangling_links() -> list[tuple[str, str, object]]:
    """(table, column, row id) of each row whose link names a row that does not exist: what
    SQLite's ``PRAGMA foreign_key_check`` reports, asked in SQL that a server speaks too."""
    found = []
    for model in ALL_MODELS:
        for field in model._meta.refs:
            target = field.rel_model.alias()
            target_key = getattr(target, field.rel_field.name)
            rows = (
                model.select(model._meta.primary_key)
                .join(target, JOIN.LEFT_OUTER, on=(field == target_key))
                .where(field.is_null(False) & target_key.is_null())
                .tuples()
            )
            found += [(model._meta.table_name, field.column_name, key) for (key,) in rows]
    return found
