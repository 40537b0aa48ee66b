"""The fixed words of the domain: kinds, roles, statuses and formats."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class CohortKind(StrEnum):
    REVERSE = "reverse"
    TRADITIONAL = "traditional"
    MUTUAL = "mutual"

    @property
    def default_role_labels(self) -> tuple[str, str]:
        return {
            CohortKind.REVERSE: ("Reverse mentor", "Mentee"),
            CohortKind.TRADITIONAL: ("Mentor", "Mentee"),
            CohortKind.MUTUAL: ("Learning partner", "Learning partner"),
        }[self]


class Role(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    BOTH = "both"

    @property
    def can_mentor(self) -> bool:
        return self in (Role.MENTOR, Role.BOTH)

    @property
    def can_be_mentored(self) -> bool:
        return self in (Role.MENTEE, Role.BOTH)


class PairStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ENDED_EARLY = "ended early"

    @property
    def is_open(self) -> bool:
        """Open pairs take up a mentor's capacity."""
        return self in (PairStatus.PROPOSED, PairStatus.ACTIVE, PairStatus.PAUSED)

    @property
    def label(self) -> str:
        """The status as the window and the documents print it: "Ended early"."""
        return self.value.capitalize()


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class CancelledBy(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    COORDINATOR = "coordinator"


class MeetingFormat(StrEnum):
    IN_PERSON = "in person"
    VIDEO_CALL = "video call"
    PHONE = "phone"
    EITHER = "either"


# No-fault reasons offered when a pair ends early; the coordinator may type another.
END_EARLY_REASONS: tuple[str, ...] = (
    "Schedules did not allow regular meetings",
    "One partner changed role or left the organisation",
    "Goals were reached sooner than planned",
    "The pairing was not a good fit (no fault)",
    "Personal circumstances",
)


def cadence_phrase(days: int) -> str:
    """How often, in words: "every 3 weeks" for 21, "every month" for 30 or 31, else days.

    A cohort without a rhythm (0, from an older or imported file) meets as the partners agree.
    """
    if days <= 0:
        return "at a rhythm the partners agree"
    if days in (30, 31):
        return "every month"
    if days == 7:
        return "every week"
    if days % 7 == 0:
        return f"every {days // 7} weeks"
    if days == 1:
        return "every day"
    return f"every {days} days"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 pair``, ``2 pairs``, ``0 people``: a number with its noun in the right form."""
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {plural or noun + 's'}"


def day_and_month(value: date, today: date) -> str:
    """``3 Nov`` in the current year, ``3 Nov 2025`` otherwise: short, never ambiguous."""
    text = f"{value.day} {value:%b}"
    return text if value.year == today.year else f"{text} {value.year}"
