"""The whole-cohort matching: an assignment problem solved exactly with SciPy.

Rows are the mentees still to match; columns are the mentors' free places (a mentor with two
free places appears twice). A pair that breaks a mandatory rule, is forbidden, or pairs someone
with themselves is never chosen. The objective is lexicographic, in three tiers folded into one
number per cell: each allowed pair earns a bonus larger than everything below it can add up to,
each pair that covers some of what the mentee wants to learn a second, smaller such bonus, and
then its score out of 100. So the optimum matches as many people as the rules allow; among
those solutions, it covers as many mentees' wishes as possible, so no mentee gets a partner who
covers none of them while a mentor who could (without breaking a mandatory rule) has a free
place — moving the mentee there would cover one more; and among those, its total score is
the highest. Only the score out of 100 is shown: the bonuses are the order of the tiers.

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

from collections import Counter
from collections.abc import Iterable

import numpy as np

from revmentor_desktop.domain.matching.constraints import ConstraintKind
from revmentor_desktop.domain.matching.explain import (
    BLOCKING_ORDER,
    MENTEE,
    MENTOR,
    rule_blocker,
    rule_note,
    shared_tags,
    unavailability,
    wanted_count,
)
from revmentor_desktop.domain.matching.facts import CohortFacts, Participant, Profile
from revmentor_desktop.domain.matching.result import (
    Alternative,
    GateCheck,
    MatchResult,
    Origin,
    PairExplanation,
    PairFit,
    Proposal,
    RulePart,
    SolvedCohort,
    fit_fields,
)
from revmentor_desktop.domain.matching.rules import SCORE_OUT_OF, Rule
from revmentor_desktop.domain.matching.scoring import ScoreTable, score_table
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


def tiered_values(
    table: ScoreTable, cells: tuple[np.ndarray, np.ndarray], pairs_at_most: int
) -> np.ndarray:
    """The solver's value of each cell: the match and coverage bonuses plus the score.

    With at most ``pairs_at_most`` pairs, a bonus greater than the most that all pairs could
    earn from the tiers below it makes each tier outrank the ones under it.
    """
    cover_bonus = SCORE_OUT_OF * pairs_at_most + 1
    match_bonus = (cover_bonus + SCORE_OUT_OF) * pairs_at_most + 1
    value = table.total[cells] + cover_bonus * table.covers[cells].astype(np.int64)
    return np.where(table.blocked[cells], 0, value + match_bonus).astype(np.float64)


def preference(table: ScoreTable, i: int, j: int) -> tuple[bool, int]:
    """How the solver ranks one allowed pair against another: coverage first, then score."""
    return bool(table.covers[i, j]), int(table.total[i, j])


def assign(table: ScoreTable, places: np.ndarray) -> list[tuple[int, int]]:
    """The best set of (mentee row, mentor column) cells, at most ``places[j]`` per column."""
    from scipy.optimize import linear_sum_assignment

    allowed = ~table.blocked
    rows = np.flatnonzero(allowed.any(axis=1))
    if rows.size == 0:
        return []
    column_need = allowed[rows].sum(axis=0)
    copies = np.minimum(places, column_need)  # a mentor never needs more places than takers
    columns = np.repeat(np.arange(len(places)), np.maximum(copies, 0))
    if columns.size == 0:
        return []
    cells = np.ix_(rows, columns)
    sub_allowed = allowed[cells]
    profit = tiered_values(table, cells, min(rows.size, columns.size))
    chosen_rows, chosen_columns = linear_sum_assignment(profit, maximize=True)
    keep = sub_allowed[chosen_rows, chosen_columns]
    return sorted(
        (int(rows[r]), int(columns[c]))
        for r, c in zip(chosen_rows[keep], chosen_columns[keep], strict=True)
    )


class Solver:
    def __init__(
        self, facts: CohortFacts, keep: list[tuple[int, int]], exclude: set[tuple[int, int]]
    ) -> None:
        self.facts = facts
        self.settings = facts.settings
        self.kind = facts.kind
        self.participants: dict[int, Participant] = {
            p.person_id: p for p in sorted(facts.participants, key=lambda p: p.person_id)
        }
        self.locked = [
            (c.mentor_id, c.mentee_id) for c in facts.constraints if c.kind is ConstraintKind.LOCKED
        ]
        self.forbidden = {
            (c.mentor_id, c.mentee_id)
            for c in facts.constraints
            if c.kind is ConstraintKind.FORBIDDEN
        }
        self.rejected = set(exclude) - self.forbidden
        self.keep = keep
        self.warnings: list[str] = []

        open_pairs = facts.open_pairs
        self.open_keys = {(p.mentor_id, p.mentee_id) for p in open_pairs}
        self.in_open = {p.mentor_id for p in open_pairs} | {p.mentee_id for p in open_pairs}
        used = Counter(p.mentor_id for p in open_pairs)
        self.free_after_open = {
            pid: max(p.capacity - used[pid], 0)
            for pid, p in self.participants.items()
            if p.role.can_mentor
        }
        self.free = dict(self.free_after_open)
        self.roles: dict[int, str] = {}
        for pair in open_pairs:
            self.roles[pair.mentor_id] = MENTOR
            self.roles[pair.mentee_id] = MENTEE
        self.has_mentor = {p.mentee_id for p in open_pairs}

    # Who may take part

    def _name(self, person_id: int) -> str:
        participant = self.participants.get(person_id)
        return participant.profile.name if participant else f"person {person_id}"

    def _eligible(self, person_id: int) -> bool:
        participant = self.participants.get(person_id)
        return participant is not None and not unavailability(participant.profile)

    def _can_mentor(self, person_id: int) -> bool:
        participant = self.participants[person_id]
        return participant.role.can_mentor and self.roles.get(person_id, MENTOR) == MENTOR

    def _can_be_mentee(self, person_id: int) -> bool:
        participant = self.participants[person_id]
        return (
            participant.role.can_be_mentored
            and self.roles.get(person_id, MENTEE) == MENTEE
            and person_id not in self.has_mentor
        )

    # Locked and kept pairs

    def _fixed_problem(self, mentor_id: int, mentee_id: int) -> str:
        if mentor_id == mentee_id:
            return "a person cannot mentor themselves"
        for person_id in (mentor_id, mentee_id):
            participant = self.participants.get(person_id)
            if participant is None:
                return f"{self._name(person_id)} is not enrolled in this cohort"
            reason = unavailability(participant.profile)
            if reason:
                return f"{participant.profile.name} {reason.split(',')[0]}"
        if not self.participants[mentor_id].role.can_mentor:
            return f"{self._name(mentor_id)} takes part only as a mentee"
        if not self.participants[mentee_id].role.can_be_mentored:
            return f"{self._name(mentee_id)} takes part only as a mentor"
        if not self._can_mentor(mentor_id):
            return f"{self._name(mentor_id)} is already a mentee in this cohort"
        if mentee_id in self.has_mentor:
            return f"{self._name(mentee_id)} already has a mentor in this cohort"
        if not self._can_be_mentee(mentee_id):
            return f"{self._name(mentee_id)} already mentors in this cohort"
        if self.free.get(mentor_id, 0) <= 0:
            return f"{self._name(mentor_id)} has no free place left"
        return ""

    def _fix_pairs(self) -> list[tuple[int, int, Origin]]:
        fixed: list[tuple[int, int, Origin]] = []
        requests = [(pair, Origin.LOCKED) for pair in self.locked]
        requests += [(pair, Origin.KEPT) for pair in self.keep]
        for (mentor_id, mentee_id), origin in requests:
            if (mentor_id, mentee_id) in self.open_keys:
                continue  # already a pair: kept anyway
            if any(f[:2] == (mentor_id, mentee_id) for f in fixed):
                continue
            problem = self._fixed_problem(mentor_id, mentee_id)
            if problem:
                self.warnings.append(
                    f"The {origin.value} pair {self._name(mentor_id)} & "
                    f"{self._name(mentee_id)} was not kept: {problem}."
                )
                continue
            fixed.append((mentor_id, mentee_id, origin))
            self.free[mentor_id] -= 1
            self.roles[mentor_id] = MENTOR
            self.roles[mentee_id] = MENTEE
            self.has_mentor.add(mentee_id)
        return fixed

    # Solving

    def _pools(self) -> tuple[list[Profile], list[Profile]]:
        eligible = [pid for pid in self.participants if self._eligible(pid)]
        mentees = [pid for pid in eligible if self._can_be_mentee(pid)]
        mentors = [pid for pid in eligible if self._can_mentor(pid) and self.free.get(pid, 0) > 0]
        profile = self._profile
        return [profile(pid) for pid in mentees], [profile(pid) for pid in mentors]

    def _profile(self, person_id: int) -> Profile:
        return self.participants[person_id].profile

    def _table(self, mentees: list[Profile], mentors: list[Profile]) -> ScoreTable:
        return score_table(
            mentees,
            mentors,
            self.settings,
            self.facts.managers,
            self.facts.history,
            self.forbidden | self.rejected,
        )

    def _places(self, mentors: list[Profile]) -> np.ndarray:
        return np.array([self.free[p.person_id] for p in mentors], dtype=np.int64)

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

    # Explaining

    def _fit(self, table: ScoreTable, i: int, j: int) -> PairFit:
        mentee, mentor = table.mentees[i], table.mentors[j]

        verdict = None if table.seniority is None else table.seniority.at(i, j)

        def note(rule: Rule) -> str:
            return rule_note(
                rule,
                mentor,
                mentee,
                self.settings,
                self.facts.managers,
                self.facts.history,
                verdict,
            )

        parts = tuple(
            RulePart(
                rule=rule,
                weight=self.settings.weight(rule),
                points=int(points[i, j]),
                max_points=table.shares[rule],
                note=note(rule),
            )
            for rule, points in table.points.items()
        )
        gates = tuple(
            GateCheck(rule, note(rule), passed=not bool(broken[i, j]))
            for rule, broken in table.breaks.items()
            if self.settings.is_mandatory(rule)
        )
        return PairFit(
            score=int(table.total[i, j]),
            parts=parts,
            gates=gates,
            shared_tags=shared_tags(mentor, mentee, self.kind),
            wanted=wanted_count(mentor, mentee, self.kind),
        )

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

    def explain(self, mentor_id: int, mentee_id: int, situational: bool = True) -> PairExplanation:
        mentor = self.participants.get(mentor_id)
        mentee = self.participants.get(mentee_id)
        if mentor is None or mentee is None:
            missing = [pid for pid in (mentor_id, mentee_id) if pid not in self.participants]
            return PairExplanation(
                score=0,
                parts=(),
                gates=(),
                shared_tags=(),
                wanted=0,
                mentor_id=mentor_id,
                mentee_id=mentee_id,
                blockers=tuple(
                    f"{self._name(pid)} is not enrolled in this cohort" for pid in missing
                ),
            )
        table = self._table([mentee.profile], [mentor.profile])
        fit = self._fit(table, 0, 0)
        blockers: list[str] = []
        if mentor_id == mentee_id:
            blockers.append("a person cannot mentor themselves")
        for participant in (mentor, mentee):
            reason = unavailability(participant.profile)
            if reason:
                blockers.append(f"{participant.profile.name} {reason.split(',')[0]}")
        if not mentor.role.can_mentor:
            blockers.append(f"{mentor.profile.name} takes part only as a mentee")
        if not mentee.role.can_be_mentored:
            blockers.append(f"{mentee.profile.name} takes part only as a mentor")
        if (mentor_id, mentee_id) in self.forbidden:
            blockers.append("you forbade this pair")
        elif (mentor_id, mentee_id) in self.rejected:
            blockers.append("you rejected this pair in this review")
        failed = {gate.rule: gate.note for gate in fit.gates if not gate.passed}
        for rule in BLOCKING_ORDER:
            if rule in failed:
                blockers.append(
                    rule_blocker(rule, mentor.profile, mentee.profile, failed[rule], self.kind)
                )
        if situational and (mentor_id, mentee_id) not in self.open_keys:
            if mentee_id in {p.mentee_id for p in self.facts.open_pairs}:
                blockers.append(f"{mentee.profile.name} already has a mentor in this cohort")
            if mentor.role.can_mentor and self.free_after_open.get(mentor_id, 0) <= 0:
                blockers.append(f"{mentor.profile.name} has no free place in this cohort")
        return PairExplanation(
            **fit_fields(fit), mentor_id=mentor_id, mentee_id=mentee_id, blockers=tuple(blockers)
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
