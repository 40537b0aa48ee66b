"""Importing the staff list and the enrolment form: people, roles, skills, reporting lines,
every problem row with its exact message, and all-or-nothing writing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.importing import (
    ChangeKind,
    DateOrder,
    Field,
    ImportOptions,
    apply_plan,
    build_plan,
    initial_mapping,
    read_table,
    read_table_file,
    remembered_mapping,
)
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Participation, Person
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.fixture_files import FORM, STAFF, assert_backed_up_before_import

TODAY = date(2026, 10, 1)
CONSENT_WORDING = "I consent to my details being used to run the programme"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plan_for(data: bytes | Path, **options: object):  # type: ignore[no-untyped-def]
    table = read_table_file(data) if isinstance(data, Path) else read_table(data, "test.csv")
    return build_plan(table, initial_mapping(table.headers), ImportOptions(today=TODAY, **options))


def import_file(data: bytes | Path, opened: DataFile | ServerStore, **options: object):  # type: ignore[no-untyped-def]
    plan = plan_for(data, **options)
    assert plan.can_apply(), [str(problem) for problem in plan.problems.first] + plan.file_problems
    return apply_plan(plan, backup_before_import_into(opened))


def person(email: str) -> Person:
    return Person.get(Person.email_key == email.lower())


def problems_of(data: bytes, **options: object) -> list[str]:
    plan = plan_for(data, **options)
    return plan.file_problems + [str(problem) for problem in plan.problems.first]


def test_staff_list_builds_people_with_reporting_lines(data_file: DataFile | ServerStore) -> None:
    result = import_file(STAFF, data_file)
    assert (result.added, result.updated, result.unchanged, result.skipped) == (48, 0, 0, 0)
    assert_backed_up_before_import(result, data_file)
    hana = person("hana.rossi@northwind-co.example")
    assert hana.name == "Hana Rossi"
    assert hana.department == "Finance"
    assert hana.job_title == "Senior Finance Manager"
    assert hana.hire_date == date(1997, 6, 10)
    assert hana.location == "Remote"
    assert hana.manager.name == "Uma Sato"
    assert person("elif.osúilleabhain@northwind-co.example").name == "Elif Ó Súilleabháin"
    assert person("uma.sato@northwind-co.example").manager is None
    reports = Person.select().where(Person.manager == person("uma.sato@northwind-co.example"))
    assert {report.name for report in reports} >= {"Hana Rossi", "Rosa Singh", "Zofia Jones"}
    assert Person.select().count() == 48
    # Two different people with the same name are both kept (matched by e-mail, not name).
    assert Person.select().where(Person.name == "Kofi García").count() == 2


def test_form_after_staff_list_completes_the_people(data_file: DataFile) -> None:
    import_file(STAFF, data_file)
    result = import_file(FORM, data_file, cohort_name="Reverse 2026", cohort_kind="reverse")
    assert (result.added, result.updated, result.unchanged, result.skipped) == (0, 43, 0, 0)
    assert Person.select().count() == 48  # matched by e-mail ignoring case: no duplicates

    chloe = person("chloe.ramirez@northwind-co.example")  # the form wrote it in capitals
    assert chloe.email == "chloe.ramirez@northwind-co.example"  # the stored spelling is kept
    assert chloe.consent_date == date(2026, 9, 4)
    assert chloe.consent_wording == CONSENT_WORDING
    assert people.skills_of(chloe.id) == (
        ["Career planning", "Leading meetings"],
        ["TikTok", "Online collaboration (Miro)"],
    )
    cohort_id = cohorts.find_cohort_id("Reverse 2026")
    assert cohorts.get_cohort(cohort_id).kind == "reverse"

    def enrolment(email: str) -> tuple[str, int]:
        row = Participation.get(
            (Participation.cohort == cohort_id) & (Participation.person == person(email).id)
        )
        return row.role, row.capacity

    assert enrolment("uma.sato@northwind-co.example") == ("mentee", 1)
    assert enrolment("ximena.obrien@northwind-co.example") == ("both", 2)
    assert enrolment("hana.rossi@northwind-co.example") == ("both", 3)
    assert enrolment("mateo.ferreira@northwind-co.example") == ("mentor", 2)
    assert enrolment("ben.nguyen@northwind-co.example") == ("mentor", 3)
    assert person("ximena.obrien@northwind-co.example").meeting_format == "video call"
    assert person("kofi.garcia@northwind-co.example").meeting_format == "either"
    assert person("mateo.ferreira@northwind-co.example").meeting_format == "either"

    # People who did not answer the form: not enrolled, no consent, no skills.
    oisin = person("oisin.obrien@northwind-co.example")
    assert oisin.consent_date is None
    assert people.skills_of(oisin.id) == ([], [])
    assert Participation.select().where(Participation.person == oisin.id).count() == 0
    assert Participation.select().where(Participation.cohort == cohort_id).count() == 43
    # The reporting lines of the staff list are untouched by the form.
    assert person("hana.rossi@northwind-co.example").manager.name == "Uma Sato"


def test_the_preview_shows_field_by_field_changes(data_file: DataFile) -> None:
    import_file(STAFF, data_file)
    plan = plan_for(FORM, cohort_name="Reverse 2026")
    first = plan.first_changes[0]
    assert first.kind == ChangeKind.UPDATE
    assert [(c.field, c.old, c.new) for c in first.changes] == [
        ("Meeting format", "either", "in person"),
        ("Consent date", "", "2026-09-08"),
        ("Consent wording", "", CONSENT_WORDING),
        ("Skills to share", "", "Stakeholder management; Public speaking"),
        ("Skills to learn", "", "WhatsApp Business; LinkedIn"),
        ("In “Reverse 2026”", "not enrolled", "mentee, capacity 1"),
    ]
    assert plan.notes == ["The cohort “Reverse 2026” does not exist yet; the import creates it."]
    changed = b"Work Email,Department\r\numa.sato@northwind-co.example,Treasury\r\n"
    plan = plan_for(changed)
    assert [(c.field, c.old, c.new) for c in plan.first_changes[0].changes] == [
        ("Department", "Finance", "Treasury")
    ]


def test_importing_twice_changes_nothing_the_second_time(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        import_file(STAFF, opened)
        import_file(FORM, opened, cohort_name="Reverse 2026")
    before = sha256(data_path)
    with DataFile.open(data_path) as opened:
        for source in (STAFF, FORM):
            plan = plan_for(source, cohort_name="Reverse 2026")
            assert (plan.added, plan.updated, plan.skipped) == (0, 0, 0)
            result = apply_plan(plan, backup_before_import_into(opened))
            assert result.backup_path is None  # nothing to write, so no backup either
    assert sha256(data_path) == before


def test_form_alone_needs_names_for_new_people(data_file: DataFile) -> None:
    plan = plan_for(FORM)
    assert plan.problems.total == 43
    assert str(plan.problems.first[0]) == (
        "Line 2, Name: A new person needs a name, and this row has none."
    )


HEADER = "First Name,Last Name,Work Email,Manager Email,Hire Date\r\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ",,ana@example.org,,2020-01-01",
            "Line 3, First Name: A new person needs a name, and this row has none.",
        ),
        (
            "Ana,Lima,ana.example.org,,2020-01-01",
            "Line 3, Work Email: “ana.example.org” is not a valid e-mail address "
            "(like name@example.org).",
        ),
        (
            "Ana,Lima,,,2020-01-01",
            "Line 3, Work Email: The e-mail address is missing; people are matched by e-mail.",
        ),
        (
            "Ana,Lima,BEN@Example.org,,2020-01-01",
            "Line 3, Work Email: BEN@Example.org is already on line 2 "
            "(e-mail addresses are compared ignoring capitals).",
        ),
        (
            "Ana,Lima,ana@example.org,,2020-02-30",
            "Line 3, Hire Date: “2020-02-30” is not a real date.",
        ),
        (
            "Ana,Lima,ana@example.org,,soon",
            "Line 3, Hire Date: “soon” is not a date "
            "(such as 2024-03-31, 31/03/2024 or 03/31/2024).",
        ),
        (
            "Ana,Lima,ana@example.org,boss@example.org,2020-01-01",
            "Line 3, Manager Email: The manager boss@example.org is neither in this file "
            "nor in RevMentor.",
        ),
        (
            "Ana,Lima,ana@example.org,ana@example.org,2020-01-01",
            "Line 3, Manager Email: A person cannot be their own manager.",
        ),
        (
            "Ana,Lima,ana@example.org,,2027-01-01",
            "Line 3, Hire Date: The hire date 2027-01-01 is in the future.",
        ),
    ],
)
def test_row_problems_have_exact_messages(data_file: DataFile, row: str, message: str) -> None:
    data = (HEADER + "Ben,Ode,ben@example.org,,2019-05-05\r\n" + row + "\r\n").encode()
    assert problems_of(data) == [message]


def test_values_longer_than_the_window_allows_are_refused(data_file: DataFile) -> None:
    long_name = "Ana " + "x" * 300
    data = (
        "Full name,Email,Department,Skills to share\r\n"
        f"{long_name},ana@example.org,IT,Excel\r\n"
        f"Ben,ben@example.org,{'d' * 201},Excel\r\n"
        f"Cy,cy@example.org,IT,Excel; {'s' * 101}\r\n"
        f"Di,{'d' * 250}@example.org,IT,Excel\r\n"
    ).encode()
    assert problems_of(data) == [
        "Line 2, Full name: Name is 304 characters long; the limit is 200.",
        "Line 3, Department: Department is 201 characters long; the limit is 200.",
        "Line 4, Skills to share: A skill to teach is 101 characters long; the limit is 100.",
        "Line 5, Email: E-mail address is 262 characters long; the limit is 254.",
    ]


def test_every_problem_row_is_listed(data_file: DataFile) -> None:
    data = (
        HEADER
        + ",,a@example.org,,\r\n"
        + "B,B,not-an-email,,\r\n"
        + "C,C,c@example.org,,31/02/2020\r\n"
        + "D,D,d@example.org,nobody@example.org,\r\n"
        + "E,E,e@example.org,,\r\n"
    ).encode()
    plan = plan_for(data)
    assert [(p.line, p.column) for p in plan.problems.first] == [
        (2, "First Name"),
        (3, "Work Email"),
        (4, "Hire Date"),
        (5, "Manager Email"),
    ]
    assert str(plan.problems.first[2]) == "Line 4, Hire Date: “31/02/2020” is not a real date."
    assert plan.summary() == "1 added, 0 updated, 0 unchanged, 4 skipped"


def test_a_report_of_a_skipped_manager_is_skipped_too(data_file: DataFile) -> None:
    data = HEADER + ",,boss@example.org,,\r\nAna,Lima,ana@example.org,boss@example.org,\r\n"
    assert problems_of(data.encode()) == [
        "Line 2, First Name: A new person needs a name, and this row has none.",
        "Line 3, Manager Email: The manager boss@example.org is on line 2, which has problems "
        "and is not imported.",
    ]


def test_managers_later_in_the_file_and_loops(data_file: DataFile) -> None:
    data = HEADER + "Ana,Lima,ana@example.org,ben@example.org,\r\nBen,Ode,ben@example.org,,\r\n"
    import_file(data.encode(), data_file)
    assert person("ana@example.org").manager.name == "Ben Ode"
    loop = "Work Email,Manager Email\r\nben@example.org,ana@example.org\r\n"
    assert problems_of(loop.encode()) == [
        "Line 2, Manager Email: The reporting lines would form a loop (someone would manage "
        "their own manager)."
    ]


def test_file_with_only_headers(data_file: DataFile) -> None:
    assert problems_of(HEADER.encode()) == [
        "The file has column headings but no rows of people: there is nothing to import."
    ]


def test_file_without_email_column(data_file: DataFile) -> None:
    assert problems_of(b"Name,Department\nAna,IT\n") == [
        "No column is mapped to E-mail. People are matched by e-mail address, so the file "
        "needs one."
    ]


def test_semicolon_windows_1252_file_imports(data_file: DataFile) -> None:
    text = "Vorname;Nachname;E-Mail;Abteilung\r\nJörg;Müller;jorg@example.org;Vertrieb Süd\r\n"
    result = import_file(text.encode("cp1252"), data_file)
    assert result.added == 1
    assert person("jorg@example.org").name == "Jörg Müller"
    assert person("jorg@example.org").department == "Vertrieb Süd"


def test_utf16_file_imports(data_file: DataFile) -> None:
    text = "Full name\tE-mail\tGrade\r\nZoë Ångström\tzoe@example.org\tG7\r\n"
    import_file(text.encode("utf-16"), data_file)
    assert person("zoe@example.org").name == "Zoë Ångström"
    assert person("zoe@example.org").grade == 7


def test_date_order_inferred_from_the_column(data_file: DataFile) -> None:
    data = b"Name,Email,Start date\nA,a@x.org,03/04/2020\nB,b@x.org,25/12/2019\n"
    plan = plan_for(data)
    assert plan.date_orders == {"Start date": "day-first (from the values)"}
    apply_plan(plan, backup_before_import_into(data_file))
    assert person("a@x.org").hire_date == date(2020, 4, 3)


def test_undecided_date_order_must_be_chosen(data_file: DataFile) -> None:
    data = b"Name,Email,Start date\nA,a@x.org,03/04/2020\nB,b@x.org,05/06/2019\n"
    plan = plan_for(data)
    assert plan.needs_date_order
    assert plan.file_problems == [
        "The dates in “Start date” (such as “03/04/2020”) could be day-first or month-first; "
        "choose the date order (day-first or month-first)."
    ]
    assert not plan.can_apply(skip_invalid=True)
    apply_plan(plan_for(data, date_order=DateOrder.MDY), backup_before_import_into(data_file))
    assert person("a@x.org").hire_date == date(2020, 3, 4)


def test_chosen_date_order_makes_impossible_dates_errors(data_file: DataFile) -> None:
    data = b"Name,Email,Start date\nA,a@x.org,25/12/2019\n"
    assert problems_of(data, date_order=DateOrder.MDY) == [
        "Line 2, Start date: “25/12/2019” is not a real date."
    ]


def test_failed_import_leaves_the_data_file_byte_identical(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        import_file(STAFF, opened)
    before = sha256(data_path)
    bad = (HEADER + "Ana,Lima,ana@example.org,,\r\n,,x@example.org,,\r\n").encode()
    with DataFile.open(data_path) as opened:
        plan = plan_for(bad, cohort_name="New cohort")
        with pytest.raises(RuleViolation, match="Nothing was imported"):
            apply_plan(plan, backup_before_import_into(opened))
    assert sha256(data_path) == before


def test_failure_while_writing_rolls_everything_back(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with DataFile.open(data_path, create=True) as opened:
        import_file(STAFF, opened)
    before = sha256(data_path)
    with DataFile.open(data_path) as opened:
        plan = plan_for(FORM, cohort_name="Reverse 2026")

        def fail(*_arguments: object) -> None:
            raise RuntimeError("disk trouble")

        monkeypatch.setattr("revmentor_desktop.domain.importing.apply._Writer.write_managers", fail)
        with pytest.raises(RuntimeError):
            apply_plan(plan, backup_before_import_into(opened))
        assert Person.select().where(Person.consent_date.is_null(False)).count() == 0
    assert sha256(data_path) == before


def test_a_failing_backup_stops_the_import(data_file: DataFile) -> None:
    def failing_backup() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        apply_plan(plan_for(STAFF), failing_backup)
    assert Person.select().count() == 0


def test_skip_invalid_imports_the_valid_rows(data_file: DataFile) -> None:
    data = (HEADER + "Ana,Lima,ana@example.org,,\r\n,,x@example.org,,\r\n").encode()
    plan = plan_for(data)
    assert not plan.can_apply()
    result = apply_plan(plan, backup_before_import_into(data_file), skip_invalid=True)
    assert (result.added, result.skipped) == (1, 1)
    assert [str(p) for p in result.skipped_problems] == [
        "Line 3, First Name: A new person needs a name, and this row has none."
    ]


def test_corrected_mapping_is_remembered(data_file: DataFile) -> None:
    data = b"Who,Contact,Team\nAna Lima,ana@example.org,IT\n"
    table = read_table(data)
    mapping = initial_mapping(table.headers)
    assert mapping.fields == (None, None, Field.DEPARTMENT)
    mapping = mapping.with_column(0, Field.FULL_NAME).with_column(1, Field.EMAIL)
    apply_plan(
        build_plan(table, mapping, ImportOptions(today=TODAY)), backup_before_import_into(data_file)
    )
    assert remembered_mapping(table.headers) == mapping
    assert initial_mapping(["who", "CONTACT", "team"]) == mapping  # same headers, other case


def test_cohort_enrolment_with_default_role_and_wordings(data_file: DataFile) -> None:
    data = (
        b"Name,Email,I would like to take part as,Capacity\r\n"
        b"A,a@x.org,Reverse mentor (I can share digital skills),2\r\n"
        b"B,b@x.org,Mentee (I want to learn),\r\n"
        b"C,c@x.org,,\r\n"
        b"D,d@x.org,Learning partner,\r\n"
        b"E,e@x.org,Whatever,\r\n"
    )
    assert problems_of(data, cohort_name="Mutual 27", cohort_kind="mutual") == [
        "Line 6, I would like to take part as: “Whatever” is not a role RevMentor knows "
        "(mentor, mentee or both)."
    ]
    result = import_file(
        data.replace(b"Whatever", b"Both"),
        data_file,
        cohort_name="Mutual 27",
        cohort_kind="mutual",
        default_role="mentee",
    )
    roles = {
        row.person.email: (row.role, row.capacity)
        for row in Participation.select().where(Participation.cohort == result.cohort_id)
    }
    assert roles == {
        "a@x.org": ("mentor", 2),
        "b@x.org": ("mentee", 1),
        "c@x.org": ("mentee", 1),
        "d@x.org": ("both", 1),
        "e@x.org": ("both", 1),
    }
    assert cohorts.get_cohort(result.cohort_id).kind == "mutual"


def test_skills_split_on_semicolons_commas_and_newlines(data_file: DataFile) -> None:
    data = b'Name,Email,Skills to share\nA,a@x.org,"Excel; Canva, TikTok\nexcel"\n'
    import_file(data, data_file)
    assert people.skills_of(person("a@x.org").id)[0] == ["Excel", "Canva", "TikTok"]


def test_a_second_import_replaces_the_skills_it_gives_and_keeps_the_rest(
    data_file: DataFile,
) -> None:
    first = (
        b"Name,Email,Skills to share,Skills to learn\n"
        b"A,Ana.Lee@x.org,Excel,Canva\nB,b@x.org,Word,TikTok\n"
    )
    import_file(first, data_file)
    again = (
        b"Name,Email,Skills to share,Department\n"
        b"A,ana.lee@X.ORG,Figma; Miro,Finance\nB,b@x.org,Word,Legal\n"
    )
    import_file(again, data_file)

    ana, b = person("ana.lee@x.org"), person("b@x.org")
    assert people.skills_of(ana.id) == (["Figma", "Miro"], ["Canva"])  # learns: not in the file
    assert people.skills_of(b.id) == (["Word"], ["TikTok"])
    assert ana.email == "Ana.Lee@x.org"  # the stored spelling stays
    assert "ana.lee@x.org finance" in ana.search_key


def test_consent_without_timestamp_is_dated_on_the_import_day(data_file: DataFile) -> None:
    data = b"Name,Email,Consent\nA,a@x.org,Yes\nB,b@x.org,No\n"
    import_file(data, data_file, consent_wording="v2 (2026)")
    assert person("a@x.org").consent_date == TODAY
    assert person("a@x.org").consent_wording == "v2 (2026)"
    assert person("b@x.org").consent_date is None
    # A later run (another day) keeps the date consent was first recorded.
    plan = build_plan(
        read_table(data),
        initial_mapping(["Name", "Email", "Consent"]),
        ImportOptions(today=date(2027, 1, 1), consent_wording="v2 (2026)"),
    )
    assert plan.unchanged == 2
