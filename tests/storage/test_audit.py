"""The audit trail: every change the app makes is recorded by table, row id, action and changed
column names, with who and when, on both stores; nothing personal is copied into it."""

from __future__ import annotations

import csv
import dataclasses
import getpass
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from peewee import Database, SqliteDatabase

from revmentor_desktop.domain import audit, cohorts, edits, people
from revmentor_desktop.domain.privacy import erase_person
from revmentor_desktop.services.location import server_location
from revmentor_desktop.storage import server
from revmentor_desktop.storage.audit import owned_tables
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.migrations import migrate
from revmentor_desktop.storage.models import AuditEntry, Skill, binding_models_to
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.cli import run
from tests.helpers.server import new_server_database

pytestmark = pytest.mark.both_stores  # each test that takes ``data_file``

UMA = people.PersonDraft(name="Uma Sato", email="uma.sato@example.org", department="Finance")


def test_adding_changing_and_deleting_a_person_is_recorded_by_column_name(data_file) -> None:
    person_id = people.add_person(UMA)
    people.update_person(person_id, people.PersonDraft(name="Uma Sato", department="Legal"))
    people.delete_person(person_id)
    changes = audit.history("person", person_id)
    assert [change.action for change in changes] == ["insert", "update", "delete"]
    assert {"department", "email", "email_key"} <= set(changes[1].columns)
    assert "name" not in changes[1].columns
    assert {change.changed_by for change in changes} == {_user_of(data_file)}


def _user_of(store: DataFile | ServerStore) -> str:
    """The database role on a server; the operating system's user on a data file."""
    if isinstance(store, ServerStore):
        return store.database.execute_sql("SELECT current_user").fetchone()[0]
    return getpass.getuser()


def test_after_erasure_nothing_personal_remains_in_the_trail(data_file) -> None:
    person_id = people.add_person(UMA)
    people.update_person(person_id, people.PersonDraft(name="Uma Sato", department="Legal"))
    erase_person(person_id, scrub=False)
    actions = [change.action for change in audit.history("person", person_id)]
    assert actions[:2] == ["insert", "update"] and len(actions) >= 3
    text = " ".join(str(value) for row in AuditEntry.select().tuples() for value in row).lower()
    for trace in ("uma", "sato", "example.org", "finance", "legal"):
        assert trace not in text


def test_the_trail_exports_as_csv(data_file, tmp_path: Path, capsys) -> None:
    people.add_person(people.PersonDraft(name="Uma Sato", teaches=["Excel"]))
    address = data_file.url if isinstance(data_file, ServerStore) else str(data_file.path)
    data_file.close()
    output = tmp_path / "audit.csv"
    status, _, err = run(capsys, "--data", address, "audit", "-o", str(output))
    assert status == 0, err
    rows = list(csv.reader(output.open(encoding="utf-8")))
    assert rows[0] == list(audit.EXPORT_HEADINGS)
    assert ["insert", "person", "1"] in [row[2:5] for row in rows[1:]]
    # A skill of Uma's is named as part of her, by number only.
    assert ["insert", "skill", "1", "", "person 1"] in [row[2:] for row in rows[1:]]


def fields_of(person_id: int) -> list[tuple[str, ...]]:
    """The fields each line of the person's history names, newest first."""
    return [line.fields for line in audit.record_history("person", person_id)]


def test_a_persons_history_shows_the_changes_to_their_skills_and_cohorts(data_file) -> None:
    uma = people.add_person(people.PersonDraft(name="Uma Sato", teaches=["Excel"]))

    def save(**changes: object) -> None:
        saved = people.get_person(uma).draft
        edits.update_person(uma, dataclasses.replace(saved, **changes))

    save(job_title="Analyst")
    assert fields_of(uma) == [("Job title",), ()]  # the skills were left alone
    save(learns=["Python"])
    assert fields_of(uma)[0] == ("Skills",)
    save(department="Legal", teaches=["Excel", "SQL"])
    assert fields_of(uma)[:2] == [("Skills",), ("Department",)]
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"))
    edits.enrol(cohort_id, [uma], "mentee")
    assert fields_of(uma)[0] == ("Cohorts",)

    lines = audit.record_history("person", uma)
    assert [line.action for line in lines] == ["Changed"] * 5 + ["Added"]
    # Which fields, never what they held.
    shown = " ".join(" ".join(line.fields) for line in lines)
    assert not {"Excel", "SQL", "Python", "Legal", "Analyst"} & set(shown.split())


def test_the_rows_that_belong_to_a_person_are_named_in_their_history() -> None:
    """Each table whose rows go when a person goes is recorded with the person as its owner,
    and the person's History has a word for it."""
    assert owned_tables() == {
        "skill": "person",
        "participation": "person",
        "outcome_form": "person",
    }
    assert set(owned_tables()) <= set(audit.PART_LABELS)


@pytest.fixture(params=["file", "server"])
def version_11_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A programme as the RevMentor before migration 12 left it, bound to the models."""
    if request.param == "server":
        with new_server_database() as url:
            location = server_location(url)
            database: Database = server.connect(location.url, location.database_name)
            yield from _at_version_11(database)
        return
    yield from _at_version_11(
        SqliteDatabase(str(tmp_path / "old.revmentor"), pragmas={"foreign_keys": 1})
    )


def _at_version_11(database: Database) -> Iterator[Database]:
    database.connect(reuse_if_open=True)
    assert migrate(database, target_version=11)[-1] == 11
    try:
        with binding_models_to(database):
            yield database
    finally:
        database.close()


def test_the_upgrade_names_the_owners_of_rows_recorded_before(
    version_11_database: Database,
) -> None:
    now = datetime(2026, 11, 2, 10, 0)
    uma = people.add_person(people.PersonDraft("Uma Sato", teaches=["Excel", "SQL"]), lambda: now)
    gone = Skill.get(Skill.name == "SQL").id
    Skill.delete().where(Skill.id == gone).execute()

    assert 12 in migrate(version_11_database)

    owners = {
        (entry.row_key, entry.action): (entry.owner_table, entry.owner_key)
        for entry in AuditEntry.select().where(AuditEntry.table_name == "skill")
    }
    kept = str(Skill.get(Skill.name == "Excel").id)
    assert owners[(kept, "insert")] == ("person", str(uma))
    # A row deleted before the upgrade cannot tell whose it was.
    assert owners[(str(gone), "delete")] == ("", "")
