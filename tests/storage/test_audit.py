"""The audit trail: every change the app makes is recorded by table, row id, action and changed
column names, with who and when, on both stores; nothing personal is copied into it."""

from __future__ import annotations

import csv
import getpass
from pathlib import Path

import pytest

from revmentor_desktop.domain import audit, people
from revmentor_desktop.domain.privacy import erase_person
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import AuditEntry
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.cli import run

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]

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
    people.add_person(UMA)
    address = data_file.url if isinstance(data_file, ServerStore) else str(data_file.path)
    data_file.close()
    output = tmp_path / "audit.csv"
    status, _, err = run(capsys, "--data", address, "audit", "-o", str(output))
    assert status == 0, err
    rows = list(csv.reader(output.open(encoding="utf-8")))
    assert rows[0] == list(audit.EXPORT_HEADINGS)
    assert ["insert", "person", "1"] in [row[2:5] for row in rows[1:]]
