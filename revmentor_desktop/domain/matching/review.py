"""A review of draft proposals: the coordinator's accept / reject / swap / lock / forbid decisions.

Decisions live here, in memory, until ``commit_edit``: nothing changes in the data file before
then. Re-running keeps accepted and locked drafts and re-solves the rest; rejected drafts are
not proposed again during the review. On commit, accepted and locked drafts become pairs with
status proposed, and locks and bans are stored so later runs respect them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.matching.result import MatchResult, Origin, Proposal, fit_fields

if TYPE_CHECKING:
    from revmentor_desktop.domain.edits import Edit
    from revmentor_desktop.domain.matching.rules import RuleSettings

PairKey = tuple[int, int]


class Decision(StrEnum):
    DRAFT = "draft"
    ACCEPTED = "accepted"
    LOCKED = "locked"
    REJECTED = "rejected"
    FORBIDDEN = "forbidden"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def keeps(self) -> bool:
        """Kept through a re-run and turned into a pair on commit."""
        return self in (Decision.ACCEPTED, Decision.LOCKED)


@dataclass
class ReviewRow:
    proposal: Proposal
    decision: Decision = Decision.DRAFT


class ReviewSession:
    def __init__(self, cohort_id: int, clock: Clock = system_clock) -> None:
        self.cohort_id = cohort_id
        self.clock = clock
        self.rows: list[ReviewRow] = []
        self.result: MatchResult | None = None
        self._rejected: set[PairKey] = set()
        self._forbidden: set[PairKey] = set()
        self._stored_locks: set[PairKey] = set()
        self.created_pair_ids: list[int] = []  # by the last commit, for "Show the new pairs"

    # Running

    def run(self) -> MatchResult:
        """Solve again, keeping accepted and locked drafts and leaving out rejected ones."""
        from revmentor_desktop.domain.matching.workflow import propose

        previous = {row.proposal.key: row.decision for row in self.rows}
        keep = [row.proposal.key for row in self.rows if row.decision.keeps]
        result = propose(
            self.cohort_id, self.clock, keep=keep, exclude=self._rejected | self._forbidden
        )
        self.result = result
        self._stored_locks = {p.key for p in result.proposals if p.origin is Origin.LOCKED}
        self.rows = []
        for proposal in result.proposals:
            decision = previous.get(proposal.key, Decision.DRAFT)
            if proposal.origin is Origin.LOCKED:
                decision = Decision.LOCKED
            elif not decision.keeps:
                decision = Decision.DRAFT
            self.rows.append(ReviewRow(proposal, decision))
        return result

    def change_rules(self, settings: RuleSettings) -> MatchResult:
        """Store the cohort's new weights and gaps, then solve again with them.

        Decisions stay as in ``run``; a refused setting raises ValidationError and changes
        nothing.
        """
        from revmentor_desktop.domain.matching.saved_rules import save_rule_settings

        save_rule_settings(self.cohort_id, settings)
        return self.run()

    # Deciding

    def decide(self, index: int, decision: Decision) -> None:
        row = self.rows[index]
        if row.proposal.key in self._stored_locks and decision is not Decision.LOCKED:
            raise RuleViolation(
                f"{row.proposal.mentor_name} & {row.proposal.mentee_name} is a locked pair; "
                "it stays until the lock is cleared."
            )
        row.decision = decision
        key = row.proposal.key
        self._rejected.discard(key)
        self._forbidden.discard(key)
        if decision is Decision.REJECTED:
            self._rejected.add(key)
        elif decision is Decision.FORBIDDEN:
            self._forbidden.add(key)

    def accept_all(self) -> int:
        """Accept every draft not yet decided on; returns how many."""
        undecided = [index for index, row in enumerate(self.rows) if row.decision is Decision.DRAFT]
        for index in undecided:
            self.decide(index, Decision.ACCEPTED)
        return len(undecided)

    def swap(self, first: int, second: int) -> None:
        """Exchange the mentees of two drafts; both become accepted. Refused if a rule blocks."""
        assert self.result is not None
        one, other = self.rows[first], self.rows[second]
        if first == second or one.proposal.mentor_id == other.proposal.mentor_id:
            raise RuleViolation("Choose two proposals with different mentors to swap.")
        for row in (one, other):
            if row.proposal.key in self._stored_locks:
                raise RuleViolation(
                    f"{row.proposal.mentor_name} & {row.proposal.mentee_name} is locked."
                )
        swapped = []
        for mentor_row, mentee_row in ((one, other), (other, one)):
            mentor_id, mentee_id = mentor_row.proposal.mentor_id, mentee_row.proposal.mentee_id
            explanation = self.result.explain(mentor_id, mentee_id)
            if explanation.blockers:
                raise RuleViolation(
                    f"{mentor_row.proposal.mentor_name} & {mentee_row.proposal.mentee_name} "
                    f"cannot be paired: {'; '.join(explanation.blockers)}."
                )
            swapped.append(
                Proposal(
                    **fit_fields(explanation),
                    mentor_id=mentor_id,
                    mentee_id=mentee_id,
                    mentor_name=mentor_row.proposal.mentor_name,
                    mentee_name=mentee_row.proposal.mentee_name,
                    origin=Origin.KEPT,
                )
            )
        one.proposal, other.proposal = swapped
        one.decision = other.decision = Decision.ACCEPTED

    # Committing

    @property
    def to_create(self) -> list[Proposal]:
        return [row.proposal for row in self.rows if row.decision.keeps]

    @property
    def new_locks(self) -> list[PairKey]:
        return [
            row.proposal.key
            for row in self.rows
            if row.decision is Decision.LOCKED and row.proposal.key not in self._stored_locks
        ]

    @property
    def new_bans(self) -> list[PairKey]:
        return sorted(self._forbidden)

    @property
    def has_decisions(self) -> bool:
        return bool(self.to_create or self.new_bans)

    def commit_edit(self) -> Edit:
        """Create the accepted and locked pairs and store locks and bans, as one undoable edit."""
        from revmentor_desktop.domain.edits import created_pair_ids
        from revmentor_desktop.domain.matching.workflow import accept_edit

        edit = accept_edit(
            self.cohort_id, self.to_create, self.new_locks, self.new_bans, self.clock
        )
        self.created_pair_ids = created_pair_ids(edit)
        self.rows = []
        self._rejected.clear()
        self._forbidden.clear()
        return edit
