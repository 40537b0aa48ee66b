"""Two coordinators, each in a process of their own, save the same record at once: one save is
acknowledged, the other is refused with the first one's values, and after the loser re-applies
their change through the conflict choice nothing either of them was told was saved is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.coordinator import Coordinator, Reply, address_of

pytestmark = pytest.mark.both_stores


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 0)


@pytest.fixture
def two_coordinators(data_file: DataFile | ServerStore) -> Iterator[tuple[Coordinator, ...]]:
    started: list[Coordinator] = []
    try:
        for _ in range(2):
            started.append(Coordinator(address_of(data_file)))
        yield tuple(started)
    finally:
        for coordinator in started:
            coordinator.close()


@pytest.fixture
def pair_id(data_file: DataFile | ServerStore) -> int:
    cohort_id = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    ada, bob = (people.add_person(PersonDraft(name), clock) for name in ("Ada", "Bob"))
    cohorts.enrol(cohort_id, ada, "mentor", 1)
    cohorts.enrol(cohort_id, bob, "mentee")
    return pairs.create_pair(PairDraft(cohort_id, ada, bob), clock)


def save_at_once(
    coordinators: tuple[Coordinator, ...], kind: str, row_id: int, changes: list[dict[str, Any]]
) -> list[Reply]:
    """Both load the record (so both hold the same version), then both save their own change
    without waiting for each other; the replies, in the coordinators' order."""
    versions = {
        coordinator.ask("load", kind=kind, row_id=row_id)["version"] for coordinator in coordinators
    }
    assert len(versions) == 1, "both must have read the same version"
    for coordinator, change in zip(coordinators, changes, strict=True):
        coordinator.send("save", changes=change)
    return [coordinator.reply() for coordinator in coordinators]


def winner_and_loser(replies: list[Reply]) -> tuple[int, int]:
    statuses = sorted(reply["status"] for reply in replies)
    assert statuses == ["conflict", "saved"], replies
    winner = next(index for index, reply in enumerate(replies) if reply["status"] == "saved")
    return winner, 1 - winner


def shown_as_theirs(refused: Reply, winners_change: dict[str, Any]) -> bool:
    """Whether the refusal carries the winner's values, to show beside the loser's own."""
    return {name: refused["theirs"].get(name) for name in winners_change} == winners_change


def test_the_same_pair_saved_at_once_one_wins_and_field_by_field_keeps_both(
    two_coordinators: tuple[Coordinator, ...], pair_id: int
) -> None:
    for round_number in range(3):
        changes = [
            {"coordinator_notes": f"Notes of the first, round {round_number}"},
            {"shared_summary": f"Summary of the second, round {round_number}"},
        ]
        replies = save_at_once(two_coordinators, "pair", pair_id, changes)
        winner, loser = winner_and_loser(replies)
        refused = replies[loser]
        # The loser is shown what the winner saved, beside their own change.
        assert shown_as_theirs(refused, changes[winner])
        assert refused["changed_by_both"] == []

        assert two_coordinators[loser].ask("resolve", how="field by field")["status"] == "saved"

        saved = pairs.get_pair(pair_id)
        assert saved.coordinator_notes == changes[0]["coordinator_notes"]
        assert saved.shared_summary == changes[1]["shared_summary"]


def test_keep_mine_replaces_only_what_the_loser_was_shown(
    two_coordinators: tuple[Coordinator, ...], pair_id: int
) -> None:
    changes = [{"shared_summary": "Monthly, in person"}, {"shared_summary": "Weekly, by video"}]
    replies = save_at_once(two_coordinators, "pair", pair_id, changes)
    winner, loser = winner_and_loser(replies)
    assert shown_as_theirs(replies[loser], changes[winner])
    assert replies[loser]["changed_by_both"] == ["shared_summary"]
    # Until the loser chooses, the winner's acknowledged save stands.
    assert pairs.get_pair(pair_id).shared_summary == changes[winner]["shared_summary"]

    assert two_coordinators[loser].ask("resolve", how="keep mine")["status"] == "saved"

    assert pairs.get_pair(pair_id).shared_summary == changes[loser]["shared_summary"]


def test_the_same_person_saved_at_once_keeps_the_job_title_and_the_skills(
    two_coordinators: tuple[Coordinator, ...], pair_id: int
) -> None:
    person_id = pairs.get_pair(pair_id).mentor_id
    changes = [{"job_title": "Head of Data"}, {"teaches": ["Python", "Statistics"]}]
    replies = save_at_once(two_coordinators, "person", person_id, changes)
    winner, loser = winner_and_loser(replies)
    assert shown_as_theirs(replies[loser], changes[winner])

    assert two_coordinators[loser].ask("resolve", how="field by field")["status"] == "saved"

    saved = people.get_person(person_id).draft
    assert (saved.job_title, saved.teaches) == ("Head of Data", ["Python", "Statistics"])
