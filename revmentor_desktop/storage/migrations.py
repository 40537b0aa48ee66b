"""Numbered schema migrations: the only place the tables of a data file are created or changed.

The same steps build a data file (SQLite) and a database on a PostgreSQL server. They are
written in SQLite's words (``schema_sql``); ``dialect`` restates each statement for the server. A
data file keeps its schema version in ``PRAGMA user_version`` and each step runs in its own
transaction, so a failed step leaves the file at the previous version (callers back the file up
before migrating). A server database keeps it in the one-row ``schema_version`` table, which also
marks the database as RevMentor's, and an upgrade runs all its steps in one transaction: a
failure leaves the database exactly as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from peewee import Database

from revmentor_desktop.storage import audit
from revmentor_desktop.storage.dialect import (
    install_version_function,
    is_server,
    run_script,
    version_trigger,
)
from revmentor_desktop.storage.schema_sql import (
    SCHEMA_1,
    SCHEMA_2,
    SCHEMA_3,
    SCHEMA_4,
    SCHEMA_5,
    SCHEMA_6,
    SCHEMA_7,
    SCHEMA_8,
    SCHEMA_9,
    SCHEMA_11,
    SCHEMA_12,
    SERVER_SCHEMA_13,
)

# Marks a SQLite file as a RevMentor data file ("RvMn").
APPLICATION_ID = 0x52764D6E
# Marks a server database as RevMentor's, in its schema_version table.
APPLICATION_NAME = "RevMentor"
SERVER_VERSION_TABLE = "schema_version"


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Database], None]


def _create_initial_schema(database: Database) -> None:
    run_script(database, SCHEMA_1)
    if not is_server(database):
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _add_consent_wording_and_erasures(database: Database) -> None:
    run_script(database, SCHEMA_2)


def _add_settings_and_pair_constraints(database: Database) -> None:
    run_script(database, SCHEMA_3)


def _add_session_health_indexes(database: Database) -> None:
    run_script(database, SCHEMA_4)
    _store_calendar_identity(database)


def _add_people_search_index(database: Database) -> None:
    run_script(database, SCHEMA_5)


def _add_namesakes_index(database: Database) -> None:
    run_script(database, SCHEMA_6)


def _add_outcomes(database: Database) -> None:
    run_script(database, SCHEMA_7)


def _add_session_plans(database: Database) -> None:
    run_script(database, SCHEMA_8)


def _add_prepared_messages(database: Database) -> None:
    run_script(database, SCHEMA_9)


# Every row an editing dialog loads carries a version that the database itself advances on each
# update, whoever makes it: a save based on a version that moved is refused (domain/conflicts.py)
# and undo can tell another coordinator's later change (storage/snapshots.py). A trigger rather
# than code in every update: bulk updates, undo's restores and a plain SQL client all count, and
# whatever a statement writes into ``version`` is overruled, so it never goes backwards.
VERSIONED_TABLES = ("person", "cohort", "participation", "pair", "goal", "session")


def _add_row_versions(database: Database) -> None:
    install_version_function(database)
    for table in VERSIONED_TABLES:
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        database.execute_sql(version_trigger(database, table))


def _add_cohort_sites_and_audit(database: Database) -> None:
    run_script(database, SCHEMA_11)
    if not is_server(database):
        database.execute_sql(f"CREATE TABLE {audit.ACTOR_TABLE} (who TEXT NOT NULL)")
    audit.install_triggers(database, owners=False)


def _add_audit_owners(database: Database) -> None:
    run_script(database, SCHEMA_12)
    audit.install_triggers(database)
    audit.fill_in_owners(database)


def _cover_people_list_on_server(database: Database) -> None:
    if is_server(database):
        run_script(database, SERVER_SCHEMA_13)


def _store_calendar_identity(database: Database) -> None:
    """Fix the name calendar UIDs use, as derived until now from the oldest records."""
    seeds = []
    for table in ("cohort", "person"):
        row = database.execute_sql(
            f"SELECT id, created_at FROM {table} ORDER BY id LIMIT 1"
        ).fetchone()
        if row is not None:
            seeds.append(f"{row[0]}:{row[1]}")
    identity = hashlib.sha256("|".join(seeds).encode("utf-8")).hexdigest()[:12]
    if not seeds:
        identity = uuid.uuid4().hex[:12]
    mark = database.param
    database.execute_sql(
        f"INSERT INTO setting (key, value) VALUES ({mark}, {mark}) ON CONFLICT DO NOTHING",
        ("calendar.uid_domain", json.dumps(identity)),
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _create_initial_schema),
    Migration(
        2,
        "consent wording, calendar sequence numbers, erasure log",
        _add_consent_wording_and_erasures,
    ),
    Migration(3, "settings and locked/forbidden pairs", _add_settings_and_pair_constraints),
    Migration(4, "indexes for pair health on large files", _add_session_health_indexes),
    Migration(5, "an index for searching people as you type", _add_people_search_index),
    Migration(6, "an index for telling people of the same name apart", _add_namesakes_index),
    Migration(7, "outcomes: questionnaires, check-in dates, forms and answers", _add_outcomes),
    Migration(8, "session plans: the plan library and each pair's plan", _add_session_plans),
    Migration(9, "the history of e-mail drafts prepared for each pair", _add_prepared_messages),
    Migration(10, "a version on each edited row, advanced by every update", _add_row_versions),
    Migration(11, "a site for each cohort; the audit trail", _add_cohort_sites_and_audit),
    Migration(12, "the audit trail names the person a changed row belongs to", _add_audit_owners),
    Migration(
        13,
        "on a server, indexes that answer the people list alone (a data file's already do)",
        _cover_people_list_on_server,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(database: Database) -> int:
    """The version of the schema; 0 for a database no migration has touched."""
    if not is_server(database):
        return int(database.execute_sql("PRAGMA user_version").fetchone()[0])
    if not database.table_exists(SERVER_VERSION_TABLE):
        return 0
    row = database.execute_sql(f"SELECT version FROM {SERVER_VERSION_TABLE}").fetchone()
    return int(row[0]) if row else 0


def _record_version(database: Database, version: int) -> None:
    if not is_server(database):
        database.execute_sql(f"PRAGMA user_version = {version}")
        return
    if not database.table_exists(SERVER_VERSION_TABLE):
        database.execute_sql(
            f"CREATE TABLE {SERVER_VERSION_TABLE} ("
            "one_row INTEGER PRIMARY KEY DEFAULT 1 CHECK (one_row = 1), "
            "application TEXT NOT NULL, version INTEGER NOT NULL)"
        )
    mark = database.param
    database.execute_sql(
        f"INSERT INTO {SERVER_VERSION_TABLE} (application, version) VALUES ({mark}, {mark}) "
        "ON CONFLICT (one_row) DO UPDATE SET version = EXCLUDED.version",
        (APPLICATION_NAME, version),
    )


def migrate(database: Database, target_version: int = LATEST_VERSION) -> list[int]:
    """Bring the schema up to ``target_version``; returns the versions applied. On a server,
    all the steps form one transaction."""
    applied: list[int] = []
    with database.atomic() if is_server(database) else _each_step_alone():
        for migration in MIGRATIONS:
            if schema_version(database) >= migration.version or migration.version > target_version:
                continue
            with database.atomic():
                migration.apply(database)
                _record_version(database, migration.version)
            applied.append(migration.version)
    return applied


@contextlib.contextmanager
def _each_step_alone() -> Iterator[None]:
    yield
