"""Every edit can be undone and redone, leaving the rows exactly as they were."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, edits, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.matching import constraints
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.sessions import SessionDraft

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


def enrolled_pair_parts() -> tuple[int, int, int]:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob"), clock)
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    return cohort, ada, bob


def test_add_person_round_trip() -> None:
    edit = edits.add_person(PersonDraft("Ada", email="ada@example.org", teaches=["AI"]), clock)
    assert edit.description == "Add Ada"
    person_id = edit.created_id
    assert person_id is not None
    edits.undo(edit)
    with pytest.raises(NotFound):
        people.get_person(person_id)
    assert people.skills_of(person_id) == ([], [])
    edits.redo(edit)
    record = people.get_person(person_id)
    assert (record.draft.email, record.draft.teaches) == ("ada@example.org", ["AI"])


def test_update_person_round_trip() -> None:
    ada = people.add_person(PersonDraft("Ada", department="Research", learns=["TikTok"]), clock)
    edit = edits.update_person(ada, PersonDraft("Ada L.", department="Web"), clock)
    edits.undo(edit)
    draft = people.get_person(ada).draft
    assert (draft.name, draft.department, draft.learns) == ("Ada", "Research", ["TikTok"])
    edits.redo(edit)
    draft = people.get_person(ada).draft
    assert (draft.name, draft.department, draft.learns) == ("Ada L.", "Web", [])


def test_archive_round_trip() -> None:
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob"), clock)
    edit = edits.set_archived([ada, bob], True)
    assert edit.description == "Archive 2 people"
    edits.undo(edit)
    assert not people.get_person(ada).archived
    assert not people.get_person(bob).archived
    edits.redo(edit)
    assert people.get_person(ada).archived


def test_undoing_a_deleted_manager_gives_their_reports_the_link_back() -> None:
    boss = people.add_person(PersonDraft("Grace", teaches=["COBOL"]), clock)
    ada = people.add_person(PersonDraft("Ada", manager_id=boss), clock)
    bob = people.add_person(PersonDraft("Bob", manager_id=boss), clock)
    edit = edits.delete_person(boss)
    assert edit.description == "Delete Grace"
    assert people.get_person(ada).draft.manager_id is None
    edits.undo(edit)
    assert people.get_person(boss).draft.teaches == ["COBOL"]
    assert people.get_person(ada).draft.manager_id == boss
    assert people.get_person(bob).draft.manager_id == boss
    edits.redo(edit)
    with pytest.raises(NotFound):
        people.get_person(boss)
    assert people.get_person(bob).draft.manager_id is None


def test_create_pair_round_trip() -> None:
    cohort, ada, bob = enrolled_pair_parts()
    draft = PairDraft(cohort, ada, bob, goals=[pairs.GoalDraft("Post weekly", 30)])
    edit = edits.create_pair(draft, clock)
    pair_id = edit.created_id
    assert pair_id is not None
    edits.undo(edit)
    assert pairs.list_pairs() == []
    assert pairs.validate_pair(draft) == {}
    edits.redo(edit)
    assert pairs.get_pair(pair_id).goals == [pairs.GoalDraft("Post weekly", 30, "mentee")]


def test_change_status_round_trip() -> None:
    cohort, ada, bob = enrolled_pair_parts()
    pair_id = pairs.create_pair(PairDraft(cohort, ada, bob), clock)
    edit = edits.change_pair_status(pair_id, "activate", clock=clock)
    assert edit.description == "Activate pair"
    assert pairs.get_pair(pair_id).start_date == date(2026, 11, 2)
    edits.undo(edit)
    assert pairs.pair_status(pair_id) == ("proposed", "")
    assert pairs.get_pair(pair_id).start_date is None
    edits.redo(edit)
    assert pairs.pair_status(pair_id) == ("active", "")
    ended = edits.change_pair_status(pair_id, "end_early", "Personal circumstances", clock)
    edits.undo(ended)
    assert pairs.pair_status(pair_id) == ("active", "")
    edits.redo(ended)
    assert pairs.pair_status(pair_id) == ("ended early", "Personal circumstances")


def test_add_session_round_trip() -> None:
    cohort, ada, bob = enrolled_pair_parts()
    pair_id = pairs.create_pair(PairDraft(cohort, ada, bob), clock)
    draft = SessionDraft(pair_id, datetime(2026, 11, 1, 9), status="held", topics=["AI"])
    edit = edits.add_session(draft, clock)
    assert edit.description == "Log session"
    edits.undo(edit)
    assert sessions.list_sessions() == []
    edits.redo(edit)
    assert sessions.get_session(edit.created_id or 0).topics == ["AI"]


def test_enrol_round_trip() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    edit = edits.enrol(cohort, [ada], "mentor", 2)
    edits.undo(edit)
    assert cohorts.list_participants(cohort) == []
    edits.redo(edit)
    assert [row.capacity for row in cohorts.list_participants(cohort)] == [2]


def test_undoing_a_deleted_person_brings_back_their_locked_and_forbidden_pairs() -> None:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob"), clock)
    cyd = people.add_person(PersonDraft("Cyd"), clock)
    constraints.lock_pair(cohort, ada, bob)
    constraints.forbid_pair(cohort, cyd, ada)
    before = constraints.list_constraints(cohort)
    edit = edits.delete_person(ada)
    assert constraints.list_constraints(cohort) == []
    edits.undo(edit)
    assert constraints.list_constraints(cohort) == before
    edits.redo(edit)
    assert constraints.list_constraints(cohort) == []


def test_logging_a_session_before_the_start_moves_the_start_in_the_same_edit() -> None:
    cohort, ada, bob = enrolled_pair_parts()
    pair_id = pairs.create_pair(PairDraft(cohort, ada, bob, start_date=date(2026, 11, 1)), clock)
    draft = SessionDraft(pair_id, datetime(2026, 10, 27, 9), status="held")
    edit = edits.add_session(draft, clock, move_pair_start=True)
    assert edit.description == "Log session and move the pair's start date"
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 27)
    edits.undo(edit)
    assert sessions.list_sessions() == []
    assert pairs.get_pair(pair_id).start_date == date(2026, 11, 1)
    edits.redo(edit)
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 27)
    assert len(sessions.list_sessions()) == 1


def test_activating_with_a_start_date_round_trip() -> None:
    cohort, ada, bob = enrolled_pair_parts()
    pair_id = pairs.create_pair(PairDraft(cohort, ada, bob), clock)
    edit = edits.change_pair_status(pair_id, "activate", clock=clock, start_date=date(2026, 10, 5))
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 5)
    edits.undo(edit)
    assert pairs.pair_status(pair_id) == ("proposed", "")
    assert pairs.get_pair(pair_id).start_date is None
