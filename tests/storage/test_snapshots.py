"""Snapshots read what to capture and the restore order from the foreign keys, so these check
that the models' foreign keys say what the migrated schema does, and what a capture reaches."""

from __future__ import annotations

from datetime import datetime

import pytest

from revmentor_desktop.storage import snapshots
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import (
    ALL_MODELS,
    Cohort,
    Pair,
    PairConstraint,
    Person,
    Skill,
    database_proxy,
)

NOW = datetime(2026, 3, 2, 9, 0)


# A server's catalogue names the same ON DELETE actions as SQLite, in the same words.
SERVER_FOREIGN_KEYS = """
SELECT used.column_name, target.table_name, rule.delete_rule
FROM information_schema.referential_constraints AS rule
JOIN information_schema.key_column_usage AS used
  ON used.constraint_name = rule.constraint_name AND used.constraint_schema = rule.constraint_schema
JOIN information_schema.constraint_column_usage AS target
  ON target.constraint_name = rule.constraint_name
 AND target.constraint_schema = rule.constraint_schema
WHERE used.table_name = %s AND used.table_schema = current_schema()
"""


def schema_foreign_keys(table: str) -> list[tuple[str, str, str]]:
    """(column, table pointed at, ON DELETE action) as the database itself declares them."""
    if is_server(database_proxy.obj):
        return [tuple(row) for row in database_proxy.execute_sql(SERVER_FOREIGN_KEYS, (table,))]
    rows = database_proxy.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()
    return [(row[3], row[2], row[6]) for row in rows]


def test_the_models_foreign_keys_match_the_migrated_schema(data_file: DataFile) -> None:
    for model in ALL_MODELS:
        declared = sorted(
            (field.column_name, field.rel_model._meta.table_name, (field.on_delete or "NO ACTION"))
            for field in model._meta.refs
        )
        assert declared == sorted(schema_foreign_keys(model._meta.table_name)), model.__name__


def test_every_table_is_restored_after_the_tables_it_points_at(data_file: DataFile) -> None:
    order = snapshots.parents_first()
    assert sorted(order) == sorted(model._meta.table_name for model in ALL_MODELS)
    for position, table in enumerate(order):
        for _column, parent, _action in schema_foreign_keys(table):
            assert parent == table or parent in order[:position], (table, parent)


def person(name: str, manager: int | None = None) -> int:
    row = Person.create(name=name, manager=manager, created_at=NOW, updated_at=NOW)
    return int(row.id)


@pytest.mark.usefixtures("data_file")
def test_a_capture_reaches_what_deleting_its_rows_would_cascade_to_or_unlink() -> None:
    boss, ada, bob = person("Grace"), person("Ada"), person("Bob")
    Person.update(manager=boss).where(Person.id == ada).execute()
    Skill.create(person=boss, direction="teach", name="COBOL")
    cohort = Cohort.create(name="Reverse 2026", kind="reverse", created_at=NOW).id
    PairConstraint.create(cohort=cohort, mentor=boss, mentee=bob, kind="locked")
    Pair.create(cohort=cohort, mentor=boss, mentee=bob, direction="reverse", created_at=NOW)

    captured = snapshots.capture([snapshots.Scope(Person, Person.id == boss)])

    assert sorted(captured) == [
        ("pair_constraint", 1),  # ON DELETE CASCADE
        ("person", boss),
        ("person", ada),  # ON DELETE SET NULL: their manager link would be cleared
        ("skill", 1),  # ON DELETE CASCADE
    ]  # not the pair: RESTRICT means the delete is refused, so the pair is never touched
    assert captured[("person", ada)] is not None
    assert captured[("person", ada)]["manager_id"] == boss
