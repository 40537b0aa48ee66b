"""An import is one edit: one undo takes all of it back (people, skills, reporting lines, a new
cohort, enrolments, the remembered mapping), and redo writes it again, row for row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, edits, people
from revmentor_desktop.domain.conflicts import EditConflict
from revmentor_desktop.domain.edits import Edit, RecordedImport
from revmentor_desktop.domain.importing import (
    ImportOptions,
    build_plan,
    initial_mapping,
    read_table_file,
)
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from tests.domain.test_undo_properties import dump_tables
from tests.helpers.fixture_files import FORM, STAFF, assert_backed_up_before_import

TODAY = date(2026, 10, 1)


def clock() -> datetime:
    return datetime(2026, 10, 1, 9, 0)


def import_people(path: Path, data_file: DataFile, **options: object) -> RecordedImport:
    table = read_table_file(path)
    plan = build_plan(table, initial_mapping(table.headers), ImportOptions(today=TODAY, **options))
    return edits.import_people(plan, backup_before_import_into(data_file), clock=clock)


def test_undo_takes_back_a_whole_import_with_its_new_cohort(data_file: DataFile) -> None:
    people.add_person(people.PersonDraft("Someone already here"), clock)
    empty = dump_tables()
    recorded = import_people(STAFF, data_file, cohort_name="Reverse 2026", default_role="mentee")
    assert isinstance(recorded.change, Edit)
    assert recorded.change.description == "Import 48 people"
    assert recorded.result.cohort_created
    assert recorded.result.enrolled == (("mentee", 48),)
    imported = dump_tables()

    edits.undo(recorded.change)
    assert dump_tables() == empty
    assert cohorts.list_cohorts() == []

    edits.redo(recorded.change)
    assert dump_tables() == imported


def test_undo_takes_back_the_updates_of_a_second_import(data_file: DataFile) -> None:
    """The form updates the 43 people of the staff list and enrols them in an existing cohort;
    undo restores their details, skills and enrolments exactly, and keeps the cohort."""
    cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    import_people(STAFF, data_file)
    before = dump_tables()
    recorded = import_people(FORM, data_file, cohort_name="Reverse 2026")
    assert recorded.result.updated == 43
    assert not recorded.result.cohort_created
    assert isinstance(recorded.change, Edit)
    after = dump_tables()

    edits.undo(recorded.change)
    assert dump_tables() == before
    edits.redo(recorded.change)
    assert dump_tables() == after


def test_enrolling_by_import_refuses_a_stale_save_of_the_cohort(data_file: DataFile) -> None:
    """A cohort dialog opened before the import would otherwise save its empty list of
    participants over the 48 people the import enrolled."""
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    opened_before = cohorts.load_cohort(cohort_id)
    import_people(STAFF, data_file, cohort_name="Reverse 2026", default_role="mentee")

    with pytest.raises(EditConflict):
        edits.update_cohort(cohort_id, opened_before.draft, opened_before)

    assert len(cohorts.get_cohort(cohort_id).participants or []) == 48


def test_an_import_that_changes_nothing_leaves_nothing_to_undo(data_file: DataFile) -> None:
    import_people(STAFF, data_file)
    again = import_people(STAFF, data_file)
    assert again.result.unchanged == 48
    assert again.change is None


def test_a_very_large_import_is_marked_irreversible(
    data_file: DataFile | ServerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edits.imports, "LARGEST_UNDOABLE_IMPORT", 47)
    recorded = import_people(STAFF, data_file)
    assert isinstance(recorded.change, IrreversibleChange)
    assert not recorded.undoable
    assert recorded.result.added == 48
    assert_backed_up_before_import(recorded.result, data_file)


def test_the_readme_states_the_limit_the_code_applies() -> None:
    readme = " ".join((Path(__file__).parents[2] / "README.md").read_text("utf-8").split())
    assert f"more than {edits.LARGEST_UNDOABLE_IMPORT:,} people at once" in readme
    assert "One Ctrl+Z takes back a whole import" in readme
