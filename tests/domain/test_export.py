"""Exports: CSV that Excel opens safely, JSON of everything, private fields only on request,
atomic files, read-only access while the app holds the file, and export → import round trips."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain import exporting, pairs, people, sessions
from revmentor_desktop.domain.importing import (
    ImportOptions,
    apply_plan,
    build_plan,
    initial_mapping,
    read_table,
)
from revmentor_desktop.services import exports
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Person
from revmentor_desktop.storage.reading import open_for_reading
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.fixture_files import TODAY, import_both_files, person_id


@dataclass
class Programme:
    cohort_id: int
    pair_ids: list[int]
    session_ids: list[int]


def build_programme(opened: DataFile | ServerStore) -> Programme:
    """Both fixture files imported into a cohort, two pairs and a few sessions with notes."""
    cohort_id = import_both_files(opened)
    pair_ids = [
        pairs.create_pair(
            pairs.PairDraft(
                cohort_id,
                person_id("mateo.ferreira@northwind-co.example"),
                person_id("uma.sato@northwind-co.example"),
                coordinator_notes="Uma is shy at first",
                shared_summary="Uma learns WhatsApp Business",
                goals=[pairs.GoalDraft("Post a status update", 10)],
            )
        ),
        pairs.create_pair(
            pairs.PairDraft(
                cohort_id,
                person_id("nadia.yilmaz@northwind-co.example"),
                person_id("kofi.garcia@northwind-co.example"),
                coordinator_notes='=HYPERLINK("http://evil")',
            )
        ),
    ]
    clock = lambda: datetime(2026, 10, 1, 9, 0)  # noqa: E731
    session_ids = []
    for pair_id, day in ((pair_ids[0], 5), (pair_ids[0], 26), (pair_ids[1], 7)):
        session_ids.append(
            sessions.add_session(
                sessions.SessionDraft(
                    pair_id,
                    datetime(2026, 10, day, 14, 30),
                    duration_minutes=45,
                    notes="Bring laptop",
                    mentor_takeaways="Mentor reflection",
                ),
                clock=clock,
            )
        )
    draft = sessions.SessionDraft(pair_ids[0], datetime(2026, 10, 5, 15, 0), notes="Moved")
    sessions.update_session(session_ids[0], draft, clock=clock)
    return Programme(cohort_id, pair_ids, session_ids)


def rows_of(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Anna", "Anna"),
        ("", ""),
        (5, 5),
    ],
)
def test_neutralise(value: object, expected: object) -> None:
    assert exporting.neutralise(value) == expected


def test_people_csv_leaves_private_fields_out_unless_asked(data_file: DataFile) -> None:
    build_programme(data_file)
    uma_id = person_id("uma.sato@northwind-co.example")
    draft = people.get_person(uma_id).draft
    draft.coordinator_notes = "=cmd|' /C calc'!A0"
    people.update_person(uma_id, draft)
    public = rows_of(exporting.people_csv())
    assert len(public) == 48
    assert list(public[0]) == list(exporting.PEOPLE_CSV_COLUMNS)
    uma = next(row for row in public if row["email"] == "uma.sato@northwind-co.example")
    assert uma["id"] == str(person_id("uma.sato@northwind-co.example"))
    assert "coordinator_notes" not in uma and "location" not in uma
    assert uma["teaches"] == "Stakeholder management; Public speaking"
    hana = next(row for row in public if row["name"] == "Hana Rossi")
    assert hana["manager_email"] == "uma.sato@northwind-co.example"
    private = rows_of(exporting.people_csv(include_private=True))
    uma = next(row for row in private if row["email"] == "uma.sato@northwind-co.example")
    assert uma["coordinator_notes"] == "'=cmd|' /C calc'!A0"
    assert uma["location"] == "Dublin"


def test_pairs_sessions_and_cohorts_csv(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    pair_rows = rows_of(exporting.pairs_csv())
    assert [row["id"] for row in pair_rows] == [str(i) for i in programme.pair_ids]
    assert pair_rows[0]["mentee_email"] == "uma.sato@northwind-co.example"
    assert "coordinator_notes" not in pair_rows[0]
    private_pairs = rows_of(exporting.pairs_csv(include_private=True))
    assert private_pairs[1]["coordinator_notes"] == '\'=HYPERLINK("http://evil")'
    session_rows = rows_of(exporting.sessions_csv())
    assert [row["sequence"] for row in session_rows] == ["1", "0", "0"]
    assert "notes" not in session_rows[0]
    assert rows_of(exporting.sessions_csv(True))[0]["notes"] == "Moved"
    cohort_rows = rows_of(exporting.cohorts_csv())
    assert cohort_rows[0]["name"] == "Reverse 2026"
    assert cohort_rows[0]["participants"] == "43"


def test_everything_as_json(data_file: DataFile, tmp_path: Path) -> None:
    build_programme(data_file)
    target = tmp_path / "all.json"
    exports.export("all", target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "revmentor-export" and data["version"] == 1
    assert data["includes_private"] is False
    assert set(data) >= {"people", "cohorts", "pairs", "sessions"}
    assert len(data["people"]) == 48
    assert "coordinator_notes" not in data["people"][0]
    assert data["cohorts"][0]["participants"][0]["role"] in {"mentor", "mentee", "both"}
    assert data["pairs"][0]["goals"] == [
        {"owner": "mentee", "description": "Post a status update", "progress": 10}
    ]
    assert "notes" not in data["sessions"][0]
    exports.export("all", target, include_private=True)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["sessions"][0]["notes"] == "Moved"
    assert not list(tmp_path.glob(".*writing"))  # no temporary file left behind


def test_export_reads_while_the_app_holds_the_file(data_path: Path, tmp_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        before = data_path.read_bytes()
        held = opened.database
        # The app keeps the file open for writing; the export opens its own read-only view.
        with open_for_reading(data_path) as database:
            assert database is not held
            exports.export("people", tmp_path / "people.csv")
            with pytest.raises(Exception, match=r"readonly|read-only|query_only|attempt to write"):
                Person.update(name="x").execute()
        assert Person.select().count() == 48  # the app's binding is back
        assert data_path.read_bytes() == before
    assert len(rows_of((tmp_path / "people.csv").read_bytes())) == 48


@pytest.mark.parametrize("include_private", [False, True])
def test_export_then_import_round_trips_every_person(
    data_path: Path, tmp_path: Path, include_private: bool
) -> None:
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        exported = exporting.people_csv(include_private)
        original = {
            row.id: (row.name, row.email, row.department, row.job_title, row.manager_name)
            for row in people.list_people(people.PeopleQuery(include_archived=True))
        }
        original_skills = {pid: people.skills_of(pid) for pid in original}
        originals = {pid: people.get_person(pid).draft for pid in original}
    copy = tmp_path / "copy.revmentor"
    with DataFile.open(copy, create=True) as opened:
        table = read_table(exported, "people.csv")
        plan = build_plan(table, initial_mapping(table.headers), ImportOptions(today=TODAY))
        assert not plan.problems and plan.file_problems == []
        apply_plan(plan, backup_before_import_into(opened))
        imported = {
            row.email: (row.name, row.email, row.department, row.job_title, row.manager_name)
            for row in people.list_people(people.PeopleQuery(include_archived=True))
        }
        assert sorted(imported.values()) == sorted(original.values())
        for pid, values in original.items():
            new_id = person_id(values[1])
            assert people.skills_of(new_id) == original_skills[pid]
            draft = people.get_person(new_id).draft
            assert draft.meeting_format == originals[pid].meeting_format
            if include_private:
                assert draft.hire_date == originals[pid].hire_date
                assert draft.location == originals[pid].location
                assert draft.consent_date == originals[pid].consent_date
                assert draft.consent_wording == originals[pid].consent_wording
