"""Why a participant was left unmatched, worded for the coordinator.

Reads only the finished state of a solve (``SolvedCohort``): whether the person was eligible,
who could have been their partner, and which rule or capacity ruled each candidate out.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

import numpy as np

from revmentor_desktop.domain.matching.explain import (
    BLOCKING_ORDER,
    MENTEE,
    MENTOR,
    TOO_CLOSE,
    blocking_phrase,
    names_list,
    tally_phrase,
    unavailability,
)
from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.result import SolvedCohort, Unmatched
from revmentor_desktop.domain.matching.rules import Rule
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import Role


def _alphabetical_ranks(profiles: list[Profile]) -> np.ndarray:
    """Each person's place in alphabetical order (ignoring case and accents; id on a tie)."""
    order = sorted(
        range(len(profiles)), key=lambda k: (fold(profiles[k].name), profiles[k].person_id)
    )
    ranks = np.empty(len(profiles), dtype=np.int64)
    ranks[order] = np.arange(len(profiles))
    return ranks


def _first_names(
    profiles: list[Profile], ranks: np.ndarray, indices: np.ndarray, limit: int = 3
) -> str:
    """The first ``limit`` names of ``indices`` in alphabetical order, and how many more.

    Picks the first few without sorting them all: a large cohort asks this for every mentor.
    """
    first = indices
    if len(indices) > limit:
        first = indices[np.argpartition(ranks[indices], limit)[:limit]]
    shown = sorted(first, key=lambda k: ranks[k])
    return names_list([profiles[k].name for k in shown], limit, total=len(indices))


def why_unmatched(solved: SolvedCohort) -> list[Unmatched]:
    """Everyone the solve left without a partner, each with the reason."""
    return WhyUnmatched(solved).unmatched()


class WhyUnmatched:
    """The reasons for one solve, worked out from its finished state."""

    def __init__(self, solved: SolvedCohort) -> None:
        self.solved = solved
        self.table = solved.table

    def _blocking_reasons(self, cells: tuple) -> np.ndarray:
        """For a row or column of the table, the first reason each cell is blocked ('' if not)."""
        reasons = np.full(self.table.blocked[cells].shape, "", dtype=object)
        for rule in reversed(BLOCKING_ORDER):
            if rule in self.table.breaks and self.solved.settings.is_mandatory(rule):
                reasons[self.table.breaks[rule][cells]] = rule
                if rule is Rule.SENIORITY and self.table.seniority is not None:
                    too_close = self.table.breaks[rule][cells] & self.table.seniority.close[cells]
                    reasons[too_close] = TOO_CLOSE
        reasons[self.table.forbidden[cells]] = "forbidden"
        return reasons

    def unmatched(self) -> list[Unmatched]:
        solved = self.solved
        matched = set(solved.in_open)
        for proposal in solved.proposals:
            matched.update(proposal.key)
        taken_rows = {i for i, _ in solved.chosen}
        taken_columns = {j for _, j in solved.chosen}
        mentee_row = {p.person_id: i for i, p in enumerate(self.table.mentees)}
        mentor_column = {p.person_id: j for j, p in enumerate(self.table.mentors)}
        result = []
        for pid, participant in solved.participants.items():
            if pid in matched:
                continue
            role = solved.roles[pid]
            reason = unavailability(participant.profile)
            if not reason and pid in mentee_row and mentee_row[pid] not in taken_rows:
                reason = self._mentee_reason(mentee_row[pid])
                role = MENTEE
            elif not reason and pid in mentor_column and mentor_column[pid] not in taken_columns:
                reason = self._mentor_reason(mentor_column[pid])
                role = MENTOR
            elif not reason and participant.role.can_mentor and solved.free.get(pid, 0) <= 0:
                reason = f"has no free place (capacity {participant.capacity})"
                role = MENTOR
            if not reason:
                continue
            if participant.role is Role.BOTH and role != Role.BOTH.value:
                reason += f" (considered as {role} this time)"
            result.append(Unmatched(pid, participant.profile.name, role, reason))
        return result

    def _outside_table(self, as_mentor: bool, person_id: int) -> Counter[str]:
        """Candidates of the other side who were not in the table at all, by reason."""
        solved = self.solved
        counts: Counter[str] = Counter()
        for pid, other in solved.participants.items():
            if pid == person_id:
                continue
            if as_mentor:  # looking for mentors
                if not other.role.can_mentor or solved.roles[pid] == MENTEE:
                    continue
                if unavailability(other.profile):
                    counts["are not available (archived or no consent)"] += 1
                elif solved.free.get(pid, 0) <= 0:
                    counts["have no free place"] += 1
            else:
                if not other.role.can_be_mentored or solved.roles[pid] == MENTOR:
                    continue
                if unavailability(other.profile):
                    counts["are not available (archived or no consent)"] += 1
                elif pid in solved.has_mentor:
                    counts["have a mentor already"] += 1
        return counts

    @cached_property
    def _mentee_order(self) -> np.ndarray:
        return _alphabetical_ranks(self.table.mentees)

    @cached_property
    def _mentor_order(self) -> np.ndarray:
        return _alphabetical_ranks(self.table.mentors)

    def _mentee_reason(self, i: int) -> str:
        allowed = np.flatnonzero(~self.table.blocked[i, :])
        if allowed.size:
            names = _first_names(self.table.mentors, self._mentor_order, allowed)
            return f"all eligible mentors ({names}) are at capacity with other mentees"
        reasons = self._blocking_reasons((i, slice(None)))
        counts = self._why_none_fit(self.table.mentees[i], True, self.table.mentors, reasons)
        if not counts:
            return "no eligible mentor: there are no mentors with free places in this cohort"
        return "no eligible mentor: " + tally_phrase(counts, sum(counts.values()), "mentor")

    def _mentor_reason(self, j: int) -> str:
        allowed = np.flatnonzero(~self.table.blocked[:, j])
        if allowed.size:
            names = _first_names(self.table.mentees, self._mentee_order, allowed)
            return f"all eligible mentees ({names}) are matched with other mentors"
        reasons = self._blocking_reasons((slice(None), j))
        counts = self._why_none_fit(self.table.mentors[j], False, self.table.mentees, reasons)
        if not counts:
            return "no eligible mentee: there are no mentees left to match in this cohort"
        return "no eligible mentee: " + tally_phrase(counts, sum(counts.values()), "mentee")

    def _why_none_fit(
        self, person: Profile, partners_mentor: bool, partners: list[Profile], reasons: np.ndarray
    ) -> Counter[str]:
        """How many possible partners each reason rules out, those outside the table included."""
        counts = self._outside_table(partners_mentor, person.person_id)
        for partner, reason in zip(partners, reasons, strict=True):
            if reason and partner.person_id != person.person_id:
                counts[blocking_phrase(reason, self.solved.kind, as_mentor=partners_mentor)] += 1
        return counts
