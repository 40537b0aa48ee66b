"""What the matching assistant hands back: proposals, the unmatched, and their explanations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from revmentor_desktop.domain.matching.facts import OpenPair, Participant, Profile
from revmentor_desktop.domain.matching.rules import Rule, RuleSettings, Weight
from revmentor_desktop.domain.vocabulary import CohortKind

if TYPE_CHECKING:  # numpy loads only when matching runs
    from revmentor_desktop.domain.matching.scoring import ScoreTable


class Origin(StrEnum):
    SOLVED = "solved"  # chosen by the assistant
    LOCKED = "locked"  # a pair the coordinator locked
    KEPT = "kept"  # a draft the coordinator accepted before re-running


@dataclass(frozen=True)
class RulePart:
    """What one rule contributes to a pair's score."""

    rule: Rule
    weight: Weight
    points: int
    note: str
    broken: bool = False

    @property
    def max_points(self) -> int:
        return self.weight.points


@dataclass(frozen=True)
class PairExplanation:
    mentor_id: int
    mentee_id: int
    score: int
    parts: tuple[RulePart, ...]
    shared_tags: tuple[str, ...]
    blockers: tuple[str, ...] = ()  # why the assistant would never propose this pair

    @property
    def allowed(self) -> bool:
        return not self.blockers


@dataclass(frozen=True)
class Proposal:
    mentor_id: int
    mentee_id: int
    mentor_name: str
    mentee_name: str
    score: int
    parts: tuple[RulePart, ...]
    shared_tags: tuple[str, ...]
    origin: Origin = Origin.SOLVED
    warnings: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[int, int]:
        return (self.mentor_id, self.mentee_id)


@dataclass(frozen=True)
class Unmatched:
    person_id: int
    name: str
    role: str  # the role they were matched for: mentor or mentee
    reason: str


@dataclass(frozen=True)
class Alternative:
    partner_id: int
    partner_name: str
    partner_role: str  # mentor or mentee
    score: int
    note: str = ""  # e.g. "proposed with Bo Chen" or "free"


@dataclass(frozen=True)
class SolvedCohort:
    """The finished state of one solve, handed over for the reasons someone stays unmatched.

    ``table`` is the score table of the final problem and ``chosen`` its (mentee row, mentor
    column) cells; ``roles`` holds the role each person was matched for (their enrolled role
    when none was needed); ``free`` the places each mentor has left after the fixed pairs;
    ``in_open`` everyone already in an open pair; ``has_mentor`` every mentee already taken.
    """

    kind: CohortKind
    settings: RuleSettings
    participants: dict[int, Participant]
    table: ScoreTable
    chosen: list[tuple[int, int]]
    proposals: list[Proposal]
    roles: dict[int, str]
    free: dict[int, int]
    in_open: frozenset[int]
    has_mentor: frozenset[int]


@dataclass
class MatchResult:
    """Draft proposals for a cohort; nothing is written until they are accepted."""

    cohort_id: int
    cohort_name: str
    kind: CohortKind
    proposals: list[Proposal]
    unmatched: list[Unmatched]
    existing: list[OpenPair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    profiles: dict[int, Profile] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)  # role each person was matched for
    mentor_label: str = "Mentor"
    mentee_label: str = "Mentee"
    _explain: Callable[[int, int], PairExplanation] | None = field(default=None, repr=False)
    _alternatives: Callable[[int, int], list[Alternative]] | None = field(default=None, repr=False)

    @property
    def total_score(self) -> int:
        return sum(proposal.score for proposal in self.proposals)

    def explain(self, mentor_id: int, mentee_id: int) -> PairExplanation:
        """The score of any pair in the cohort, rule by rule, and what blocks it."""
        assert self._explain is not None
        return self._explain(mentor_id, mentee_id)

    def alternatives(self, person_id: int, count: int = 3) -> list[Alternative]:
        """The best ``count`` allowed partners for a person other than their proposed one."""
        assert self._alternatives is not None
        return self._alternatives(person_id, count)

    def name(self, person_id: int) -> str:
        profile = self.profiles.get(person_id)
        return profile.name if profile else f"person {person_id}"
