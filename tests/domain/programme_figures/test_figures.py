"""Each programme figure on a small programme whose answers are worked out by hand
(``small_programme.py`` says what happened in it)."""

from __future__ import annotations

from datetime import date

import pytest

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.programme_figures import (
    HealthWeek,
    compare,
    programme_figures,
)
from revmentor_desktop.storage.database import DataFile
from tests.domain.programme_figures.small_programme import (
    TODAY,
    SmallProgramme,
    build_small_programme,
    clock,
)

pytestmark = pytest.mark.both_stores

FEBRUARY = Period(date(2026, 2, 1), date(2026, 2, 28))
EARLY_MARCH = Period(date(2026, 3, 1), date(2026, 3, 15))


@pytest.fixture
def programme(data_file: DataFile) -> SmallProgramme:
    return build_small_programme()


def _steps(figures: object) -> list[tuple[str, int, int]]:
    return [(step.key, step.count, step.drop_out) for step in figures.funnel.steps]  # type: ignore[attr-defined]


def test_funnel_counts_people_at_each_step_and_where_they_drop_out(
    programme: SmallProgramme,
) -> None:
    figures = programme_figures([programme.cohort_id], None, clock)
    assert _steps(figures) == [
        ("enrolled", 18, 0),
        ("paired", 16, 2),
        ("agreement", 6, 10),
        ("first-session", 6, 0),
        ("three-sessions", 4, 2),
        ("completed", 2, 2),
    ]
    funnel = figures.funnel
    assert funnel.match_rate == pytest.approx(16 / 18)
    assert funnel.step("three-sessions").share_of_enrolled == pytest.approx(4 / 18)
    assert funnel.step("agreement").drop_out_share == pytest.approx(10 / 16)
    # Each step names who is behind it, for the list a click opens.
    ids = programme.pairs
    assert funnel.step("three-sessions").pair_ids == (ids["P1"], ids["P2"])
    assert funnel.step("completed").pair_ids == (ids["P1"],)
    people = programme.people
    assert funnel.step("completed").person_ids == tuple(sorted((people["A1"], people["B1"])))
    unpaired = set(funnel.step("enrolled").person_ids) - set(funnel.step("paired").person_ids)
    assert unpaired == {people["A5"], people["B5"]}


def test_health_now_names_the_pairs_at_each_level(programme: SmallProgramme) -> None:
    figures = programme_figures([programme.cohort_id], None, clock)
    ids = programme.pairs
    assert [(line.word, line.count) for line in figures.health_now] == [
        ("On track", 1),
        ("Needs a nudge", 1),
        ("Stalled", 1),
    ]
    assert figures.health(HealthLevel.RED).pair_ids == (ids["P3"],)
    assert figures.health(HealthLevel.AMBER).pair_ids == (ids["P2"],)
    assert figures.health(HealthLevel.GREEN).pair_ids == (ids["P4"],)


def test_health_week_by_week(programme: SmallProgramme) -> None:
    weeks = programme_figures([programme.cohort_id], None, clock).health_weeks
    by_week = {week.week_ending: week for week in weeks}
    # 8 Feb: P1, P2 and P3 met within the cadence; the four pairs that ended early on
    # 10 Feb had waited 34 days for a first session.
    assert by_week[date(2026, 2, 8)] == HealthWeek(date(2026, 2, 8), 3, 4, 0)
    # 15 Feb: P3's last session was 26 days before; the four had ended.
    assert by_week[date(2026, 2, 15)] == HealthWeek(date(2026, 2, 15), 2, 1, 0)
    # 8 Mar: P1 completed on 1 March, P4 starts on 9 March.
    assert by_week[date(2026, 3, 8)] == HealthWeek(date(2026, 3, 8), 0, 1, 1)
    # The last week ends today: the same as the health now.
    assert weeks[-1] == HealthWeek(date(2026, 3, 15), 1, 1, 1)
    assert weeks[0].week_ending == date(2026, 1, 11)  # the first Sunday after the first start


def test_sessions_and_hours_per_month_against_planned(programme: SmallProgramme) -> None:
    sessions = programme_figures([programme.cohort_id], None, clock).sessions
    assert [(m.label, m.held, m.minutes_held, m.planned) for m in sessions.months] == [
        ("Jan 26", 5, 270, 7),
        ("Feb 26", 3, 150, 10),
        ("Mar 26", 0, 0, 2),
    ]
    assert (sessions.held, sessions.minutes_held, sessions.planned) == (8, 420, 19)
    assert sessions.hours_held == 7
    assert sessions.share_of_planned == pytest.approx(8 / 19)


def test_topics_count_sessions_and_pairs(programme: SmallProgramme) -> None:
    topics = programme_figures([programme.cohort_id], None, clock).topics
    assert [(t.label, t.count) for t in topics.session_topics] == [
        ("Teams", 7),
        ("AI", 3),
        ("Budget", 1),
    ]
    assert [(t.label, t.count) for t in topics.focus_areas] == [("Teams", 2), ("AI", 1)]


def test_end_reasons_are_grouped_and_small_groups_hidden(programme: SmallProgramme) -> None:
    reasons = programme_figures([programme.cohort_id], None, clock).end_reasons
    assert reasons.ended_early == 4
    ids = programme.pairs
    # Three spellings of one reason: six people, enough to show; the first spelling names it.
    assert [(line.label, line.pairs, line.pair_ids) for line in reasons.reasons] == [
        ("Moved team", 3, (ids["E1"], ids["E2"], ids["E3"]))
    ]
    # "Workload" is two people: below the threshold, and alone, so not shown at all.
    assert reasons.note == "1 ended-early pair is not broken down by reason: fewer than 5 people."


def test_small_reasons_together_past_the_threshold_show_as_other_reasons(
    programme: SmallProgramme,
) -> None:
    settings.put(settings.SMALLEST_GROUP, 3)
    reasons = programme_figures([programme.cohort_id], None, clock).end_reasons
    # With three as the threshold "Workload" (two people) is still too small alone.
    assert [line.label for line in reasons.reasons] == ["Moved team"]
    settings.put(settings.SMALLEST_GROUP, 7)
    reasons = programme_figures([programme.cohort_id], None, clock).end_reasons
    # Seven: "Moved team" (six people) is too small too, but both reasons together (eight
    # people) are enough to show as one line.
    assert [(line.label, line.pairs) for line in reasons.reasons] == [
        ("Other reasons (each shared by fewer than 7 people)", 4)
    ]
    assert reasons.note == ""


def test_a_period_cuts_sessions_topics_reasons_and_the_funnel(programme: SmallProgramme) -> None:
    february = programme_figures([programme.cohort_id], FEBRUARY, clock)
    assert [(m.label, m.held, m.minutes_held, m.planned) for m in february.sessions.months] == [
        ("Feb 26", 3, 150, 10)
    ]
    assert (february.sessions.held, february.sessions.planned) == (3, 10)
    assert [(t.label, t.count) for t in february.topics.session_topics] == [
        ("Teams", 3),
        ("AI", 1),
    ]
    # The funnel as it stood on 28 February: P1 completed only on 1 March.
    assert [count for _, count, _ in _steps(february)] == [18, 16, 6, 6, 4, 0]
    assert february.end_reasons.ended_early == 4
    assert [week.week_ending.day for week in february.health_weeks] == [1, 8, 15, 22]

    march = programme_figures([programme.cohort_id], EARLY_MARCH, clock)
    assert (march.sessions.held, march.sessions.planned) == (0, 2)
    assert march.end_reasons.ended_early == 0 and march.end_reasons.reasons == ()
    assert march.funnel.step("completed").count == 2
    # Focus areas of the pairs running in the period: P1 (ended on 1 March) and P2.
    assert [(t.label, t.count) for t in march.topics.focus_areas] == [("Teams", 2), ("AI", 1)]
    after_p1 = programme_figures([programme.cohort_id], Period(date(2026, 3, 2), TODAY), clock)
    assert [(t.label, t.count) for t in after_p1.topics.focus_areas] == [("AI", 1), ("Teams", 1)]


def test_all_cohorts_and_two_side_by_side(programme: SmallProgramme) -> None:
    other = build_small_programme("Traditional 2026")
    everything = programme_figures(None, None, clock)
    assert [cohort.name for cohort in everything.cohorts] == ["Reverse 2026", "Traditional 2026"]
    assert everything.funnel.enrolled == 36
    assert everything.sessions.held == 16
    assert [line.count for line in everything.health_now] == [2, 2, 2]
    side_by_side = compare([programme.cohort_id], [other.cohort_id], FEBRUARY, clock)
    assert side_by_side.first.cohort_ids == (programme.cohort_id,)
    assert side_by_side.second.cohort_ids == (other.cohort_id,)
    assert side_by_side.first.sessions.held == side_by_side.second.sessions.held == 3


def test_an_unknown_cohort_is_refused(programme: SmallProgramme) -> None:
    with pytest.raises(NotFound, match="no cohort with number 999"):
        programme_figures([programme.cohort_id, 999], None, clock)


def test_an_empty_file_has_empty_figures(data_file: DataFile) -> None:
    figures = programme_figures(None, None, clock)
    assert figures.cohorts == ()
    assert figures.funnel.enrolled == 0 and figures.funnel.match_rate is None
    assert figures.sessions.months == () and figures.sessions.planned is None
    assert figures.health_weeks == ()
