"""Text fields are refused over their length limit, with a message that says the limit."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.pairs import GoalDraft, PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.sessions import SessionDraft

pytestmark = pytest.mark.usefixtures("data_file")
MEGABYTE = 1_048_576


def clock() -> datetime:
    return datetime(2026, 6, 15, 10, 0)


def _pair() -> int:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026", "reverse"), clock)
    mentor = people.add_person(PersonDraft("Ada Lovelace"), clock)
    mentee = people.add_person(PersonDraft("Grace Hopper"), clock)
    cohorts.enrol(cohort, mentor, "mentor")
    cohorts.enrol(cohort, mentee, "mentee")
    return pairs.create_pair(PairDraft(cohort, mentor, mentee), clock)


def test_a_megabyte_job_title_is_refused_with_the_limit() -> None:
    with pytest.raises(ValidationError) as raised:
        people.add_person(PersonDraft("Ada Lovelace", job_title="x" * MEGABYTE), clock)
    assert raised.value.problems == {
        "job_title": "Job title is 1,048,576 characters long; the limit is 200."
    }


def test_a_title_at_the_limit_and_a_long_note_are_kept() -> None:
    person = people.add_person(
        PersonDraft("Ada Lovelace", job_title="x" * 200, coordinator_notes="y" * 50_000), clock
    )
    assert people.get_person(person).draft.job_title == "x" * 200


def test_every_tag_of_a_list_is_checked() -> None:
    problems = people.validate_person(PersonDraft("Ada", teaches=["Excel", "z" * 101]))
    assert problems == {"teaches": "A skill to teach is 101 characters long; the limit is 100."}


def test_long_pair_goal_and_notes_are_refused() -> None:
    pair_id = _pair()
    draft = dataclasses.replace(
        pairs.get_pair(pair_id),
        goals=[GoalDraft("Learn Teams"), GoalDraft("g" * 1_001)],
        shared_summary="s" * 50_001,
    )
    assert pairs.validate_pair(draft, pair_id) == {
        "goal_2": "Goal 2 is 1,001 characters long; the limit is 1,000.",
        "shared_summary": "The pair's summary is 50,001 characters long; the limit is 50,000.",
    }


def test_long_session_take_aways_are_refused() -> None:
    draft = SessionDraft(_pair(), datetime(2026, 6, 1, 9), mentee_takeaways="t" * 60_000)
    with pytest.raises(ValidationError, match="take-aways is 60,000 characters long"):
        sessions.add_session(draft, clock)


def test_a_long_cohort_name_is_refused() -> None:
    draft = CohortDraft("c" * 300, "reverse", date(2026, 3, 1), date(2026, 12, 1))
    assert cohorts.validate_cohort(draft) == {
        "name": "Cohort name is 300 characters long; the limit is 200."
    }
