"""Rules for people: names, e-mail addresses, managers, grades and deletion."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.people import PersonDraft

pytestmark = pytest.mark.usefixtures("data_file")
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
