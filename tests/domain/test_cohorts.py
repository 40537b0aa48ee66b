"""Rules for cohorts and enrolment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, edits, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft, Enrolment
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.matching import constraints
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


def test_a_cohorts_site_is_saved_trimmed_and_listed() -> None:
    cohort = cohorts.add_cohort(CohortDraft("North 2027", site=" North office "), clock)
    assert cohorts.get_cohort(cohort).site == "North office"
    [row] = cohorts.list_cohorts()
    assert row.site == "North office"
    assert "site" in cohorts.validate_cohort(CohortDraft("South", site="x" * 1000))


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


def _programme_to_delete() -> int:
    """Three enrolled, one pair with two sessions, one lock: what a cohort can take with it."""
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ids = {name: people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy")}
    cohorts.enrol(cohort, ids["Ada"], "mentor", 2)
    cohorts.enrol(cohort, ids["Bob"], "mentee")
    cohorts.enrol(cohort, ids["Cy"], "mentee")
    pair = pairs.create_pair(pairs.PairDraft(cohort, ids["Ada"], ids["Bob"]), clock)
    for day in (1, 15):
        draft = sessions.SessionDraft(pair, datetime(2026, 10, day, 9), status="held")
        sessions.add_session(draft, clock)
    constraints.lock_pair(cohort, ids["Ada"], ids["Cy"])
    return cohort


def test_the_delete_question_counts_what_goes_with_the_cohort() -> None:
    cohort = _programme_to_delete()
    contents = cohorts.cohort_contents(cohort)
    assert (contents.enrolments, contents.pairs, contents.sessions, contents.decisions) == (
        3,
        1,
        2,
        1,
    )
    assert contents.deletion_question("Ctrl+Z") == (
        "Delete “Reverse 2026”? Its 3 enrolments, 1 pair with 2 sessions and "
        "1 matching decision go with it. People stay. Ctrl+Z undoes this."
    )


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        ((0, 0, 0, 0), "Nobody is enrolled in it yet."),
        ((1, 0, 0, 0), "Its 1 enrolment goes with it. People stay."),
        (
            (24, 12, 31, 4),
            "Its 24 enrolments, 12 pairs with 31 sessions and 4 matching "
            "decisions go with it. People stay.",
        ),
        ((2, 1, 0, 0), "Its 2 enrolments and 1 pair go with it. People stay."),
    ],
)
def test_the_delete_question_reads_right_for_any_counts(
    counts: tuple[int, int, int, int], sentence: str
) -> None:
    contents = cohorts.CohortContents("Pilot", *counts)
    assert contents.deletion_question("Ctrl+Z") == f"Delete “Pilot”? {sentence} Ctrl+Z undoes this."


def test_deleting_a_cohort_takes_its_records_and_undo_brings_them_all_back() -> None:
    cohort = _programme_to_delete()
    before = (
        cohorts.list_participants(cohort),
        pairs.list_pairs(),
        sessions.list_sessions(),
        constraints.list_constraints(cohort),
    )
    edit = edits.delete_cohort(cohort)
    assert edit.description == "Delete cohort Reverse 2026"
    assert cohorts.list_cohorts() == []
    assert (pairs.list_pairs(), sessions.list_sessions()) == ([], [])
    assert constraints.list_constraints(cohort) == []
    assert len(people.list_people(people.PeopleQuery())) == 3, "people stay"
    edits.undo(edit)
    after = (
        cohorts.list_participants(cohort),
        pairs.list_pairs(),
        sessions.list_sessions(),
        constraints.list_constraints(cohort),
    )
    assert after == before
    edits.redo(edit)
    assert cohorts.list_cohorts() == []


def test_an_archived_cohort_leaves_the_lists_until_restored() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2025"), clock)
    cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    edit = edits.set_cohort_archived(cohort, True)
    assert edit.description == "Archive cohort Reverse 2025"
    assert [row.name for row in cohorts.list_cohorts(include_archived=False)] == ["Reverse 2026"]
    assert cohorts.running_cohorts(date(2026, 11, 2)) == [(cohort + 1, "Reverse 2026")]
    assert [row.archived for row in cohorts.list_cohorts()] == [True, False]
    edits.undo(edit)
    assert not cohorts.is_archived(cohort)
    restored = edits.set_cohort_archived(cohort, False)
    assert restored.description == "Restore cohort Reverse 2025"


def test_a_new_cohort_is_saved_with_its_participants_in_one_edit() -> None:
    ada, bob = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob"))
    draft = CohortDraft(
        "Reverse 2027",
        participants=[Enrolment(ada, "mentor", 2), Enrolment(bob, "mentee")],
    )
    assert cohorts.validate_cohort(draft) == {}
    edit = edits.add_cohort(draft, clock)
    cohort = edit.created_id
    assert cohort is not None
    rows = cohorts.list_participants(cohort)
    assert [(row.name, row.role, row.capacity) for row in rows] == [
        ("Ada", "mentor", 2),
        ("Bob", "mentee", 1),
    ]
    edits.undo(edit)
    assert cohorts.list_cohorts() == []
    edits.redo(edit)
    assert len(cohorts.list_participants(cohort)) == 2


def test_saving_a_cohort_enrols_changes_and_withdraws_to_match_the_draft() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob, cy = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy"))
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    draft = replace(
        cohorts.get_cohort(cohort),
        participants=[Enrolment(ada, "both", 3), Enrolment(cy, "mentee")],
    )
    edit = edits.update_cohort(cohort, draft)
    rows = cohorts.list_participants(cohort)
    assert [(row.name, row.role, row.capacity) for row in rows] == [
        ("Ada", "both", 3),
        ("Cy", "mentee", 1),
    ]
    edits.undo(edit)
    assert [row.name for row in cohorts.list_participants(cohort)] == ["Ada", "Bob"]


def test_participants_the_rules_refuse_are_named_before_saving() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob, cy = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy"))
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    pairs.create_pair(pairs.PairDraft(cohort, ada, bob), clock)
    people.set_archived([cy], True)
    draft = replace(
        cohorts.get_cohort(cohort),
        participants=[Enrolment(ada, "mentor"), Enrolment(cy, "mentee")],
    )
    assert cohorts.validate_cohort(draft, cohort) == {
        "participants": "Cy is archived; restore them before enrolling. "
        "Bob is in a pair of the cohort; end or delete the pair first."
    }
    with pytest.raises(ValidationError):
        cohorts.update_cohort(cohort, draft)
    assert [row.name for row in cohorts.list_participants(cohort)] == ["Ada", "Bob"]
