"""Opening a programme written by an older RevMentor upgrades it without losing anything, on a
data file and on a server database alike: the same numbered migrations build a new store, a
store newer than this version is refused untouched, and an older one is upgraded after a copy
of it is kept (a data file's backup; for a server, a data file of its old version)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from peewee import Database, OperationalError, SqliteDatabase

from revmentor_desktop.domain import people
from revmentor_desktop.paths import backup_folder_for, server_backup_folder
from revmentor_desktop.services.location import server_location
from revmentor_desktop.storage import migrations, server, server_backup
from revmentor_desktop.storage.backup import list_backups
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrate
from revmentor_desktop.storage.models import ALL_MODELS, AuditEntry
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.server import new_server_database
from tests.storage.helpers import integrity, pragma_value, query, side_files, table_rows

V1_TABLES = ("person", "skill", "cohort", "participation", "pair", "goal", "session")

# Rows for every version-1 table, written with raw SQL as an old RevMentor would have stored
# them: dates as ISO text, tag lists as JSON, NULLs, non-ASCII names and notes with quotes.
V1_ROWS: dict[str, list[dict[str, object]]] = {
    "person": [
        {
            "id": 1,
            "name": "Ana Pérez",
            "search_key": "ana perez ana@example.org finance",
            "email": "Ana@Example.org",
            "email_key": "ana@example.org",
            "department": "Finance",
            "job_title": "Director",
            "manager_id": None,
            "hire_date": "2009-04-01",
            "grade": 9,
            "location": "Lisboa",
            "meeting_format": "in person",
            "consent_date": "2024-01-15",
            "archived": 0,
            "coordinator_notes": 'Prefers mornings; "no Fridays"',
            "created_at": "2024-01-10 09:00:00",
            "updated_at": "2024-02-01 17:45:12.123456",
        },
        {
            "id": 2,
            "name": "Kwame Mensah",
            "search_key": "kwame mensah",
            "email": None,
            "email_key": None,
            "department": "Platform",
            "job_title": "Graduate engineer",
            "manager_id": 1,
            "hire_date": "2023-09-04",
            "grade": 2,
            "location": "",
            "meeting_format": "either",
            "consent_date": None,
            "archived": 0,
            "coordinator_notes": "",
            "created_at": "2024-01-10 09:05:00",
            "updated_at": "2024-01-10 09:05:00",
        },
        {
            "id": 7,
            "name": "Zoë Ødegaard",
            "search_key": "zoe odegaard",
            "email": "zoe@example.org",
            "email_key": "zoe@example.org",
            "department": "",
            "job_title": "",
            "manager_id": 1,
            "hire_date": None,
            "grade": None,
            "location": "Oslo",
            "meeting_format": "video",
            "consent_date": "2024-01-20",
            "archived": 1,
            "coordinator_notes": "Left the programme.\nSecond line.",
            "created_at": "2024-01-11 10:00:00",
            "updated_at": "2024-03-02 08:00:00",
        },
    ],
    "skill": [
        {"id": 1, "person_id": 1, "direction": "learn", "name": "Generative AI"},
        {"id": 2, "person_id": 2, "direction": "teach", "name": "Generative AI"},
        {"id": 3, "person_id": 2, "direction": "learn", "name": "Stakeholder management"},
    ],
    "cohort": [
        {
            "id": 1,
            "name": "Reverse mentoring 2024",
            "kind": "reverse",
            "start_date": "2024-02-01",
            "end_date": "2024-07-31",
            "cadence_days": 14,
            "session_minutes": 45,
            "mentor_label": "Digital mentor",
            "mentee_label": "Executive",
            "archived": 0,
            "created_at": "2024-01-12 12:00:00",
        },
        {
            "id": 2,
            "name": "Old cohort",
            "kind": "traditional",
            "start_date": None,
            "end_date": None,
            "cadence_days": 21,
            "session_minutes": 60,
            "mentor_label": "Mentor",
            "mentee_label": "Mentee",
            "archived": 1,
            "created_at": "2023-01-01 00:00:00",
        },
    ],
    "participation": [
        {"id": 1, "cohort_id": 1, "person_id": 1, "role": "mentee", "capacity": 1},
        {"id": 2, "cohort_id": 1, "person_id": 2, "role": "mentor", "capacity": 2},
        {"id": 3, "cohort_id": 2, "person_id": 7, "role": "both", "capacity": 1},
    ],
    "pair": [
        {
            "id": 1,
            "cohort_id": 1,
            "mentor_id": 2,
            "mentee_id": 1,
            "direction": "reverse",
            "status": "active",
            "end_reason": "",
            "start_date": "2024-02-05",
            "end_date": None,
            "focus_areas": '["Generative AI", "Gen-Z expectations"]',
            "agreement_signed": "2024-02-05",
            "coordinator_notes": "Good first meeting.",
            "shared_summary": "Monthly check-ins.",
            "created_at": "2024-02-01 10:00:00",
        },
    ],
    "goal": [
        {
            "id": 1,
            "pair_id": 1,
            "owner": "mentee",
            "description": "Use an AI assistant weekly",
            "progress": 40,
            "position": 0,
        },
        {
            "id": 2,
            "pair_id": 1,
            "owner": "mentor",
            "description": "Present to the board",
            "progress": 0,
            "position": 1,
        },
    ],
    "session": [
        {
            "id": 1,
            "pair_id": 1,
            "starts_at": "2024-02-12 08:30:00",
            "duration_minutes": 45,
            "meeting_format": "in person",
            "status": "held",
            "cancelled_by": "",
            "topics": '["prompts", "privacy"]',
            "mentor_takeaways": "Executives want examples.",
            "mentee_takeaways": "Try it on real e-mails.",
            "notes": "",
        },
        {
            "id": 2,
            "pair_id": 1,
            "starts_at": "2024-02-26 08:30:00",
            "duration_minutes": 45,
            "meeting_format": "video",
            "status": "cancelled",
            "cancelled_by": "mentee",
            "topics": "[]",
            "mentor_takeaways": "",
            "mentee_takeaways": "",
            "notes": "Board meeting clash",
        },
    ],
}


# Columns version 2 added, with the value every existing row must receive.
V2_ADDED_COLUMNS = {"person": {"consent_wording": ""}, "session": {"sequence": 0}}
BOOLEAN_COLUMNS = {"archived"}  # 0/1 in a data file; a server's columns are BOOLEAN
SERVER = "server"


@dataclass(frozen=True)
class Store:
    """Where a programme is kept for a test: a data file (``path``) or a server database
    (``url``), with what the tests read of it without opening it as the app does."""

    path: Path
    url: str = ""

    @property
    def on_server(self) -> bool:
        return bool(self.url)

    @contextlib.contextmanager
    def connected(self) -> Iterator[Database]:
        """A plain connection, not the app's: nothing is checked, migrated or backed up."""
        if self.on_server:
            location = server_location(self.url)
            database: Database = server.connect(location.url, location.database_name)
        else:
            database = SqliteDatabase(str(self.path), pragmas={"foreign_keys": 1})
            database.connect()
        try:
            yield database
        finally:
            database.close()

    def open(self, *, create: bool = False) -> DataFile | ServerStore:
        """Open it as the app does: checked, backed up and upgraded when older."""
        if self.on_server:
            location = server_location(self.url)
            return ServerStore.open(location.url, location.database_name, create=create)
        return DataFile.open(self.path, create=create)

    def version(self) -> int:
        with self.connected() as database:
            return migrations.schema_version(database)

    def set_version(self, version: int) -> None:
        with self.connected() as database:
            if database_is_a_file(database):
                database.execute_sql(f"PRAGMA user_version = {version}")
            else:
                database.execute_sql(f"UPDATE schema_version SET version = {version}")

    def tables(self) -> set[str]:
        with self.connected() as database:
            return set(database.get_tables())

    def columns(self, table: str) -> list[str]:
        with self.connected() as database:
            return [column.name for column in database.get_columns(table)]

    def rows(self, table: str, columns: list[str] | None = None) -> list[tuple[object, ...]]:
        listed = ", ".join(f'"{name}"' for name in columns or self.columns(table))
        with self.connected() as database:
            cursor = database.execute_sql(f'SELECT {listed} FROM "{table}" ORDER BY id')
            return [tuple(row) for row in cursor.fetchall()]

    def copies_before_upgrades(self) -> list[Path]:
        """The copies kept before upgrades: a data file's "before-migration" backups; the data
        files written of a server database."""
        if self.on_server:
            location = server_location(self.url)
            return server_backup.backups_before_upgrade(location.url, location.database_name)
        return [info.path for info in list_backups(self.path) if info.reason == "before-migration"]


def database_is_a_file(database: Database) -> bool:
    return not is_server(database)


@pytest.fixture
def empty_store(store_kind: str, data_path: Path) -> Iterator[Store]:
    """Nothing yet: a data file's path, or an empty database on the test server."""
    if store_kind != SERVER:
        yield Store(data_path)
        return
    with new_server_database() as url:
        yield Store(data_path, url)


def write_version_1(store: Store) -> None:
    """Build ``store`` at schema version 1 holding ``V1_ROWS``, as an old RevMentor would have
    written it (a data file's rows as raw SQL: dates as ISO text, flags as 0 and 1)."""
    with store.connected() as database:
        assert migrate(database, target_version=1) == [1]
        with database.atomic():
            for table in V1_TABLES:
                for row in V1_ROWS[table]:
                    values = [
                        bool(value) if column in BOOLEAN_COLUMNS and store.on_server else value
                        for column, value in row.items()
                    ]
                    marks = ", ".join(database.param for _ in row)
                    database.execute_sql(
                        f'INSERT INTO "{table}" ({", ".join(row)}) VALUES ({marks})', values
                    )


@pytest.fixture
def version_1_store(empty_store: Store) -> Store:
    write_version_1(empty_store)
    # The fixture itself must be what it claims: every table filled, nothing of version 2.
    assert empty_store.version() == 1
    assert all(empty_store.rows(table) for table in V1_TABLES)
    assert "consent_wording" not in empty_store.columns("person")
    assert "erasure" not in empty_store.tables()
    if not empty_store.on_server:
        assert not side_files(empty_store.path)
    return empty_store


def as_written_by_version_1(table: str) -> list[tuple[object, ...]]:
    """The rows of ``table`` as a version-1 data file holds them."""
    return [tuple(row.values()) for row in V1_ROWS[table]]


@pytest.mark.both_stores
def test_a_new_store_is_built_by_each_numbered_migration_in_turn(
    empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    applied: list[int] = []

    def recorded(step: migrations.Migration) -> migrations.Migration:
        def apply(database: Database) -> None:
            applied.append(step.version)
            step.apply(database)

        return migrations.Migration(step.version, step.description, apply)

    monkeypatch.setattr(migrations, "MIGRATIONS", tuple(map(recorded, migrations.MIGRATIONS)))

    empty_store.open(create=True).close()

    assert applied == list(range(1, LATEST_VERSION + 1))
    assert empty_store.version() == LATEST_VERSION
    assert empty_store.copies_before_upgrades() == []  # nothing older to keep


@pytest.mark.both_stores
def test_opening_an_older_store_upgrades_it_and_keeps_every_row(version_1_store: Store) -> None:
    store = version_1_store
    v1_columns = {table: store.columns(table) for table in V1_TABLES}
    rows_before = {table: store.rows(table) for table in V1_TABLES}

    store.open().close()

    assert store.version() == LATEST_VERSION
    for table in V1_TABLES:
        after = store.rows(table, v1_columns[table])
        assert after == rows_before[table], f"rows of {table} changed in the upgrade"
    for table, added in V2_ADDED_COLUMNS.items():
        for column, default in added.items():
            values = [row[0] for row in store.rows(table, [column])]
            assert values == [default] * len(rows_before[table])
    assert store.rows("erasure") == []
    if not store.on_server:  # the server checks its own constraints as it goes
        assert pragma_value(store.path, "application_id") == APPLICATION_ID
        assert integrity(store.path) == ["ok"]
        assert query(store.path, "PRAGMA foreign_key_check") == []


@pytest.mark.both_stores
def test_the_upgrade_is_preceded_by_a_copy_of_the_old_programme(version_1_store: Store) -> None:
    """A data file of version 1 with the same rows: a data file's backup beside it, or a
    server's programme copied into one, which the RevMentor of that version opens."""
    store = version_1_store

    store.open().close()

    (copy,) = store.copies_before_upgrades()
    expected_folder = server_backup_folder() if store.on_server else backup_folder_for(store.path)
    assert copy.parent == expected_folder
    assert copy.name.endswith(" before-migration.revmentor")
    assert pragma_value(copy, "user_version") == 1
    assert pragma_value(copy, "application_id") == APPLICATION_ID
    assert integrity(copy) == ["ok"]
    assert {table: table_rows(copy, table) for table in V1_TABLES} == {
        table: as_written_by_version_1(table) for table in V1_TABLES
    }
    assert not side_files(copy)


@pytest.mark.both_stores
def test_opening_a_current_store_keeps_no_copy(empty_store: Store) -> None:
    empty_store.open(create=True).close()

    empty_store.open().close()

    assert empty_store.copies_before_upgrades() == []


@pytest.mark.both_stores
def test_a_failed_upgrade_step_is_undone(
    version_1_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data file's steps are each a transaction of their own: it stays at the last step that
    worked. A server's upgrade is one transaction: it stays at the version it had. Either way
    nothing of the failed step remains and no row changes."""
    store = version_1_store
    rows_before = {table: store.rows(table) for table in V1_TABLES}

    def half_done_then_fails(database: Database) -> None:
        database.execute_sql("ALTER TABLE person ADD COLUMN half_done TEXT")
        raise OperationalError("disk quota exceeded")

    broken = migrations.Migration(3, "broken step", half_done_then_fails)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:2], broken))

    with pytest.raises((OperationalError, DataFileError), match="disk quota exceeded") as failed:
        store.open()

    if store.on_server:
        assert "The upgrade was undone" in str(failed.value)
    assert store.version() == (1 if store.on_server else 2)
    person_columns = store.columns("person")
    assert "half_done" not in person_columns
    assert ("consent_wording" in person_columns) is (not store.on_server)
    v1_columns = {table: list(V1_ROWS[table][0]) for table in V1_TABLES}
    assert {table: store.rows(table, v1_columns[table]) for table in V1_TABLES} == rows_before

    # The refused open let go of the store: with the real upgrade, opening now works.
    monkeypatch.undo()
    store.open().close()
    assert store.version() == LATEST_VERSION


@pytest.mark.both_stores
def test_a_store_newer_than_this_version_is_refused_untouched(empty_store: Store) -> None:
    empty_store.open(create=True).close()
    empty_store.set_version(LATEST_VERSION + 1)
    tables_before = empty_store.tables()

    with pytest.raises(DataFileError, match="newer RevMentor") as refused:
        empty_store.open()

    assert f"data format {LATEST_VERSION + 1}" in str(refused.value)
    assert empty_store.version() == LATEST_VERSION + 1
    assert empty_store.tables() == tables_before
    assert empty_store.copies_before_upgrades() == []


@pytest.mark.both_stores
def test_models_agree_with_the_migrated_schema(version_1_store: Store) -> None:
    store = version_1_store
    store.open().close()

    # The audit trail's tables are the store's own, beside the programme's (storage/audit.py);
    # a server keeps its schema version in a table, a data file in its header.
    own = {"audit", "schema_version"} if store.on_server else {"audit", "audit_actor"}
    assert store.tables() == {model._meta.table_name for model in ALL_MODELS} | own
    with store.connected() as database:
        for model in (*ALL_MODELS, AuditEntry):
            table = model._meta.table_name
            stored = {column.name: column for column in database.get_columns(table)}
            assert set(stored) == set(model._meta.columns), table
            # NOT NULL in the store matches ``null=False`` on the model (the key aside).
            not_null = {name for name, column in stored.items() if not column.null}
            required = {
                name
                for name, field in model._meta.columns.items()
                if not field.null and not field.primary_key
            }
            assert not_null - {model._meta.primary_key.column_name} == required, table


@pytest.mark.both_stores
def test_models_read_the_upgraded_rows(version_1_store: Store) -> None:
    from revmentor_desktop.storage.models import Meeting, Pair, Person

    with version_1_store.open():
        ana = Person.get_by_id(1)
        assert ana.name == "Ana Pérez"
        assert ana.consent_wording == ""
        assert [person.name for person in ana.reports.order_by(Person.id)] == [
            "Kwame Mensah",
            "Zoë Ødegaard",
        ]
        assert Pair.get_by_id(1).focus_areas == ["Generative AI", "Gen-Z expectations"]
        assert [meeting.topics for meeting in Meeting.select().order_by(Meeting.id)] == [
            ["prompts", "privacy"],
            [],
        ]
        assert Person.get_by_id(7).archived is True


def _read_from_an_index_alone(database: Database, sql: str, params: object) -> set[str]:
    """The tables (by their alias in ``sql``) the store's plan reads from an index alone."""
    if database_is_a_file(database):
        plan = database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        return {
            found[1]
            for row in plan
            if (found := re.search(r"(?:SCAN|SEARCH) (\w+) USING COVERING INDEX", row[3]))
        }
    ((plan,),) = database.execute_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchall()
    return {
        node["Alias"]
        for node in _plan_nodes(plan[0]["Plan"])
        if node["Node Type"] == "Index Only Scan"
    }


def _plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", ()):
        yield from _plan_nodes(child)


@pytest.mark.both_stores
def test_the_people_list_reads_its_page_and_namesakes_from_indexes_alone(
    data_file: DataFile | ServerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke in the people search reads the first page in name order, and each shown
    person's namesakes, from an index (migrations 5 and 6; on a server, 13): never every row
    of a 10,000-person table."""
    for name, department in (("Ana Lima", "Finance"), ("Ana Lima", "Legal"), ("Bo Chen", "")):
        people.add_person(people.PersonDraft(name, department=department))
    database = data_file.database
    if is_server(database):
        database.execute_sql("VACUUM ANALYZE person")  # what autovacuum does on its own
        # A handful of rows is quicker to read whole; 10,000 are not.
        database.execute_sql("SET enable_seqscan = off")
        database.execute_sql("SET enable_bitmapscan = off")
    sent: list[tuple[str, object]] = []
    execute = database.execute_sql

    def recorded(sql: str, params: object = None) -> object:
        sent.append((sql, params))
        return execute(sql, params)

    monkeypatch.setattr(database, "execute_sql", recorded)
    listed = people.people_ids(people.PeopleQuery(search="ana"))
    people.people_rows(list(listed))
    monkeypatch.undo()

    page, rows = sent[0], sent[-1]
    assert "LIMIT" in page[0] and "namesake" in rows[0]
    assert "t1" in _read_from_an_index_alone(database, *page)
    assert "namesake" in _read_from_an_index_alone(database, *rows)
