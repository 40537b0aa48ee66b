"""What the matching assistant hands back: proposals, the unmatched, and their explanations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

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
    """What one scoring rule contributes to a pair's score out of 100."""

    rule: Rule
    weight: Weight
    points: int
    max_points: int  # the rule's share of the 100 points
    note: str


@dataclass(frozen=True)
class GateCheck:
    """A mandatory rule: every proposed pair passes it, and it earns no points."""

    rule: Rule
    note: str
    passed: bool = True


@dataclass(frozen=True, kw_only=True)
class PairFit:
    """How a pair fares: the score out of 100 in parts, the mandatory rules, the topics."""

    score: int
    parts: tuple[RulePart, ...]  # their points add up to ``score``
    gates: tuple[GateCheck, ...]
    shared_tags: tuple[str, ...]
    wanted: int  # topics the mentee wants to learn (in mutual cohorts, both partners)

    @property
    def covers_nothing(self) -> bool:
        """Something is wanted and the partner teaches none of it."""
        return self.wanted > 0 and not self.shared_tags


def fit_fields(fit: PairFit) -> dict[str, Any]:
    """The fields of a ``PairFit``, to build a proposal or explanation from it."""
    return {name.name: getattr(fit, name.name) for name in fields(PairFit)}


@dataclass(frozen=True, kw_only=True)
class PairExplanation(PairFit):
    mentor_id: int
    mentee_id: int
    blockers: tuple[str, ...] = ()  # why the assistant would never propose this pair

    @property
    def allowed(self) -> bool:
        return not self.blockers


@dataclass(frozen=True, kw_only=True)
class Proposal(PairFit):
    mentor_id: int
    mentee_id: int
    mentor_name: str
    mentee_name: str
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
    settings: RuleSettings
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

    @property
    def average_score(self) -> int:
        """The proposals' mean score out of 100, rounded (0 without proposals)."""
        if not self.proposals:
            return 0
        return round(self.total_score / len(self.proposals))

    @property
    def covering_nothing(self) -> list[Proposal]:
        return [proposal for proposal in self.proposals if proposal.covers_nothing]

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
