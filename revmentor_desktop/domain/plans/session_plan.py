"""What a session plan is: one meeting's aim, preparation, timed agenda, questions, safety note
and task, and where it sits in a pair's plan (``Stage``).

A plan's ``key`` is stable: pairs' plans refer to it, so rewording a plan never breaks a pair's
plan. The built-in plans are written in ``resources/plans/`` (read by ``library``); the
coordinator's edits, additions, duplicates and retirements are stored in the data file and
merged over them (``catalogue``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.vocabulary import CohortKind


class Stage(StrEnum):
    """Where a plan sits in a pair's plan: the first meeting, the closing one, or between."""

    FIRST = "first"
    TOPIC = "topic"
    MIDPOINT = "midpoint"
    CLOSING = "closing"

    @property
    def label(self) -> str:
        return {
            Stage.FIRST: "First meeting",
            Stage.TOPIC: "Topic",
            Stage.MIDPOINT: "Mid-point review",
            Stage.CLOSING: "Closing meeting",
        }[self]


@dataclass(frozen=True)
class SessionPlan:
    key: str
    title: str
    stage: Stage
    aim: str
    mentor_prepares: str
    mentee_prepares: str
    agenda: tuple[AgendaItem, ...]
    questions: tuple[str, ...]
    keep_safe: str
    task: str
    focus_areas: tuple[str, ...] = ()  # a pair with one of these areas is suggested the plan
    cohort_kinds: frozenset[str] = frozenset()  # empty: fits every kind of cohort
    builtin: bool = True
    changed: bool = False  # a built-in plan the coordinator edited
    retired: bool = False
    position: int = field(default=0, compare=False)

    def fits(self, cohort_kind: str) -> bool:
        return not self.cohort_kinds or cohort_kind in self.cohort_kinds


REVERSE = frozenset({CohortKind.REVERSE.value, CohortKind.MUTUAL.value})
CLASSIC = frozenset({CohortKind.TRADITIONAL.value, CohortKind.MUTUAL.value})
