"""People who share a name: labels that tell them apart in every list, and finding one person
from a name or an e-mail address."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor_desktop.domain import attention, cohorts, importing, pairs, people, sessions
from revmentor_desktop.domain.calendar import build_calendar
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.matching import workflow
from revmentor_desktop.domain.namesakes import (
    AmbiguousPerson,
    Identity,
    labels_of_namesakes,
    person_labels,
    resolve_person,
)
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.privacy import find_person_id, people_due_for_erasure
from revmentor_desktop.storage.models import Person

pytestmark = pytest.mark.usefixtures("data_file")
STAFF = Path(__file__).parent.parent / "data" / "staff_hris_export.csv"
NOW = datetime(2026, 3, 2, 9, 0)


def clock() -> datetime:
    return NOW


def add(name: str, **fields: object) -> int:
    return people.add_person(PersonDraft(name, **fields), clock)  # type: ignore[arg-type]


def import_staff() -> None:
    table = importing.read_table_file(STAFF)
    plan = importing.build_plan(table, importing.initial_mapping(table.headers))
    importing.apply_plan(plan, None)


def by_email(address: str) -> int:
    return find_person_id(address)


# --- Labels ---------------------------------------------------------------------------------


def test_the_real_staff_list_labels_only_the_shared_names_with_their_department() -> None:
    import_staff()

    labels = person_labels()

    shared = {label for label in labels.values() if "(" in label}
    assert shared == {
        "Kofi García (Operations)",
        "Kofi García (Customer Support)",
        "Hana Rossi (Finance)",
        "Hana Rossi (Marketing)",
        "Quentin García (Sales)",
        "Quentin García (IT)",
        "Zofia Jones (IT)",
        "Zofia Jones (Finance)",
    }
    assert labels[by_email("uma.sato@northwind-co.example")] == "Uma Sato"
    assert len(set(labels.values())) == len(labels) == 48


def test_same_name_and_department_falls_back_to_job_title_then_email() -> None:
    analyst = add("Alex Kim", department="Finance", job_title="Analyst", email="a1@example.org")
    manager = add("Alex Kim", department="Finance", job_title="Manager", email="a2@example.org")
    twin = add("Alex Kim", department="Finance", job_title="Manager", email="a3@example.org")
    it = add("Alex Kim", department="IT", email="a4@example.org")

    assert person_labels([analyst, manager, twin, it]) == {
        analyst: "Alex Kim (Finance, Analyst)",
        manager: "Alex Kim (Finance, Manager, a2@example.org)",
        twin: "Alex Kim (Finance, Manager, a3@example.org)",
        it: "Alex Kim (IT)",
    }


def test_a_label_does_not_depend_on_who_else_is_asked_for_and_counts_archived_people() -> None:
    current = add("Alex Kim", department="IT")
    former = add("Alex Kim", department="Finance")
    people.set_archived([former], True)

    assert person_labels([current]) == {current: "Alex Kim (IT)"}
    assert person_labels([current, former])[former] == "Alex Kim (Finance)"


def test_namesakes_alike_in_everything_are_told_apart_by_number() -> None:
    first = add("Alex Kim", department="IT")
    second = add("Alex Kim", department="IT")

    assert person_labels([first, second]) == {
        first: f"Alex Kim (IT, no. {first})",
        second: f"Alex Kim (IT, no. {second})",
    }


def test_without_a_department_the_job_title_is_followed_by_the_email() -> None:
    group = [
        Identity(1, "Alex Kim", "Finance", "", "a1@example.org"),
        Identity(2, "Alex Kim", "", "Finance", "a2@example.org"),  # could read as a department
        Identity(3, "Alex Kim", "", "", ""),
    ]

    assert labels_of_namesakes(group) == {
        1: "Alex Kim (Finance)",
        2: "Alex Kim (Finance, a2@example.org)",
        3: "Alex Kim (no. 3)",
    }


parts = st.sampled_from(["", "Finance", "IT", "Analyst"])


@given(st.lists(st.tuples(parts, parts, st.booleans()), min_size=2, max_size=8))
def test_namesakes_always_get_distinct_labels(people_parts: list[tuple[str, str, bool]]) -> None:
    group = [
        Identity(number, "Alex Kim", department, job, f"alex{number}@example.org" if mail else "")
        for number, (department, job, mail) in enumerate(people_parts, start=1)
    ]

    labels = labels_of_namesakes(group)

    assert len(set(labels.values())) == len(group)
    assert all(label.startswith("Alex Kim (") for label in labels.values())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(parts, parts, st.booleans()), min_size=1, max_size=6))
def test_the_file_labels_people_as_the_rule_does(people_parts: list[tuple[str, str, bool]]) -> None:
    """The SQL the lists use and the rule in Python give everyone the same label."""
    Person.delete().execute()
    group = []
    for number, (department, job, has_email) in enumerate(people_parts):
        email = f"alex{number}@example.org" if has_email else ""
        person_id = add("Alex Kim", department=department, job_title=job, email=email)
        group.append(Identity(person_id, "Alex Kim", department, job, email))

    assert person_labels() == labels_of_namesakes(group)


@pytest.fixture
def kims() -> tuple[int, int, int]:
    """Two Alex Kims, mentor and mentee of one cohort, and a mentor with a unique name."""
    finance = add("Alex Kim", department="Finance", email="alex.kim@example.org")
    it = add("Alex Kim", department="IT", email="alex.kim2@example.org")
    ana = add("Ana Ortiz", department="IT")
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Pilot", start_date=NOW.date()), clock)
    cohorts.enrol(cohort_id, finance, "mentor")
    cohorts.enrol(cohort_id, ana, "mentor")
    cohorts.enrol(cohort_id, it, "mentee")
    return finance, it, ana


def test_every_list_names_namesakes_by_their_labels(kims: tuple[int, int, int]) -> None:
    finance, it, ana = kims
    (cohort_id,) = [row.id for row in cohorts.list_cohorts()]
    pair_id = pairs.create_pair(pairs.PairDraft(cohort_id, finance, it, start_date=None), clock)
    session_id = sessions.add_session(sessions.SessionDraft(pair_id, NOW), clock)

    assert people.people_rows([finance, ana])[finance].label == "Alex Kim (Finance)"
    assert people.people_rows([finance, ana])[ana].label == "Ana Ortiz"
    (pair,) = pairs.list_pairs()
    assert (pair.mentor_name, pair.mentee_name) == ("Alex Kim (Finance)", "Alex Kim (IT)")
    assert pairs.pair_rows([pair_id])[pair_id].mentee_name == "Alex Kim (IT)"
    assert sessions.session_rows([session_id])[session_id].mentor_name == "Alex Kim (Finance)"
    (listed,) = sessions.list_sessions()
    assert listed.mentee_name == "Alex Kim (IT)"
    assert [row.name for row in cohorts.list_participants(cohort_id)] == [
        "Alex Kim (Finance)",
        "Alex Kim (IT)",
        "Ana Ortiz",
    ]
    assert cohorts.unpaired_names_by_cohort([cohort_id]) == {cohort_id: ["Ana Ortiz"]}
    texts = [item.text for item in attention.attention_items(clock)]
    assert "Alex Kim (Finance) & Alex Kim (IT): Session on Mon 2 Mar at 09:00" in texts
    assert "Alex Kim (Finance) & Alex Kim (IT): Agreement not signed yet — paired today" in texts
    assert "Pilot: 1 person has no pair yet: Ana Ortiz" in texts
    assert (
        "Pilot: 3 people take part without consent recorded: Alex Kim (Finance), Alex Kim (IT), "
        "Ana Ortiz" in texts
    )


def test_today_and_the_matching_assistant_name_namesakes_by_their_labels(
    kims: tuple[int, int, int],
) -> None:
    finance, it, _ana = kims
    (cohort_id,) = [row.id for row in cohorts.list_cohorts()]

    assert cohorts.unpaired_names_by_cohort([cohort_id]) == {
        cohort_id: ["Alex Kim (Finance)", "Alex Kim (IT)", "Ana Ortiz"]
    }
    result = workflow.propose(cohort_id)
    assert result.name(finance) == "Alex Kim (Finance)"
    assert {(p.mentor_name, p.mentee_name) for p in result.proposals} <= {
        ("Alex Kim (Finance)", "Alex Kim (IT)"),
        ("Ana Ortiz", "Alex Kim (IT)"),
    }
    pair_id = pairs.create_pair(pairs.PairDraft(cohort_id, finance, it, start_date=None), clock)
    pairs.change_status(pair_id, "activate", clock=clock)
    later = datetime(2026, 6, 1, 9, 0)
    (flagged,) = pairs.pairs_needing_attention(lambda: later)
    assert (flagged.mentor_name, flagged.mentee_name) == ("Alex Kim (Finance)", "Alex Kim (IT)")


def test_calendar_events_name_namesakes_by_their_labels(kims: tuple[int, int, int]) -> None:
    finance, it, _ana = kims
    (cohort_id,) = [row.id for row in cohorts.list_cohorts()]
    pair_id = pairs.create_pair(pairs.PairDraft(cohort_id, finance, it, start_date=None), clock)
    sessions.add_session(sessions.SessionDraft(pair_id, datetime(2026, 3, 9, 10, 0)), clock)

    (event,) = build_calendar(zone_name="Europe/London", clock=clock).walk("VEVENT")

    assert str(event["summary"]) == "Mentoring: Alex Kim (Finance) & Alex Kim (IT)"


def test_retention_names_namesakes_by_their_labels(kims: tuple[int, int, int]) -> None:
    (cohort_id,) = [row.id for row in cohorts.list_cohorts()]
    draft = cohorts.get_cohort(cohort_id)
    draft.start_date, draft.end_date = date(2020, 1, 1), date(2020, 6, 30)
    cohorts.update_cohort(cohort_id, draft)

    names = {item.name for item in people_due_for_erasure(12, today=date(2026, 3, 2))}

    assert names == {"Alex Kim (Finance)", "Alex Kim (IT)", "Ana Ortiz"}


# --- Finding one person ---------------------------------------------------------------------


def test_a_person_is_found_by_email_in_any_capitals_or_by_name_without_accents() -> None:
    import_staff()
    uma = by_email("uma.sato@northwind-co.example")

    assert resolve_person("  UMA.Sato@Northwind-co.example ") == uma
    assert resolve_person("uma  sato") == uma
    assert resolve_person("Kofi.Garcia2@NORTHWIND-co.example") == by_email(
        "kofi.garcia2@northwind-co.example"
    )


def test_a_shared_name_lists_everyone_it_fits_with_their_email() -> None:
    import_staff()

    with pytest.raises(AmbiguousPerson) as refused:
        resolve_person("kofi garcia")

    assert str(refused.value) == (
        "“kofi garcia” could be any of 2 people:\n"
        "  Kofi García <kofi.garcia@northwind-co.example> (Operations)\n"
        "  Kofi García <kofi.garcia2@northwind-co.example> (Customer Support)\n"
        "Give the e-mail address of the one you mean instead of the name."
    )


def test_a_name_that_fits_one_of_the_people_in_question_is_enough() -> None:
    import_staff()
    operations = by_email("kofi.garcia@northwind-co.example")

    assert resolve_person("Kofi García", among={operations}) == operations


def test_nobody_by_that_name_or_email_is_said_plainly() -> None:
    add("Ana Ortiz", email="ana@example.org")

    with pytest.raises(NotFound) as by_name:
        resolve_person("Zed  Nobody")
    with pytest.raises(NotFound) as by_address:
        resolve_person("zed@example.org")

    assert str(by_name.value) == (
        "No one named “Zed Nobody” is listed; check the spelling, or give their e-mail address."
    )
    assert str(by_address.value) == "Nobody has the e-mail address zed@example.org."
