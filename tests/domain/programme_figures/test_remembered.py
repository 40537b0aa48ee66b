"""The programme figures of a selection are counted once while the data is unchanged, and
anew after any change, whoever makes it: going back to "all cohorts" costs nothing, and never
shows figures older than the data."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from revmentor_desktop.domain import sessions
from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.programme_figures import (
    figures_before_outcomes,
    programme_figures,
    with_outcomes,
)
from revmentor_desktop.domain.programme_figures.gather import forget_recent_figures
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import database_proxy
from revmentor_desktop.storage.server import ServerStore
from tests.domain.programme_figures.small_programme import (
    SmallProgramme,
    build_small_programme,
    clock,
)
from tests.helpers.another_connection import another_connection


@pytest.fixture
def programme(data_file: DataFile | ServerStore) -> SmallProgramme:
    return build_small_programme()


def _held_today(pair_id: int) -> None:
    sessions.add_session(
        sessions.SessionDraft(
            pair_id, datetime.combine(date(2026, 3, 12), time(14)), 45, status="held"
        ),
        clock,
    )


@pytest.mark.file_only("a server's version moves with any commit on it, other tests' too")
def test_the_same_selection_again_gives_the_figures_already_counted(
    programme: SmallProgramme,
) -> None:
    """On a data file (a server's version also moves with other databases' changes)."""
    first = programme_figures(None, None, clock)
    assert programme_figures(None, None, clock) is first
    one = programme_figures([programme.cohort_id], None, clock)
    assert programme_figures([programme.cohort_id, programme.cohort_id], None, clock) is one
    assert programme_figures(None, None, clock) is first
    forget_recent_figures()
    again = programme_figures(None, None, clock)
    assert again is not first and again == first


@pytest.mark.file_only("a server's version moves with any commit on it, other tests' too")
def test_figures_drawn_before_their_outcomes_are_kept_complete_once_counted(
    programme: SmallProgramme,
) -> None:
    """The view draws the charts first, then the before/after: going back to the selection
    then shows everything at once, counting nothing."""
    first = figures_before_outcomes(None, None, clock)
    assert not first.outcomes.counted
    complete = with_outcomes(first)
    assert complete.outcomes.counted
    assert figures_before_outcomes(None, None, clock) is complete
    assert programme_figures(None, None, clock) is complete


@pytest.mark.both_stores
def test_a_new_period_of_cohorts_shown_before_gives_the_figures_counted_afresh(
    programme: SmallProgramme,
) -> None:
    """The pairs read for all cohorts serve a new period of the same cohorts."""
    spring = Period(date(2026, 2, 1), date(2026, 3, 15))
    programme_figures(None, None, clock)
    after_all_shown = programme_figures(None, spring, clock)
    forget_recent_figures()
    assert programme_figures(None, spring, clock) == after_all_shown
    assert after_all_shown != programme_figures(None, None, clock)


@pytest.mark.both_stores
def test_a_change_made_after_the_figures_were_counted_shows_in_the_next(
    programme: SmallProgramme,
) -> None:
    before = programme_figures(None, None, clock)
    _held_today(programme.pairs["P3"])
    after = programme_figures(None, None, clock)
    assert after.sessions.held == before.sessions.held + 1
    assert after.health(HealthLevel.RED).count == before.health(HealthLevel.RED).count - 1


@pytest.mark.both_stores
def test_a_change_by_another_connection_shows_in_the_next_figures(
    data_file: DataFile | ServerStore, programme: SmallProgramme
) -> None:
    before = programme_figures(None, None, clock)
    assert before.health(HealthLevel.GREEN).pair_ids == (programme.pairs["P4"],)
    with another_connection(data_file) as execute:
        execute(f"UPDATE pair SET status = 'paused' WHERE id = {programme.pairs['P4']}")
    after = programme_figures(None, None, clock)
    assert after.health(HealthLevel.GREEN).count == 0


@pytest.mark.both_stores
def test_inside_a_transaction_the_figures_are_counted_with_its_changes(
    programme: SmallProgramme,
) -> None:
    before = programme_figures(None, None, clock)
    with database_proxy.atomic() as transaction:
        _held_today(programme.pairs["P3"])
        assert programme_figures(None, None, clock).sessions.held == before.sessions.held + 1
        transaction.rollback()
    assert programme_figures(None, None, clock).sessions.held == before.sessions.held
