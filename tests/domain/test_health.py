"""Pair health in the words the window and the documents share."""

from __future__ import annotations

from datetime import date

import pytest

from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel, health_words, pair_health

TODAY = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("status", "word", "reason"),
    [
        ("proposed", "Proposed", "Not started yet: health is followed once the pair is active."),
        ("paused", "Paused", "Paused: health is followed again when the pair resumes."),
        ("completed", "Completed", "The pair finished as planned."),
        ("ended early", "Ended early", "The pair ended before its planned end."),
    ],
)
def test_a_pair_that_is_not_running_shows_its_status_not_a_health(
    status: str, word: str, reason: str
) -> None:
    health = pair_health(status, date(2026, 1, 5), date(2026, 3, 1), 21, TODAY)
    assert (health.level, health.word, health.reason) == (HealthLevel.NONE, word, reason)
    assert word in health_words()


@pytest.mark.parametrize(
    ("last_held", "level"),
    [
        (date(2026, 10, 26), HealthLevel.GREEN),
        (date(2026, 10, 1), HealthLevel.AMBER),
        (date(2026, 8, 1), HealthLevel.RED),
    ],
)
def test_a_running_pair_shows_the_word_of_its_level(last_held: date, level: HealthLevel) -> None:
    health = pair_health("active", date(2026, 1, 5), last_held, 14, TODAY)
    assert (health.level, health.word) == (level, HEALTH_WORDS[level])
    assert HEALTH_WORDS == {
        HealthLevel.GREEN: "On track",
        HealthLevel.AMBER: "Needs a nudge",
        HealthLevel.RED: "Stalled",
    }


@pytest.mark.parametrize(
    ("last_held", "reason"),
    [
        (date(2026, 10, 1), "Last session 32 days ago: longer than 1.5 times the 14-day cadence."),
        (date(2026, 8, 1), "Last session 93 days ago: more than three times the 14-day cadence."),
    ],
)
def test_a_late_pair_s_reason_names_its_cadence_as_a_length(last_held: date, reason: str) -> None:
    """ "the 14-day cadence", as a person writes it, not "the 14 days cadence"."""
    assert pair_health("active", date(2026, 1, 5), last_held, 14, TODAY).reason == reason
