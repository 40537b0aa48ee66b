"""Scores of every mentee × mentor combination, rule by rule, computed with numpy arrays.

Rows are mentees and columns mentors. For each rule in use the table keeps the integer points
each pair earns and whether the pair breaks the rule. A pair is *blocked* when it breaks a
mandatory rule, is forbidden, or would pair a person with themselves. The explanation reads the
same arrays, so the parts of a score always add up to its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.rules import Rule, RuleSettings, Weight
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import CohortKind, MeetingFormat

# Meeting formats as bit masks: "either" accepts every format.
_IN_PERSON, _VIDEO, _PHONE = 1, 2, 4
_FORMAT_MASKS = {
    MeetingFormat.IN_PERSON.value: _IN_PERSON,
    MeetingFormat.VIDEO_CALL.value: _VIDEO,
    MeetingFormat.PHONE.value: _PHONE,
    MeetingFormat.EITHER.value: _IN_PERSON | _VIDEO | _PHONE,
}
_REMOTE = _VIDEO | _PHONE


def format_mask(meeting_format: str) -> int:
    return _FORMAT_MASKS.get(meeting_format, _IN_PERSON | _VIDEO | _PHONE)


def folded_tags(tags: Iterable[str]) -> set[str]:
    return {fold(" ".join(tag.split())) for tag in tags if tag.strip()}


def seniority_sign(mentor: Profile, mentee: Profile) -> int:
    """+1 when the mentor is more senior, -1 when less senior, 0 when it cannot be told.

    Grades decide when both have different grades; otherwise hire dates (earlier is more senior).
    """
    if mentor.grade is not None and mentee.grade is not None and mentor.grade != mentee.grade:
        return 1 if mentor.grade > mentee.grade else -1
    if mentor.hire_date and mentee.hire_date and mentor.hire_date != mentee.hire_date:
        return 1 if mentor.hire_date < mentee.hire_date else -1
    return 0


def management_chain(person_id: int, managers: dict[int, int | None], levels: int) -> list[int]:
    """The person's managers, nearest first, up to ``levels`` levels."""
    chain: list[int] = []
    manager = managers.get(person_id)
    while manager is not None and len(chain) < levels and manager not in chain:
        chain.append(manager)
        manager = managers.get(manager)
    return chain


def _codes(values: Sequence[str]) -> np.ndarray:
    """Folded text as integer codes; empty text is -1 (unknown)."""
    known: dict[str, int] = {}
    codes = np.full(len(values), -1, dtype=np.int64)
    for index, value in enumerate(values):
        key = fold(value.strip())
        if key:
            codes[index] = known.setdefault(key, len(known))
    return codes


def _tag_matrix(tag_lists: Sequence[Iterable[str]], vocabulary: dict[str, int]) -> np.ndarray:
    """One row per person, one column per known tag: 1 where the person has the tag."""
    matrix = np.zeros((len(tag_lists), max(len(vocabulary), 1)), dtype=np.float32)
    for row, tags in enumerate(tag_lists):
        for tag in folded_tags(tags):
            matrix[row, vocabulary[tag]] = 1.0
    return matrix


@dataclass
class ScoreTable:
    mentees: list[Profile]
    mentors: list[Profile]
    settings: RuleSettings
    points: dict[Rule, np.ndarray]  # int32 (mentees, mentors) per rule in use
    breaks: dict[Rule, np.ndarray]  # bool (mentees, mentors) per rule in use
    total: np.ndarray  # int64 (mentees, mentors)
    blocked: np.ndarray  # bool (mentees, mentors)
    forbidden: np.ndarray  # bool (mentees, mentors)

    def __post_init__(self) -> None:
        self.mentee_index = {p.person_id: i for i, p in enumerate(self.mentees)}
        self.mentor_index = {p.person_id: j for j, p in enumerate(self.mentors)}

    @property
    def rules(self) -> list[Rule]:
        return list(self.points)

    def cell(self, mentor_id: int, mentee_id: int) -> tuple[int, int] | None:
        i = self.mentee_index.get(mentee_id)
        j = self.mentor_index.get(mentor_id)
        return None if i is None or j is None else (i, j)


@dataclass(frozen=True)
class _Candidates:
    """What every rule reads: both sides of the table and the facts about the people."""

    mentees: list[Profile]
    mentors: list[Profile]
    settings: RuleSettings
    managers: dict[int, int | None]
    history: dict[tuple[int, int], str]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.mentees), len(self.mentors)

    @cached_property
    def mentee_index(self) -> dict[int, int]:
        return {p.person_id: i for i, p in enumerate(self.mentees)}

    @cached_property
    def mentor_index(self) -> dict[int, int]:
        return {p.person_id: j for j, p in enumerate(self.mentors)}

    def mark(self, pairs: Iterable[tuple[int, int]]) -> np.ndarray:
        """True at each (mentee id, mentor id) of ``pairs`` that is in the table."""
        marked = np.zeros(self.shape, dtype=bool)
        for mentee_id, mentor_id in pairs:
            i, j = self.mentee_index.get(mentee_id), self.mentor_index.get(mentor_id)
            if i is not None and j is not None:
                marked[i, j] = True
        return marked

    def known_and_same(self, attribute: str) -> tuple[np.ndarray, np.ndarray]:
        """Where both sides have a value for ``attribute``, and where those values match."""
        values = [getattr(p, attribute) for p in self.mentees + self.mentors]
        codes = _codes(values)
        mentee_codes = codes[: len(self.mentees)][:, None]
        mentor_codes = codes[len(self.mentees) :][None, :]
        known = (mentee_codes >= 0) & (mentor_codes >= 0)
        return known, known & (mentee_codes == mentor_codes)

    @cached_property
    def common_formats(self) -> np.ndarray:
        """Bit masks of the meeting formats both sides accept."""
        return _masks(self.mentees)[:, None] & _masks(self.mentors)[None, :]


def score_table(
    mentees: Sequence[Profile],
    mentors: Sequence[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
    forbidden: Iterable[tuple[int, int]] = (),
) -> ScoreTable:
    """Score every mentee against every mentor; ``forbidden`` holds (mentor, mentee) ids."""
    candidates = _Candidates(list(mentees), list(mentors), settings, managers, history)
    shape = candidates.shape
    fits: dict[Rule, np.ndarray] = {}
    breaks: dict[Rule, np.ndarray] = {}
    for rule in Rule:
        if settings.weight(rule) is Weight.OFF:
            continue
        fit, broken = _RULE_FUNCTIONS[rule](candidates)
        fits[rule] = np.broadcast_to(fit, shape).astype(np.float64)
        breaks[rule] = np.broadcast_to(broken, shape).copy()

    points: dict[Rule, np.ndarray] = {}
    total = np.zeros(shape, dtype=np.int64)
    blocked = np.zeros(shape, dtype=bool)
    for rule, fit in fits.items():
        weight = settings.weight(rule)
        points[rule] = np.floor(fit * weight.points + 0.5).astype(np.int32)
        total += points[rule]
        if weight is Weight.MANDATORY:
            blocked |= breaks[rule]

    forbidden_mask = candidates.mark((mentee_id, mentor_id) for mentor_id, mentee_id in forbidden)
    blocked |= forbidden_mask
    themselves = ((p.person_id, p.person_id) for p in candidates.mentees)
    blocked |= candidates.mark(themselves)  # nobody mentors themselves
    return ScoreTable(
        candidates.mentees,
        candidates.mentors,
        settings,
        points,
        breaks,
        total,
        blocked,
        forbidden_mask,
    )


# Each rule: candidates -> (fit, breaks), arrays that broadcast to (mentees, mentors).


def _skills(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    """Share of the wanted tags the other can teach; in mutual cohorts, both ways together."""
    mentees, mentors = candidates.mentees, candidates.mentors
    mutual = candidates.settings.kind is CohortKind.MUTUAL
    lists = [[p.learns for p in mentees], [p.teaches for p in mentors]]
    if mutual:
        lists += [[p.teaches for p in mentees], [p.learns for p in mentors]]
    vocabulary: dict[str, int] = {}
    for tag_lists in lists:
        for tags in tag_lists:
            for tag in folded_tags(tags):
                vocabulary.setdefault(tag, len(vocabulary))
    matrices = [_tag_matrix(tag_lists, vocabulary) for tag_lists in lists]
    covered = matrices[0] @ matrices[1].T
    wanted = matrices[0].sum(axis=1)[:, None] + np.zeros((1, len(mentors)), dtype=np.float32)
    if mutual:
        covered = covered + matrices[2] @ matrices[3].T
        wanted = wanted + matrices[3].sum(axis=1)[None, :]
    covered = covered.astype(np.float64)
    wanted = wanted.astype(np.float64)
    fit = np.divide(covered, wanted, out=np.zeros_like(covered), where=wanted > 0)
    return fit, covered == 0


def _seniority(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    def column(values: list[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    def hired(profiles: list[Profile]) -> np.ndarray:
        return column([p.hire_date.toordinal() if p.hire_date else None for p in profiles])

    mentees, mentors = candidates.mentees, candidates.mentors
    grade_e = column([p.grade for p in mentees])[:, None]
    grade_m = column([p.grade for p in mentors])[None, :]
    with np.errstate(invalid="ignore"):
        by_grade = np.nan_to_num(np.sign(grade_m - grade_e))  # +1: mentor more senior
        by_tenure = np.nan_to_num(np.sign(hired(mentees)[:, None] - hired(mentors)[None, :]))
    sign = np.where(by_grade != 0, by_grade, by_tenure)  # by_tenure +1: mentor hired earlier
    wanted = 1 if candidates.settings.kind is CohortKind.TRADITIONAL else -1
    return sign == wanted, sign == -wanted


def _reporting_line(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    levels, managers = candidates.settings.reporting_levels, candidates.managers
    in_line = [
        (person.person_id, manager)
        for person in candidates.mentees
        for manager in management_chain(person.person_id, managers, levels)
    ]
    manages = [
        (manager, person.person_id)
        for person in candidates.mentors
        for manager in management_chain(person.person_id, managers, levels)
    ]
    broken = candidates.mark(in_line) | candidates.mark(manages)
    return ~broken, broken


def _department(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    known, same = candidates.known_and_same("department")
    return known & ~same, same


def _masks(profiles: list[Profile]) -> np.ndarray:
    return np.array([format_mask(p.meeting_format) for p in profiles], dtype=np.int64)


def _meeting_format(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    common = candidates.common_formats
    return common != 0, common == 0


def _location(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    """Same place: full marks; elsewhere but able to meet remotely (or unknown): half."""
    known, same = candidates.known_and_same("location")
    remote = (candidates.common_formats & _REMOTE) != 0
    apart = known & ~same & ~remote  # must meet in person, in different places
    fit = np.where(same, 1.0, np.where(apart, 0.0, 0.5))
    return fit, apart


def _history(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    both_ways = [
        pair for first, second in candidates.history for pair in ((first, second), (second, first))
    ]
    broken = candidates.mark(both_ways)
    return ~broken, broken


_RULE_FUNCTIONS = {
    Rule.SKILLS: _skills,
    Rule.SENIORITY: _seniority,
    Rule.REPORTING_LINE: _reporting_line,
    Rule.DEPARTMENT: _department,
    Rule.MEETING_FORMAT: _meeting_format,
    Rule.LOCATION: _location,
    Rule.HISTORY: _history,
}
