"""The two fixture files in tests/data, imported as a coordinator would import them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.importing import (
    ImportOptions,
    ImportResult,
    apply_plan,
    build_plan,
    initial_mapping,
    read_table_file,
)
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Person
from revmentor_desktop.storage.server import ServerStore

DATA = Path(__file__).parents[1] / "data"
STAFF = DATA / "staff_hris_export.csv"  # the HR system's export of the staff list
FORM = DATA / "enrolment_form_responses.csv"  # the enrolment form's answers
TODAY = date(2026, 10, 1)
COHORT = "Reverse 2026"


def import_both_files(opened: DataFile | ServerStore | None) -> int:
    """The HR export, then the enrolment form, imported into the reverse-mentoring cohort
    "Reverse 2026"; its id. ``opened`` is the open programme (a data file is backed up first;
    None: no backup)."""
    for name in ("staff_hris_export.csv", "enrolment_form_responses.csv"):
        table = read_table_file(DATA / name)
        options = ImportOptions(today=TODAY, cohort_name=COHORT)  # a reverse cohort
        backup = None if opened is None else backup_before_import_into(opened)
        apply_plan(build_plan(table, initial_mapping(table.headers), options), backup)
    return cohorts.find_cohort_id(COHORT)


def assert_backed_up_before_import(result: ImportResult, opened: DataFile | ServerStore) -> None:
    """A data file is backed up before an import changes it; a server database is not (its
    backups are its administrator's), and the result names no backup."""
    if isinstance(opened, DataFile):
        assert result.backup_path is not None and result.backup_path.exists()
    else:
        assert result.backup_path is None


def person_id(email: str) -> int:
    """The id of the person with this e-mail address (in any case)."""
    return int(Person.get(Person.email_key == email.lower()).id)
