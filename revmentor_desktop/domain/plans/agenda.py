"""A plan's agenda and its minutes, scaled to the cohort's session length.

Agendas are written for a 60-minute session; a cohort that meets for 45 or 90 minutes gets the
same steps in the same proportions, and the minutes always add up to the session exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WRITTEN_FOR = 60  # the session length built-in agendas are written for, in minutes
ROUND_TO = 5  # minutes are given in fives when the session length allows it


@dataclass(frozen=True)
class AgendaItem:
    title: str
    share: int  # minutes in a 60-minute session (any positive weight works)
    detail: str = ""


@dataclass(frozen=True)
class TimedItem:
    """An agenda step with its minutes in a session of a given length."""

    title: str
    detail: str
    minutes: int


def scale_minutes(shares: Sequence[int], total: int) -> list[int]:
    """Split ``total`` minutes in proportion to ``shares``; the result adds up to ``total``.

    Minutes come in fives when ``total`` is a multiple of five with a five for every step,
    else in whole minutes. Every step gets at least one unit when there are enough to go round.
    Largest remainders get the units rounding left over, so the sum is exact.
    """
    if not shares or total <= 0:
        return [0] * len(shares)
    unit = ROUND_TO if total % ROUND_TO == 0 and total // ROUND_TO >= len(shares) else 1
    units = total // unit
    weights = [max(0, share) for share in shares]
    weight_sum = sum(weights) or len(weights)
    if not sum(weights):
        weights = [1] * len(weights)
    exact = [units * weight / weight_sum for weight in weights]
    given = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (given[i] - exact[i], i))
    for index in by_remainder[: units - sum(given)]:
        given[index] += 1
    _no_empty_steps(given, units)
    return [count * unit for count in given]


def _no_empty_steps(given: list[int], units: int) -> None:
    """Take a unit from the longest step for each step left with none (if there are enough)."""
    if units < len(given):
        return
    for index, count in enumerate(given):
        if count == 0:
            longest = max(range(len(given)), key=lambda i: given[i])
            given[longest] -= 1
            given[index] = 1


def timed(agenda: Sequence[AgendaItem], session_minutes: int) -> list[TimedItem]:
    """The agenda's steps with their minutes in a session of ``session_minutes``."""
    minutes = scale_minutes([item.share for item in agenda], session_minutes)
    return [
        TimedItem(item.title, item.detail, step) for item, step in zip(agenda, minutes, strict=True)
    ]
