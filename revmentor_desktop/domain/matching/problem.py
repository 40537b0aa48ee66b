"""One run's matching problem, built from a cohort's facts: who may take part and in which
role, which pairs are fixed before solving (open, locked, kept), the pools and score tables the
solver works on, and how any one pair fits and what would block it."""

from __future__ import annotations

from collections import Counter

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
    GateCheck,
    Origin,
    PairExplanation,
    PairFit,
    RulePart,
    fit_fields,
)
from revmentor_desktop.domain.matching.rules import Rule
from revmentor_desktop.domain.matching.scoring import ScoreTable, score_table


class CohortProblem:
    """The state one run starts from and changes as it fixes pairs and decides roles: the
    places each mentor has ``free``, the role each person is matched for (``roles``), and the
    mentees who already have a mentor (``has_mentor``)."""

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

    # How one pair fits, and what blocks it

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
