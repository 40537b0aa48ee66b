"""Pair health: is a pair meeting often enough? Green, amber or red, always with a reason.

The words for each level are named here once; the window and the documents both print them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from revmentor_desktop.domain.vocabulary import PairStatus, cadence_phrase, plural

FIRST_SESSION_GRACE_DAYS = 14
# A cohort with no meeting rhythm (0 in an older or imported file) is judged against the usual one.
USUAL_CADENCE_DAYS = 21
AMBER_FACTOR = 1.5
RED_FACTOR = 3.0


class HealthLevel(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"  # not running: proposed, paused or finished


# What a person reads for each level of a running pair.
HEALTH_WORDS = {
    HealthLevel.GREEN: "On track",
    HealthLevel.AMBER: "Needs a nudge",
    HealthLevel.RED: "Stalled",
}

# Why a pair that is not running has no health: it is not expected to meet now.
_NOT_RUNNING_REASONS = {
    PairStatus.PROPOSED: "Not started yet: health is followed once the pair is active.",
    PairStatus.PAUSED: "Paused: health is followed again when the pair resumes.",
    PairStatus.COMPLETED: "The pair finished as planned.",
    PairStatus.ENDED_EARLY: "The pair ended before its planned end.",
}


@dataclass(frozen=True)
class Health:
    level: HealthLevel
    reason: str
    word: str  # "On track", or the status ("Completed") of a pair that is not running


def _running(level: HealthLevel, reason: str) -> Health:
    return Health(level, reason, HEALTH_WORDS[level])


def health_words() -> tuple[str, ...]:
    """Every word a health can show, for checks that each fits where it is printed."""
    not_running = (PairStatus(status).label for status in _NOT_RUNNING_REASONS)
    return (*HEALTH_WORDS.values(), *not_running)


def _days(count: int) -> str:
    return plural(count, "day")


def _without_rhythm(health: Health) -> Health:
    """``health`` judged against the usual rhythm, saying so instead of naming a cadence."""
    reason = health.reason.split(": ")[0].rstrip(".")
    return Health(
        health.level,
        f"{reason} (the cohort sets no rhythm: judged against "
        f"{cadence_phrase(USUAL_CADENCE_DAYS)}).",
        health.word,
    )


@dataclass(frozen=True)
class HealthBounds:
    """How many days without a session each level lasts for a running pair: green up to
    ``green_until`` days, amber up to ``amber_until``, red beyond. The one statement of the
    rule: ``pair_health`` judges today by it, the programme figures every past week."""

    green_until: int
    amber_until: int

    def level(self, days: int) -> HealthLevel:
        if days > self.amber_until:
            return HealthLevel.RED
        if days > self.green_until:
            return HealthLevel.AMBER
        return HealthLevel.GREEN


def health_bounds(cadence_days: int, has_met: bool) -> HealthBounds:
    """The bounds counted from the last session (``has_met``) or from the start date (a pair
    that has not met yet gets a grace period for its first session)."""
    cadence = cadence_days if cadence_days > 0 else USUAL_CADENCE_DAYS
    stalled_after = int(RED_FACTOR * cadence)
    if has_met:
        return HealthBounds(int(AMBER_FACTOR * cadence), stalled_after)
    return HealthBounds(min(FIRST_SESSION_GRACE_DAYS, stalled_after), stalled_after)


def pair_health(
    status: str,
    start_date: date | None,
    last_held: date | None,
    cadence_days: int,
    today: date,
) -> Health:
    """How a pair is doing, from facts a list already has (no queries here)."""
    if status != PairStatus.ACTIVE:
        state = PairStatus(status)
        return Health(HealthLevel.NONE, _NOT_RUNNING_REASONS[state], state.label)
    if cadence_days <= 0:
        return _without_rhythm(
            pair_health(status, start_date, last_held, USUAL_CADENCE_DAYS, today)
        )
    if last_held is None:
        if start_date is None:
            return _running(HealthLevel.AMBER, "Active but has no start date and no sessions.")
        waited = (today - start_date).days
        level = health_bounds(cadence_days, has_met=False).level(waited)
        if level == HealthLevel.RED:
            return _running(level, f"No session yet, {_days(waited)} after starting.")
        if level == HealthLevel.AMBER:
            return _running(level, f"No first session {_days(waited)} after starting.")
        return _running(level, f"Started {_days(max(waited, 0))} ago.")
    gap = (today - last_held).days
    level = health_bounds(cadence_days, has_met=True).level(gap)
    if level == HealthLevel.RED:
        return _running(
            level,
            f"Last session {_days(gap)} ago: more than three times the {cadence_days}-day cadence.",
        )
    if level == HealthLevel.AMBER:
        return _running(
            level,
            f"Last session {_days(gap)} ago: longer than 1.5 times the {cadence_days}-day cadence.",
        )
    return _running(level, f"Last session {_days(max(gap, 0))} ago.")
