"""The fixed words of the domain: kinds, roles, statuses and formats, and counted nouns."""

from __future__ import annotations

from enum import StrEnum

# Nouns whose plural is not the singular with an "s"; ``plural`` knows the rest.
IRREGULAR_PLURALS = {"person": "people"}
# Verbs after a count, in the plural a phrase is written in, and their singular.
SINGULAR_VERBS = {
    "are": "is",
    "have": "has",
    "go": "goes",
    "were": "was",
    "hold": "holds",
    "need": "needs",
    "teach": "teaches",
    "want": "wants",
    "work": "works",
    "share": "shares",
    "take": "takes",
    "cover": "covers",
}


def plural_of(noun: str) -> str:
    """The plural of a noun or a short phrase ("older backup" -> "older backups")."""
    head, _, last = noun.rpartition(" ")
    if last in IRREGULAR_PLURALS:
        word = IRREGULAR_PLURALS[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        word = last + "es"
    elif last.endswith("y") and last[-2:-1] not in {"a", "e", "i", "o", "u"}:
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def plural(count: int, noun: str, plural_form: str = "") -> str:
    """A count with its noun in the right number: "1 cohort", "2 cohorts", "1,500 people".

    Every count shown to a person goes through here, so none reads "1 cohorts".
    ``plural_form`` names a plural ``plural_of`` cannot guess.
    """
    word = noun if count == 1 else (plural_form or plural_of(noun))
    return f"{count:,} {word}"


def agree(phrase: str, count: int) -> str:
    """Make a plural phrase ("have problems") agree with ``count`` ("1 row has problems")."""
    if count == 1:
        verb, _, rest = phrase.partition(" ")
        return f"{SINGULAR_VERBS.get(verb, verb)} {rest}".strip()
    return phrase


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
