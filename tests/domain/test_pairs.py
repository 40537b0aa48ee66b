"""Rules for pairs: who may pair with whom, capacity, and the life of a pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.pairs import GoalDraft, PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.vocabulary import SessionStatus

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


@dataclass
class Cohort:
    id: int
    ada: int  # mentor, capacity 1
    bob: int  # mentee
    cy: int  # mentee
    dee: int  # not enrolled


@pytest.fixture
def cohort() -> Cohort:
    cohort_id = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob, cy, dee = (
        people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob", "Cy", "Dee")
    )
    cohorts.enrol(cohort_id, ada, "mentor", 1)
    cohorts.enrol(cohort_id, bob, "mentee")
    cohorts.enrol(cohort_id, cy, "mentee")
    return Cohort(cohort_id, ada, bob, cy, dee)


def test_a_good_pair_has_no_problems(cohort: Cohort) -> None:
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.bob)) == {}


def test_nobody_mentors_themselves(cohort: Cohort) -> None:
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.ada)) == {
        "mentee_id": "A person cannot mentor themselves: choose two different people."
    }


def test_both_people_must_be_enrolled(cohort: Cohort) -> None:
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.dee, cohort.bob)) == {
        "mentor_id": "Dee is not enrolled in this cohort."
    }
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.dee)) == {
        "mentee_id": "Dee is not enrolled in this cohort."
    }


def test_roles_must_fit(cohort: Cohort) -> None:
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.bob, cohort.ada)) == {
        "mentor_id": "Bob takes part only as a mentee.",
        "mentee_id": "Ada takes part only as a mentor.",
    }


def test_capacity_is_never_exceeded(cohort: Cohort) -> None:
    pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.cy)) == {
        "mentor_id": "Ada already mentors 1 person in this cohort, their full capacity."
    }
    with pytest.raises(ValidationError):
        pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.cy), clock)


def test_a_finished_pair_frees_capacity(cohort: Cohort) -> None:
    first = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    pairs.change_status(first, "end_early", "Personal circumstances", clock)
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.cy)) == {}


def test_the_same_two_people_form_one_open_pair(cohort: Cohort) -> None:
    cohorts.enrol(cohort.id, cohort.ada, "mentor", 2)
    pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    assert pairs.validate_pair(PairDraft(cohort.id, cohort.ada, cohort.bob)) == {
        "mentee_id": "These two people already form an open pair in this cohort."
    }


def test_editing_a_pair_does_not_count_it_against_itself(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    draft = PairDraft(cohort.id, cohort.ada, cohort.bob, focus_areas=["AI"])
    assert pairs.validate_pair(draft, pair) == {}


def test_goals_need_a_description_and_dates_an_order(cohort: Cohort) -> None:
    draft = PairDraft(
        cohort.id,
        cohort.ada,
        cohort.bob,
        start_date=date(2026, 10, 1),
        end_date=date(2026, 9, 1),
        goals=[GoalDraft("Post weekly", 20), GoalDraft("  ")],
    )
    assert pairs.validate_pair(draft) == {
        "end_date": "The end date cannot come before the start date.",
        "goal_2": "Goal 2 has no description.",
    }


@pytest.mark.parametrize("ending", [("complete", ""), ("end_early", "Personal circumstances")])
def test_a_closed_pair_is_validated_like_an_open_one_when_saved(
    cohort: Cohort, ending: tuple[str, str]
) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    pairs.change_status(pair, "activate", clock=clock)
    pairs.change_status(pair, *ending, clock=clock)
    draft = pairs.get_pair(pair)
    draft.end_date = date(2026, 10, 1)  # before the start date, 2 Nov
    draft.goals = [GoalDraft("", 10), GoalDraft("Post weekly", 150)]
    expected = {
        "end_date": "The end date cannot come before the start date.",
        "goal_1": "Goal 1 has no description.",
        "goal_2": "Progress of goal 2 must be 0–100 %.",
    }
    assert pairs.validate_pair(draft, pair) == expected
    with pytest.raises(ValidationError) as refused:
        pairs.update_pair(pair, draft)
    assert refused.value.problems == expected
    assert pairs.get_pair(pair).goals == []


def test_a_pair_completed_on_the_day_it_started_can_still_be_saved(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    pairs.change_status(pair, "activate", clock=clock)
    pairs.change_status(pair, "complete", clock=clock)
    draft = pairs.get_pair(pair)
    assert draft.start_date == draft.end_date == date(2026, 11, 2)
    draft.shared_summary = "One long session covered it all."
    pairs.update_pair(pair, draft)
    assert pairs.get_pair(pair).shared_summary == "One long session covered it all."


def test_a_closed_pair_keeps_its_people_whatever_their_role_now(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    pairs.change_status(pair, "end_early", "Personal circumstances", clock)
    cohorts.enrol(cohort.id, cohort.bob, "mentor")  # Bob now mentors others
    assert pairs.fixed_fields("ended early") == ("cohort_id", "mentor_id", "mentee_id")
    assert pairs.fixed_fields("active") == ()
    draft = pairs.get_pair(pair)
    draft.shared_summary = "Met four times; Bob now runs the team channel."
    draft.goals = [GoalDraft("Post weekly", 100)]
    assert pairs.validate_pair(draft, pair) == {}
    pairs.update_pair(pair, draft)
    assert pairs.get_pair(pair).shared_summary.startswith("Met four times")
    draft.mentee_id = cohort.cy
    assert pairs.validate_pair(draft, pair) == {
        "mentee_id": (
            "This pair has ended, so it keeps its people and cohort: start a new pair instead."
        )
    }


def test_status_actions_follow_the_life_of_a_pair(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    assert pairs.allowed_actions("proposed") == ["activate", "end_early"]
    pairs.change_status(pair, "activate", clock=clock)
    assert pairs.get_pair(pair).start_date == date(2026, 11, 2)
    assert pairs.allowed_actions("active") == ["pause", "complete", "end_early"]
    pairs.change_status(pair, "pause", clock=clock)
    assert pairs.allowed_actions("paused") == ["resume", "complete", "end_early"]
    pairs.change_status(pair, "resume", clock=clock)
    pairs.change_status(pair, "complete", clock=clock)
    assert pairs.pair_status(pair) == ("completed", "")
    assert pairs.allowed_actions("completed") == []


def test_refused_transitions_say_why(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    with pytest.raises(RuleViolation) as refused:
        pairs.change_status(pair, "pause", clock=clock)
    assert str(refused.value) == "A proposed pair cannot be paused."


def test_ending_early_needs_a_reason(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    message = "Say why the pair ended early (no fault implied)."
    assert pairs.validate_end_reason("  ") == {"reason": message}
    with pytest.raises(ValidationError) as refused:
        pairs.change_status(pair, "end_early", " ", clock)
    assert refused.value.problems == {"reason": message}
    pairs.change_status(pair, "end_early", "Personal circumstances", clock)
    assert pairs.pair_status(pair) == ("ended early", "Personal circumstances")
    assert pairs.get_pair(pair).end_date == date(2026, 11, 2)


def test_pairs_sort_by_sessions_held_and_last_held_with_the_never_met_last(
    cohort: Cohort,
) -> None:
    cohorts.enrol(cohort.id, cohort.ada, "mentor", 2)
    cohorts.enrol(cohort.id, cohort.dee, "mentor", 1)
    eve = people.add_person(PersonDraft("Eve"), clock)
    cohorts.enrol(cohort.id, eve, "mentee")
    with_bob = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    with_cy = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.cy), clock)
    never_met = pairs.create_pair(PairDraft(cohort.id, cohort.dee, eve), clock)
    held = SessionStatus.HELD.value
    for pair_id, day, status in (
        (with_bob, date(2026, 10, 1), held),
        (with_bob, date(2026, 10, 20), held),
        (with_cy, date(2026, 10, 28), held),
        (with_cy, date(2026, 11, 20), SessionStatus.PLANNED.value),
    ):
        starts_at = datetime.combine(day, datetime.min.time()).replace(hour=10)
        sessions.add_session(sessions.SessionDraft(pair_id, starts_at, status=status), clock)

    def order(sort_by: str, descending: bool) -> list[int]:
        query = pairs.PairQuery(sort_by=sort_by, descending=descending)
        listed = [row.id for row in pairs.list_pairs(query, clock)]
        assert pairs.pair_ids(query) == listed  # the list and its ids agree
        return listed

    assert order("sessions", descending=True) == [with_bob, with_cy, never_met]
    assert order("sessions", descending=False) == [never_met, with_cy, with_bob]
    assert order("last_held", descending=True) == [with_cy, with_bob, never_met]
    assert order("last_held", descending=False) == [with_bob, with_cy, never_met]
    rows = {row.id: row for row in pairs.list_pairs(clock=clock)}
    assert (rows[with_bob].sessions_held, rows[with_bob].last_held) == (2, date(2026, 10, 20))
    assert (rows[with_cy].sessions_held, rows[with_cy].last_held) == (1, date(2026, 10, 28))
    assert (rows[never_met].sessions_held, rows[never_met].last_held) == (0, None)


def test_a_mentor_is_offered_with_the_places_they_have_taken(cohort: Cohort) -> None:
    cohorts.enrol(cohort.id, cohort.ada, "mentor", 2)
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    [ada] = [row for row in cohorts.list_participants(cohort.id) if row.person_id == cohort.ada]
    assert pairs.mentor_choice(ada, counts_this_pair=False) == "Ada (1 of 2 places taken)"
    assert pairs.mentor_choice(ada, counts_this_pair=True) == "Ada (0 of 2 places taken)"
    pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.cy), clock)
    [ada] = [row for row in cohorts.list_participants(cohort.id) if row.person_id == cohort.ada]
    assert pairs.mentor_choice(ada, counts_this_pair=False) == "Ada (full: 2 of 2)"
    pairs.change_status(pair, "end_early", "Personal circumstances", clock)
    [ada] = [row for row in cohorts.list_participants(cohort.id) if row.person_id == cohort.ada]
    assert pairs.mentor_choice(ada, counts_this_pair=False) == "Ada (1 of 2 places taken)"


def test_activating_takes_the_start_date_given(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    assert pairs.default_start_date(pair, date(2026, 11, 2)) == date(2026, 11, 2)
    pairs.change_status(pair, "activate", clock=clock, start_date=date(2026, 10, 26))
    assert pairs.pair_status(pair)[0] == "active"
    assert pairs.get_pair(pair).start_date == date(2026, 10, 26)


def test_a_pair_that_has_met_starts_by_default_on_its_first_session(cohort: Cohort) -> None:
    pair = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.bob), clock)
    for day, status in ((20, SessionStatus.HELD), (5, SessionStatus.CANCELLED), (12, "held")):
        draft = sessions.SessionDraft(pair, datetime(2026, 10, day, 9), status=status)
        if status == SessionStatus.CANCELLED:
            draft.cancelled_by = "mentee"
        sessions.add_session(draft, clock)
    assert pairs.default_start_date(pair, date(2026, 11, 2)) == date(2026, 10, 12)
    with pytest.raises(ValidationError) as refused:
        pairs.change_status(pair, "activate", clock=clock, start_date=date(2026, 10, 13))
    assert refused.value.problems == {
        "start_date": "The pair first met on 12 Oct 2026; it cannot start later than that."
    }
    assert pairs.pair_status(pair)[0] == "proposed"


def test_pairs_are_searched_ignoring_accents_and_sorted_by_a_partner(cohort: Cohort) -> None:
    zoe = people.add_person(PersonDraft("Zoë Park"), clock)
    cohorts.enrol(cohort.id, zoe, "mentor", 1)
    cohorts.enrol(cohort.id, cohort.ada, "mentor", 1)
    cohorts.enrol(cohort.id, cohort.dee, "mentee")
    zoe_and_bob = pairs.create_pair(PairDraft(cohort.id, zoe, cohort.bob), clock)
    ada_and_dee = pairs.create_pair(PairDraft(cohort.id, cohort.ada, cohort.dee), clock)

    def order(**query: object) -> list[int]:
        wanted = pairs.PairQuery(**query)  # type: ignore[arg-type]
        listed = [row.id for row in pairs.list_pairs(wanted, clock)]
        assert pairs.pair_ids(wanted) == listed
        return listed

    assert order(sort_by="mentor", descending=True) == [zoe_and_bob, ada_and_dee]
    assert order(sort_by="mentee") == [zoe_and_bob, ada_and_dee]
    assert order(search="ZOE PARK", sort_by="mentor") == [zoe_and_bob]
    assert order(search="dee", sort_by="cohort") == [ada_and_dee]
