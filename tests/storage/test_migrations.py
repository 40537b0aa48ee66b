"""Opening a data file written by an older RevMentor upgrades it without losing anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import Database, SqliteDatabase

from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage import migrations
from revmentor_desktop.storage.backup import list_backups
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrate
from revmentor_desktop.storage.models import ALL_MODELS, AuditEntry
from tests.storage.helpers import (
    integrity,
    pragma_value,
    query,
    raw_connection,
    side_files,
    table_rows,
)

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


def _column_names(path: Path, table: str) -> list[str]:
    return [str(row[1]) for row in query(path, f'PRAGMA table_info("{table}")')]


def _tables(path: Path) -> set[str]:
    rows = query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]) for row in rows if not str(row[0]).startswith("sqlite_")}


def make_version_1_file(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Write a closed data file at schema version 1 holding ``V1_ROWS``; return its rows."""
    database = SqliteDatabase(str(path), pragmas={"journal_mode": "wal", "foreign_keys": 1})
    database.connect()
    assert migrate(database, target_version=1) == [1]
    database.close()
    connection = raw_connection(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        for table in V1_TABLES:
            for row in V1_ROWS[table]:
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                connection.execute(
                    f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values())
                )
        connection.execute("COMMIT")
    finally:
        connection.close()
    assert pragma_value(path, "user_version") == 1
    assert not side_files(path)
    return {table: table_rows(path, table) for table in V1_TABLES}


@pytest.fixture
def version_1_file(data_path: Path) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:
    rows = make_version_1_file(data_path)
    # The fixture itself must be what it claims: every table filled, nothing of version 2.
    assert all(rows[table] for table in V1_TABLES)
    assert "consent_wording" not in _column_names(data_path, "person")
    assert "erasure" not in _tables(data_path)
    return data_path, rows


def test_opening_a_version_1_file_upgrades_it_and_keeps_every_row(
    version_1_file: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    path, rows_before = version_1_file
    v1_columns = {table: _column_names(path, table) for table in V1_TABLES}

    with DataFile.open(path):
        pass

    assert pragma_value(path, "user_version") == LATEST_VERSION
    assert pragma_value(path, "application_id") == APPLICATION_ID
    assert integrity(path) == ["ok"]
    assert query(path, "PRAGMA foreign_key_check") == []
    for table in V1_TABLES:
        columns = ", ".join(f'"{name}"' for name in v1_columns[table])
        after = query(path, f'SELECT {columns} FROM "{table}" ORDER BY id')
        assert after == rows_before[table], f"rows of {table} changed in the upgrade"
    for table, added in V2_ADDED_COLUMNS.items():
        for column, default in added.items():
            values = [row[0] for row in query(path, f'SELECT "{column}" FROM "{table}"')]
            assert values == [default] * len(rows_before[table])
    assert query(path, "SELECT count(*) FROM erasure") == [(0,)]


def test_the_upgrade_is_preceded_by_a_backup_of_the_old_file(
    version_1_file: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    path, rows_before = version_1_file

    with DataFile.open(path):
        pass

    backups = list_backups(path)
    assert [info.reason for info in backups] == ["before-migration"]
    (backup,) = backups
    assert backup.path.parent == backup_folder_for(path)
    assert backup.path.exists()
    assert "before-migration" in backup.path.name
    # The backup is the file as it was: still version 1, with the same rows.
    assert pragma_value(backup.path, "user_version") == 1
    assert integrity(backup.path) == ["ok"]
    assert {table: table_rows(backup.path, table) for table in V1_TABLES} == rows_before
    assert not side_files(backup.path)


def test_opening_a_current_file_takes_no_migration_backup(data_path: Path) -> None:
    DataFile.open(data_path, create=True).close()

    with DataFile.open(data_path):
        pass

    assert list_backups(data_path) == []


def test_a_failed_upgrade_leaves_the_file_at_its_old_version(
    version_1_file: tuple[Path, dict[str, list[tuple[object, ...]]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, rows_before = version_1_file

    def half_done_then_fails(database: Database) -> None:
        database.execute_sql(
            "ALTER TABLE person ADD COLUMN consent_wording TEXT NOT NULL DEFAULT ''"
        )
        raise RuntimeError("simulated failure in the middle of an upgrade step")

    broken = migrations.Migration(2, "broken step", half_done_then_fails)
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))

    with pytest.raises(RuntimeError, match="simulated failure"):
        DataFile.open(path)

    assert pragma_value(path, "user_version") == 1
    assert "consent_wording" not in _column_names(path, "person")
    assert {table: table_rows(path, table) for table in V1_TABLES} == rows_before
    assert integrity(path) == ["ok"]

    # The refused open let go of the file: with the real upgrade, opening now works.
    monkeypatch.undo()
    with DataFile.open(path):
        pass
    assert pragma_value(path, "user_version") == LATEST_VERSION


def test_models_agree_with_the_migrated_schema(
    version_1_file: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    path, _rows = version_1_file
    with DataFile.open(path):
        pass

    # The audit trail's tables are the store's own, beside the programme's (storage/audit.py).
    trail = {"audit", "audit_actor"}
    assert _tables(path) == {model._meta.table_name for model in ALL_MODELS} | trail
    for model in (*ALL_MODELS, AuditEntry):
        table = model._meta.table_name
        info = query(path, f'PRAGMA table_info("{table}")')
        assert {str(row[1]) for row in info} == set(model._meta.columns), table
        # NOT NULL in the file matches ``null=False`` on the model (the key aside).
        not_null = {str(row[1]) for row in info if row[3]}
        required = {
            name
            for name, field in model._meta.columns.items()
            if not field.null and not field.primary_key
        }
        assert not_null == required, table


def test_models_read_the_upgraded_rows(
    version_1_file: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    from revmentor_desktop.storage.models import Meeting, Pair, Person

    path, _rows = version_1_file
    with DataFile.open(path):
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
