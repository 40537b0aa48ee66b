"""Rules for cohorts and enrolment."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.people import PersonDraft

pytestmark = pytest.mark.usefixtures("data_file")


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


def test_a_good_cohort_has_no_problems() -> None:
    draft = CohortDraft("Reverse 2026", start_date=date(2026, 9, 1), end_date=date(2027, 6, 1))
    assert cohorts.validate_cohort(draft) == {}


def test_cohort_problems_are_reported_by_field() -> None:
    draft = CohortDraft(
        " ",
        kind="sideways",
        start_date=date(2026, 9, 1),
        end_date=date(2026, 9, 1),
        cadence_days=0,
        session_minutes=5,
    )
    assert cohorts.validate_cohort(draft) == {
        "name": "Enter a name for the cohort, such as “Reverse mentoring 2027”.",
        "kind": "Choose reverse, traditional or mutual mentoring.",
        "end_date": "The end date must come after the start date.",
        "cadence_days": "Meet at least once a year and at most daily (1–365 days).",
        "session_minutes": "A session lasts between 10 minutes and 8 hours.",
    }


def test_cohort_names_are_unique_ignoring_case() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    assert cohorts.validate_cohort(CohortDraft("reverse 2026")) == {
        "name": "There is already a cohort called “reverse 2026”."
    }
    assert cohorts.validate_cohort(CohortDraft("Reverse 2026"), cohort) == {}
    with pytest.raises(ValidationError):
        cohorts.add_cohort(CohortDraft("REVERSE 2026"), clock)


def test_empty_role_labels_take_the_defaults_of_the_kind() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Mutual", kind="mutual"), clock)
    saved = cohorts.get_cohort(cohort)
    assert (saved.mentor_label, saved.mentee_label) == ("Learning partner", "Learning partner")


def test_enrolment_checks_role_capacity_and_archived_people() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    with pytest.raises(ValidationError) as bad_role:
        cohorts.enrol(cohort, ada, "sponsor")
    assert bad_role.value.problems == {"role": "Choose mentor, mentee or both."}
    with pytest.raises(ValidationError) as bad_capacity:
        cohorts.enrol(cohort, ada, "mentor", 11)
    assert bad_capacity.value.problems == {
        "capacity": "A mentor can take on between 0 and 10 mentees."
    }
    people.set_archived([ada], True)
    with pytest.raises(RuleViolation) as archived:
        cohorts.enrol(cohort, ada, "mentor")
    assert str(archived.value) == "Ada is archived; restore them before enrolling."


def test_capacity_cannot_drop_below_the_open_pairs() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob, cy = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy"))
    cohorts.enrol(cohort, ada, "mentor", 2)
    cohorts.enrol(cohort, bob, "mentee")
    cohorts.enrol(cohort, cy, "mentee")
    pairs.create_pair(pairs.PairDraft(cohort, ada, bob), clock)
    pairs.create_pair(pairs.PairDraft(cohort, ada, cy), clock)
    with pytest.raises(RuleViolation) as refused:
        cohorts.enrol(cohort, ada, "mentor", 1)
    assert str(refused.value) == (
        "Ada already mentors 2 people in this cohort; the capacity cannot be lower than that."
    )


def test_enrolling_again_changes_role_and_capacity() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    cohorts.enrol(cohort, ada, "mentor", 1)
    cohorts.enrol(cohort, ada, "both", 3)
    [row] = cohorts.list_participants(cohort)
    assert (row.role, row.capacity) == ("both", 3)
    assert [(item.cohort_name, item.role_label) for item in cohorts.enrolments_of(ada)] == [
        ("Reverse 2026", "Reverse mentor and Mentee")
    ]


def test_someone_in_a_pair_cannot_be_withdrawn() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob"))
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    pairs.create_pair(pairs.PairDraft(cohort, ada, bob), clock)
    with pytest.raises(RuleViolation, match="end or delete the pair first"):
        cohorts.withdraw(cohort, bob)


def test_counts_of_mentors_mentees_pairs_and_unmatched() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob, cy = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy"))
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    cohorts.enrol(cohort, cy, "both")
    pairs.create_pair(pairs.PairDraft(cohort, ada, bob), clock)
    [row] = cohorts.list_cohorts()
    assert (row.mentors, row.mentees, row.pairs, row.unmatched) == (2, 2, 1, 1)
