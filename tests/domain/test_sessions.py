"""Rules for sessions: held ones are in the past, cancelled ones say who cancelled."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.sessions import SessionDraft

pytestmark = pytest.mark.usefixtures("data_file")
TODAY = date(2026, 11, 2)


def clock() -> datetime:
    return datetime(2026, 11, 2, 10, 30)


@pytest.fixture
def pair_id() -> int:
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026", session_minutes=45), clock)
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob", meeting_format="video call"), clock)
    cohorts.enrol(cohort, ada, "mentor")
    cohorts.enrol(cohort, bob, "mentee")
    draft = PairDraft(cohort, ada, bob, start_date=date(2026, 10, 1))
    return pairs.create_pair(draft, clock)


def test_the_quick_entry_is_a_held_session_today_of_the_cohorts_length(pair_id: int) -> None:
    draft = sessions.default_session_for(pair_id, clock)
    assert draft.starts_at == datetime(2026, 11, 2, 10, 0)
    assert (draft.duration_minutes, draft.status) == (45, "held")
    assert draft.meeting_format == "video call"  # the mentee's preference
    assert sessions.validate_session(draft, TODAY) == {}


def test_a_held_session_cannot_be_in_the_future(pair_id: int) -> None:
    draft = SessionDraft(pair_id, datetime(2026, 11, 3, 9, 0), status="held")
    assert sessions.validate_session(draft, TODAY) == {
        "starts_at": "A session in the future cannot have been held yet."
    }
    draft.status = "planned"
    assert sessions.validate_session(draft, TODAY) == {}


def test_a_held_session_cannot_precede_the_pair(pair_id: int) -> None:
    draft = SessionDraft(pair_id, datetime(2026, 9, 1, 9, 0), status="held")
    assert sessions.validate_session(draft, TODAY) == {
        "starts_at": "The pair started on 1 Oct 2026; a session cannot be earlier."
    }


def test_a_cancelled_session_says_who_cancelled(pair_id: int) -> None:
    draft = SessionDraft(pair_id, datetime(2026, 11, 1, 9, 0), status="cancelled")
    assert sessions.validate_session(draft, TODAY) == {
        "cancelled_by": "Say who cancelled: the mentor, the mentee or the coordinator."
    }
    draft.cancelled_by = "mentee"
    assert sessions.validate_session(draft, TODAY) == {}


def test_length_and_format_are_checked(pair_id: int) -> None:
    draft = SessionDraft(pair_id, datetime(2026, 11, 1), duration_minutes=2, meeting_format="fax")
    assert sessions.validate_session(draft, TODAY) == {
        "duration_minutes": "A session lasts between 5 minutes and 10 hours.",
        "meeting_format": "Unknown meeting format “fax”.",
    }


def test_sessions_are_saved_and_listed_with_their_topics(pair_id: int) -> None:
    draft = SessionDraft(
        pair_id, datetime(2026, 10, 20, 9, 0), status="held", topics=["AI", " ai ", "TikTok"]
    )
    session_id = sessions.add_session(draft, clock)
    [row] = sessions.list_sessions(sessions.SessionQuery(pair_id=pair_id))
    assert (row.id, row.topics, row.mentor_name) == (session_id, ["AI", "TikTok"], "Ada")
    with pytest.raises(ValidationError):
        sessions.add_session(SessionDraft(pair_id, datetime(2026, 12, 1), status="held"), clock)


def test_a_finished_pair_plans_no_more_sessions(pair_id: int) -> None:
    pairs.change_status(pair_id, "end_early", "Personal circumstances", clock)
    with pytest.raises(RuleViolation, match="The pair is ended early"):
        sessions.add_session(SessionDraft(pair_id, datetime(2026, 12, 1)), clock)


def test_a_persons_sessions_are_counted_across_their_pairs(pair_id: int) -> None:
    mentor = pairs.get_pair(pair_id).mentor_id
    assert sessions.person_sessions(mentor) == sessions.PersonSessions(0, 0, None)
    for starts_at, status, cancelled_by in (
        (datetime(2026, 10, 5, 9, 0), "held", ""),
        (datetime(2026, 10, 19, 9, 0), "held", ""),
        (datetime(2026, 10, 26, 9, 0), "cancelled", "mentee"),
        (datetime(2026, 11, 16, 9, 0), "planned", ""),
    ):
        draft = SessionDraft(pair_id, starts_at, status=status, cancelled_by=cancelled_by)
        sessions.add_session(draft, clock)
    counts = sessions.person_sessions(mentor)
    assert counts == sessions.PersonSessions(2, 1, datetime(2026, 10, 19, 9, 0))
    assert counts.summary() == "2 held, 1 planned"
    assert sessions.person_sessions(mentor + 100) == sessions.PersonSessions(0, 0, None)


@pytest.mark.parametrize(
    ("period", "today", "expected"),
    [
        ("this_month", date(2026, 2, 14), (date(2026, 2, 1), date(2026, 2, 28))),
        ("this_month", date(2028, 2, 29), (date(2028, 2, 1), date(2028, 2, 29))),
        ("next_month", date(2026, 1, 31), (date(2026, 2, 1), date(2026, 2, 28))),
        ("next_month", date(2026, 12, 31), (date(2027, 1, 1), date(2027, 1, 31))),
        ("past_30", date(2026, 3, 10), (date(2026, 2, 8), date(2026, 3, 10))),
        ("upcoming", date(2026, 3, 10), (date(2026, 3, 10), None)),
        ("this_year", date(2026, 3, 10), (date(2026, 1, 1), date(2026, 12, 31))),
        ("", date(2026, 3, 10), (None, None)),
    ],
)
def test_session_periods_run_from_their_first_to_their_last_day(
    period: str, today: date, expected: tuple[date | None, date | None]
) -> None:
    assert sessions.period_range(period, today) == expected
    assert period == "" or period in dict(map(reversed, sessions.SESSION_PERIODS))


def test_a_session_before_the_start_can_move_the_pairs_start_back(pair_id: int) -> None:
    draft = SessionDraft(pair_id, datetime(2026, 9, 20, 9, 0), status="held")
    assert sessions.start_date_conflict(draft) == date(2026, 10, 1)
    assert sessions.validate_session(draft, TODAY, moving_start=True) == {}
    with pytest.raises(ValidationError):
        sessions.add_session(draft, clock)
    sessions.add_session(draft, clock, move_pair_start=True)
    assert pairs.get_pair(pair_id).start_date == date(2026, 9, 20)
    assert sessions.start_date_conflict(draft) is None


def test_only_held_sessions_conflict_with_the_start(pair_id: int) -> None:
    planned = SessionDraft(pair_id, datetime(2026, 9, 20, 9, 0))
    assert sessions.start_date_conflict(planned) is None
    sessions.add_session(planned, clock, move_pair_start=True)
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 1)


@pytest.mark.both_stores
def test_sessions_are_searched_by_either_partner_and_sorted_by_what_each_column_shows() -> None:
    """The same sessions in the same order on a data file and on a server; the list's ids and
    its rows agree, and a search ignores capitals and accents."""
    spring = cohorts.add_cohort(CohortDraft("Spring", start_date=date(2026, 3, 1)), clock)
    autumn = cohorts.add_cohort(CohortDraft("Autumn", start_date=date(2026, 9, 1)), clock)
    zoe, ada, bo, cy = (
        people.add_person(PersonDraft(name), clock) for name in ("Zoë", "Ada", "Bo", "Cy")
    )
    for cohort, mentor, mentee in ((spring, zoe, bo), (autumn, ada, cy)):
        cohorts.enrol(cohort, mentor, "mentor")
        cohorts.enrol(cohort, mentee, "mentee")
    zoe_and_bo = pairs.create_pair(PairDraft(spring, zoe, bo, start_date=date(2026, 3, 1)), clock)
    ada_and_cy = pairs.create_pair(PairDraft(autumn, ada, cy, start_date=date(2026, 9, 1)), clock)
    added = {
        (pair, day): sessions.add_session(
            SessionDraft(pair, datetime(2026, 10, day, 9, 0), status="held"), clock
        )
        for pair, day in ((zoe_and_bo, 5), (ada_and_cy, 6), (zoe_and_bo, 7))
    }
    zoe_5, ada_6, zoe_7 = added.values()

    def order(**query: object) -> list[int]:
        wanted = sessions.SessionQuery(**query)  # type: ignore[arg-type]
        listed = [row.id for row in sessions.list_sessions(wanted)]
        ids = sessions.session_ids(wanted)
        assert list(ids) == listed and len(ids) == len(listed)
        return listed

    assert order() == [zoe_7, ada_6, zoe_5]  # newest first
    assert order(sort_by="mentor", descending=False) == [ada_6, zoe_5, zoe_7]
    assert order(sort_by="mentor", descending=True) == [zoe_5, zoe_7, ada_6]  # ties: by number
    assert order(sort_by="mentee", descending=True) == [ada_6, zoe_5, zoe_7]
    assert order(sort_by="cohort", descending=False) == [ada_6, zoe_5, zoe_7]
    assert order(search="ZOE", sort_by="mentee", descending=True) == [zoe_5, zoe_7]
    assert order(search="cy", sort_by="starts_at") == [ada_6]
    assert order(cohort_id=spring, sort_by="mentor") == [zoe_5, zoe_7]
