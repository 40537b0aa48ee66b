"""Pair health: is a pair meeting often enough? Green, amber or red, always with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from revmentor_desktop.domain.vocabulary import PairStatus

FIRST_SESSION_GRACE_DAYS = 14
AMBER_FACTOR = 1.5
RED_FACTOR = 3.0


class HealthLevel(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"  # not running: proposed, paused or finished


@dataclass(frozen=True)
class Health:
    level: HealthLevel
    reason: str


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def pair_health(
    status: str,
    start_date: date | None,
    last_held: date | None,
    cadence_days: int,
    today: date,
) -> Health:
    """How a pair is doing, from facts a list already has (no queries here)."""
    if status != PairStatus.ACTIVE:
        return Health(HealthLevel.NONE, f"The pair is {status}.")
    if last_held is None:
        if start_date is None:
            return Health(HealthLevel.AMBER, "Active but has no start date and no sessions.")
        waited = (today - start_date).days
        if waited > RED_FACTOR * cadence_days:
            return Health(HealthLevel.RED, f"No session yet, {_days(waited)} after starting.")
        if waited > FIRST_SESSION_GRACE_DAYS:
            return Health(HealthLevel.AMBER, f"No first session {_days(waited)} after starting.")
        return Health(HealthLevel.GREEN, f"Started {_days(max(waited, 0))} ago.")
    gap = (today - last_held).days
    if gap > RED_FACTOR * cadence_days:
        return Health(
            HealthLevel.RED,
            f"Last session {_days(gap)} ago: more than three times the "
            f"{_days(cadence_days)} cadence.",
        )
    if gap > AMBER_FACTOR * cadence_days:
        return Health(
            HealthLevel.AMBER,
            f"Last session {_days(gap)} ago: longer than 1.5 times the "
            f"{_days(cadence_days)} cadence.",
        )
    return Health(HealthLevel.GREEN, f"Last session {_days(max(gap, 0))} ago.")
