"""Two coordinators editing the same record: the stale save is refused, nothing is lost."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

import pytest

from revmentor_desktop.domain import cohorts, edits, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.conflicts import EditConflict, Side, value_text
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.sessions import SessionDraft
from revmentor_desktop.storage.models import database_proxy

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]
T = TypeVar("T")


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


def as_other_coordinator(work: Callable[[], T]) -> T:
    """Run ``work`` on a connection of its own, as a second coordinator's app would."""
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # handed to the test's thread
            errors.append(error)
        finally:
            database_proxy.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]
    return results[0]


@pytest.fixture
def pair_id() -> int:
    cohort_id = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob"))
    cohorts.enrol(cohort_id, ada, "mentor", 1)
    cohorts.enrol(cohort_id, bob, "mentee")
    return pairs.create_pair(PairDraft(cohort_id, ada, bob), clock)


def test_the_second_save_of_the_same_pair_is_refused_with_both_copies(pair_id: int) -> None:
    mine = pairs.load_pair(pair_id)
    theirs = as_other_coordinator(lambda: pairs.load_pair(pair_id))
    as_other_coordinator(
        lambda: edits.update_pair(
            pair_id, dataclasses.replace(theirs.draft, focus_areas=["Data"]), theirs
        )
    )
    my_draft = dataclasses.replace(mine.draft, coordinator_notes="Met both on Monday")

    with pytest.raises(EditConflict) as raised:
        edits.update_pair(pair_id, my_draft, mine)

    conflict = raised.value
    assert (conflict.original.focus_areas, conflict.theirs.focus_areas) == ([], ["Data"])
    assert conflict.mine.coordinator_notes == "Met both on Monday"
    assert conflict.differing_fields() == ["focus_areas", "coordinator_notes"]
    assert conflict.changed_by_both() == []
    assert pairs.get_pair(pair_id).coordinator_notes == ""  # the refused save wrote nothing


def test_merging_field_by_field_keeps_both_coordinators_changes(pair_id: int) -> None:
    mine = pairs.load_pair(pair_id)
    theirs = pairs.load_pair(pair_id)
    as_other_coordinator(
        lambda: edits.update_pair(
            pair_id, dataclasses.replace(theirs.draft, focus_areas=["Data"]), theirs
        )
    )
    my_draft = dataclasses.replace(mine.draft, coordinator_notes="Met both on Monday")
    with pytest.raises(EditConflict) as raised:
        edits.update_pair(pair_id, my_draft, mine)
    conflict = raised.value
    choices = {name: conflict.suggested_side(name) for name in conflict.differing_fields()}
    assert choices == {"focus_areas": Side.THEIRS, "coordinator_notes": Side.MINE}

    edits.update_pair(pair_id, conflict.merged(choices), conflict.rebased)

    saved = pairs.get_pair(pair_id)
    assert (saved.focus_areas, saved.coordinator_notes) == (["Data"], "Met both on Monday")


def test_keep_mine_overwrites_only_after_the_conflict_was_shown(pair_id: int) -> None:
    mine = pairs.load_pair(pair_id)
    as_other_coordinator(
        lambda: edits.update_pair(
            pair_id, dataclasses.replace(mine.draft, shared_summary="Theirs"), mine
        )
    )
    my_draft = dataclasses.replace(mine.draft, shared_summary="Mine")
    with pytest.raises(EditConflict) as raised:
        edits.update_pair(pair_id, my_draft, mine)
    conflict = raised.value
    assert conflict.changed_by_both() == ["shared_summary"]

    edits.update_pair(pair_id, conflict.merged({"shared_summary": Side.MINE}), conflict.rebased)

    assert pairs.get_pair(pair_id).shared_summary == "Mine"


def test_a_save_from_a_fresh_copy_goes_through(pair_id: int) -> None:
    first = pairs.load_pair(pair_id)
    edits.update_pair(pair_id, dataclasses.replace(first.draft, shared_summary="One"), first)
    second = pairs.load_pair(pair_id)

    edits.update_pair(pair_id, dataclasses.replace(second.draft, shared_summary="Two"), second)

    assert pairs.get_pair(pair_id).shared_summary == "Two"
    assert second.version > first.version


def test_people_sessions_and_cohorts_refuse_stale_saves_too(pair_id: int) -> None:
    person_id = pairs.get_pair(pair_id).mentor_id
    cohort_id = pairs.get_pair(pair_id).cohort_id
    session_id = sessions.add_session(
        SessionDraft(pair_id, datetime(2026, 10, 5, 9, 0), notes="First"), clock
    )
    person, cohort, session = (
        people.load_person(person_id),
        cohorts.load_cohort(cohort_id),
        sessions.load_session(session_id),
    )
    people.update_person(person_id, dataclasses.replace(person.draft, job_title="CFO"), clock)
    cohorts.update_cohort(cohort_id, dataclasses.replace(cohort.draft, end_date=date(2027, 6, 1)))
    sessions.update_session(session_id, dataclasses.replace(session.draft, notes="Second"), clock)

    stale_saves: list[Callable[[], object]] = [
        lambda: edits.update_person(person_id, person.draft, clock, person),
        lambda: edits.update_cohort(cohort_id, cohort.draft, cohort),
        lambda: edits.update_session(session_id, session.draft, clock, base=session),
    ]
    for save in stale_saves:
        with pytest.raises(EditConflict):
            save()
    assert people.get_person(person_id).draft.job_title == "CFO"


def _edit_summary(pair_id: int, summary: str) -> edits.Edit:
    draft = dataclasses.replace(pairs.get_pair(pair_id), shared_summary=summary)
    return edits.update_pair(pair_id, draft)


def test_undo_and_redo_of_ones_own_edits_go_through_in_turn(pair_id: int) -> None:
    first, second = _edit_summary(pair_id, "One"), _edit_summary(pair_id, "Two")

    edits.undo(second)
    edits.undo(first)
    assert pairs.get_pair(pair_id).shared_summary == ""
    edits.redo(first)
    edits.redo(second)
    assert pairs.get_pair(pair_id).shared_summary == "Two"


def test_undo_never_overwrites_another_coordinators_later_change(pair_id: int) -> None:
    mine = _edit_summary(pair_id, "Mine")
    as_other_coordinator(lambda: _edit_summary(pair_id, "Theirs"))

    with pytest.raises(edits.LaterChangeKept) as raised:
        edits.undo(mine)

    assert str(raised.value) == (
        "Cannot undo “Edit pair”: another coordinator has changed the pair of Ada and Bob "
        "since. Their change is kept; make yours again by hand if it is still needed."
    )
    assert pairs.get_pair(pair_id).shared_summary == "Theirs"


def test_redo_never_overwrites_another_coordinators_later_change(pair_id: int) -> None:
    mine = _edit_summary(pair_id, "Mine")
    edits.undo(mine)
    as_other_coordinator(lambda: _edit_summary(pair_id, "Theirs"))

    with pytest.raises(edits.LaterChangeKept, match="Cannot redo “Edit pair”"):
        edits.redo(mine)

    assert pairs.get_pair(pair_id).shared_summary == "Theirs"


def test_undo_is_refused_when_another_coordinator_deleted_the_record(pair_id: int) -> None:
    mine = _edit_summary(pair_id, "Mine")
    as_other_coordinator(lambda: edits.delete_pair(pair_id))

    with pytest.raises(edits.LaterChangeKept, match="the pair of Ada and Bob"):
        edits.undo(mine)

    assert pairs.cohort_of(pair_id) is None


def enrolled(cohort_id: int) -> set[int]:
    return {enrolment.person_id for enrolment in cohorts.get_cohort(cohort_id).participants or []}


def test_enrolling_and_withdrawing_advance_the_cohorts_version(pair_id: int) -> None:
    cohort_id = pairs.get_pair(pair_id).cohort_id
    carl = people.add_person(PersonDraft("Carl"), clock)
    versions = [cohorts.load_cohort(cohort_id).version]

    edits.enrol(cohort_id, [carl], "mentee")
    versions.append(cohorts.load_cohort(cohort_id).version)
    edits.withdraw(cohort_id, carl)
    versions.append(cohorts.load_cohort(cohort_id).version)

    assert versions[0] < versions[1] < versions[2]


def test_saving_a_cohort_with_people_added_advances_its_version_once(pair_id: int) -> None:
    """One save, one new version: not one more for each person enrolled or withdrawn."""
    cohort_id = pairs.get_pair(pair_id).cohort_id
    carl, dora = (people.add_person(PersonDraft(name), clock) for name in ("Carl", "Dora"))
    loaded = cohorts.load_cohort(cohort_id)
    added = [cohorts.Enrolment(carl, "mentee"), cohorts.Enrolment(dora, "mentee")]
    draft = dataclasses.replace(loaded.draft, participants=[*loaded.draft.participants, *added])
    edits.update_cohort(cohort_id, draft, loaded)
    assert enrolled(cohort_id) >= {carl, dora}
    assert cohorts.load_cohort(cohort_id).version == loaded.version + 1


def test_an_enrolment_meanwhile_refuses_a_stale_cohort_save_and_the_merge_keeps_it(
    pair_id: int,
) -> None:
    cohort_id = pairs.get_pair(pair_id).cohort_id
    carl, dora = (people.add_person(PersonDraft(name), clock) for name in ("Carl", "Dora"))
    mine = cohorts.load_cohort(cohort_id)
    before = enrolled(cohort_id)
    as_other_coordinator(lambda: edits.enrol(cohort_id, [carl], "mentee"))
    my_draft = dataclasses.replace(
        mine.draft,
        end_date=date(2027, 6, 1),
        participants=[*(mine.draft.participants or []), cohorts.Enrolment(dora, "mentee")],
    )

    with pytest.raises(EditConflict) as raised:
        edits.update_cohort(cohort_id, my_draft, mine)
    assert enrolled(cohort_id) == before | {carl}  # refused: Carl, enrolled meanwhile, stays

    conflict = raised.value
    assert conflict.differing_fields() == ["end_date", "participants"]
    choices = {name: conflict.suggested_side(name) for name in conflict.differing_fields()}
    assert choices == {"end_date": Side.MINE, "participants": Side.MINE}
    # Each side is shown by what it changed in the list since it was loaded.
    assert conflict.side_text("participants", Side.THEIRS) == "Added: Carl (mentee)"
    assert conflict.side_text("participants", Side.MINE) == "Added: Dora (mentee)"
    # As loaded, the list is given by its length: its names, cut to fit, told nothing.
    assert conflict.original_text("participants") == f"{len(before)} in the list"
    mentor_of_two = [cohorts.Enrolment(carl, "mentor", 2)]
    assert value_text("participants", mentor_of_two) == "Carl (mentor, 2 at once)"
    edits.update_cohort(cohort_id, conflict.merged(choices), conflict.rebased)

    # Keeping my participants keeps my addition on top of theirs, not my list over theirs.
    assert enrolled(cohort_id) == before | {carl, dora}
    assert cohorts.get_cohort(cohort_id).end_date == date(2027, 6, 1)


def test_keeping_my_participants_keeps_my_withdrawals_and_role_changes(pair_id: int) -> None:
    cohort_id = pairs.get_pair(pair_id).cohort_id
    carl, dora = (people.add_person(PersonDraft(name), clock) for name in ("Carl", "Dora"))
    edits.enrol(cohort_id, [carl, dora], "mentee")
    mine = cohorts.load_cohort(cohort_id)
    erin = people.add_person(PersonDraft("Erin"), clock)
    as_other_coordinator(lambda: edits.enrol(cohort_id, [erin], "mentor"))
    kept = [e for e in mine.draft.participants or [] if e.person_id != dora]
    my_draft = dataclasses.replace(
        mine.draft,
        participants=[
            dataclasses.replace(e, role="both") if e.person_id == carl else e for e in kept
        ],
    )
    with pytest.raises(EditConflict) as raised:
        edits.update_cohort(cohort_id, my_draft, mine)

    conflict = raised.value
    edits.update_cohort(cohort_id, conflict.merged({"participants": Side.MINE}), conflict.rebased)

    saved = {e.person_id: e.role for e in cohorts.get_cohort(cohort_id).participants or []}
    assert dora not in saved and saved[carl] == "both" and saved[erin] == "mentor"
