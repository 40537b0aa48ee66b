"""Privacy: consent, access-request exports, erasure down to the file's bytes, re-applying
erasures after a restore, purging backups, and retention."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import Database

from revmentor_desktop.domain import audit, cohorts, privacy
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.services import privacy as privacy_files
from revmentor_desktop.services.data_sources import restore_closed
from revmentor_desktop.services.location import file_location
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import Erasure, Goal, Meeting, Pair, Participation, Person
from revmentor_desktop.storage.server import ServerStore
from tests.domain.test_export import build_programme, person_id
from tests.storage.helpers import damage_table_root_page, make_newer_version

UMA = "uma.sato@northwind-co.example"
TRACES = ("Uma Sato", "uma sato", "uma.sato@", "Uma is shy", "Uma learns", "Post a status")


# Every column of every table in the programme's database, as the store's catalogue lists it.
FILE_COLUMNS = (
    "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
    "WHERE m.type = 'table'"
)
SERVER_COLUMNS = (
    "SELECT c.table_name, c.column_name FROM information_schema.columns AS c "
    "JOIN information_schema.tables AS t "
    "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
    "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
)


def text_in_tables(database: Database, needle: str) -> list[str]:
    """Every table.column of the open programme whose text contains ``needle`` (ignoring
    case), searching every column of every table, whatever the store."""
    columns = database.execute_sql(SERVER_COLUMNS if is_server(database) else FILE_COLUMNS)
    found = []
    for table, column in columns.fetchall():
        hits = database.execute_sql(
            f'SELECT COUNT(*) FROM "{table}" '
            f'WHERE lower(CAST("{column}" AS TEXT)) LIKE {database.param}',
            (f"%{needle.lower()}%",),
        ).fetchone()[0]
        if hits:
            found.append(f"{table}.{column}")
    return found


def raw_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_people_without_consent_are_flagged(data_file: DataFile) -> None:
    build_programme(data_file)
    missing = privacy.people_without_consent()
    assert len(missing) == 5  # the people who did not answer the form
    assert "oisin.obrien@northwind-co.example" in {item.email for item in missing}
    assert {item.id for item in missing} == privacy.person_ids_without_consent()
    privacy.record_consent(missing[0].id, date(2026, 10, 2), "v3")
    assert Person.get_by_id(missing[0].id).consent_wording == "v3"
    assert len(privacy.people_without_consent()) == 4


def test_access_request_export(data_file: DataFile, tmp_path: Path) -> None:
    build_programme(data_file)
    json_path, csv_path = privacy_files.write_access_export(person_id(UMA), tmp_path / "uma")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["person"]["name"] == "Uma Sato"
    assert data["person"]["direct_reports"] == 5
    assert data["skills"]["teaches"] == ["Stakeholder management", "Public speaking"]
    assert data["cohorts"] == [{"cohort": "Reverse 2026", "role": "mentee", "capacity": 1}]
    (pair,) = data["pairs"]
    assert pair["partner"] == "Mateo Ferreira"
    assert pair["coordinator_notes"] == "Uma is shy at first"
    assert [s["notes"] for s in pair["sessions"]] == ["Moved", "Bring laptop"]
    assert pair["sessions"][1]["my_takeaways"] == ""  # the mentor's reflections are theirs
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["Section", "Item", "Value"]
    assert ["Person", "name", "Uma Sato"] in rows
    assert ["Pair 1", "goal 1", "Post a status update (10%, mentee)"] in rows


def test_an_access_export_is_written_whole_or_not_at_all(
    data_file: DataFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_programme(data_file)
    real_write = privacy_files.write_atomically

    def csv_finds_the_disk_full(destination: Path, data: bytes) -> Path:
        if destination.suffix == ".csv":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(destination))
        return real_write(destination, data)

    monkeypatch.setattr(privacy_files, "write_atomically", csv_finds_the_disk_full)
    with pytest.raises(OSError):
        privacy_files.write_access_export(person_id(UMA), tmp_path / "uma")
    assert list(tmp_path.glob("uma*")) == []


def test_erasure_leaves_no_trace_in_tables_or_bytes(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        programme = build_programme(opened)
        uma = person_id(UMA)
        assert b"Uma Sato" in raw_bytes(data_path)  # the check below can see her
        result = privacy.erase_person(uma, clock=lambda: datetime(2026, 10, 3, 12, 0))
        assert result.placeholder == "Erased person #1"
        placeholder = Person.get_by_id(uma)
        assert placeholder.name == "Erased person #1"
        assert placeholder.email is None and placeholder.department == ""
        assert placeholder.archived
        # Anonymous counts for statistics stay: enrolment, the pair and its sessions.
        assert Participation.select().where(Participation.person == uma).count() == 1
        pair = Pair.get_by_id(programme.pair_ids[0])
        assert pair.mentee_id == uma and pair.coordinator_notes == "" and pair.shared_summary == ""
        assert Goal.select().where(Goal.pair == pair.id).count() == 0
        assert Meeting.select().where(Meeting.pair == pair.id).count() == 2
        assert {m.notes for m in Meeting.select().where(Meeting.pair == pair.id)} == {""}
        assert Person.select().where(Person.manager == uma).count() == 0
        assert [row.person_id for row in Erasure.select()] == [uma]
        for trace in TRACES:
            assert text_in_tables(opened.database, trace) == [], trace
            assert trace.encode() not in raw_bytes(data_path), trace
        with pytest.raises(ValidationError):
            privacy.erase_person(uma)
    for trace in TRACES:
        assert trace.encode() not in raw_bytes(data_path), trace


def test_erasure_leaves_nothing_of_the_person_in_any_table_or_the_audit_trail(
    data_file: DataFile | ServerStore,
) -> None:
    build_programme(data_file)
    uma = person_id(UMA)
    assert "person.email" in text_in_tables(data_file.database, UMA)  # the search can see her
    assert "pair.coordinator_notes" in text_in_tables(data_file.database, "Uma is shy")
    privacy.erase_person(uma, clock=lambda: datetime(2026, 10, 3, 12, 0))
    for trace in (*TRACES, UMA):
        assert text_in_tables(data_file.database, trace) == [], trace
    # The trail says her record was changed, and which columns, without what they held.
    erased = audit.history("person", uma)[-1]
    assert (erased.action, "name" in erased.columns, "email" in erased.columns) == (
        "update",
        True,
        True,
    )
    trail = " ".join(" ".join(change.export_row()) for change in audit.all_changes()).lower()
    for trace in (*TRACES, UMA):
        assert trace.lower() not in trail, trace


def test_erasure_is_applied_again_after_restoring_an_older_backup(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma = person_id(UMA)
        older = backup.automatic_backup(opened.path, reason="manual")
        privacy.erase_person(uma)
    restore_closed(file_location(data_path), older)
    # Erased before the restored file took the old one's place: no moment holds her.
    for trace in TRACES:
        assert trace.encode() not in raw_bytes(data_path), trace
    with DataFile.open(data_path):
        assert Person.get_by_id(uma).name == "Erased person #1"
        assert [row.person_id for row in Erasure.select()] == [uma]
        assert privacy.reapply_erasures() == 0  # idempotent
    assert b"Uma Sato" in older.read_bytes(), "the backup itself is unchanged"


def test_backups_still_holding_the_data_can_be_purged(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma = person_id(UMA)
        backup.automatic_backup(opened.path, reason="manual", now=datetime(2026, 9, 1, 8, 0))
        result = privacy.erase_person(uma)
        exposure = privacy_files.backups_holding_erased_data(opened.path, uma, result.erased_at)
    assert len(exposure.backups) >= 2  # the manual one and the ones before each import
    assert exposure.kept_until is not None
    assert exposure.describe().startswith(
        f"{len(exposure.backups)} older backups still hold this person's data. "
        "Backups are kept for up to a year, so the last of them is removed by"
    )
    removed = privacy_files.purge_backups(data_path, uma, result.erased_at)
    assert sorted(removed) == sorted(exposure.backups)
    assert privacy_files.backups_holding_erased_data(data_path, uma, result.erased_at).backups == ()
    assert not any(b"Uma Sato" in info.path.read_bytes() for info in backup.list_backups(data_path))


def test_purging_finds_copies_under_any_name_and_half_written_ones(data_path: Path) -> None:
    """A copy saved into the backup folder by hand (``backup -o``) and what a killed backup
    left half-written hold the person too; purging removes them, and keeps what does not."""
    folder = backup_folder_for(data_path)
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma = person_id(UMA)
        folder.mkdir(exist_ok=True)  # the imports already backed the file up there
        by_hand = backup.copy_data_file(opened.path, folder / "before the audit.revmentor")
        half_written = folder / ".programme 2026-09-01_080000 daily.revmentor.999999999.partial"
        half_written.write_bytes(by_hand.read_bytes()[: len(by_hand.read_bytes()) // 2])
        notes = folder / "notes.txt"
        notes.write_text("Uma Sato asked for erasure on Monday.", encoding="utf-8")
        result = privacy.erase_person(uma)
        after = backup.copy_data_file(opened.path, folder / "after the erasure.revmentor")
        exposure = privacy_files.backups_holding_erased_data(opened.path, uma, result.erased_at)
        assert by_hand in exposure.backups
        assert exposure.some_kept_indefinitely
        privacy_files.purge_backups(opened.path, uma, result.erased_at)
    assert not by_hand.exists() and not half_written.exists()
    assert after.exists() and notes.exists(), "files that do not hold her are kept"
    for leftover in folder.iterdir():
        assert b"Uma Sato" not in leftover.read_bytes() or leftover == notes, leftover


def test_purging_covers_files_a_restore_set_aside(data_path: Path) -> None:
    """A file from a newer version and a damaged one, kept by a restore, may hold the person:
    they are counted and purged, and neither stops the erasure with an error."""
    folder = backup_folder_for(data_path)
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma = person_id(UMA)
        folder.mkdir(exist_ok=True)
        newer = backup.copy_data_file(opened.path, folder / "programme newer-version.revmentor")
        damaged = backup.copy_data_file(opened.path, folder / "programme damaged.revmentor")
        make_newer_version(newer)
        damage_table_root_page(damaged, "person")
        report = privacy_files.erase_with_backups(uma, opened.path, purge=False)
        assert {newer, damaged} <= set(report.exposure.backups)
        privacy_files.purge_backups(opened.path, uma, report.result.erased_at)
    assert not newer.exists() and not damaged.exists()
    for leftover in folder.iterdir():
        assert b"Uma Sato" not in leftover.read_bytes(), leftover


def test_retention_offers_people_whose_last_cohort_ended_long_ago(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    draft = cohorts.get_cohort(programme.cohort_id)
    draft.start_date, draft.end_date = date(2023, 1, 1), date(2024, 6, 30)
    cohorts.update_cohort(programme.cohort_id, draft)
    assert privacy.retention_months() == 24
    assert privacy.people_due_for_erasure(today=date(2026, 6, 30)) == []
    due = privacy.people_due_for_erasure(today=date(2026, 7, 1))
    assert len(due) == 43
    assert due[0].last_cohort == "Reverse 2026" and due[0].ended_on == date(2024, 6, 30)
    privacy.set_retention_months(36)
    assert privacy.people_due_for_erasure(today=date(2026, 7, 1)) == []
    privacy.erase_person(person_id(UMA), scrub=False)
    assert len(privacy.people_due_for_erasure(months=12, today=date(2026, 7, 1))) == 42
    # Someone also enrolled in a cohort that is still running is not offered.
    running = cohorts.add_cohort(cohorts.CohortDraft("Next round"))
    cohorts.enrol(running, person_id("hana.rossi@northwind-co.example"), "mentor", 1)
    assert len(privacy.people_due_for_erasure(months=12, today=date(2026, 7, 1))) == 41


def test_the_restore_command_keeps_people_erased(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from revmentor_desktop.cli import main

    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma = person_id(UMA)
        older = backup.automatic_backup(opened.path, reason="manual")
        privacy.erase_person(uma)
    assert main(["--data", str(data_path), "restore", str(older), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    with DataFile.open(data_path):
        assert Person.get_by_id(uma).name == "Erased person #1"
    for trace in TRACES:
        assert trace.encode() not in raw_bytes(data_path), trace
