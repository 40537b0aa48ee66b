"""Backups are whole, consistent copies; failures leave nothing behind; restores round-trip."""

from __future__ import annotations

import json
import signal
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage.backup import (
    KEEP_NEWEST,
    BackupInfo,
    automatic_backup,
    backups_to_remove,
    copy_data_file,
    list_backups,
    newest_good_backup,
)
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import BackupError, DamagedDataFile
from revmentor_desktop.storage.models import Person
from revmentor_desktop.storage.restore import restore_backup
from tests.storage.helpers import (
    damage_table_root_page,
    integrity,
    make_data_file,
    query,
    raw_connection,
    sha256,
    side_files,
    start_python,
    table_rows,
)

# ---------------------------------------------------------------------------------------------
# Copying while another process writes

CONCURRENT_WRITER = """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    connection.execute("PRAGMA journal_mode = wal")
    stamp = "2024-05-01 09:00:00"
    notes = "x" * 700
    print("ready", flush=True)
    deadline = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < deadline:
        n += 1
        connection.execute("BEGIN IMMEDIATE")
        person = connection.execute(
            "INSERT INTO person (name, coordinator_notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?)",
            (f"Writer {n}", notes, stamp, stamp),
        ).lastrowid
        connection.execute(
            "INSERT INTO skill (person_id, direction, name) VALUES (?, 'teach', ?)",
            (person, f"Skill {n}"),
        )
        connection.execute("COMMIT")
    connection.close()
    print(n, flush=True)
"""


def test_a_copy_taken_while_another_process_writes_is_a_consistent_snapshot(
    data_path: Path, tmp_path: Path
) -> None:
    make_data_file(data_path)
    copies = tmp_path / "copies"
    copies.mkdir()
    writer = start_python(CONCURRENT_WRITER, str(data_path), "4")
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"

    seen_counts = []
    index = 0
    while writer.poll() is None or index < 3:
        index += 1
        copy = copy_data_file(data_path, copies / f"copy {index}.revmentor")

        assert integrity(copy) == ["ok"]
        assert not side_files(copy), "a backup must be one self-contained file"
        people = query(copy, "SELECT id, name FROM person ORDER BY id")
        skills = query(copy, "SELECT person_id, name FROM skill ORDER BY person_id")
        # Every transaction is in the copy whole or not at all, and they are a prefix of
        # the writer's transactions: people 1..n, each with their own skill.
        count = len(people)
        assert [name for _id, name in people] == [f"Writer {n}" for n in range(1, count + 1)]
        assert len(skills) == count
        assert [(person_id, name) for person_id, name in skills] == [
            (person_id, f"Skill {n}") for n, (person_id, _name) in enumerate(people, start=1)
        ]
        seen_counts.append(count)
        copy.unlink()

    total = int(writer.communicate(timeout=30)[0].strip())
    assert writer.returncode == 0
    # The copies really were taken mid-stream: several different states, none past the end.
    assert len(set(seen_counts)) >= 3, seen_counts
    assert max(seen_counts) <= total
    assert seen_counts == sorted(seen_counts)
    assert query(data_path, "SELECT count(*) FROM person") == [(total,)]


# ---------------------------------------------------------------------------------------------
# Failures leave nothing behind


def test_a_backup_into_a_missing_folder_is_refused_and_writes_nothing(
    data_path: Path, tmp_path: Path
) -> None:
    make_data_file(data_path, people=3)
    before = set(tmp_path.rglob("*"))
    missing_folder = tmp_path / "USB stick"

    with pytest.raises(BackupError) as refused:
        copy_data_file(data_path, missing_folder / "programme.revmentor")

    assert "folder does not exist" in str(refused.value)
    assert not missing_folder.exists()
    assert set(tmp_path.rglob("*")) == before


def test_a_full_disk_is_reported_and_leaves_no_file(data_path: Path, tmp_path: Path) -> None:
    make_data_file(data_path, people=50)
    folder = tmp_path / "backups"
    folder.mkdir()

    with pytest.raises(BackupError) as refused:
        copy_data_file(data_path, folder / "programme.revmentor", max_pages=2)

    assert "disk is full" in str(refused.value)
    assert sorted(path.name for path in folder.iterdir()) == []


def test_a_failed_backup_leaves_an_earlier_backup_of_the_same_name_intact(
    data_path: Path, tmp_path: Path
) -> None:
    make_data_file(data_path, people=50)
    folder = tmp_path / "backups"
    folder.mkdir()
    earlier = copy_data_file(data_path, folder / "programme.revmentor")
    digest = sha256(earlier)

    with pytest.raises(BackupError):
        copy_data_file(data_path, earlier, max_pages=2)

    assert sha256(earlier) == digest
    assert sorted(path.name for path in folder.iterdir()) == ["programme.revmentor"]


# ---------------------------------------------------------------------------------------------
# Restoring

CHANGE_THEN_CRASH = """
    import json, sys, time
    from pathlib import Path
    from revmentor_desktop.storage.database import DataFile
    from revmentor_desktop.storage.models import Person
    held = DataFile.open(Path(sys.argv[1]))
    with held.transaction():
        Person.update(name="Renamed after the backup").where(Person.id == 1).execute()
        Person.delete().where(Person.id == 2).execute()
        Person.create(name="Added after the backup", created_at="2024-05-02 10:00:00",
                      updated_at="2024-05-02 10:00:00")
    rows = held.database.execute_sql("SELECT * FROM person ORDER BY id").fetchall()
    print(json.dumps(rows), flush=True)
    time.sleep(120)
"""


def _add_people(path: Path, names: list[str]) -> None:
    with DataFile.open(path, create=True) as opened, opened.transaction():
        for name in names:
            Person.create(name=name, created_at="2024-04-01 09:00", updated_at="2024-04-01 09:00")


def _keep_as_is(current: object, incoming: object) -> None:
    """A restore that carries nothing over from the replaced file."""


def test_restore_brings_back_exactly_the_backed_up_data(data_path: Path) -> None:
    _add_people(data_path, ["Ana", "Kwame", "Zoë"])
    backup = automatic_backup(data_path, reason="manual", now=datetime(2024, 5, 1, 9, 0))
    backup_rows = table_rows(backup, "person")
    backup_digest = sha256(backup)
    assert [row[1] for row in backup_rows] == ["Ana", "Kwame", "Zoë"]

    # The data changes after the backup, then RevMentor crashes: its last changes sit in the
    # write-ahead log beside the file, and its lock file is left behind.
    writer = start_python(CHANGE_THEN_CRASH, str(data_path))
    assert writer.stdout is not None
    changed_rows = [tuple(row) for row in json.loads(writer.stdout.readline())]
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=10)
    assert changed_rows != backup_rows
    assert f"{data_path.name}-wal" in side_files(data_path)

    replaced = restore_backup(backup, data_path, carry_over=_keep_as_is)
    assert replaced is not None and replaced.problem == ""
    safety = replaced.path
    assert not side_files(data_path), "no -wal/-shm of the old file may survive"

    assert table_rows(data_path, "person") == backup_rows
    assert integrity(data_path) == ["ok"]
    assert sha256(backup) == backup_digest, "restoring must not change the backup"
    # The replaced data was kept, crash-saved changes included.
    assert safety in [info.path for info in list_backups(data_path)]
    assert {info.path: info.reason for info in list_backups(data_path)}[safety] == "before-restore"
    assert table_rows(safety, "person") == changed_rows
    # And the restored file opens normally, with the backed-up people.
    with DataFile.open(data_path):
        assert [person.name for person in Person.select().order_by(Person.id)] == [
            "Ana",
            "Kwame",
            "Zoë",
        ]


def test_restore_never_pairs_the_old_files_log_with_the_restored_file(data_path: Path) -> None:
    """A reader that still has the old file open keeps its log alive through the safety backup.

    That log holds committed pages of the old file; left beside the restored file, SQLite would
    replay them into it.
    """
    _add_people(data_path, ["Ana", "Kwame"])
    backup = automatic_backup(data_path, reason="manual", now=datetime(2024, 5, 1, 9, 0))
    backup_rows = table_rows(backup, "person")
    with DataFile.open(data_path) as opened, opened.transaction():
        Person.update(name="Changed").execute()
    reader = raw_connection(data_path)  # e.g. a nightly `revmentor backup` still reading
    try:
        assert reader.execute("SELECT DISTINCT name FROM person").fetchall() == [("Changed",)]
        writer = raw_connection(data_path)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE person SET name = 'Changed again'")
        writer.close()  # not the last connection: its changes stay in the log
        assert f"{data_path.name}-wal" in side_files(data_path)

        restore_backup(backup, data_path, carry_over=_keep_as_is)
        assert not side_files(data_path), "the old file's log must not survive"
    finally:
        reader.close()

    assert table_rows(data_path, "person") == backup_rows
    assert integrity(data_path) == ["ok"]


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(data_path: Path) -> None:
    make_data_file(data_path, people=30)
    backup = automatic_backup(data_path, reason="manual", now=datetime(2024, 5, 1, 9, 0))
    damage_table_root_page(backup)
    digest = sha256(data_path)

    with pytest.raises(DamagedDataFile):
        restore_backup(backup, data_path, carry_over=_keep_as_is)

    assert sha256(data_path) == digest
    assert [info.reason for info in list_backups(data_path)] == ["manual"]


# ---------------------------------------------------------------------------------------------
# Which backup to fall back on


def test_newest_good_backup_skips_a_damaged_one(data_path: Path) -> None:
    make_data_file(data_path, people=30)
    older = automatic_backup(data_path, reason="daily", now=datetime(2024, 5, 1, 9, 0), thin=False)
    newer = automatic_backup(data_path, reason="daily", now=datetime(2024, 5, 2, 9, 0), thin=False)
    assert [info.path for info in list_backups(data_path)] == [newer, older]
    found = newest_good_backup(data_path)
    assert found is not None
    assert found.path == newer

    damage_table_root_page(newer)

    found = newest_good_backup(data_path)
    assert found is not None
    assert found.path == older

    older.write_bytes(older.read_bytes()[:-4096])  # cut short as well
    assert newest_good_backup(data_path) is None


def test_backups_live_in_the_folder_beside_the_data_file(data_path: Path) -> None:
    make_data_file(data_path)
    written = automatic_backup(data_path, reason="daily", now=datetime(2024, 5, 1, 9, 0))
    assert written.parent == backup_folder_for(data_path)
    assert written.name == "programme 2024-05-01_090000 daily.revmentor"
    assert list_backups(data_path) == [BackupInfo(written, datetime(2024, 5, 1, 9, 0), "daily")]


# ---------------------------------------------------------------------------------------------
# Thinning

NOW = datetime(2024, 5, 14, 18, 0)


def _backups_every(step: timedelta, span: timedelta, now: datetime) -> list[BackupInfo]:
    infos = []
    when = now
    while now - when <= span:
        infos.append(BackupInfo(Path(f"b {when:%Y%m%d%H%M}.revmentor"), when, ""))
        when -= step
    return infos


def _kept(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    removed = backups_to_remove(backups, now)
    assert set(removed) <= set(backups)
    return [info for info in backups if info not in removed]


def test_thinning_keeps_the_newest_then_daily_weekly_and_monthly(tmp_path: Path) -> None:
    backups = _backups_every(timedelta(hours=5), timedelta(days=500), NOW)
    kept = _kept(backups, NOW)
    newest = sorted(backups, key=lambda info: info.taken_at, reverse=True)[:KEEP_NEWEST]
    others = [info for info in kept if info not in newest]

    def age(info: BackupInfo) -> timedelta:
        return NOW - info.taken_at

    assert KEEP_NEWEST == 8
    assert set(newest) <= set(kept)
    # One a day for a week: every day of the last week has a backup, and apart from the
    # newest eight, no day has two.
    for days_back in range(7):
        day = (NOW - timedelta(days=days_back)).date()
        assert any(info.taken_at.date() == day for info in kept), day
    daily = Counter(info.taken_at.date() for info in others if age(info) <= timedelta(days=7))
    assert daily and max(daily.values()) == 1
    # One a week for eight weeks.
    for days_back in range(7, 56):
        week = (NOW - timedelta(days=days_back)).isocalendar()[:2]
        assert any(info.taken_at.isocalendar()[:2] == week for info in kept), week
    weekly = Counter(
        info.taken_at.isocalendar()[:2]
        for info in others
        if timedelta(days=7) < age(info) <= timedelta(weeks=8)
    )
    assert weekly and max(weekly.values()) == 1
    # One a month for a year.
    for days_back in range(56, 330):
        when = NOW - timedelta(days=days_back)
        month = (when.year, when.month)
        assert any((info.taken_at.year, info.taken_at.month) == month for info in kept), month
    monthly = Counter(
        (info.taken_at.year, info.taken_at.month)
        for info in others
        if timedelta(weeks=8) < age(info) <= timedelta(days=365)
    )
    assert monthly and max(monthly.values()) == 1
    # Nothing older than a year.
    assert all(age(info) <= timedelta(days=365) for info in kept)
    assert len(kept) <= KEEP_NEWEST + 8 + 9 + 13


def test_thinning_never_removes_backups_taken_before_a_migration() -> None:
    regular = _backups_every(timedelta(hours=5), timedelta(days=500), NOW)
    before_migration = [
        BackupInfo(Path(f"m{n}.revmentor"), NOW - age, "before-migration")
        for n, age in enumerate(
            [
                timedelta(hours=20),  # the same day as several regular backups
                timedelta(days=3, minutes=1),
                timedelta(days=20),
                timedelta(days=20, hours=1),  # two in the same week
                timedelta(days=200),
                timedelta(days=450),  # older than a year
            ]
        )
    ]
    removed = backups_to_remove(regular + before_migration, NOW)
    assert not set(removed) & set(before_migration)
    assert removed, "the regular backups are still thinned"


def test_thinning_repeated_daily_keeps_every_period_covered() -> None:
    """As backups pile up over time and are thinned each time, none of the periods empties."""
    start = datetime(2023, 1, 2, 9, 0)
    kept: list[BackupInfo] = []
    now = start
    for day in range(480):
        for hour in (9, 13, 17):
            now = start + timedelta(days=day, hours=hour - 9)
            reason = "before-migration" if day == 30 and hour == 13 else ""
            kept.append(BackupInfo(Path(f"{now:%Y%m%d%H}.revmentor"), now, reason))
            kept = _kept(kept, now)

    assert len(kept) <= 40
    assert any(info.reason == "before-migration" for info in kept)
    for days_back in range(7):
        day = (now - timedelta(days=days_back)).date()
        assert any(info.taken_at.date() == day for info in kept), day
    for days_back in range(7, 56):
        week = (now - timedelta(days=days_back)).isocalendar()[:2]
        assert any(info.taken_at.isocalendar()[:2] == week for info in kept), week
    for days_back in range(56, 330):
        when = now - timedelta(days=days_back)
        assert any(
            (info.taken_at.year, info.taken_at.month) == (when.year, when.month) for info in kept
        ), when


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    from revmentor_desktop.storage.backup import automatic_backup, list_backups

    data_path = tmp_path / "same-second.revmentor"
    DataFile.open(data_path, create=True).close()
    moment = datetime(2026, 11, 2, 9, 30, 0)
    first = automatic_backup(data_path, reason="before-import", now=moment)
    second = automatic_backup(data_path, reason="before-import", now=moment)
    assert first != second
    assert first.exists() and second.exists()
    assert [info.path for info in list_backups(data_path)] == [second, first]
