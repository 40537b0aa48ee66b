"""The current time, in one place, so tests and the Today view can move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


def today(clock: Clock = system_clock) -> date:
    return clock().date()
