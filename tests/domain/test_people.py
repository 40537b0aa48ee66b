"""Rules for people: names, e-mail addresses, managers, grades and deletion."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.queries import FIRST_PAGE
from revmentor_desktop.storage.models import Cohort, Person
from tests.helpers.statements import statements_sent

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]
TODAY = date(2026, 11, 2)


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


def add(name: str, **fields: object) -> int:
    return people.add_person(PersonDraft(name, **fields), clock)  # type: ignore[arg-type]


def test_a_name_is_required() -> None:
    assert people.validate_person(PersonDraft("  ")) == {"name": "Enter the person's name."}


def test_an_invalid_email_is_refused_with_an_example() -> None:
    problems = people.validate_person(PersonDraft("Ada", email="ada.example.org"))
    assert problems["email"] == (
        "“ada.example.org” is not a valid e-mail address (like name@example.org)."
    )


def test_email_is_unique_ignoring_case() -> None:
    add("Ada Lovelace", email="Ada@Example.org")
    problems = people.validate_person(PersonDraft("Ada Two", email="ada@example.ORG"))
    assert problems == {"email": "Ada Lovelace already has the e-mail address ada@example.ORG."}
    with pytest.raises(ValidationError):
        add("Ada Two", email="ADA@example.org")


def test_a_person_keeps_their_own_email_when_edited() -> None:
    ada = add("Ada Lovelace", email="ada@example.org")
    assert people.validate_person(PersonDraft("Ada L.", email="ADA@example.org"), ada) == {}


def test_manager_cycles_are_refused() -> None:
    boss = add("Grace Hopper")
    ada = add("Ada Lovelace", manager_id=boss)
    report = add("Alan Turing", manager_id=ada)
    message = "A person cannot report to themselves or to their own reports."
    assert people.validate_person(PersonDraft("Grace", manager_id=report), boss) == {
        "manager_id": message
    }
    assert people.validate_person(PersonDraft("Ada", manager_id=ada), ada) == {
        "manager_id": message
    }
    with pytest.raises(ValidationError):
        people.update_person(boss, PersonDraft("Grace Hopper", manager_id=report), clock)


def test_hire_date_in_the_future_and_grade_out_of_range() -> None:
    draft = PersonDraft("Ada", hire_date=date(2027, 1, 1), grade=120)
    assert people.validate_person(draft, today=TODAY) == {
        "hire_date": "The hire date is in the future.",
        "grade": "The grade must be a whole number from 0 to 99.",
    }


def test_skills_are_cleaned_and_kept_apart_by_direction() -> None:
    ada = add("Ada", teaches=[" Python ", "python", "TikTok"], learns=["Negotiation"])
    assert people.skills_of(ada) == (["Python", "TikTok"], ["Negotiation"])


def test_someone_with_history_cannot_be_deleted_only_archived() -> None:
    ada = add("Ada Lovelace")
    cohort = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    cohorts.enrol(cohort, ada, "mentor")
    with pytest.raises(RuleViolation) as refused:
        people.delete_person(ada)
    assert str(refused.value) == (
        "Ada Lovelace takes part in a cohort or pair, so they can only be archived."
    )


def test_deleting_a_manager_clears_the_link_of_their_reports() -> None:
    boss = add("Grace Hopper")
    ada = add("Ada Lovelace", manager_id=boss)
    people.delete_person(boss)
    assert people.get_person(ada).draft.manager_id is None


def _programme() -> dict[str, int]:
    """Ada mentors Bo and Cy in Reverse 2026; Bo was a mentee in Traditional 2025, Di only
    there; Ed's only cohort, Reverse 2024, is archived."""
    ids = {name: add(name) for name in ("Ada", "Bo", "Cy", "Di", "Ed")}

    def cohort(name: str, start: date) -> int:
        draft = cohorts.CohortDraft(name, kind=name.split()[0].lower(), start_date=start)
        return cohorts.add_cohort(draft, clock)

    newer = cohort("Reverse 2026", date(2026, 1, 1))
    older = cohort("Traditional 2025", date(2025, 1, 1))
    archived = cohort("Reverse 2024", date(2024, 1, 1))
    cohorts.enrol(newer, ids["Ada"], "mentor", capacity=2)
    for name in ("Bo", "Cy"):
        cohorts.enrol(newer, ids[name], "mentee")
    for name in ("Bo", "Di"):
        cohorts.enrol(older, ids[name], "mentee")
    cohorts.enrol(archived, ids["Ed"], "mentee")
    Cohort.update(archived=True).where(Cohort.id == archived).execute()
    for mentee in ("Bo", "Cy"):
        pairs.create_pair(pairs.PairDraft(newer, ids["Ada"], ids[mentee]), clock)
    return ids


def test_people_rows_say_cohorts_roles_and_open_pairs() -> None:
    ids = _programme()
    rows = people.people_rows(list(ids.values()))
    shown = {name: (rows[i].cohorts, rows[i].roles, rows[i].open_pairs) for name, i in ids.items()}
    assert shown == {
        "Ada": ("Reverse 2026", "Reverse mentor", 2),
        "Bo": ("Reverse 2026, Traditional 2025", "Mentee", 1),  # newest first, the role once
        "Cy": ("Reverse 2026", "Mentee", 1),
        "Di": ("Traditional 2025", "Mentee", 0),
        "Ed": ("", "", 0),  # only in an archived cohort
    }


@pytest.mark.parametrize(
    ("sort_by", "ascending", "descending"),
    [
        ("cohort", ["Ada", "Bo", "Cy", "Di", "Ed"], ["Di", "Ada", "Bo", "Cy", "Ed"]),
        ("role", ["Bo", "Cy", "Di", "Ada", "Ed"], ["Ada", "Bo", "Cy", "Di", "Ed"]),
        ("paired", ["Di", "Ed", "Bo", "Cy", "Ada"], ["Ada", "Bo", "Cy", "Di", "Ed"]),
    ],
)
def test_the_new_columns_sort_in_sql(
    sort_by: str, ascending: list[str], descending: list[str]
) -> None:
    """By the newest cohort's name, the role in it and the number of open pairs; people
    without a cohort come last either way."""
    names = {person_id: name for name, person_id in _programme().items()}
    for is_descending, expected in ((False, ascending), (True, descending)):
        query = people.PeopleQuery(sort_by=sort_by, descending=is_descending)
        assert [names[i] for i in people.people_ids(query)] == expected


def test_rows_for_a_page_of_people_take_the_same_few_queries_however_many() -> None:
    """No query per row: a list of 10,000 people fetches its rows a page at a time."""
    ids = _programme()
    for number in range(40):
        ids[f"Extra {number}"] = add(f"Extra {number}")
    with statements_sent() as statements:
        people.people_rows(list(ids.values())[:3])
    few = len(statements)
    with statements_sent() as statements:
        people.people_rows(list(ids.values()))
    assert len(statements) == few <= 3


def test_people_with_or_without_a_pair_can_be_listed_apart() -> None:
    names = {person_id: name for name, person_id in _programme().items()}
    paired = people.people_ids(people.PeopleQuery(paired=True))
    waiting = people.people_ids(people.PeopleQuery(paired=False, search="d"))
    assert [names[i] for i in paired] == ["Ada", "Bo", "Cy"]
    assert [names[i] for i in waiting] == ["Di", "Ed"]


def _people_to_search() -> dict[str, int]:
    """Names that differ only in capitals or accents, and text holding LIKE's wildcards."""
    found = {
        name: add(name, email=email, department=department, job_title=job)
        for name, email, department, job in (
            ("Zoë Ødegaard", "zoe.o@example.org", "Finance", ""),
            ("zoe park", "", "Platform", ""),
            ("ZOE KIM", "zoe2000@example.org", "", ""),
            ("Jörg Müller", "", "Finance", "100% remote"),
            ("Anna Muller", "anna_m@example.org", "", ""),
            ("Ana Pérez", "", "Legal", ""),
            ("ana perez", "", "", "Data manager, total rewards"),
            ("Éric Dubois", "", "", ""),
        )
    }
    people.set_archived([add("Zoe Archived")], archived=True)
    return found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zoe", ["ZOE KIM", "Zoë Ødegaard", "zoe park"]),
        ("ZOË", ["ZOE KIM", "Zoë Ødegaard", "zoe park"]),
        ("MÜLLER", ["Anna Muller", "Jörg Müller"]),
        ("perez", ["Ana Pérez", "ana perez"]),
        ("eric", ["Éric Dubois"]),
        ("finance", ["Jörg Müller", "Zoë Ødegaard"]),
        ("  jörg ", ["Jörg Müller"]),
        ("a_m", ["Anna Muller"]),  # "_" is itself, not any one letter ("data manager")
        ("0%", ["Jörg Müller"]),  # "%" is itself, not any text ("zoe2000")
        ("t%l", []),  # not "total"
    ],
)
def test_the_search_ignores_capitals_and_accents_and_means_what_is_typed(
    typed: str, expected: list[str]
) -> None:
    """The same people, in the same order, on a data file and on a server."""
    names = {person_id: name for name, person_id in _people_to_search().items()}
    found = people.people_ids(people.PeopleQuery(search=typed))
    assert [names[person_id] for person_id in found] == expected


def test_names_sort_by_letter_code_on_either_store() -> None:
    """Capitals before small letters and accented letters after z, as a data file has always
    sorted them: a server database sorts the same (README: created with LC_COLLATE C)."""
    names = {person_id: name for name, person_id in _people_to_search().items()}
    ascending = [
        "Ana Pérez",
        "Anna Muller",
        "Jörg Müller",
        "ZOE KIM",
        "Zoë Ødegaard",
        "ana perez",
        "zoe park",
        "Éric Dubois",
    ]
    for descending, expected in ((False, ascending), (True, ascending[::-1])):
        query = people.PeopleQuery(sort_by="name", descending=descending)
        assert [names[person_id] for person_id in people.people_ids(query)] == expected


def test_a_long_list_sorted_by_a_joined_column_is_counted_and_read_past_its_first_page() -> None:
    """The first page is read at once and the rest when scrolled to; the count is of the people
    who match, whatever the sort joins in to sort by."""
    now = clock()
    Person.insert_many(
        {
            "name": f"Person {number:04}",
            "search_key": f"person {number:04} {'finance' if number % 2 else 'legal'}",
            "department": "Finance" if number % 2 else "Legal",
            "created_at": now,
            "updated_at": now,
        }
        for number in range(2 * FIRST_PAGE + 20)
    ).execute()
    cohort = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    first_in_finance = people.people_ids(people.PeopleQuery(search="finance"))[0]
    cohorts.enrol(cohort, first_in_finance, "mentee")

    query = people.PeopleQuery(search="finance", sort_by="cohort", descending=True)
    finance = people.people_ids(query)

    assert len(finance) == FIRST_PAGE + 10
    assert finance[0] == first_in_finance  # the one with a cohort, then by the order added
    assert [Person.get_by_id(i).name for i in finance[-2:]] == ["Person 1017", "Person 1019"]
