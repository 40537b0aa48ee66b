"""The whole-cohort matching: the cohort's problem (``problem``) solved as an assignment
(``assignment``), then handed back as proposals, the unmatched and their explanations.

Participants who may take either role ("both") are matched in one role per run, never both:
those already mentoring (or mentored) in the cohort keep that role; for the others the assistant
first solves a relaxed problem in which they appear on both sides, gives each the role it used
there (the best such choices first, so a pair of "both" people becomes one pair), gives anyone
left the only role in which some partner is allowed, else the role where people are short, and
then solves the real problem with those roles fixed.
That is exact when there are no "both" participants and a close approximation when there are
(the exact problem would be a general, non-bipartite matching).

Everything is ordered by person id, so the same data always gives the same proposals.
"""

from __future__ import annotations

from collections.abc import Iterable

from revmentor_desktop.domain.matching.assignment import assign, preference
from revmentor_desktop.domain.matching.explain import MENTEE, MENTOR, rule_blocker
from revmentor_desktop.domain.matching.facts import CohortFacts, Profile
from revmentor_desktop.domain.matching.problem import CohortProblem
from revmentor_desktop.domain.matching.result import (
    Alternative,
    MatchResult,
    Origin,
    Proposal,
    SolvedCohort,
    fit_fields,
)
from revmentor_desktop.domain.matching.scoring import ScoreTable
from revmentor_desktop.domain.matching.unmatched import why_unmatched
from revmentor_desktop.domain.text import fold


def solve(
    facts: CohortFacts,
    keep: Iterable[tuple[int, int]] = (),
    exclude: Iterable[tuple[int, int]] = (),
) -> MatchResult:
    """Propose pairs for the cohort.

    ``keep`` holds (mentor, mentee) pairs to keep as they are in addition to the locked ones
    (drafts the coordinator accepted); ``exclude`` holds pairs not to propose in this run in
    addition to the forbidden ones (drafts the coordinator rejected).
    """
    return Solver(facts, list(keep), set(exclude)).run()


class Solver(CohortProblem):
    """Solves one run's problem and answers, afterwards, the questions about its result."""

    def _decide_both_roles(self, mentees: list[Profile], mentors: list[Profile]) -> None:
        """Give every undecided "both" participant one role (see the module docstring)."""
        table = self._table(mentees, mentors)
        relaxed = assign(table, self._places(mentors))
        undecided = {p.person_id for p in mentees} & {p.person_id for p in mentors}
        choices = sorted(
            relaxed,
            key=lambda cell: (
                tuple(-value for value in preference(table, *cell)),
                mentors[cell[1]].person_id,
                mentees[cell[0]].person_id,
            ),
        )
        for i, j in choices:
            mentor_id, mentee_id = mentors[j].person_id, mentees[i].person_id
            if (
                self.roles.get(mentor_id, MENTOR) == MENTOR
                and self.roles.get(mentee_id, MENTEE) == MENTEE
            ):
                if mentor_id in undecided:
                    self.roles[mentor_id] = MENTOR
                if mentee_id in undecided:
                    self.roles[mentee_id] = MENTEE
        # The rest go where people are short: places without takers, or takers without places.
        places = sum(
            self.free[p.person_id]
            for p in mentors
            if p.person_id not in undecided or self.roles.get(p.person_id) == MENTOR
        )
        takers = sum(
            1
            for p in mentees
            if p.person_id not in undecided or self.roles.get(p.person_id) == MENTEE
        )
        can_mentor = {p.person_id for j, p in enumerate(mentors) if not table.blocked[:, j].all()}
        can_be_mentored = {
            p.person_id for i, p in enumerate(mentees) if not table.blocked[i, :].all()
        }
        for person_id in sorted(undecided - self.roles.keys()):
            if person_id not in can_be_mentored and person_id in can_mentor:
                self.roles[person_id] = MENTOR  # no mentor could take them: they may mentor
                places += self.free[person_id]
            elif places > takers or person_id not in can_mentor:
                self.roles[person_id] = MENTEE
                takers += 1
            else:
                self.roles[person_id] = MENTOR
                places += self.free[person_id]

    def run(self) -> MatchResult:
        fixed = self._fix_pairs()
        mentees, mentors = self._pools()
        if {p.person_id for p in mentees} & {p.person_id for p in mentors}:
            self._decide_both_roles(mentees, mentors)
            mentees, mentors = self._pools()
        table = self._table(mentees, mentors)
        chosen = assign(table, self._places(mentors))

        proposals = [self._fixed_proposal(m, e, origin) for m, e, origin in fixed]
        for i, j in chosen:
            proposals.append(self._proposal(table, i, j))
        proposals.sort(
            key=lambda p: (fold(p.mentor_name), p.mentor_id, fold(p.mentee_name), p.mentee_id)
        )
        self.proposals = proposals
        roles = {pid: self._role(pid) for pid in self.participants}
        unmatched = why_unmatched(
            SolvedCohort(
                kind=self.kind,
                settings=self.settings,
                participants=self.participants,
                table=table,
                chosen=chosen,
                proposals=proposals,
                roles=roles,
                free=dict(self.free),
                in_open=frozenset(self.in_open),
                has_mentor=frozenset(self.has_mentor),
            )
        )
        return MatchResult(
            cohort_id=self.facts.cohort_id,
            cohort_name=self.facts.cohort_name,
            kind=self.kind,
            proposals=proposals,
            unmatched=unmatched,
            settings=self.settings,
            existing=list(self.facts.open_pairs),
            warnings=self.warnings,
            profiles={pid: p.profile for pid, p in self.participants.items()},
            roles=roles,
            mentor_label=self.facts.mentor_label,
            mentee_label=self.facts.mentee_label,
            _explain=self.explain,
            _alternatives=self.alternatives,
        )

    def _role(self, person_id: int) -> str:
        """The role the person was matched for, or their enrolled role when none was needed."""
        return self.roles.get(person_id) or self.participants[person_id].role.value

    # The proposals, and the partners to consider instead

    def _proposal(self, table: ScoreTable, i: int, j: int) -> Proposal:
        mentee, mentor = table.mentees[i], table.mentors[j]
        return Proposal(
            **fit_fields(self._fit(table, i, j)),
            mentor_id=mentor.person_id,
            mentee_id=mentee.person_id,
            mentor_name=mentor.name,
            mentee_name=mentee.name,
            origin=Origin.SOLVED,
        )

    def _fixed_proposal(self, mentor_id: int, mentee_id: int, origin: Origin) -> Proposal:
        explanation = self.explain(mentor_id, mentee_id, situational=False)
        mentor, mentee = self._profile(mentor_id), self._profile(mentee_id)
        broken = [
            rule_blocker(gate.rule, mentor, mentee, gate.note, self.kind)
            for gate in explanation.gates
            if not gate.passed
        ]
        return Proposal(
            **fit_fields(explanation),
            mentor_id=mentor_id,
            mentee_id=mentee_id,
            mentor_name=self._name(mentor_id),
            mentee_name=self._name(mentee_id),
            origin=origin,
            warnings=tuple(f"kept although it breaks {rule}" for rule in broken),
        )

    def alternatives(self, person_id: int, count: int = 3) -> list[Alternative]:
        participant = self.participants.get(person_id)
        if participant is None or not self._eligible(person_id):
            return []
        role = self.roles.get(person_id, MENTEE if participant.role.can_be_mentored else MENTOR)
        proposed_with: dict[int, list[str]] = {}
        partners: set[int] = set()
        for proposal in self.proposals:
            if role == MENTEE:
                proposed_with.setdefault(proposal.mentor_id, []).append(proposal.mentee_name)
                if proposal.mentee_id == person_id:
                    partners.add(proposal.mentor_id)
            else:
                proposed_with.setdefault(proposal.mentee_id, []).append(proposal.mentor_name)
                if proposal.mentor_id == person_id:
                    partners.add(proposal.mentee_id)
        others = [
            pid
            for pid, other in self.participants.items()
            if pid != person_id
            and pid not in partners
            and self._eligible(pid)
            and (
                (role == MENTEE and other.role.can_mentor and self.roles.get(pid) != MENTEE)
                or (role == MENTOR and other.role.can_be_mentored and self.roles.get(pid) != MENTOR)
            )
        ]
        if not others:
            return []
        profiles = [self._profile(pid) for pid in others]
        if role == MENTEE:
            table = self._table([participant.profile], profiles)
            cells = [(0, index) for index in range(len(others))]
        else:
            table = self._table(profiles, [participant.profile])
            cells = [(index, 0) for index in range(len(others))]
        totals = [int(table.total[cell]) for cell in cells]
        order = sorted(
            (index for index, cell in enumerate(cells) if not table.blocked[cell]),
            key=lambda index: (
                tuple(-value for value in preference(table, *cells[index])),
                others[index],
            ),
        )
        alternatives = []
        for index in order[:count]:
            pid = others[index]
            if pid in proposed_with:
                note = "proposed with " + ", ".join(proposed_with[pid])
            elif role == MENTEE:
                note = "has a free place" if self.free.get(pid, 0) > 0 else "no free place"
            else:
                note = "already has a mentor" if pid in self.has_mentor else "unmatched"
            alternatives.append(
                Alternative(
                    pid,
                    self._name(pid),
                    MENTOR if role == MENTEE else MENTEE,
                    int(totals[index]),
                    note,
                )
            )
        return alternatives
