"""Scores of every mentee × mentor combination, rule by rule, computed with numpy arrays.

Rows are mentees and columns mentors. For each rule in use the table keeps the integer points
each pair earns and whether the pair breaks the rule. A pair is *blocked* when it breaks a
mandatory rule, is forbidden, or would pair a person with themselves. The explanation reads the
same arrays, so the parts of a score always add up to its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from revmentor_desktop.domain.matching.facts import Profile, history_key
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


def score_table(
    mentees: Sequence[Profile],
    mentors: Sequence[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
    forbidden: Iterable[tuple[int, int]] = (),
) -> ScoreTable:
    """Score every mentee against every mentor; ``forbidden`` holds (mentor, mentee) ids."""
    mentees, mentors = list(mentees), list(mentors)
    shape = (len(mentees), len(mentors))
    fits: dict[Rule, np.ndarray] = {}
    breaks: dict[Rule, np.ndarray] = {}
    for rule in Rule:
        if settings.weight(rule) is Weight.OFF:
            continue
        fit, broken = _RULE_FUNCTIONS[rule](mentees, mentors, settings, managers, history)
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

    mentee_index = {p.person_id: i for i, p in enumerate(mentees)}
    mentor_index = {p.person_id: j for j, p in enumerate(mentors)}
    forbidden_mask = np.zeros(shape, dtype=bool)
    for mentor_id, mentee_id in forbidden:
        if mentee_id in mentee_index and mentor_id in mentor_index:
            forbidden_mask[mentee_index[mentee_id], mentor_index[mentor_id]] = True
    blocked |= forbidden_mask
    for person_id, i in mentee_index.items():  # nobody mentors themselves
        if person_id in mentor_index:
            blocked[i, mentor_index[person_id]] = True
    return ScoreTable(mentees, mentors, settings, points, breaks, total, blocked, forbidden_mask)


# Each rule: (mentees, mentors, settings, managers, history) -> (fit, breaks), arrays that
# broadcast to (mentees, mentors).


def _skills(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    """Share of the wanted tags the other can teach; in mutual cohorts, both ways together."""
    mutual = settings.kind is CohortKind.MUTUAL
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


def _seniority(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    def column(values: list[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    grade_e = column([p.grade for p in mentees])[:, None]
    grade_m = column([p.grade for p in mentors])[None, :]
    hire_e = column([p.hire_date.toordinal() if p.hire_date else None for p in mentees])[:, None]
    hire_m = column([p.hire_date.toordinal() if p.hire_date else None for p in mentors])[None, :]
    with np.errstate(invalid="ignore"):
        by_grade = np.nan_to_num(np.sign(grade_m - grade_e))  # +1: mentor more senior
        by_tenure = np.nan_to_num(np.sign(hire_e - hire_m))  # +1: mentor hired earlier
    sign = np.where(by_grade != 0, by_grade, by_tenure)
    wanted = 1 if settings.kind is CohortKind.TRADITIONAL else -1
    return sign == wanted, sign == -wanted


def _reporting_line(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    shape = (len(mentees), len(mentors))
    broken = np.zeros(shape, dtype=bool)
    mentee_index = {p.person_id: i for i, p in enumerate(mentees)}
    mentor_index = {p.person_id: j for j, p in enumerate(mentors)}
    levels = settings.reporting_levels
    for i, mentee in enumerate(mentees):
        for manager in management_chain(mentee.person_id, managers, levels):
            if manager in mentor_index:
                broken[i, mentor_index[manager]] = True
    for j, mentor in enumerate(mentors):
        for manager in management_chain(mentor.person_id, managers, levels):
            if manager in mentee_index:
                broken[mentee_index[manager], j] = True
    return ~broken, broken


def _department(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    codes = _codes([p.department for p in mentees] + [p.department for p in mentors])
    mentee_codes = codes[: len(mentees)][:, None]
    mentor_codes = codes[len(mentees) :][None, :]
    known = (mentee_codes >= 0) & (mentor_codes >= 0)
    same = known & (mentee_codes == mentor_codes)
    return known & ~same, same


def _masks(profiles: list[Profile]) -> np.ndarray:
    return np.array([format_mask(p.meeting_format) for p in profiles], dtype=np.int64)


def _meeting_format(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    common = _masks(mentees)[:, None] & _masks(mentors)[None, :]
    return common != 0, common == 0


def _location(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    """Same place: full marks; elsewhere but able to meet remotely (or unknown): half."""
    codes = _codes([p.location for p in mentees] + [p.location for p in mentors])
    mentee_codes = codes[: len(mentees)][:, None]
    mentor_codes = codes[len(mentees) :][None, :]
    known = (mentee_codes >= 0) & (mentor_codes >= 0)
    same = known & (mentee_codes == mentor_codes)
    remote = (_masks(mentees)[:, None] & _masks(mentors)[None, :] & _REMOTE) != 0
    apart = known & ~same & ~remote  # must meet in person, in different places
    fit = np.where(same, 1.0, np.where(apart, 0.0, 0.5))
    return fit, apart


def _history(
    mentees: list[Profile],
    mentors: list[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
) -> tuple[np.ndarray, np.ndarray]:
    shape = (len(mentees), len(mentors))
    broken = np.zeros(shape, dtype=bool)
    mentee_index = {p.person_id: i for i, p in enumerate(mentees)}
    mentor_index = {p.person_id: j for j, p in enumerate(mentors)}
    for first, second in history:
        for mentee_id, mentor_id in ((first, second), (second, first)):
            if mentee_id in mentee_index and mentor_id in mentor_index:
                broken[mentee_index[mentee_id], mentor_index[mentor_id]] = True
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


def previously_paired(history: dict[tuple[int, int], str], first: int, second: int) -> str:
    """The cohort in which the two were paired before, or ''."""
    return history.get(history_key(first, second), "")
