"""What the import wizard says in words: encodings a person recognises, one example row, and
the enrolments an import will make and made."""

from __future__ import annotations

import pytest

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.importing import (
    ImportOptions,
    apply_plan,
    build_plan,
    encoding_label,
    initial_mapping,
    read_table,
    read_table_file,
    sample_row,
)
from revmentor_desktop.domain.importing.summary import (
    planned_enrolments,
    planned_people,
    result_lines,
)
from revmentor_desktop.storage.database import DataFile
from tests.helpers.fixture_files import FORM, STAFF


@pytest.mark.parametrize(
    ("codec", "words"),
    [
        ("cp1250", "Central European (Windows-1250)"),
        ("windows-1250", "Central European (Windows-1250)"),
        ("utf-8-sig", "Unicode (UTF-8)"),
        ("latin-1", "Western European (ISO-8859-1)"),
        ("cp1251", "Cyrillic (Windows-1251)"),
        ("cp1253", "Greek (Windows-1253)"),
        ("cp1254", "Turkish (Windows-1254)"),
        ("shift_jis", "Japanese (Shift JIS)"),
        ("cp437", "CP437"),  # known to Python, without a plain name: its own name
        ("no-such-codec", "no-such-codec"),
    ],
)
def test_encodings_in_plain_words(codec: str, words: str) -> None:
    assert encoding_label(codec) == words


def test_the_example_row_is_the_fullest_of_the_first_rows() -> None:
    table = read_table(b"Name,Email,Team\nAna,,\nBo,bo@example.org,\nCy,cy@example.org,Web\n")
    row = sample_row(table)
    assert row is not None and (row.line, row.cells) == (4, ("Cy", "cy@example.org", "Web"))


def test_enrolments_in_the_roles_the_file_gives(data_file: DataFile) -> None:
    staff = read_table_file(STAFF)
    apply_plan(build_plan(staff, initial_mapping(staff.headers)), None)
    table = read_table_file(FORM)
    options = ImportOptions(cohort_name="Reverse 2026", default_role="mentee")
    plan = build_plan(table, initial_mapping(table.headers), options)
    assert planned_enrolments(plan) == (
        "Enrol 43 people in “Reverse 2026”: 21 as reverse mentor, 13 as mentee, "
        "9 as reverse mentor and mentee."
    )
    result = apply_plan(plan, None)
    cohort_id = cohorts.find_cohort_id("Reverse 2026")
    cohorts.update_cohort(
        cohort_id,
        cohorts.CohortDraft("Reverse 2026", mentor_label="IT guide", mentee_label="Leader"),
    )
    assert result_lines(result) == [
        "People: 0 added, 43 updated, 0 already up to date.",
        "Cohort “Reverse 2026” created, for reverse mentoring.",
        "Enrolled 43 people in “Reverse 2026”: 21 as IT guide, 13 as leader, "
        "9 as IT guide and leader.",
    ]


def test_no_cohort_no_enrolments(data_file: DataFile) -> None:
    table = read_table_file(FORM)
    plan = build_plan(table, initial_mapping(table.headers), ImportOptions())
    assert planned_enrolments(plan) == ""


def test_what_happens_to_people_in_a_sentence(data_file: DataFile) -> None:
    rows = "Name,Email,Team\nAna,ana@example.org,Web\nBo,bo@example.org,Web\n"
    table = read_table(rows.encode())
    plan = build_plan(table, initial_mapping(table.headers))
    assert planned_people(plan) == "Add 2 people."
    apply_plan(plan, None)
    rows = rows.replace("Bo,bo@example.org,Web", "Bo,bo@example.org,Sales")
    table = read_table(rows.encode())
    plan = build_plan(table, initial_mapping(table.headers))
    assert planned_people(plan) == "Update 1 person. 1 person is already up to date."
    table = read_table((rows + "Cy,cy@example.org,Web\n").encode())
    plan = build_plan(table, initial_mapping(table.headers))
    assert (
        planned_people(plan) == "Add 1 person and update 1 person. 1 person is already up to date."
    )
